import { describe, expect, it } from "vitest";
import { compileGraph } from "../../src/core/compiled-graph.ts";
import { barabasiAlbert } from "../../src/core/generators/barabasi-albert.ts";
import { compileInterventions, simulateRun } from "../../src/core/interventions/index.ts";
import { DEFAULT_RULES } from "../../src/core/legal.ts";
import { MODELS } from "../../src/core/models/index.ts";
import { validateParams } from "../../src/core/models/model.ts";
import { createRng } from "../../src/core/random.ts";

/** Every model, with interventions applied through the recorder only. */
describe.each(Object.values(MODELS))("interventions with the $label model", (model) => {
  const graph = compileGraph(barabasiAlbert({ n: 300, m: 3 }, createRng("models")));
  const setup = {
    graph,
    model,
    params: validateParams(model, {}),
    rules: DEFAULT_RULES,
    seed: "models",
    source: 10,
    horizon: 72 * 3600,
  };
  const hubs = compileInterventions(graph, [{ kind: "suspend-top", centrality: "degree", count: 20 }], {
    source: 10,
  });
  const suspended = new Set(hubs.suspendedAccounts.map((i) => graph.ids[i]));

  it("suspended accounts never repost, and the source is the only root", () => {
    for (let run = 0; run < 10; run++) {
      const cascade = simulateRun(setup, run, hubs);
      expect(cascade.events.filter((e) => e.parent === -1)).toHaveLength(1);
      for (const event of cascade.events) expect(suspended.has(event.account)).toBe(false);
      cascade.events.forEach((event, i) => {
        if (i > 0) expect(event.parent).toBeGreaterThanOrEqual(0);
      });
    }
  });

  it("deleting at time 0 leaves only the source; suspending the source leaves nothing", () => {
    const deleted = compileInterventions(graph, [{ kind: "delete", when: { time: 0 } }], { source: 10 });
    const source = compileInterventions(graph, [{ kind: "suspend", accounts: [graph.ids[10]] }], {
      source: 10,
    });
    for (let run = 0; run < 5; run++) {
      expect(simulateRun(setup, run, deleted).events).toHaveLength(1);
      expect(simulateRun(setup, run, source).events[0].audience).toBe(0);
    }
  });
});
