import { describe, expect, it } from "vitest";
import { runSimulate } from "../../src/cli/commands/simulate.ts";
import { prepareScenarioBatch, runScenarioBatch, summarize } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO } from "../../src/core/scenario.ts";

describe("simulate --runs", () => {
  it("prints the documented JSON, equal to the core's summary", () => {
    const out = JSON.parse(
      runSimulate([
        "--model",
        "rumour",
        "--contactsPerHour",
        "2",
        "--nodes",
        "300",
        "--runs",
        "40",
        "--reposts",
        "50",
        "--json",
      ]),
    );
    expect(out.runs).toBe(40);
    for (const prong of ["reposts", "views"]) {
      expect(Object.keys(out.probability[prong]).sort()).toEqual(["estimate", "high", "low"]);
      expect(Object.keys(out.crossingTime[prong]).sort()).toEqual(["p25", "p5", "p50", "p75", "p95"]);
    }
    expect(out.finalReposts).toMatchObject({
      mean: expect.any(Number),
      p50: expect.any(Number),
      p95: expect.any(Number),
    });
    const scenario = {
      ...DEFAULT_SCENARIO,
      model: "rumour",
      params: { contactsPerHour: 2 },
      nodes: 300,
      rules: { ...DEFAULT_SCENARIO.rules, thresholds: { reposts: 50, views: 5000 } },
    };
    const summary = summarize(
      runScenarioBatch(prepareScenarioBatch(scenario, buildGraph(scenario), 2), 0, 40),
    );
    expect(out.probability.reposts).toEqual(summary.probability.reposts);
    expect(out.crossingTime.reposts).toEqual(summary.crossingTime.reposts);
    expect(out.finalReposts.mean).toBe(summary.finalReposts.mean);
  });

  it("keeps the single-run JSON without --runs", () => {
    const out = JSON.parse(runSimulate(["--nodes", "300", "--json"]));
    expect(out).toHaveProperty("crossing");
    expect(out).not.toHaveProperty("runs");
  });

  it("takes every model's parameters as flags and refuses them out of range", () => {
    expect(() => runSimulate(["--model", "hawkes", "--branching", "1", "--runs", "5"])).toThrow(
      /above|below 1/,
    );
    expect(() => runSimulate(["--model", "lt", "--attention", "-1", "--runs", "5"])).toThrow(/from 0 to 1/);
    expect(() => runSimulate(["--model", "lt", "--p", "0.1"])).toThrow(/unknown option --p/);
    expect(() => runSimulate(["--runs", "0"])).toThrow(/from 1 to/);
    expect(runSimulate(["--model", "lt", "--nodes", "200", "--runs", "3"])).toMatch(/3 runs/);
  });
});
