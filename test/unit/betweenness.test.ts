/**
 * Brandes on the compiled arrays against graphology-metrics' betweenness (the implementation it
 * replaced, kept here as the reference): same scores, same ranking, same top-k, ties included.
 */
import { describe, expect, it } from "vitest";
import { graphologyBetweenness as reference } from "../../bench/graphology-betweenness.ts";
import {
  BETWEENNESS_EDGE_BUDGET,
  betweennessSourceCount,
  followsBetweenness,
  MIN_BETWEENNESS_SOURCES,
  sampleSources,
} from "../../src/core/betweenness.ts";
import { compilePreset } from "../../src/core/compiled-builder.ts";
import { type CompiledGraph, compileGraph } from "../../src/core/compiled-graph.ts";
import { PRESET_IDS } from "../../src/core/generators/presets.ts";
import { rankAccounts, topAccounts } from "../../src/core/interventions/centrality.ts";
import { createRng } from "../../src/core/random.ts";
import { compiledFromFollowers } from "./compiled-graphs.ts";
import { binaryTree, mutualStar, star } from "./intervention-graphs.ts";

/** The ranking rule of rankAccounts, applied to given scores. */
function rankBy(graph: CompiledGraph, scores: Float64Array): number[] {
  return Array.from({ length: graph.n }, (_, i) => i).sort(
    (a, b) => scores[b] - scores[a] || graph.audience[b] - graph.audience[a] || a - b,
  );
}

function expectSameAsReference(graph: CompiledGraph): void {
  const expected = reference(graph);
  const actual = followsBetweenness(graph);
  for (let u = 0; u < graph.n; u++) {
    const tolerance = 1e-9 * Math.max(Math.abs(expected[u]), Number.MIN_VALUE);
    expect(Math.abs(actual[u] - expected[u]), `account ${u}`).toBeLessThanOrEqual(tolerance);
  }
  const order = rankBy(graph, expected);
  expect(Array.from(rankAccounts(graph, "betweenness"))).toEqual(order);
  const exclude = new Set([order[0], order[3]].filter((u) => u !== undefined));
  expect(topAccounts(graph, "betweenness", 5, exclude)).toEqual(
    order.filter((u) => !exclude.has(u)).slice(0, 5),
  );
}

/** followers[i]: the accounts that see i's posts, so the "follows" edges run from them to i. */
const fromFollowers = (followers: number[][], audience?: number[]) => {
  const graph = compiledFromFollowers(followers.map((list) => Uint32Array.from(list)));
  if (audience) graph.audience.set(audience);
  return graph;
};

describe("betweenness on the compiled arrays (Brandes 2001)", () => {
  it("a directed path: the inner accounts carry every longer path", () => {
    // 4 follows 3 follows 2 follows 1 follows 0: follows-paths run 4 -> 3 -> 2 -> 1 -> 0.
    const path = fromFollowers([[1], [2], [3], [4], []]);
    expectSameAsReference(path);
    // Account 2 sits on 4->1, 4->0, 3->1, 3->0: 4 of (5-1)(5-2) = 12 ordered pairs.
    expect(followsBetweenness(path)[2]).toBeCloseTo(4 / 12, 15);
  });

  it("stars one way and both ways, and a binary tree", () => {
    expectSameAsReference(compileGraph(star(12)));
    expectSameAsReference(compileGraph(mutualStar(12)));
    expectSameAsReference(compileGraph(binaryTree(5)));
  });

  it("a directed cycle ties everyone exactly; audience, then index, breaks the tie", () => {
    const n = 9;
    const cycle = fromFollowers(
      Array.from({ length: n }, (_, i) => [(i + 1) % n]),
      [3, 1, 4, 1, 5, 9, 2, 6, 5],
    );
    const scores = followsBetweenness(cycle);
    expect(new Set(scores).size).toBe(1);
    expectSameAsReference(cycle);
    expect(topAccounts(cycle, "betweenness", 4)).toEqual([5, 7, 4, 8]);
  });

  it("two equal shortest routes split the credit; repeated links and self-links count once", () => {
    // 3 follows 1 and 2, both follow 0; the repeats and 1 following itself change nothing.
    const diamond = fromFollowers([[1, 2, 1], [3, 1], [3, 3], []]);
    expectSameAsReference(diamond);
    const scores = followsBetweenness(diamond);
    expect(scores[1]).toBe(scores[2]);
    expect(scores[1]).toBeCloseTo(0.5 / 6, 15);
  });

  it("graphs of one and two accounts are not rescaled", () => {
    expectSameAsReference(fromFollowers([[]]));
    expectSameAsReference(fromFollowers([[1], [0]]));
  });

  for (const preset of PRESET_IDS) {
    it(`${preset}, 300 accounts: same scores, ranking and top 5 as graphology-metrics`, () => {
      const { compiled } = compilePreset(preset, 300, createRng("betweenness").fork("graph"));
      expectSameAsReference(compiled);
    });
  }
});

describe("betweenness from sampled sources (Brandes and Pich 2007)", () => {
  it("searches from every account while that fits the budget, else from a sample that does", () => {
    expect(betweennessSourceCount(2_000, 20_000)).toBe(2_000);
    // 5,000 accounts, 50,000 links: 2.5e8 link visits, within the budget.
    expect(betweennessSourceCount(5_000, 50_000)).toBe(5_000);
    // A sample that would need half the accounts anyway is not worth its noise.
    expect(betweennessSourceCount(7_000, 78_000)).toBe(7_000);
    expect(betweennessSourceCount(8_000, 78_000)).toBe(3_847);
    expect(betweennessSourceCount(20_000, 200_000)).toBe(Math.ceil(BETWEENNESS_EDGE_BUDGET / 200_000));
    expect(betweennessSourceCount(200_000, 3_000_000)).toBe(MIN_BETWEENNESS_SOURCES);
  });

  it("draws distinct sources in ascending order, the same for the same seed", () => {
    const a = sampleSources(1_000, 300, createRng("s"));
    expect(a).toHaveLength(300);
    expect(new Set(a).size).toBe(300);
    expect(Array.from(a)).toEqual(Array.from(a).sort((x, y) => x - y));
    expect(a.every((v) => v >= 0 && v < 1_000)).toBe(true);
    expect(sampleSources(1_000, 300, createRng("s"))).toEqual(a);
    expect(sampleSources(1_000, 300, createRng("t"))).not.toEqual(a);
    expect(Array.from(sampleSources(5, 9, createRng("s")))).toEqual([0, 1, 2, 3, 4]);
  });

  it("from every account, the scaled sum is the exact score", () => {
    const { compiled } = compilePreset("weibo", 300, createRng("sampled").fork("graph"));
    const exact = followsBetweenness(compiled);
    const all = followsBetweenness(
      compiled,
      Int32Array.from({ length: compiled.n }, (_, i) => i),
    );
    for (let u = 0; u < compiled.n; u++) expect(all[u]).toBeCloseTo(exact[u], 12);
  });

  it("is unbiased: averaged over many samples it approaches the exact scores", () => {
    const graph = compileGraph(binaryTree(5));
    const exact = followsBetweenness(graph);
    const mean = new Float64Array(graph.n);
    const samples = 2_000;
    for (let r = 0; r < samples; r++) {
      const estimate = followsBetweenness(graph, sampleSources(graph.n, 8, createRng("unbiased").fork(r)));
      for (let u = 0; u < graph.n; u++) mean[u] += estimate[u] / samples;
    }
    const largest = Math.max(...exact);
    expect(largest).toBeGreaterThan(0);
    for (let u = 0; u < graph.n; u++) expect(Math.abs(mean[u] - exact[u])).toBeLessThan(0.05 * largest);
  });

  it("a few hundred sources find the same top 10 accounts as the exact scores", () => {
    const { compiled } = compilePreset("weibo", 3_000, createRng("top").fork("graph"));
    const top = (scores: Float64Array) => rankBy(compiled, scores).slice(0, 10);
    const exact = new Set(top(followsBetweenness(compiled)));
    const sampled = top(followsBetweenness(compiled, sampleSources(compiled.n, 256, createRng("top"))));
    expect(sampled.filter((u) => exact.has(u)).length).toBeGreaterThanOrEqual(9);
  });
});
