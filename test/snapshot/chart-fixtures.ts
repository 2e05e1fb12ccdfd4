/**
 * Seeded data for every chart, shared by the golden snapshots and the
 * render tests. Synthetic data comes from the core's seeded Rng, so it is the
 * same on every machine; the tree uses a small simulated scenario.
 */
import { type BacktestRow, backtestChart } from "../../src/charts/backtest.ts";
import { type CascadeTreeData, cascadeTreeChart } from "../../src/charts/cascade-tree.ts";
import { type ConvergenceData, convergenceChart } from "../../src/charts/convergence.ts";
import { type CrossingTimesData, crossingTimesChart } from "../../src/charts/crossing-times.ts";
import { type FanData, fanChart, fanQuantiles } from "../../src/charts/fan-chart.ts";
import { forceLayout } from "../../src/charts/force-layout.ts";
import { cascadeOnGraph, type NetworkData, networkChart } from "../../src/charts/network.ts";
import { type PredictionData, predictionChart } from "../../src/charts/prediction.ts";
import { type StrategyRow, strategyComparisonChart } from "../../src/charts/strategy-comparison.ts";
import type { ChartContext, Theme } from "../../src/charts/svg.ts";
import type { ChartText } from "../../src/charts/text.ts";
import { timeSeriesChart } from "../../src/charts/time-series.ts";
import { cumulativeSeries, DEFAULT_RULES } from "../../src/core/legal.ts";
import { Rng } from "../../src/core/random.ts";
import { buildGraph, DEFAULT_SCENARIO, runScenario } from "../../src/core/scenario.ts";

export const treeRun = runScenario({
  ...DEFAULT_SCENARIO,
  nodes: 300,
  seed: "snapshot",
  params: { p: 0.12 },
});

const networkScenario = { ...DEFAULT_SCENARIO, nodes: 150, seed: "snapshot", params: { p: 0.12 } };
const networkGraph = buildGraph(networkScenario);
const networkRun = runScenario(networkScenario, networkGraph);

export const networkData: NetworkData = {
  ...networkGraph.compiled,
  positions: forceLayout(networkGraph.compiled),
  ...cascadeOnGraph(networkGraph.compiled.ids, networkRun.cascade.events),
  source: networkGraph.compiled.ids.indexOf(networkRun.source),
  crossings: networkRun.report.crossing,
};

export const treeData: CascadeTreeData = {
  events: treeRun.cascade.events,
  crossings: treeRun.report.crossing,
};

/** A random recursive tree (each post reposts a uniformly chosen earlier one): big and bushy. */
export function randomTree(size: number, seed: string): CascadeTreeData {
  const rng = new Rng(seed);
  const events = [{ account: "a0", parent: -1, time: 0 }];
  for (let i = 1; i < size; i++) {
    const parent = rng.int(i);
    events.push({ account: `a${i}`, parent, time: events[parent].time + rng.exponential(1 / 600) });
  }
  return { events };
}

/** Logistic growth curves with log-normal final sizes: a stand-in for a Monte Carlo batch. */
function logisticRuns(seed: string, runs: number, grid: Float64Array, scale: number): Float64Array {
  const rng = new Rng(seed);
  const values = new Float64Array(runs * grid.length);
  for (let r = 0; r < runs; r++) {
    const final = rng.logNormal(Math.log(scale), 0.6);
    const mid = rng.logNormal(Math.log(3 * 3600), 0.4);
    const width = mid / 4;
    grid.forEach((t, k) => {
      values[r * grid.length + k] =
        final / (1 + Math.exp(-(t - mid) / width)) - final / (1 + Math.exp(mid / width));
    });
  }
  return values;
}

export function fanData(seed = "fan"): FanData {
  const time = Float64Array.from({ length: 49 }, (_, i) => i * 900);
  const runs = 200;
  return {
    time,
    reposts: fanQuantiles(logisticRuns(`${seed}/reposts`, runs, time, 600), runs, time.length),
    views: fanQuantiles(logisticRuns(`${seed}/views`, runs, time, 9000), runs, time.length),
    thresholds: { reposts: 500, views: 5000 },
    runs,
  };
}

export function crossingData(): CrossingTimesData {
  const rng = new Rng("crossings");
  const reposts = Float64Array.from({ length: 712 }, () => rng.logNormal(Math.log(4 * 3600), 0.5));
  const views = Float64Array.from({ length: 861 }, () => rng.logNormal(Math.log(2 * 3600), 0.6));
  return { reposts, views, runs: 1000 };
}

export function predictionData(withViews = true): PredictionData {
  const T = 3600;
  const curve = (t: number, final: number) => final * (1 - Math.exp(-t / 7200));
  const grid = (from: number, to: number, step: number) =>
    Float64Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
  const observedTime = grid(0, T, 120);
  const after = grid(T, 6 * 3600, 600);
  const panel = (final: number, threshold: number) => ({
    observed: { time: observedTime, values: observedTime.map((t) => Math.floor(curve(t, final))) },
    predicted: {
      time: after,
      estimate: after.map((t) => curve(t, final * 1.12)),
      low: after.map((t) => curve(T, final) + (curve(t, final * 0.7) - curve(T, final * 0.7))),
      high: after.map((t, i) => (i > 30 ? Number.POSITIVE_INFINITY : curve(t, final * 1.8))),
    },
    truth: { time: after, values: after.map((t) => Math.floor(curve(t, final))) },
    threshold,
  });
  return { T, reposts: panel(720, 500), views: withViews ? panel(6100, 5000) : null };
}

export function convergenceData(): ConvergenceData {
  const T = [600, 1800, 3600, 7200, 21600];
  const truth = 820;
  const make = (name: string, bias: number, spread: number) => ({
    name,
    T,
    estimate: T.map((_, k) => truth * (1 + bias / (k + 1))),
    low: T.map((_, k) => truth * (1 + bias / (k + 1)) * (1 - spread / (k + 1))),
    high: T.map((_, k) =>
      k === 0 && spread > 0.5
        ? Number.POSITIVE_INFINITY
        : truth * (1 + bias / (k + 1)) * (1 + spread / (k + 1)),
    ),
  });
  return {
    estimators: [
      make("Hawkes (SEISMIC-style)", -0.45, 0.6),
      make("log-linear", 0.3, 0.4),
      make("Bass curve", -0.2, 0.3),
    ],
    truth,
  };
}

export const backtestRows: BacktestRow[] = [600, 3600, 21600].flatMap((T, k) =>
  [
    ["Hawkes", 62, 0.5],
    ["log-linear", 48, 0.6],
    ["Bass curve", 55, 0.45],
  ].map(([estimator, base, decay]) => ({
    estimator: String(estimator),
    T,
    medianAPE: Number(base) * Number(decay) ** k,
    n: 180 - 20 * k,
  })),
);

export const strategyRows: StrategyRow[] = [
  { label: "suspend top 5 by PageRank", estimate: -0.31, low: -0.38, high: -0.24 },
  { label: "suspend top 5 by followers", estimate: -0.22, low: -0.29, high: -0.15 },
  { label: "delete the post after 1 h", estimate: -0.12, low: -0.18, high: -0.05 },
  { label: "fact-check label", estimate: -0.04, low: -0.1, high: 0.02 },
  { label: "suspend 5 random accounts", estimate: 0.01, low: -0.05, high: 0.07 },
];

export interface ChartCase {
  name: string;
  render(context: ChartContext, theme?: Theme, text?: ChartText): SVGSVGElement;
}

const caption = "Synthetic data from seed 'snapshot' (test fixture)";

/** Every chart, as the render tests and the goldens see it. */
export const CHART_CASES: ChartCase[] = [
  {
    name: "time-series",
    render: (context, theme, text) =>
      timeSeriesChart(
        { series: cumulativeSeries(treeRun.cascade, DEFAULT_RULES), report: treeRun.report },
        { theme, text, caption },
        context,
      ),
  },
  {
    name: "network",
    render: (context, theme, text) =>
      networkChart(
        networkData,
        { theme, text, caption: "Weibo preset, 150 accounts, IC, seed 'snapshot'" },
        context,
      ),
  },
  {
    name: "cascade-tree",
    render: (context, theme, text) =>
      cascadeTreeChart(
        treeData,
        { theme, text, caption: "Weibo preset, 300 accounts, IC, seed 'snapshot'" },
        context,
      ),
  },
  {
    name: "cascade-tree-radial",
    render: (context, theme, text) =>
      cascadeTreeChart(
        treeData,
        { theme, text, layout: "radial", ghosted: new Set([treeData.events[1] ? 1 : 0]), caption },
        context,
      ),
  },
  {
    name: "fan-chart",
    render: (context, theme, text) => {
      const data = fanData();
      const baseline = fanData("fan-baseline");
      return fanChart(
        data,
        { theme, text, caption, baseline, marker: { time: 5400, label: "intervention at 1 h 30 min" } },
        context,
      );
    },
  },
  {
    name: "crossing-times",
    render: (context, theme, text) => crossingTimesChart(crossingData(), { theme, text, caption }, context),
  },
  {
    name: "crossing-times-histogram",
    render: (context, theme, text) =>
      crossingTimesChart(crossingData(), { theme, text, kind: "histogram" }, context),
  },
  {
    name: "prediction",
    render: (context, theme, text) => predictionChart(predictionData(), { theme, text, caption }, context),
  },
  {
    name: "convergence",
    render: (context, theme, text) =>
      convergenceChart(convergenceData(), { theme, text, caption, threshold: 500 }, context),
  },
  {
    name: "backtest",
    render: (context, theme, text) => backtestChart(backtestRows, { theme, text, caption }, context),
  },
  {
    name: "strategy-comparison",
    render: (context, theme, text) =>
      strategyComparisonChart(strategyRows, { theme, text, caption }, context),
  },
];
