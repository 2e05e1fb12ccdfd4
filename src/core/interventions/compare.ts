/**
 * Baseline against intervention on the same random streams. Because run i
 * of both sides replays the same cascade until the intervention first
 * changes something, the paired difference carries only the intervention's
 * effect, and its interval is far narrower than that of two independent
 * batches.
 *
 * The interval for a change in crossing probability is Newcombe's method 10
 * for paired proportions (Newcombe, "Improved confidence intervals for the
 * difference between binomial proportions based on paired data", Statistics
 * in Medicine 1998), built from the two Wilson score intervals (Wilson 1927)
 * and the correlation of the pairs. Wilson intervals and quantiles are the
 * batch Monte Carlo's (monte-carlo.ts), so the numbers match `simulate --runs`.
 */
export { type Interval, wilsonInterval };

import { type Interval, quantileOfSorted, wilsonInterval } from "../monte-carlo.ts";
import { compileInterventions, type InterventionPlan, type PlanContext } from "./plan.ts";
import { type InterventionSetup, type RunOutcomes, runOutcomes } from "./runs.ts";
import type { Intervention } from "./types.ts";

export interface Quantiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface SizeSummary {
  mean: number;
  p50: number;
  p95: number;
}

/** A batch in the shape of `simulate --runs --json` (the parts the lab needs). */
export interface OutcomeSummary {
  runs: number;
  probability: { reposts: Interval; views: Interval; either: Interval };
  /** Quantiles of the crossing time among runs that cross; null when none does. */
  crossingTime: { reposts: Quantiles | null; views: Quantiles | null; either: Quantiles | null };
  finalReposts: SizeSummary;
  finalViews: SizeSummary;
}

/** Change (intervention minus baseline) with its 95% interval. */
export interface Change {
  change: number;
  low: number;
  high: number;
}

export interface Effect {
  probability: { reposts: Change; views: Change; either: Change };
  /** Median crossing time with the intervention minus without, seconds; null unless both cross sometimes. */
  delay: { reposts: number | null; views: number | null };
  /** Mean reposts and views per run, baseline minus intervention. */
  avertedReposts: number;
  avertedViews: number;
}

export interface Comparison {
  baseline: OutcomeSummary;
  intervention: OutcomeSummary;
  effect: Effect;
}

/**
 * Newcombe's interval (method 10) for p1 - p2 from paired yes/no outcomes:
 * `first[i]` and `second[i]` belong to the same run i.
 */
export function pairedDifference(first: ArrayLike<boolean>, second: ArrayLike<boolean>): Change {
  const n = first.length;
  let both = 0;
  let onlyFirst = 0;
  let onlySecond = 0;
  for (let i = 0; i < n; i++) {
    if (first[i] && second[i]) both++;
    else if (first[i]) onlyFirst++;
    else if (second[i]) onlySecond++;
  }
  const neither = n - both - onlyFirst - onlySecond;
  const x1 = both + onlyFirst;
  const x2 = both + onlySecond;
  const w1 = wilsonInterval(x1, n);
  const w2 = wilsonInterval(x2, n);
  const product = (both + onlyFirst) * (onlySecond + neither) * (both + onlySecond) * (onlyFirst + neither);
  const phi = product > 0 ? (both * neither - onlyFirst * onlySecond) / Math.sqrt(product) : 0;
  const d1 = w1.estimate - w1.low;
  const u1 = w1.high - w1.estimate;
  const d2 = w2.estimate - w2.low;
  const u2 = w2.high - w2.estimate;
  const theta = w1.estimate - w2.estimate;
  const below = Math.sqrt(Math.max(0, d1 * d1 - 2 * phi * d1 * u2 + u2 * u2));
  const above = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * d2 + d2 * d2));
  return { change: theta, low: Math.max(-1, theta - below), high: Math.min(1, theta + above) };
}

function crossedFlags(times: Float64Array): boolean[] {
  return Array.from(times, (t) => !Number.isNaN(t));
}

function eitherTimes(outcomes: RunOutcomes): Float64Array {
  return outcomes.repostCrossing.map((t, i) => {
    const v = outcomes.viewCrossing[i];
    if (Number.isNaN(t)) return v;
    return Number.isNaN(v) ? t : Math.min(t, v);
  });
}

function timeQuantiles(times: Float64Array): Quantiles | null {
  const sorted = times.filter((t) => !Number.isNaN(t)).sort();
  if (sorted.length === 0) return null;
  const q = (p: number) => quantileOfSorted(sorted, p);
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
}

function sizeSummary(values: Float64Array): SizeSummary {
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN;
  return {
    mean,
    p50: quantileOfSorted(sorted, 0.5),
    p95: quantileOfSorted(sorted, 0.95),
  };
}

/** Probability of crossing on one prong ("either": the law's either-prong test). */
export function crossingProbability(outcomes: RunOutcomes, prong: "reposts" | "views" | "either"): Interval {
  const times =
    prong === "reposts"
      ? outcomes.repostCrossing
      : prong === "views"
        ? outcomes.viewCrossing
        : eitherTimes(outcomes);
  return wilsonInterval(crossedFlags(times).filter(Boolean).length, outcomes.runs);
}

export function summarizeOutcomes(outcomes: RunOutcomes): OutcomeSummary {
  return {
    runs: outcomes.runs,
    probability: {
      reposts: crossingProbability(outcomes, "reposts"),
      views: crossingProbability(outcomes, "views"),
      either: crossingProbability(outcomes, "either"),
    },
    crossingTime: {
      reposts: timeQuantiles(outcomes.repostCrossing),
      views: timeQuantiles(outcomes.viewCrossing),
      either: timeQuantiles(eitherTimes(outcomes)),
    },
    finalReposts: sizeSummary(outcomes.finalReposts),
    finalViews: sizeSummary(outcomes.finalViews),
  };
}

function mean(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return values.length ? total / values.length : 0;
}

/** The effect of the intervention, run by run against the baseline. */
export function pairedEffect(baseline: RunOutcomes, intervention: RunOutcomes): Effect {
  if (baseline.runs !== intervention.runs) {
    throw new RangeError(
      `interventions/compare: ${baseline.runs} baseline runs against ${intervention.runs} intervention runs. Should be equal.`,
    );
  }
  const change = (a: Float64Array, b: Float64Array) => pairedDifference(crossedFlags(b), crossedFlags(a));
  const median = (times: Float64Array) => timeQuantiles(times)?.p50 ?? null;
  const delay = (a: Float64Array, b: Float64Array) => {
    const before = median(a);
    const after = median(b);
    return before === null || after === null ? null : after - before;
  };
  return {
    probability: {
      reposts: change(baseline.repostCrossing, intervention.repostCrossing),
      views: change(baseline.viewCrossing, intervention.viewCrossing),
      either: change(eitherTimes(baseline), eitherTimes(intervention)),
    },
    delay: {
      reposts: delay(baseline.repostCrossing, intervention.repostCrossing),
      views: delay(baseline.viewCrossing, intervention.viewCrossing),
    },
    avertedReposts: mean(baseline.finalReposts) - mean(intervention.finalReposts),
    avertedViews: mean(baseline.finalViews) - mean(intervention.finalViews),
  };
}

export function compareOutcomes(baseline: RunOutcomes, intervention: RunOutcomes): Comparison {
  return {
    baseline: summarizeOutcomes(baseline),
    intervention: summarizeOutcomes(intervention),
    effect: pairedEffect(baseline, intervention),
  };
}

/**
 * Baseline and intervention, R runs each on the same streams. Pass
 * `baseline` to reuse outcomes already computed for the same setup and runs.
 */
export function compareIntervention(
  setup: InterventionSetup,
  interventions: readonly Intervention[],
  runs: number,
  context: Omit<PlanContext, "source"> = {},
  baseline: RunOutcomes = runOutcomes(setup, runs),
): Comparison & { plan: InterventionPlan; outcomes: { baseline: RunOutcomes; intervention: RunOutcomes } } {
  const plan = compileInterventions(setup.graph, interventions, { ...context, source: setup.source });
  const intervention = runOutcomes(setup, runs, plan);
  return { ...compareOutcomes(baseline, intervention), plan, outcomes: { baseline, intervention } };
}
