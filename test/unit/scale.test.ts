/**
 * Large graphs end to end in Node: built straight into typed arrays, then a
 * cascade. 200,000 accounts always; the full 1,000,000 with SCALE_1M=1
 * (about 5 s to build on the project machine, 2 shared cores).
 */
import { describe, expect, it } from "vitest";
import { compiledBytes } from "../../src/core/compiled-graph.ts";
import {
  centralityScores,
  compareCentralities,
  interventionSetup,
} from "../../src/core/interventions/index.ts";
import { buildGraph, DEFAULT_SCENARIO, runScenario } from "../../src/core/scenario.ts";

const sizes = process.env.SCALE_1M === "1" ? [200_000, 1_000_000] : [200_000];

describe.each(sizes)("a %i-account Weibo preset", (nodes) => {
  const scenario = { ...DEFAULT_SCENARIO, nodes };
  const built = buildGraph(scenario);

  it("has every account, about 9.7 links each, in under 100 bytes per account", () => {
    const { compiled } = built;
    expect(compiled.n).toBe(nodes);
    expect(compiled.ids[nodes - 1]).toBe(String(nodes - 1));
    // 8 follows + 20% follow back, minus the first accounts' cliques, plus 5% of everyone following each big V.
    expect(compiled.m / nodes).toBeGreaterThan(9.5);
    expect(compiled.m / nodes).toBeLessThan(10);
    expect(compiled.offsets[nodes]).toBe(compiled.m);
    expect(compiled.inOffsets[nodes]).toBe(compiled.m);
    // 8 bytes per link (out and in) + 17 per account: about 95 bytes per account.
    expect(compiledBytes(compiled)).toBeLessThan(100 * nodes);
    // The first big V is followed by about 5% of everyone.
    const bigV = compiled.offsets[1] - compiled.offsets[0];
    expect(bigV / nodes).toBeGreaterThan(0.045);
    expect(built.facts.labels.get(0)).toBe("big V 1");
  });

  it("runs a cascade on it from an ordinary account", () => {
    const run = runScenario(scenario, built);
    expect(built.facts.labels.has(Number(run.source))).toBe(false);
    expect(run.cascade.events[0].account).toBe(run.source);
    expect(run.cascade.events.length).toBeGreaterThan(1);
    expect(run.report.reposts).toBeGreaterThan(0);
    expect(run.report.views).toBeGreaterThan(0);
  });

  it("ranks accounts by degree and k-core, and leaves out what it is too large for", () => {
    const setup = interventionSetup(scenario, built);
    expect(() => centralityScores(built.compiled, "betweenness")).toThrow(
      /^centrality: betweenness needs a graph of at most 100,000 accounts; this one has [\d,]+\. Use one of degree, out-degree, (pagerank, )?k-core, audience\.$/,
    );
    const rows = compareCentralities(setup, { runs: 2, count: 3, centralities: ["degree", "k-core"] });
    expect(rows.map((r) => r.label)).toEqual(["no intervention", "top 3 by degree", "top 3 by k-core"]);
  });
});
