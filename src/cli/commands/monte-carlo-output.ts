/** Text and JSON of a Monte Carlo summary for `simulate --runs R`. */
import { formatCount, formatDuration } from "../../core/format.ts";
import type { Interval, MonteCarloSummary, Quantiles, SizeDistribution } from "../../core/monte-carlo.ts";

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const interval = (i: Interval) =>
  `${percent(i.estimate)} of runs (95% interval ${percent(i.low)} to ${percent(i.high)})`;

function times(q: Quantiles): string {
  if (q.p50 === null) return "never within the horizon";
  const d = (x: number | null) => (x === null ? "-" : formatDuration(x));
  // Quantiles among the runs that cross, not of all runs: say so.
  return `when it does, median ${d(q.p50)} (middle half ${d(q.p25)} to ${d(q.p75)}; 5% to 95%: ${d(q.p5)} to ${d(q.p95)})`;
}

function sizes(s: SizeDistribution): string {
  return `mean ${formatCount(s.mean)}, median ${formatCount(s.p50)}, 5% to 95%: ${formatCount(s.p5)} to ${formatCount(s.p95)}, max ${formatCount(s.max)}`;
}

export function monteCarloText(summary: MonteCarloSummary): string[] {
  const { thresholds } = summary;
  const lines = [
    `crosses the line (either prong): ${interval(summary.probability.either)}; ${times(summary.crossingTime.either)}`,
    `reposts reach ${formatCount(thresholds.reposts)}: ${interval(summary.probability.reposts)}; ${times(summary.crossingTime.reposts)}`,
    `views reach ${formatCount(thresholds.views)}: ${interval(summary.probability.views)}; ${times(summary.crossingTime.views)}`,
    `final reposts: ${sizes(summary.finalReposts)}`,
    `final views: ${sizes(summary.finalViews)}`,
    `views cross first in ${interval(summary.viewsFirst)}`,
  ];
  if (summary.capped > 0) lines.push(`warning: ${summary.capped} runs stopped at the repost cap`);
  return lines;
}

/** The JSON fields documented in the README; per-run arrays and fan bands are left out. */
export function monteCarloJson(summary: MonteCarloSummary) {
  const { mean, p5, p25, p50, p75, p95, min, max } = summary.finalReposts;
  return {
    runs: summary.runs,
    thresholds: summary.thresholds,
    probability: summary.probability,
    crossingTime: summary.crossingTime,
    finalReposts: { mean, min, p5, p25, p50, p75, p95, max },
    finalViews: summary.finalViews,
    first: summary.first,
    viewsFirst: summary.viewsFirst,
    capped: summary.capped,
  };
}
