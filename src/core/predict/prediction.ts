/**
 * What every early-warning estimator takes and returns, and the parts they
 * share: cutting a cascade at the observation time T, turning a forecast of
 * the reposts still to come into final counts, line-crossing probabilities and
 * crossing times, and the truth beside it when the record goes past T.
 */
import { type Cascade, countingOrder } from "../cascade.ts";
import {
  type CountingRules,
  cumulativeSeries,
  DEFAULT_RULES,
  evaluateLine,
  exposuresNeeded,
  exposuresOf,
  repostCounts,
} from "../legal.ts";

export type EstimatorId = "seismic" | "hawkes" | "loglinear";

export interface Band {
  estimate: number;
  low: number;
  high: number;
}

export interface CrossingForecast {
  /** Seconds after the source post; the expected path's crossing. */
  time: number;
  /** Earliest plausible crossing (the high path's). */
  low: number;
  /** Latest plausible crossing (the low path's); Infinity when the low path never crosses. */
  high: number;
  /** True when the line was already crossed by T (then all three are the observed time). */
  observed: boolean;
}

export interface Truth {
  /** Reposts at the end of the record. */
  finalReposts: number;
  finalViews: number | null;
  crossing: { reposts: number | null; views: number | null };
  /** Last event time of the record. */
  end: number;
}

/** Cumulative counts after T, for the chart's band. */
export interface PredictedPath {
  time: number[];
  estimate: number[];
  low: number[];
  high: number[];
}

export interface Prediction {
  estimator: EstimatorId;
  /** Observation time T in seconds. */
  at: number;
  /** Probability mass inside [low, high] of every band. */
  level: number;
  observedReposts: number;
  observedViews: number | null;
  /** Views each future repost is expected to add (mean audience so far × view rate); null without audiences. */
  viewsPerRepost: number | null;
  predicted: {
    finalReposts: Band;
    finalViews: Band | null;
    crossing: { reposts: CrossingForecast | null; views: CrossingForecast | null };
    path: PredictedPath;
  };
  probability: { reposts: number; views: number | null };
  /** The estimator's fitted quantities (p̂, n*, branching ratio, ...), for display. */
  parameters: Record<string, number>;
  notes: string[];
  /** Present when the record goes further than T. */
  truth?: Truth;
}

export interface Unavailable {
  estimator: EstimatorId;
  unavailable: string;
  /** Why, as data, so that a screen can say it in another language. */
  reason?: UnavailableReason;
}

/** Why an estimator cannot predict (the `unavailable` message in words). */
export type UnavailableReason =
  | { code: "tooShort"; estimator: "hawkes" | "seismic"; minutes: number; at: number }
  | { code: "noRepost" }
  | { code: "noFollowers"; cascade: string; format: string }
  | { code: "noExposure"; at: number }
  | { code: "fewTraining"; needed: number; has: number; at: number };

export interface PredictOptions {
  rules: CountingRules;
  /** Central probability of every interval. */
  level: number;
  /** SEISMIC's n*: mean follower count of a reposter's followers (the paper uses 100). */
  nStar: number;
  /** Training cascades, for estimators that learn from other cascades (log-linear). */
  training?: readonly Cascade[];
  /** Exponent of the power law of follower counts a future reposter is drawn from (Hawkes; 2.016 on Twitter). */
  followerPowerLaw?: number;
  /**
   * SEISMIC: fit α, γ and a jackknife+ interval on the training cascades when there are enough
   * (default on, the paper's method); false: α = γ = 1 and the model's own interval.
   */
  calibrate?: boolean;
  /** Last time (seconds) for predicted paths and crossing times. */
  horizon: number;
}

export const DEFAULT_PREDICT_OPTIONS: PredictOptions = {
  rules: DEFAULT_RULES,
  level: 0.9,
  nStar: 100,
  horizon: 30 * 24 * 3600,
};

export interface Estimator {
  id: EstimatorId;
  label: string;
  /** Whether it needs the followers of every poster. */
  needsFollowers: boolean;
  predict(cascade: Cascade, at: number, options?: Partial<PredictOptions>): Prediction | Unavailable;
}

/** The training cascades a prediction may learn from: never the predicted cascade, nor a copy of it (same id and format). */
export function trainingFor(cascade: Cascade, training: readonly Cascade[] | undefined): Cascade[] {
  return (training ?? []).filter(
    (c) => c !== cascade && !(c.id === cascade.id && c.format === cascade.format),
  );
}

export function isUnavailable(result: Prediction | Unavailable): result is Unavailable {
  return "unavailable" in result;
}

export class PredictError extends Error {
  override name = "PredictError";
}

export function resolveOptions(options: Partial<PredictOptions> | undefined): PredictOptions {
  const merged = { ...DEFAULT_PREDICT_OPTIONS, ...options };
  if (!(merged.level > 0 && merged.level < 1)) {
    throw new PredictError(`predict: invalid 'level' ${merged.level}. Should be a number between 0 and 1.`);
  }
  if (!(merged.nStar > 0) || !Number.isFinite(merged.nStar)) {
    throw new PredictError(`predict: invalid 'nStar' ${merged.nStar}. Should be a number above 0.`);
  }
  return merged;
}

/** The cascade as seen at time T. */
export interface Observation {
  at: number;
  /** Times of the events up to T (source first), sorted. */
  times: Float64Array;
  /** Their follower counts; null when any is unknown. */
  audiences: Float64Array | null;
  /** Reposts that count under the rules, up to T. */
  reposts: number;
  /** Exposures that count up to T (null without audiences). */
  exposures: number | null;
  /** Mean audience of the reposts up to T (of the source when none yet); null without audiences. */
  meanAudience: number | null;
  /** Observed crossing times when they happened by T. */
  crossedAt: { reposts: number | null; views: number | null };
  truth?: Truth;
}

/** Model-based estimators need at least the kernel's flat head (SEISMIC's s0) of observation. */
export const MIN_OBSERVATION = 300;

export function validateTime(at: number): void {
  if (!Number.isFinite(at) || at < 0) {
    throw new PredictError(
      `predict: invalid observation time ${at}. Should be a number of seconds, 0 or more.`,
    );
  }
}

export function observe(cascade: Cascade, at: number, rules: CountingRules): Observation {
  validateTime(at);
  if (cascade.events.length === 0) {
    throw new PredictError(`predict: cascade '${cascade.id}' has no events, not even a source post.`);
  }
  const order = countingOrder(cascade.events);
  const times: number[] = [];
  const audiences: number[] = [];
  let withAudiences = true;
  let reposts = 0;
  let exposures = 0;
  let repostAudience = 0;
  for (const i of order) {
    const event = cascade.events[i];
    if (event.time > at) break;
    times.push(event.time);
    if (event.audience === null) withAudiences = false;
    else audiences.push(event.audience);
    if (repostCounts(event, rules)) {
      reposts++;
      repostAudience += event.audience ?? 0;
    }
    exposures += exposuresOf(event, rules);
  }
  const report = evaluateLine(cascade, rules);
  const hasViews = report.exposures !== null && withAudiences;
  const end = cascade.events[order[order.length - 1]].time;
  const crossTime = (c: { time: number } | null) => (c && c.time <= at ? c.time : null);
  const observation: Observation = {
    at,
    times: Float64Array.from(times),
    audiences: hasViews ? Float64Array.from(audiences) : null,
    reposts,
    exposures: hasViews ? exposures : null,
    meanAudience: hasViews ? (reposts > 0 ? repostAudience / reposts : (audiences[0] ?? 0)) : null,
    crossedAt: {
      reposts: crossTime(report.crossing.reposts),
      views: hasViews ? crossTime(report.crossing.views) : null,
    },
  };
  if (end > at) {
    observation.truth = {
      finalReposts: report.reposts,
      finalViews: report.views,
      crossing: {
        reposts: report.crossing.reposts?.time ?? null,
        views: report.crossing.views?.time ?? null,
      },
      end,
    };
  }
  return observation;
}

/**
 * What an estimator forecasts about the reposts still to come after T:
 * their distribution (through `quantile` and `survival`) and, on a time grid,
 * the expected and band paths of their running count.
 */
export interface FutureForecast {
  /** Expected number of future reposts (Infinity for a supercritical cascade). */
  mean: number;
  /** Smallest k with P(F ≤ k) ≥ q; Infinity when that needs the explosion. */
  quantile(q: number): number;
  /** P(F ≥ k). */
  survival(k: number): number;
  /** Future reposts by each time (times after T, increasing). */
  path: { time: number[]; mean: number[]; low: number[]; high: number[] };
}

function firstReach(time: number[], values: number[], need: number): number {
  if (need <= 0) return time[0] ?? Number.POSITIVE_INFINITY;
  let prevT = time[0];
  let prevV = 0;
  for (let i = 0; i < time.length; i++) {
    const v = values[i];
    if (v >= need) {
      // Linear interpolation inside the grid cell.
      if (i === 0 || v === prevV) return time[i];
      return prevT + ((need - prevV) / (v - prevV)) * (time[i] - prevT);
    }
    prevT = time[i];
    prevV = v;
  }
  return Number.POSITIVE_INFINITY;
}

function crossingForecast(
  observedAt: number | null,
  need: number,
  path: FutureForecast["path"],
  scale: number,
): CrossingForecast | null {
  if (observedAt !== null) return { time: observedAt, low: observedAt, high: observedAt, observed: true };
  const scaled = (xs: number[]) => xs.map((x) => x * scale);
  const time = firstReach(path.time, scaled(path.mean), need);
  if (!Number.isFinite(time)) return null;
  return {
    time,
    low: Math.min(time, firstReach(path.time, scaled(path.high), need)),
    high: Math.max(time, firstReach(path.time, scaled(path.low), need)),
    observed: false,
  };
}

/** Turns a forecast of future reposts into the estimator-independent prediction. */
export function assemble(
  estimator: EstimatorId,
  obs: Observation,
  forecast: FutureForecast,
  options: PredictOptions,
  parameters: Record<string, number>,
  notes: string[],
): Prediction {
  const { rules, level } = options;
  const lowQ = (1 - level) / 2;
  const highQ = 1 - lowQ;
  const r = obs.reposts;
  // The point estimate is the model's formula and the interval its predictive law; when data are
  // scant the two can disagree, and the band is widened to hold the estimate.
  const band = (estimate: number, low: number, high: number): Band => ({
    estimate,
    low: Math.min(low, estimate),
    high: Math.max(high, estimate),
  });
  const finalReposts = band(r + forecast.mean, r + forecast.quantile(lowQ), r + forecast.quantile(highQ));
  const needReposts = rules.thresholds.reposts - r;
  const probabilityReposts = obs.crossedAt.reposts !== null ? 1 : forecast.survival(needReposts);

  let finalViews: Band | null = null;
  let probabilityViews: number | null = null;
  let viewsCrossing: CrossingForecast | null = null;
  if (obs.exposures !== null && obs.meanAudience !== null) {
    // Each future repost shows the post to about the mean audience seen so far.
    const perRepost = obs.meanAudience;
    const views = (exposures: number) => exposures * rules.viewRate;
    finalViews = band(
      views(obs.exposures + perRepost * forecast.mean),
      views(obs.exposures + perRepost * forecast.quantile(lowQ)),
      views(obs.exposures + perRepost * forecast.quantile(highQ)),
    );
    const needExposures = exposuresNeeded(rules.thresholds.views, rules.viewRate) - obs.exposures;
    if (obs.crossedAt.views !== null) probabilityViews = 1;
    else if (perRepost <= 0) probabilityViews = 0;
    else probabilityViews = forecast.survival(Math.ceil(needExposures / perRepost));
    viewsCrossing =
      perRepost > 0 || obs.crossedAt.views !== null
        ? crossingForecast(obs.crossedAt.views, needExposures, forecast.path, perRepost)
        : null;
  }
  const prediction: Prediction = {
    estimator,
    at: obs.at,
    level,
    observedReposts: r,
    observedViews: obs.exposures === null ? null : obs.exposures * rules.viewRate,
    viewsPerRepost: obs.meanAudience === null ? null : obs.meanAudience * rules.viewRate,
    predicted: {
      finalReposts,
      finalViews,
      crossing: {
        reposts: crossingForecast(obs.crossedAt.reposts, needReposts, forecast.path, 1),
        views: viewsCrossing,
      },
      path: {
        time: forecast.path.time,
        estimate: forecast.path.mean.map((x) => r + x),
        low: forecast.path.low.map((x) => r + x),
        high: forecast.path.high.map((x) => r + x),
      },
    },
    probability: { reposts: probabilityReposts, views: probabilityViews },
    parameters,
    notes,
  };
  if (obs.truth) prediction.truth = obs.truth;
  return prediction;
}

/** Observed running repost count at each time (step function), for the convergence chart. */
export function observedCount(cascade: Cascade, at: number, rules: CountingRules = DEFAULT_RULES): number {
  const series = cumulativeSeries(cascade, rules);
  let count = 0;
  for (let i = 0; i < series.time.length && series.time[i] <= at; i++) count = series.reposts[i];
  return count;
}
