/**
 * runBatch with an intervention plan counts, run for run, exactly what the
 * intervention lab's reference loop counts (simulate() with the plan, then
 * evaluateLine): every kind of intervention, both ways of counting views.
 */
import { describe, expect, it } from "vitest";
import { compileInterventions } from "../../src/core/interventions/plan.ts";
import { concatOutcomes, referenceOutcomes, runOutcomes } from "../../src/core/interventions/runs.ts";
import { interventionSetup } from "../../src/core/interventions/setup.ts";
import type { Intervention } from "../../src/core/interventions/types.ts";
import { DEFAULT_RULES } from "../../src/core/legal.ts";
import { createWorkspace } from "../../src/core/models/model.ts";
import { fanGrid, prepareScenarioBatch, runBatch, runScenarioBatch } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO, type Scenario } from "../../src/core/scenario.ts";

const RUNS = 40;

const PLANS: Record<string, Intervention[]> = {
  "delete at 40 min": [{ kind: "delete", when: { time: 2400 } }],
  "delete at 50 reposts": [{ kind: "delete", when: { reposts: 50 } }],
  "suspend two accounts": [{ kind: "suspend", accounts: ["1", "2"] }],
  "suspend the source": [{ kind: "suspend", accounts: ["0"] }],
  "suspend the top 5 by degree": [{ kind: "suspend-top", centrality: "degree", count: 5 }],
  "suspend the next 3 after 20 reposts": [{ kind: "suspend-next", count: 3, afterReposts: 20 }],
  "throttle to 40% from 30 min": [{ kind: "throttle", when: { time: 1800 }, share: 0.4 }],
  "throttle to 50% from 30 reposts": [{ kind: "throttle", when: { reposts: 30 }, share: 0.5 }],
  "label from the start": [{ kind: "label", when: { time: 0 }, factor: 0.5 }],
  "cut links": [
    {
      kind: "cut-links",
      links: [
        ["0", "1"],
        ["0", "2"],
        ["0", "3"],
      ],
    },
  ],
  "counter-message": [{ kind: "counter-message", accounts: ["5"], time: 600, p: 0.3, delayMinutes: 10 }],
  "several at once": [
    { kind: "throttle", when: { time: 1200 }, share: 0.6 },
    { kind: "suspend-next", count: 2, afterReposts: 10 },
    { kind: "delete", when: { time: 4 * 3600 } },
  ],
};

describe("runBatch with an intervention plan", () => {
  for (const countRepeatViews of [true, false]) {
    const scenario: Scenario = {
      ...DEFAULT_SCENARIO,
      nodes: 600,
      source: "0",
      params: { p: 0.12 },
      rules: { ...DEFAULT_RULES, countRepeatViews, thresholds: { reposts: 40, views: 20_000 } },
    };
    const built = buildGraph(scenario);
    const setup = interventionSetup(scenario, built);
    for (const [name, interventions] of Object.entries(PLANS)) {
      it(`${name}, ${countRepeatViews ? "repeat" : "distinct"} views: the same numbers as simulate() and evaluateLine`, () => {
        const plan = compileInterventions(setup.graph, interventions, {
          source: setup.source,
          facts: built.facts,
        });
        const reference = referenceOutcomes(setup, RUNS, plan);
        const batch = runBatch(setup.graph, setup.model, setup.params, setup.rules, {
          seed: setup.seed,
          from: 0,
          to: RUNS,
          source: setup.source,
          horizon: setup.horizon,
          grid: fanGrid(setup.horizon),
          workspace: createWorkspace(),
          intervention: plan,
        });
        expect(Array.from(batch.finalReposts)).toEqual(Array.from(reference.finalReposts));
        expect(Array.from(batch.finalViews)).toEqual(Array.from(reference.finalViews));
        expect(Array.from(batch.repostCrossing)).toEqual(Array.from(reference.repostCrossing));
        expect(Array.from(batch.viewCrossing)).toEqual(Array.from(reference.viewCrossing));
        // A deletion is not the safety cap.
        expect(batch.capped).toBe(0);
        // What the intervention lab runs: the batch core, in two ranges joined.
        const split = Math.floor(RUNS / 3);
        const lab = concatOutcomes([
          runOutcomes(setup, split, plan, 0),
          runOutcomes(setup, RUNS - split, plan, split),
        ]);
        expect(Array.from(lab.finalViews)).toEqual(Array.from(reference.finalViews));
        expect(Array.from(lab.repostCrossing)).toEqual(Array.from(reference.repostCrossing));
      });
    }
  }

  it("a scenario's interventions are in its Monte Carlo batch (app, pool and CLI)", () => {
    const interventions: Intervention[] = [{ kind: "delete", when: { time: 3600 } }];
    const scenario: Scenario = {
      ...DEFAULT_SCENARIO,
      nodes: 600,
      source: "0",
      params: { p: 0.12 },
      interventions,
    };
    const built = buildGraph(scenario);
    const batch = prepareScenarioBatch(scenario, built);
    expect(batch.intervention).toBeDefined();
    const setup = interventionSetup(scenario, built);
    const plan = compileInterventions(setup.graph, interventions, {
      source: setup.source,
      facts: built.facts,
    });
    const reference = referenceOutcomes(setup, RUNS, plan);
    const partial = runScenarioBatch(batch, 0, RUNS);
    expect(Array.from(partial.finalReposts)).toEqual(Array.from(reference.finalReposts));
    expect(prepareScenarioBatch({ ...scenario, interventions: [] }, built).intervention).toBeUndefined();
  });

  it("counter-messages on one workspace: graphs of two sizes, plans in turn, the same as fresh buffers", () => {
    // The corrections' buffers are stamped and live in the workspace: nothing of one run may leak into the next.
    const cases = [600, 250, 600].map((nodes, k) => {
      const scenario: Scenario = {
        ...DEFAULT_SCENARIO,
        nodes,
        seed: `counter-${k}`,
        source: "0",
        params: { p: 0.12 },
      };
      const setup = interventionSetup(scenario, buildGraph(scenario));
      const plan = compileInterventions(
        setup.graph,
        [
          { kind: "counter-message", accounts: ["5", "9"], time: 600, p: 0.3, delayMinutes: 10 },
          { kind: "counter-message", accounts: ["12"], time: 0, p: 0.2, delayMinutes: 30 },
        ],
        { source: setup.source },
      );
      return { setup, plan };
    });
    const batch = ({ setup, plan }: (typeof cases)[number], workspace = createWorkspace()) =>
      runBatch(setup.graph, setup.model, setup.params, setup.rules, {
        seed: setup.seed,
        from: 0,
        to: RUNS,
        source: setup.source,
        horizon: setup.horizon,
        grid: fanGrid(setup.horizon),
        workspace,
        intervention: plan,
      });
    const shared = createWorkspace();
    for (const item of [...cases, ...cases]) {
      const fresh = batch(item);
      const reused = batch(item, shared);
      expect(Array.from(reused.finalReposts)).toEqual(Array.from(fresh.finalReposts));
      expect(Array.from(reused.finalViews)).toEqual(Array.from(fresh.finalViews));
      expect(Array.from(reused.repostCrossing)).toEqual(Array.from(fresh.repostCrossing));
      const reference = referenceOutcomes(item.setup, RUNS, item.plan);
      expect(Array.from(reused.finalViews)).toEqual(Array.from(reference.finalViews));
    }
    // The corrections do act here, so the comparison above is not empty.
    const without = runBatch(
      cases[0].setup.graph,
      cases[0].setup.model,
      cases[0].setup.params,
      cases[0].setup.rules,
      {
        seed: cases[0].setup.seed,
        from: 0,
        to: RUNS,
        source: cases[0].setup.source,
        horizon: cases[0].setup.horizon,
        grid: fanGrid(cases[0].setup.horizon),
      },
    );
    const total = (values: Uint32Array) => values.reduce((a, b) => a + b, 0);
    expect(total(batch(cases[0]).finalReposts)).toBeLessThan(total(without.finalReposts));
  });

  it("changes something: the plan is really applied", () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, nodes: 600, source: "0", params: { p: 0.12 } };
    const built = buildGraph(scenario);
    const setup = interventionSetup(scenario, built);
    const options = {
      seed: setup.seed,
      from: 0,
      to: RUNS,
      source: setup.source,
      horizon: setup.horizon,
      grid: fanGrid(setup.horizon),
    };
    const plan = compileInterventions(setup.graph, [{ kind: "delete", when: { time: 1800 } }], {
      source: setup.source,
    });
    const without = runBatch(setup.graph, setup.model, setup.params, setup.rules, options);
    const withPlan = runBatch(setup.graph, setup.model, setup.params, setup.rules, {
      ...options,
      intervention: plan,
    });
    const total = (values: Uint32Array) => values.reduce((a, b) => a + b, 0);
    expect(total(withPlan.finalReposts)).toBeLessThan(total(without.finalReposts));
  });
});
