/**
 * The conformance suite every registered cascade model must pass (in the
 * spirit of graphology's `specs`): determinism, silence, structure.
 */
import { describe, expect, it } from "vitest";
import type { Cascade } from "../../src/core/cascade.ts";
import { type CompiledGraph, compileGraph } from "../../src/core/compiled-graph.ts";
import { generatePreset, PRESET_IDS } from "../../src/core/generators/presets.ts";
import { MODELS } from "../../src/core/models/index.ts";
import { type CascadeModel, ParamError, type Params, validateParams } from "../../src/core/models/model.ts";
import { createRng } from "../../src/core/random.ts";
import { simulate } from "../../src/core/simulate.ts";

/** Parameters under which nothing spreads; every model must declare its own here. */
const SILENT: Record<string, Params> = {
  ic: { p: 0, botP: 0 },
  lt: { attention: 0 },
  rumour: { contactsPerHour: 0 },
  hawkes: { branching: 0 },
};

/** Parameters under which each model spreads well on the test graph. */
const LIVELY: Record<string, Params> = {
  ic: { p: 0.3 },
  lt: { thresholdMax: 0.3 },
  rumour: { contactsPerHour: 4 },
  hawkes: { branching: 0.95 },
};

const weibo = generatePreset("weibo", 600, createRng("conformance").fork("graph"));
const graph: CompiledGraph = compileGraph(weibo);
const hasEdge = (from: string, to: string) => weibo.hasDirectedEdge(from, to);

function run(model: CascadeModel, params: Params, seed: string, source = 10): Cascade {
  return simulate(graph, model, validateParams(model, params, "weibo"), createRng(seed), {
    source,
    horizon: 72 * 3600,
  });
}

describe.each(Object.values(MODELS))("model $id", (model) => {
  it("declares silent and lively test parameters", () => {
    expect(SILENT[model.id]).toBeDefined();
    expect(LIVELY[model.id]).toBeDefined();
  });

  it("is the same for the same seed and differs for another", () => {
    const a = run(model, LIVELY[model.id], "s1");
    expect(run(model, LIVELY[model.id], "s1")).toEqual(a);
    expect(run(model, LIVELY[model.id], "s2").events).not.toEqual(a.events);
  });

  it("gives only the source when nothing can spread", () => {
    for (const seed of ["a", "b", "c"]) {
      const cascade = run(model, SILENT[model.id], seed);
      expect(cascade.events).toHaveLength(1);
      expect(cascade.events[0]).toMatchObject({ account: graph.ids[10], parent: -1, time: 0, depth: 0 });
    }
  });

  it("spreads only along follower links, later than the parent, one generation deeper, once per account", () => {
    let reposts = 0;
    for (const seed of ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8"]) {
      const { events } = run(model, LIVELY[model.id], seed);
      reposts += events.length - 1;
      const seen = new Set<string>();
      for (let i = 0; i < events.length; i++) {
        const event = events[i];
        expect(seen.has(event.account)).toBe(false);
        seen.add(event.account);
        if (i === 0) continue;
        const parent = events[event.parent];
        expect(event.parent).toBeLessThan(i);
        expect(hasEdge(parent.account, event.account)).toBe(true);
        expect(event.time).toBeGreaterThan(parent.time);
        expect(event.depth).toBe(parent.depth + 1);
        // Recorded in counting order: the Monte Carlo summary relies on it.
        expect(event.time).toBeGreaterThanOrEqual(events[i - 1].time);
      }
    }
    // Otherwise the checks above would hold vacuously.
    expect(reposts).toBeGreaterThan(20);
  });

  it("stops at the horizon", () => {
    const cascade = simulate(graph, model, validateParams(model, LIVELY[model.id], "weibo"), createRng("h"), {
      source: 10,
      horizon: 3600,
    });
    for (const event of cascade.events) expect(event.time).toBeLessThanOrEqual(3600);
  });

  it.each(PRESET_IDS)("has defaults in range for preset %s", (preset) => {
    const defaults = model.defaults(preset);
    expect(validateParams(model, defaults, preset)).toEqual(defaults);
    expect(Object.keys(defaults).sort()).toEqual(model.params.map((s) => s.key).sort());
  });

  it("refuses each parameter out of range with the allowed range", () => {
    for (const spec of model.params) {
      const tooHigh = spec.max + 1;
      expect(() => validateParams(model, { [spec.key]: tooHigh })).toThrow(ParamError);
      expect(() => validateParams(model, { [spec.key]: spec.min - 1 })).toThrow(
        /Should be a (whole )?number/,
      );
    }
  });
});
