/**
 * Words on charts, as one object so a language can be swapped in. Charts keep
 * no app state: the UI passes the text for the current language.
 */
import { formatDuration, ordinal } from "../core/format.ts";
import type { Crossing, LineReport } from "../core/legal.ts";

export interface ChartText {
  timeSeriesTitle: string;
  timeSeriesDescription(report: LineReport): string;
  reposts: string;
  views: string;
  viewsUnknown: string;
  timeAxis: string;
  repostLine(threshold: number): string;
  viewLine(threshold: number): string;
  crossingLabel(kind: "reposts" | "views", crossing: Crossing, threshold: number): string;
  /** "2 h 14 min": durations on the charts below. */
  duration(seconds: number): string;
  /** "1,234": whole counts. */
  count(value: number): string;
  network: NetworkText;
  tree: CascadeTreeText;
  fan: FanText;
  crossingTimes: CrossingTimesText;
  prediction: PredictionText;
  convergence: ConvergenceText;
  backtest: BacktestText;
  strategies: StrategyText;
}

export interface NetworkText {
  title: string;
  description(accounts: number): string;
  summary(shown: number, total: number): string;
  account(id: string): string;
  source(id: string): string;
  tipped(kind: "reposts" | "views", id: string): string;
  early: string;
  late: string;
  notReposted: string;
  tippedLegend: string;
}

export interface CascadeTreeText {
  title: string;
  description(events: number, maxDepth: number): string;
  generation: string;
  early: string;
  late: string;
  tipped(kind: "reposts" | "views"): string;
  tippedBy(kind: "reposts" | "views", account: string, time: string): string;
  ghosted: string;
  /** Caption when a large tree is cut to its biggest branches. */
  summary(shown: number, total: number): string;
}

export interface FanText {
  title: string;
  description(runs: number): string;
  outer: string;
  inner: string;
  median: string;
  baseline: string;
  medianCrosses(kind: "reposts" | "views", time: string): string;
}

export interface CrossingTimesText {
  title: string;
  description(runs: number): string;
  shareAxis: string;
  runsAxis: string;
  crossedIn(kind: "reposts" | "views", crossed: number, runs: number): string;
  median(time: string): string;
}

export interface PredictionText {
  title: string;
  description(T: string): string;
  observed: string;
  predicted: string;
  interval: string;
  truth: string;
  predictedAt(T: string): string;
  predictedCrossing(time: string): string;
  actualCrossing(time: string): string;
}

export interface ConvergenceText {
  title: string;
  description(estimators: number): string;
  observedAxis: string;
  sizeAxis: string;
  truth(size: string): string;
}

export interface BacktestText {
  title: string;
  description(rows: number): string;
  errorAxis: string;
  observedAxis: string;
  cases(n: number): string;
}

export interface StrategyText {
  title: string;
  description(rows: number): string;
  probabilityAxis: string;
  avertedAxis: string;
  noChange: string;
  /** A row's tooltip: "top 5 by pagerank: -83 (-87.5 to -76.9)". */
  rowTitle(label: string, estimate: string, low: string, high: string): string;
}

export const ENGLISH_CHART_TEXT: ChartText = {
  timeSeriesTitle: "Reposts and views over time",
  timeSeriesDescription: (report) =>
    `Cumulative reposts (${report.reposts}) and views (${report.views === null ? "unknown" : Math.round(report.views)}) against the legal line of ${report.thresholds.reposts} reposts or ${report.thresholds.views} views.`,
  reposts: "Reposts",
  views: "Views",
  viewsUnknown: "Views cannot be counted: the data has no follower counts.",
  timeAxis: "Time since the post",
  repostLine: (t) => `legal line: ${t.toLocaleString("en-US")} reposts`,
  viewLine: (t) => `legal line: ${t.toLocaleString("en-US")} views`,
  crossingLabel: (kind, crossing, threshold) =>
    kind === "reposts"
      ? `${ordinal(threshold)} repost at ${formatDuration(crossing.time)}, by account ${crossing.account}`
      : `${threshold.toLocaleString("en-US")} views at ${formatDuration(crossing.time)}, by account ${crossing.account}`,
  duration: formatDuration,
  count: (value) => Math.round(value).toLocaleString("en-US"),
  network: {
    title: "The cascade on the network",
    description: (accounts) => `${accounts} accounts; reposters coloured by time.`,
    summary: (shown, total) =>
      `Only the ${shown.toLocaleString("en-US")} accounts in the cascade are drawn (the graph has ${total.toLocaleString("en-US")}).`,
    account: (id) => `account ${id}`,
    source: (id) => `source ${id}`,
    tipped: (kind, id) => `tipped ${kind}: ${id}`,
    early: "early",
    late: "late repost",
    notReposted: "did not repost",
    tippedLegend: "tipped the legal line",
  },
  tree: {
    title: "The repost tree",
    description: (events, maxDepth) =>
      `${events.toLocaleString("en-US")} posts in ${maxDepth + 1} generations; each dot is a post, coloured by its time.`,
    generation: "Repost generation",
    early: "early",
    late: "late repost",
    tipped: (kind) => `tipped the ${kind} line`,
    tippedBy: (kind, account, time) => `account ${account} tipped the ${kind} line at ${time}`,
    ghosted: "cut by the intervention",
    summary: (shown, total) =>
      `Only the ${shown.toLocaleString("en-US")} posts with the largest branches are drawn (of ${total.toLocaleString("en-US")}).`,
  },
  fan: {
    title: "Reposts and views over many runs",
    description: (runs) =>
      `Spread of ${runs.toLocaleString("en-US")} simulated runs: median, middle half and 90% of runs.`,
    outer: "5–95% of runs",
    inner: "25–75% of runs",
    median: "median",
    baseline: "without intervention",
    // The median curve reaches the line when half of all runs have: not the median crossing time of the runs that cross.
    medianCrosses: (kind, time) => `half the runs past the ${kind} line by ${time}`,
  },
  crossingTimes: {
    title: "When the legal line is crossed",
    description: (runs) => `Crossing times over ${runs.toLocaleString("en-US")} simulated runs.`,
    shareAxis: "Share of runs crossed",
    runsAxis: "Runs",
    crossedIn: (kind, crossed, runs) =>
      `${kind}: crossed in ${crossed.toLocaleString("en-US")} of ${runs.toLocaleString("en-US")} runs`,
    median: (time) => `median ${time}`,
  },
  prediction: {
    title: "Prediction from the start of the cascade",
    description: (T) => `Observed up to ${T}, predicted after.`,
    observed: "observed",
    predicted: "prediction",
    interval: "prediction interval",
    truth: "what happened",
    predictedAt: (T) => `predicted at ${T}`,
    predictedCrossing: (time) => `predicted to cross at ${time}`,
    actualCrossing: (time) => `crossed at ${time}`,
  },
  convergence: {
    title: "Predicted final size as more is observed",
    description: (estimators) =>
      `Estimate and interval of ${estimators} estimators against the time observed.`,
    observedAxis: "Observed up to",
    sizeAxis: "Predicted final reposts",
    truth: (size) => `true final size: ${size}`,
  },
  backtest: {
    title: "Backtest: prediction error",
    description: (rows) => `Median absolute percentage error in ${rows} backtest cells.`,
    errorAxis: "Median absolute % error",
    observedAxis: "Observed up to",
    cases: (n) => `${n.toLocaleString("en-US")} cascades`,
  },
  strategies: {
    title: "Interventions compared",
    description: (rows) => `Effect of ${rows} strategies with intervals.`,
    probabilityAxis: "Change in the probability of crossing the line (percentage points)",
    avertedAxis: "Reposts averted",
    noChange: "no change",
    rowTitle: (label, estimate, low, high) => `${label}: ${estimate} (${low} to ${high})`,
  },
};
