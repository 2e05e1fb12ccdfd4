/**
 * The models against known results: branching-process thresholds for the
 * Independent Cascade, Sudbury's limit for Maki–Thompson, 1 / (1 - n*) for
 * a subcritical Hawkes process. Tolerances are four standard errors.
 */
import { describe, expect, it } from "vitest";
import type { CompiledGraph } from "../../src/core/compiled-graph.ts";
import { DEFAULT_RULES } from "../../src/core/legal.ts";
import { hawkes } from "../../src/core/models/hawkes.ts";
import { independentCascade } from "../../src/core/models/independent-cascade.ts";
import { createWorkspace, validateParams } from "../../src/core/models/model.ts";
import { rumour } from "../../src/core/models/rumour.ts";
import { defaultGrid, runBatch } from "../../src/core/monte-carlo.ts";
import { createRng, type Rng } from "../../src/core/random.ts";
import { simulate } from "../../src/core/simulate.ts";
import { compiledFromFollowers, completeGraph, randomOutRegular } from "./compiled-graphs.ts";

/** G(n, c / n) with mutual links, straight into typed arrays. */
function erdosRenyiMutual(n: number, meanDegree: number, rng: Rng): CompiledGraph {
  const friends: number[][] = Array.from({ length: n }, () => []);
  const p = meanDegree / (n - 1);
  // Batagelj–Brandes skipping over the pairs (v, w), w < v.
  let v = 1;
  let w = -1;
  const logMiss = Math.log1p(-p);
  while (v < n) {
    w += 1 + Math.floor(Math.log(rng.nextOpen()) / logMiss);
    while (w >= v && v < n) {
      w -= v;
      v++;
    }
    if (v < n) {
      friends[v].push(w);
      friends[w].push(v);
    }
  }
  return compiledFromFollowers(friends);
}

function meanAndError(values: number[]): { mean: number; error: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, error: Math.sqrt(variance / values.length) };
}

describe("Independent Cascade on a large Erdős–Rényi graph", () => {
  const n = 5000;
  const meanDegree = 10;
  const graph = erdosRenyiMutual(n, meanDegree, createRng("er-graph"));
  const largeShare = (p: number, runs: number) => {
    const params = validateParams(independentCascade, { p, botP: p, delaySpread: 0.5, delayMinutes: 1 });
    const rng = createRng(`er-${p}`);
    const workspace = createWorkspace();
    let large = 0;
    for (let r = 0; r < runs; r++) {
      const run = rng.fork(r);
      const source = run.fork("source").int(n);
      const size = simulate(graph, independentCascade, params, run, {
        source,
        horizon: Number.POSITIVE_INFINITY,
        workspace,
      }).events.length;
      if (size > n / 20) large++;
    }
    return large / runs;
  };

  it("has no large cascades below the threshold p x mean degree = 1", () => {
    expect(largeShare(0.05, 400)).toBe(0);
  });

  it("has large cascades with the survival probability S = 1 - exp(-p c S) above it", () => {
    const p = 0.2;
    const lambda = p * meanDegree;
    let survival = 0.5;
    for (let i = 0; i < 200; i++) survival = 1 - Math.exp(-lambda * survival);
    expect(survival).toBeCloseTo(0.7968, 3);
    const runs = 600;
    const share = largeShare(p, runs);
    expect(Math.abs(share - survival)).toBeLessThan(4 * Math.sqrt((survival * (1 - survival)) / runs));
  });
});

describe("Maki–Thompson rumour on a complete graph", () => {
  it("leaves a share of about 0.2032 who never hear it (Sudbury 1985)", () => {
    let theta = 0.5;
    for (let i = 0; i < 200; i++) theta = Math.exp(-2 * (1 - theta));
    expect(theta).toBeCloseTo(0.2032, 4);
    const n = 2000;
    const graph = completeGraph(n);
    const params = validateParams(rumour, { contactsPerHour: 1 });
    const partial = runBatch(
      graph,
      rumour,
      params,
      { ...DEFAULT_RULES, thresholds: { reposts: 1, views: 1 } },
      {
        seed: "sudbury",
        from: 0,
        to: 200,
        source: 0,
        horizon: Number.POSITIVE_INFINITY,
        grid: defaultGrid(3600, 2),
      },
    );
    const ignorant = Array.from(partial.finalReposts, (reposts) => (n - 1 - reposts) / n);
    const { mean, error } = meanAndError(ignorant);
    // Finite-size bias is O(1/n); allow it on top of the Monte Carlo error.
    expect(Math.abs(mean - theta)).toBeLessThan(4 * error + 2 / n);
  });
});

describe("Hawkes with branching factor below 1", () => {
  // Equal audiences and many followers each: the branching factor is n* and collisions are negligible.
  const graph = randomOutRegular(20_000, 100, createRng("hawkes-graph"));

  it.each([0.5, 0.75])("has mean cascade size 1 / (1 - n*) for n* = %s", (branching) => {
    const params = validateParams(hawkes, { branching, kernelMinutes: 5, memoryExponent: 0.242 });
    const rng = createRng(`hawkes-${branching}`);
    const workspace = createWorkspace();
    const sizes: number[] = [];
    for (let r = 0; r < 20_000; r++) {
      sizes.push(
        simulate(graph, hawkes, params, rng.fork(r), {
          source: r % graph.n,
          horizon: Number.POSITIVE_INFINITY,
          workspace,
        }).events.length,
      );
    }
    const { mean, error } = meanAndError(sizes);
    expect(Math.abs(mean - 1 / (1 - branching))).toBeLessThan(4 * error);
  });

  it("spreads children over the power-law kernel: a share theta / (1 + theta) within the fresh period", () => {
    const theta = 0.5;
    const params = validateParams(hawkes, { branching: 0.9, kernelMinutes: 10, memoryExponent: theta });
    const rng = createRng("kernel");
    let early = 0;
    let total = 0;
    for (let r = 0; r < 2500; r++) {
      const { events } = simulate(graph, hawkes, params, rng.fork(r), {
        source: r % graph.n,
        horizon: Number.POSITIVE_INFINITY,
      });
      for (const event of events) {
        if (event.depth !== 1) continue;
        total++;
        if (event.time <= 600) early++;
      }
    }
    const expected = theta / (1 + theta);
    expect(total).toBeGreaterThan(1500);
    expect(Math.abs(early / total - expected)).toBeLessThan(
      4 * Math.sqrt((expected * (1 - expected)) / total),
    );
  });
});
