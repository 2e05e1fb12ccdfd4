import { quantileSorted } from "d3-array";
import { describe, expect, it } from "vitest";
import { runSimulate } from "../../src/cli/commands/simulate.ts";
import { DEFAULT_RULES, evaluateLine, type LineReport } from "../../src/core/legal.ts";
import { getModel } from "../../src/core/models/index.ts";
import { validateParams } from "../../src/core/models/model.ts";
import { runRng } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO, defaultSource } from "../../src/core/scenario.ts";
import { simulate } from "../../src/core/simulate.ts";

/** 95% Wilson score interval, written out from the formula (not the app's helper). */
function wilson(successes: number, trials: number) {
  const z = 1.959963984540054;
  const p = successes / trials;
  const centre = p + (z * z) / (2 * trials);
  const half = z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  const scale = 1 + (z * z) / trials;
  return {
    estimate: p,
    low: successes === 0 ? 0 : (centre - half) / scale,
    high: successes === trials ? 1 : (centre + half) / scale,
  };
}

/** R-7 quantiles by d3-array, null when no run gives a value. */
function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => (sorted.length === 0 ? null : (quantileSorted(sorted, p) ?? null));
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
}

function sizes(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p) ?? Number.NaN;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    mean,
    min: sorted[0],
    p5: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    max: sorted[sorted.length - 1],
  };
}

/** Every number replaced by a matcher to 9 significant digits: sums in another order round differently. */
function near(value: unknown): unknown {
  if (typeof value === "number") {
    const digits = 9 - Math.ceil(Math.log10(Math.abs(value) + 1));
    return expect.closeTo(value, Math.max(0, digits));
  }
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, near(v)]));
}

describe("simulate --runs", () => {
  it("prints what simulate() and evaluateLine give run by run on the runRng streams", () => {
    const runs = 60;
    const out = JSON.parse(
      runSimulate([
        "--nodes",
        "400",
        "--seed",
        "mc-cli",
        "--p",
        "0.03",
        "--hours",
        "6",
        "--reposts",
        "15",
        "--views",
        "20000",
        "--view-rate",
        "0.5",
        "--runs",
        String(runs),
        "--json",
      ]),
    );

    // The reference: the scenario spelled out here, one recorded cascade per run, counted by evaluateLine.
    const horizon = 6 * 3600;
    const thresholds = { reposts: 15, views: 20000 };
    const rules = { ...DEFAULT_RULES, thresholds, viewRate: 0.5 };
    const scenario = { ...DEFAULT_SCENARIO, nodes: 400, seed: "mc-cli" };
    const built = buildGraph(scenario);
    const model = getModel("ic");
    const params = validateParams(model, { p: 0.03 }, "weibo");
    const sourceId = defaultSource(built);
    const source = built.compiled.ids.indexOf(sourceId);
    const reports: LineReport[] = [];
    for (let i = 0; i < runs; i++) {
      const cascade = simulate(built.compiled, model, params, runRng("mc-cli", i), { source, horizon });
      reports.push(evaluateLine(cascade, rules));
    }

    const repostTimes = reports.flatMap((r) => (r.crossing.reposts ? [r.crossing.reposts.time] : []));
    const viewTimes = reports.flatMap((r) => (r.crossing.views ? [r.crossing.views.time] : []));
    const eitherTimes = reports.flatMap((r) => {
      const times = [r.crossing.reposts?.time, r.crossing.views?.time].filter((t) => t !== undefined);
      return times.length > 0 ? [Math.min(...times)] : [];
    });
    // The scenario must put both lines within reach of some runs and not others, or a wrong threshold could pass.
    for (const times of [repostTimes, viewTimes]) {
      expect(times.length).toBeGreaterThan(runs / 10);
      expect(times.length).toBeLessThan(runs - runs / 10);
    }
    const first = {
      reposts: reports.filter((r) => r.first === "reposts").length,
      views: reports.filter((r) => r.first === "views").length,
      neither: reports.filter((r) => r.first === null).length,
    };
    expect(Math.min(first.reposts, first.views, first.neither)).toBeGreaterThan(0);

    expect(out).toEqual(
      near({
        preset: "weibo",
        nodes: 400,
        seed: "mc-cli",
        model: "ic",
        params,
        source: sourceId,
        horizon,
        runs,
        thresholds,
        probability: {
          reposts: wilson(repostTimes.length, runs),
          views: wilson(viewTimes.length, runs),
          either: wilson(eitherTimes.length, runs),
        },
        crossingTime: {
          reposts: quantiles(repostTimes),
          views: quantiles(viewTimes),
          either: quantiles(eitherTimes),
        },
        finalReposts: sizes(reports.map((r) => r.reposts)),
        finalViews: sizes(reports.map((r) => r.views ?? Number.NaN)),
        first,
        viewsFirst: wilson(first.views, runs),
        capped: 0,
      }),
    );
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

  it("says the crossing times are among the runs that cross", () => {
    const text = runSimulate(["--nodes", "300", "--runs", "20", "--reposts", "5"]);
    expect(text).toMatch(/^reposts reach 5: [\d.]+% of runs .*; when it does, median /m);
  });
});
