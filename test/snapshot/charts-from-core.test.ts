/**
 * The adapters from the early-warning module's results to the charts, on a
 * simulated cascade predicted by SEISMIC at several observation times.
 */
import { describe, expect, it } from "vitest";
import { backtestChart, backtestRowsFromSummary } from "../../src/charts/backtest.ts";
import {
  convergenceChart,
  convergenceSeriesFromPoints,
  convergenceTruth,
} from "../../src/charts/convergence.ts";
import { predictionChart, predictionDataFromForecast } from "../../src/charts/prediction.ts";
import { strategyRowsFromComparisons } from "../../src/charts/strategy-comparison.ts";
import type { Comparison } from "../../src/core/interventions/compare.ts";
import { type BacktestSummary, convergence } from "../../src/core/predict/backtest.ts";
import { predictionChartData } from "../../src/core/predict/chart-data.ts";
import { getEstimator } from "../../src/core/predict/index.ts";
import { isUnavailable } from "../../src/core/predict/prediction.ts";
import { DEFAULT_SCENARIO, runScenario } from "../../src/core/scenario.ts";
import { jsdomContext } from "./snapshot.ts";

const { cascade } = runScenario({ ...DEFAULT_SCENARIO, nodes: 800, seed: "adapters" });
const seismic = getEstimator("seismic");

describe("predictionDataFromForecast", () => {
  it("splits the record at T, joins the truth to the observed count and keeps both lines", () => {
    const T = cascade.events[Math.floor(cascade.events.length / 4)].time;
    const result = seismic.predict(cascade, T);
    if (isUnavailable(result)) throw new Error(result.unavailable);
    const core = predictionChartData(cascade, result);
    const data = predictionDataFromForecast(core);
    expect(data.T).toBe(T);
    expect(data.reposts.threshold).toBe(500);
    expect(data.reposts.truth?.time[0]).toBe(T);
    expect(data.reposts.truth?.values[0]).toBe(core.observed.reposts[core.observed.reposts.length - 1]);
    const truth = data.reposts.truth!;
    expect(truth.values[truth.values.length - 1]).toBe(core.truth.reposts.at(-1));
    const chart = predictionChart(data, {}, jsdomContext());
    expect(chart.querySelectorAll(".panel-reposts .truth")).toHaveLength(1);
    expect(chart.querySelectorAll(".panel-views")).toHaveLength(data.views ? 1 : 0);
    expect(chart.innerHTML).not.toMatch(/NaN/);
  });
});

describe("convergenceSeriesFromPoints", () => {
  it("takes the final-size band at each T and the record's final size as truth", () => {
    const end = cascade.events[cascade.events.length - 1].time;
    const times = [0.1, 0.2, 0.4].map((f) => f * end);
    const points = convergence(cascade, seismic, times);
    const series = convergenceSeriesFromPoints("SEISMIC", points);
    const available = points.filter((p) => !isUnavailable(p.result));
    expect(series.T).toEqual(available.map((p) => p.at));
    expect(convergenceTruth(points)).toBe(cascade.events.length - 1);
    const chart = convergenceChart(
      { estimators: [series], truth: convergenceTruth(points) },
      {},
      jsdomContext(),
    );
    expect(chart.querySelectorAll(".estimator circle")).toHaveLength(series.T.length);
    const unavailable = convergenceSeriesFromPoints("x", [
      { at: 60, result: { estimator: "hawkes", unavailable: "too few" } },
    ]);
    expect(unavailable.T).toEqual([]);
  });
});

describe("backtestRowsFromSummary", () => {
  const cell = (estimator: "seismic" | "hawkes", at: number, medianApe: number | null): BacktestSummary => ({
    estimator,
    at,
    cascades: 40,
    unavailable: 0,
    medianApe,
    medianApeCommon: medianApe === null ? null : medianApe / 2,
    coverage: null,
    crossingCases: 0,
    crossingPredicted: 0,
    medianCrossingError: null,
    falseAlarms: 0,
  });

  it("turns fractions into percent, labels estimators and leaves out empty cells", () => {
    const summary = [cell("seismic", 600, 0.42), cell("hawkes", 600, null), cell("hawkes", 3600, 0.25)];
    const rows = backtestRowsFromSummary(summary, (id) => id.toUpperCase());
    expect(rows).toEqual([
      { estimator: "SEISMIC", T: 600, medianAPE: 42, n: 40 },
      { estimator: "HAWKES", T: 3600, medianAPE: 25, n: 40 },
    ]);
    expect(backtestRowsFromSummary(summary, undefined, true)[0].medianAPE).toBe(21);
    expect(backtestChart(rows, {}, jsdomContext()).querySelectorAll(".bar")).toHaveLength(2);
  });
});

describe("strategyRowsFromComparisons", () => {
  const comparison = (change: number, low: number, high: number, averted: number) =>
    ({
      effect: {
        probability: {
          reposts: { change: 0.5, low: 0.25, high: 0.75 },
          views: { change: 0, low: 0, high: 0 },
          either: { change, low, high },
        },
        delay: { reposts: null, views: null },
        avertedReposts: averted,
        avertedViews: averted * 10,
      },
    }) as unknown as Comparison;

  it("takes the paired change with its interval, or the reposts averted", () => {
    const items = [
      { label: "suspend top 5 by PageRank", comparison: comparison(-0.3, -0.35, -0.25, 120) },
      { label: "fact-check label", comparison: comparison(-0.04, -0.09, 0.01, 15) },
    ];
    expect(strategyRowsFromComparisons(items)).toEqual([
      { label: "suspend top 5 by PageRank", estimate: -0.3, low: -0.35, high: -0.25 },
      { label: "fact-check label", estimate: -0.04, low: -0.09, high: 0.01 },
    ]);
    expect(strategyRowsFromComparisons(items, "probability", "reposts")[0].estimate).toBe(0.5);
    expect(strategyRowsFromComparisons(items, "averted")[1]).toEqual({
      label: "fact-check label",
      estimate: 15,
      low: 15,
      high: 15,
    });
  });
});
