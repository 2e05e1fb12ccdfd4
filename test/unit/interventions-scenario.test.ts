import { describe, expect, it } from "vitest";
import {
  compileInterventions,
  diffCascades,
  interventionSetup,
  latestDeletionUnderLine,
  pruneCascade,
  removedLinks,
  simulateRun,
  suspendedIds,
} from "../../src/core/interventions/index.ts";
import { evaluateLine } from "../../src/core/legal.ts";
import {
  buildGraph,
  DEFAULT_SCENARIO,
  runScenario,
  type Scenario,
  ScenarioError,
  validateScenario,
} from "../../src/core/scenario.ts";
import { setupOn, star } from "./intervention-graphs.ts";

const small: Scenario = { ...DEFAULT_SCENARIO, preset: "ba", nodes: 300, params: { p: 0.3 } };

describe("interventions in a scenario", () => {
  it("validateScenario names the intervention field and its range", () => {
    expect(() =>
      validateScenario({ ...small, interventions: [{ kind: "label", when: { time: 5 }, factor: -1 }] }),
    ).toThrow(
      new ScenarioError("interventions[0].factor", "-1. Should be a number from 0 to 1.", {
        code: "range",
        field: "interventions[0].factor",
        value: "-1",
        range: { min: 0, max: 1 },
        unit: null,
      }),
    );
    expect(validateScenario({ ...small, interventions: [] })).toBeTruthy();
  });

  it("runScenario applies them and keeps the same run without them", () => {
    const built = buildGraph(small);
    const plain = runScenario(small, built);
    expect(plain.withoutInterventions).toBeUndefined();
    const deleted = runScenario(
      { ...small, interventions: [{ kind: "delete", when: { reposts: 3 } }] },
      built,
    );
    expect(deleted.withoutInterventions?.cascade.events).toEqual(plain.cascade.events);
    expect(deleted.report.reposts).toBe(Math.min(3, plain.report.reposts));
    expect(deleted.cascade.events).toEqual(plain.cascade.events.slice(0, deleted.cascade.events.length));
  });

  it("interventionSetup resolves the scenario's source and parameters", () => {
    const built = buildGraph(small);
    const setup = interventionSetup(small, built);
    expect(setup.params.p).toBe(0.3);
    expect(setup.graph).toBe(built.compiled);
    expect(setup.graph.ids[setup.source]).toBe(runScenario(small, built).source);
  });
});

describe("markers", () => {
  it("lists cut links, suspended accounts and the ghosted branches of the same run", () => {
    const setup = setupOn(star(12), 1);
    const plan = compileInterventions(
      setup.graph,
      [
        { kind: "cut-links", links: [["0", "3"]] },
        { kind: "suspend", accounts: ["5", "6"] },
      ],
      { source: 0 },
    );
    expect(removedLinks(plan, setup.graph)).toEqual([["0", "3"]]);
    expect(suspendedIds(plan)).toEqual(["5", "6"]);
    const baseline = simulateRun(setup, 0);
    const diff = diffCascades(baseline, simulateRun(setup, 0, plan));
    expect(Array.from(diff.ghosted, (i) => baseline.events[i].account).sort()).toEqual(["3", "5", "6"]);
    expect(diff.added.length).toBe(0);
  });

  it("latestDeletionUnderLine: deleting just before it keeps the record under the line", () => {
    const setup = setupOn(star(40), 1, { line: 10 });
    const cascade = simulateRun(setup, 0);
    const time = latestDeletionUnderLine(cascade, setup.rules);
    expect(time).not.toBeNull();
    const before = pruneCascade(cascade, { deleteAt: time! - 1e-9 }, setup.rules);
    expect(before.report.crossing.reposts).toBeNull();
    const at = pruneCascade(cascade, { deleteAt: time! }, setup.rules);
    expect(at.report.crossing.reposts).not.toBeNull();
    expect(evaluateLine(cascade, setup.rules).reposts).toBe(39);
  });
});
