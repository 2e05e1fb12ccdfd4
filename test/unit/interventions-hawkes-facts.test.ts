/**
 * An intervention that never acts must not change a run. Hawkes scales every
 * account's pull by the graph's median audience; cutting a link lowers the
 * poster's audience, so if the model took the median of the cut copy, a cut
 * far from the cascade would still rescale every account.
 */
import { describe, expect, it } from "vitest";
import { compileGraph } from "../../src/core/compiled-graph.ts";
import { compileInterventions, simulateRun } from "../../src/core/interventions/index.ts";
import type { InterventionSetup } from "../../src/core/interventions/runs.ts";
import type { Intervention } from "../../src/core/interventions/types.ts";
import { DEFAULT_RULES } from "../../src/core/legal.ts";
import { hawkes } from "../../src/core/models/hawkes.ts";
import { createWorkspace, validateParams } from "../../src/core/models/model.ts";
import { defaultGrid, runBatch } from "../../src/core/monte-carlo.ts";
import { graphFrom } from "./intervention-graphs.ts";

/**
 * Source 0 followed by 1..12, each followed by one of 13..24; apart from them
 * account 25 is followed by 26 only, and nobody reaches 25. Its audience (25)
 * is the median, so cutting 25 -> 26 moves the median to 24.
 */
function graph() {
  const edges: Array<[number, number]> = [];
  for (let i = 1; i <= 12; i++) edges.push([0, i], [i, i + 12]);
  edges.push([25, 26]);
  const social = graphFrom(edges, 27);
  const followers = (i: number) => (i === 0 ? 200 : i <= 12 ? 30 : i <= 24 ? 10 : i === 25 ? 25 : 20);
  for (let i = 0; i < 27; i++) social.setNodeAttribute(String(i), "followers", followers(i));
  return compileGraph(social);
}

describe("Hawkes with an intervention that never acts", () => {
  const setup: InterventionSetup = {
    graph: graph(),
    model: hawkes,
    params: validateParams(hawkes, { branching: 0.8 }),
    rules: { ...DEFAULT_RULES, viewRate: 1, thresholds: { reposts: 3, views: 300 } },
    seed: "median",
    source: 0,
    horizon: 24 * 3600,
  };
  const plans: Record<string, Intervention[]> = {
    "a cut of a link the cascade cannot reach": [{ kind: "cut-links", links: [["25", "26"]] }],
    "a deletion after the horizon": [{ kind: "delete", when: { time: 48 * 3600 } }],
  };
  for (const [name, interventions] of Object.entries(plans)) {
    const plan = compileInterventions(setup.graph, interventions, { source: setup.source });

    it(`${name}: simulate() gives the same events`, () => {
      for (let run = 0; run < 20; run++) {
        expect(simulateRun(setup, run, plan).events).toEqual(simulateRun(setup, run).events);
      }
    });

    it(`${name}: runBatch gives the same numbers`, () => {
      const options = {
        seed: setup.seed,
        from: 0,
        to: 200,
        source: setup.source,
        horizon: setup.horizon,
        grid: defaultGrid(setup.horizon),
      };
      // One workspace for both, as the intervention lab shares one: its cached facts must not leak either.
      const workspace = createWorkspace();
      const run = (withPlan: boolean) =>
        runBatch(setup.graph, setup.model, setup.params, setup.rules, {
          ...options,
          workspace,
          intervention: withPlan ? plan : undefined,
        });
      const without = run(false);
      const withPlan = run(true);
      const again = run(false);
      expect(without.finalReposts.some((r) => r > 0)).toBe(true);
      for (const other of [withPlan, again]) {
        expect(Array.from(other.finalReposts)).toEqual(Array.from(without.finalReposts));
        expect(Array.from(other.finalViews)).toEqual(Array.from(without.finalViews));
        expect(Array.from(other.repostCrossing)).toEqual(Array.from(without.repostCrossing));
        expect(Array.from(other.gridReposts)).toEqual(Array.from(without.gridReposts));
      }
    });
  }
});
