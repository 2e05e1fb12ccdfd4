import { describe, expect, it } from "vitest";
import { CompiledGraphBuilder, compilePreset } from "../../src/core/compiled-builder.ts";
import { type CompiledGraph, compileGraph } from "../../src/core/compiled-graph.ts";
import { groups, groupsInto } from "../../src/core/generators/groups.ts";
import { generatePreset, PRESET_IDS, type PresetId } from "../../src/core/generators/presets.ts";
import { publicAccount, publicAccountInto } from "../../src/core/generators/public-account.ts";
import type { GraphSink } from "../../src/core/generators/sink.ts";
import type { SocialGraph } from "../../src/core/generators/types.ts";
import { wattsStrogatz, wattsStrogatzInto } from "../../src/core/generators/watts-strogatz.ts";
import { graphFactsOf } from "../../src/core/graph-facts.ts";
import { createRng } from "../../src/core/random.ts";

/** Every field, typed arrays compared element by element. */
function expectSameCompiled(direct: CompiledGraph, viaGraphology: CompiledGraph): void {
  expect(direct.n).toBe(viaGraphology.n);
  expect(direct.m).toBe(viaGraphology.m);
  expect(direct.ids).toEqual(viaGraphology.ids);
  for (const key of ["offsets", "targets", "inOffsets", "inSources", "audience", "bot"] as const) {
    expect(direct[key].length, key).toBe(viaGraphology[key].length);
    expect(direct[key], key).toEqual(viaGraphology[key]);
  }
}

function bothWays(n: number, generate: (sink: GraphSink) => void, viaGraphology: SocialGraph) {
  const builder = new CompiledGraphBuilder(n);
  generate(builder);
  const direct = builder.finish();
  const compiled = compileGraph(viaGraphology);
  expectSameCompiled(direct.compiled, compiled);
  expect(direct.facts).toEqual(graphFactsOf(viaGraphology, compiled));
  return direct;
}

describe("CompiledGraphBuilder", () => {
  it("keeps the first of repeated links and lays out out- and in-lists in insertion order", () => {
    const builder = new CompiledGraphBuilder(4);
    builder.begin("test");
    for (const [s, t] of [
      [1, 2],
      [0, 3],
      [1, 0],
      [1, 2],
      [0, 1],
      [2, 1],
      [0, 3],
    ]) {
      builder.mergeEdge(s, t);
    }
    expect([...builder.outDegrees()]).toEqual([2, 2, 1, 0]);
    builder.mergeAccount(3, { followers: 7, bot: true, label: "x" });
    const { compiled, facts } = builder.finish();
    expect(compiled.m).toBe(5);
    expect([...compiled.offsets]).toEqual([0, 2, 4, 5, 5]);
    expect([...compiled.targets]).toEqual([3, 1, 2, 0, 1]);
    expect([...compiled.inOffsets]).toEqual([0, 1, 3, 4, 5]);
    // Into 1: from 0 (5th link) before 2 (6th link); into 3: from 0.
    expect([...compiled.inSources]).toEqual([1, 0, 2, 1, 0]);
    expect([...compiled.audience]).toEqual([0, 0, 0, 7]);
    expect([...compiled.bot]).toEqual([0, 0, 0, 1]);
    expect(facts.kind).toBe("test");
    expect([...facts.labels]).toEqual([[3, "x"]]);
    expect(facts.groups).toBeNull();
    expect(facts.community).toBeNull();
  });

  it("crosses chunk boundaries (over a million links) without losing one", () => {
    const n = 1500;
    const builder = new CompiledGraphBuilder(n);
    builder.begin("dense");
    // 1,500 × 800 = 1.2 million links, each once, plus every first link again.
    for (let s = 0; s < n; s++) for (let k = 1; k <= 800; k++) builder.mergeEdge(s, (s + k) % n);
    for (let s = 0; s < n; s++) builder.mergeEdge(s, (s + 1) % n);
    const { compiled } = builder.finish();
    expect(compiled.m).toBe(n * 800);
    expect(compiled.targets[compiled.offsets[1499]]).toBe(0);
    expect(compiled.inOffsets[n]).toBe(n * 800);
    expect(compiled.inSources[compiled.inOffsets[0]]).toBe(700);
  });

  it("reuses the sort of outDegrees() only while no link has been added since", () => {
    const n = 300;
    const links: [number, number][] = [];
    const rng = createRng("stale");
    for (let k = 0; k < 5000; k++) {
      const s = rng.int(n);
      const t = rng.int(n);
      if (s !== t) links.push([s, t]);
    }
    const build = (checkpoints: number[]) => {
      const builder = new CompiledGraphBuilder(n);
      builder.begin("test");
      const degrees: number[][] = [];
      links.forEach(([s, t], k) => {
        if (checkpoints.includes(k)) degrees.push([...builder.outDegrees()]);
        builder.mergeEdge(s, t);
      });
      return { degrees, result: builder.finish() };
    };
    const plain = build([]).result;
    // outDegrees() then links (new ones and repeats) then finish(): a stale sort would lose the later links.
    const stale = build([2000, 4000, links.length - 1]);
    expectSameCompiled(stale.result.compiled, plain.compiled);
    expect(stale.result.facts).toEqual(plain.facts);
    // Each count saw exactly the links before it.
    for (const [i, k] of [2000, 4000, links.length - 1].entries()) {
      const distinct = new Set(links.slice(0, k).map(([s, t]) => s * n + t));
      const expected = new Array(n).fill(0);
      for (const key of distinct) expected[Math.floor(key / n)]++;
      expect(stale.degrees[i]).toEqual(expected);
    }
    // One added link after outDegrees(), then finish(): that link must be in the result.
    const builder = new CompiledGraphBuilder(3);
    builder.begin("test");
    builder.mergeEdge(0, 1);
    expect([...builder.outDegrees()]).toEqual([1, 0, 0]);
    builder.mergeEdge(2, 0);
    const { compiled } = builder.finish();
    expect(compiled.m).toBe(2);
    expect([...compiled.offsets]).toEqual([0, 1, 1, 2]);
    expect([...compiled.targets]).toEqual([1, 0]);
    expect([...compiled.inSources]).toEqual([2, 0]);
  });

  it("refuses a self-loop, as the graphology graph does", () => {
    const builder = new CompiledGraphBuilder(3);
    builder.begin("test");
    expect(() => builder.mergeEdge(2, 2)).toThrow(/self-loop on account 2/);
  });
});

describe("compilePreset gives exactly compileGraph(generatePreset(...))", () => {
  const sizes: Record<PresetId, number> = {
    weibo: 1200,
    moments: 900,
    groups: 400,
    "public-account": 700,
    ba: 1000,
    er: 800,
    ws: 900,
    sbm: 1000,
  };
  it.each(PRESET_IDS.flatMap((preset) => ["a", "b", "c"].map((seed) => [preset, seed] as const)))(
    "%s, seed %s",
    (preset, seed) => {
      const n = sizes[preset];
      const direct = compilePreset(preset, n, createRng(seed).fork("graph"));
      const graph = generatePreset(preset, n, createRng(seed).fork("graph"));
      const compiled = compileGraph(graph);
      expectSameCompiled(direct.compiled, compiled);
      expect(direct.facts).toEqual(graphFactsOf(graph, compiled));
    },
  );

  it("holds where links collide most: heavy rewiring, dense overlapping groups", () => {
    const ws = { n: 40, k: 6, beta: 0.9 };
    bothWays(40, (sink) => wattsStrogatzInto(ws, createRng("w"), sink), wattsStrogatz(ws, createRng("w")));
    const dense = { n: 30, groupsPerAccount: 6, minSize: 3, maxSize: 20, sizeExponent: 1.2 };
    const result = bothWays(
      30,
      (sink) => groupsInto(dense, createRng("g"), sink),
      groups(dense, createRng("g")),
    );
    // Most pairs share a group several times over, so merging must have dropped many repeats.
    expect(result.compiled.m).toBeLessThan(30 * 29);
    const pa = { n: 200, subscribers: 5000, subscribedShare: 0.5 };
    bothWays(200, (sink) => publicAccountInto(pa, createRng("p"), sink), publicAccount(pa, createRng("p")));
  });
});
