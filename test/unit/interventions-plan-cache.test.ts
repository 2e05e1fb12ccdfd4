/**
 * Workers get a fresh copy of the scenario with every message; the plan cache
 * compiles its interventions once while the graph, source and interventions
 * stay the same, and the runs made with the cached plan are the same runs.
 */
import { describe, expect, it } from "vitest";
import { compileInterventions, PlanCache } from "../../src/core/interventions/plan.ts";
import type { Intervention } from "../../src/core/interventions/types.ts";
import { prepareScenarioBatch, runScenarioBatch } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO, runScenario, type Scenario } from "../../src/core/scenario.ts";

const interventions: Intervention[] = [
  { kind: "suspend-top", centrality: "degree", count: 5 },
  { kind: "cut-links", links: [["0", "1"]] },
  { kind: "counter-message", accounts: ["5"], time: 600, p: 0.3, delayMinutes: 10 },
];
const scenario: Scenario = {
  ...DEFAULT_SCENARIO,
  nodes: 400,
  source: "0",
  params: { p: 0.12 },
  interventions,
};

describe("PlanCache", () => {
  const built = buildGraph(scenario);
  const context = { source: 0, facts: built.facts };

  it("compiles equal interventions once, and again when anything it depends on changes", () => {
    const plans = new PlanCache();
    const plan = plans.compile(built.compiled, interventions, context);
    expect(plan).toEqual(compileInterventions(built.compiled, interventions, context));
    // A structured clone, as a worker receives it.
    expect(plans.compile(built.compiled, structuredClone(interventions), { ...context })).toBe(plan);
    const fewer = plans.compile(built.compiled, interventions.slice(0, 1), context);
    expect(fewer).not.toBe(plan);
    expect(fewer.removedEdges).toBeNull();
    expect(plans.compile(built.compiled, interventions.slice(0, 1), { ...context, source: 3 })).not.toBe(
      fewer,
    );
    const other = buildGraph({ ...scenario, seed: "other" });
    const onOther = plans.compile(other.compiled, interventions, { source: 0, facts: other.facts });
    expect(onOther.graph.cutFrom).toBe(other.compiled);
  });

  it("a failed compile neither answers later requests nor costs the plan it had", () => {
    const plans = new PlanCache();
    const good = plans.compile(built.compiled, interventions, context);
    const bad: Intervention[] = [{ kind: "suspend", accounts: ["nobody"] }];
    expect(() => plans.compile(built.compiled, bad, context)).toThrow(/nobody/);
    expect(() => plans.compile(built.compiled, bad, context)).toThrow(/nobody/);
    expect(plans.compile(built.compiled, structuredClone(interventions), context)).toBe(good);
  });

  it("runs with a cached plan are the runs without the cache", () => {
    const plans = new PlanCache();
    for (let k = 0; k < 2; k++) {
      const cachedBatch = prepareScenarioBatch(structuredClone(scenario), built, undefined, plans);
      const freshBatch = prepareScenarioBatch(scenario, built);
      expect(Array.from(runScenarioBatch(cachedBatch, 0, 30).finalViews)).toEqual(
        Array.from(runScenarioBatch(freshBatch, 0, 30).finalViews),
      );
      expect(runScenario(structuredClone(scenario), built, plans)).toEqual(runScenario(scenario, built));
    }
  });
});
