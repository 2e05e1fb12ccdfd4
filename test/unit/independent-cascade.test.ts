import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { compileGraph } from "../../src/core/compiled-graph.ts";
import type { AccountAttributes, GraphAttributes, SocialGraph } from "../../src/core/generators/types.ts";
import { evaluateLine } from "../../src/core/legal.ts";
import { independentCascade } from "../../src/core/models/independent-cascade.ts";
import { validateParams } from "../../src/core/models/model.ts";
import { createRng } from "../../src/core/random.ts";
import { simulate } from "../../src/core/simulate.ts";

function graphFrom(edges: Array<[number, number]>, n: number, followers = 10): SocialGraph {
  const g = new DirectedGraph<AccountAttributes, Record<string, never>, GraphAttributes>();
  for (let i = 0; i < n; i++) g.addNode(String(i), { followers, bot: false });
  for (const [s, t] of edges) g.addEdge(String(s), String(t));
  return g;
}

/** A star: account 0 followed by n - 1 leaves. */
const star = (n: number) =>
  graphFrom(
    Array.from({ length: n - 1 }, (_, i) => [0, i + 1] as [number, number]),
    n,
  );

/** A complete binary tree of the given depth, edges from parent to child. */
function binaryTree(depth: number): SocialGraph {
  const n = 2 ** (depth + 1) - 1;
  const edges: Array<[number, number]> = [];
  for (let i = 1; i < n; i++) edges.push([(i - 1) >> 1, i]);
  return graphFrom(edges, n);
}

const params = (p: number, extra = {}) =>
  validateParams(independentCascade, { p, delaySpread: 0, delayMinutes: 1, ...extra });

describe("Independent Cascade", () => {
  it("on a star gives followers x p reposts on average", () => {
    const graph = compileGraph(star(201));
    const runs = 2000;
    let total = 0;
    const rng = createRng("star");
    for (let r = 0; r < runs; r++)
      total += simulate(graph, independentCascade, params(0.3), rng.fork(r), { source: 0 }).events.length - 1;
    const mean = total / runs;
    // Binomial(200, 0.3): mean 60, sd of the mean sqrt(200*0.3*0.7/2000) ≈ 0.145.
    expect(Math.abs(mean - 60)).toBeLessThan(4 * 0.145);
  });

  it("on a binary tree gives sum over generations of (2p)^k", () => {
    const depth = 8;
    const graph = compileGraph(binaryTree(depth));
    const p = 0.6;
    let expected = 0;
    for (let k = 1; k <= depth; k++) expected += (2 * p) ** k;
    const runs = 3000;
    let total = 0;
    let totalSquares = 0;
    const rng = createRng("tree");
    for (let r = 0; r < runs; r++) {
      const size =
        simulate(graph, independentCascade, params(p), rng.fork(r), { source: 0 }).events.length - 1;
      total += size;
      totalSquares += size * size;
    }
    const mean = total / runs;
    const sd = Math.sqrt(totalSquares / runs - mean * mean);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(runs));
  });

  it("with fixed delays puts generation k at exactly k delays", () => {
    const graph = compileGraph(binaryTree(5));
    const cascade = simulate(graph, independentCascade, params(1, { delayMinutes: 2 }), createRng(1), {
      source: 0,
    });
    expect(cascade.events).toHaveLength(63);
    for (const event of cascade.events) expect(event.time).toBe(event.depth * 120);
    // 62 reposts at depths 1..5; with a threshold of 30 the 30th in time order is at depth 4 (2+4+8+16 = 30).
    const report = evaluateLine(cascade, {
      thresholds: { reposts: 30, views: 1e9 },
      repostScope: "tree",
      viewScope: "all",
      viewRate: 1,
      countRepeatViews: true,
      countBots: true,
    });
    expect(report.crossing.reposts).toMatchObject({ time: 480, depth: 4 });
  });

  it("with p = 0 gives only the source, with p = 1 reaches everyone reachable", () => {
    const graph = compileGraph(binaryTree(4));
    expect(simulate(graph, independentCascade, params(0), createRng(2), { source: 0 }).events).toHaveLength(
      1,
    );
    expect(simulate(graph, independentCascade, params(1), createRng(2), { source: 1 }).events).toHaveLength(
      15,
    );
  });

  it("is the same for the same seed", () => {
    const graph = compileGraph(binaryTree(8));
    const a = simulate(graph, independentCascade, params(0.6, { delaySpread: 1 }), createRng("s"), {
      source: 0,
    });
    const b = simulate(graph, independentCascade, params(0.6, { delaySpread: 1 }), createRng("s"), {
      source: 0,
    });
    expect(a).toEqual(b);
  });

  it("refuses p outside 0..1 with the range", () => {
    expect(() => validateParams(independentCascade, { p: 1.2 })).toThrow("Should be a number from 0 to 1");
    expect(() => validateParams(independentCascade, { q: 1 })).toThrow(/unknown parameter 'q'/);
  });
});
