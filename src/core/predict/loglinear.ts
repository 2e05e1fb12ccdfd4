/**
 * The log-linear baseline of Szabo & Huberman, "Predicting the popularity of
 * online content", Communications of the ACM 53(8), 2010:
 *
 *   ln N(t_r) = ln N(t_i) + β(t_i, t_r) + ξ,   ξ ~ Normal(0, σ²(t_i, t_r)),
 *
 * β and σ learned on training cascades as the mean and standard deviation of
 * ln N(t_r) − ln N(t_i). We use N + 1 so that a post with no repost yet has a
 * logarithm, t_i = T, and t_r each time on the path grid and "final" (the end
 * of each training record). The estimate is the median (1 + N_T) e^β − 1.
 * It needs no follower counts but does need training cascades: in the
 * backtest, every other cascade of the set (leave one out).
 */
import type { Cascade } from "../cascade.ts";
import { cumulativeSeries } from "../legal.ts";
import { normalCdf, normalQuantile } from "./distributions.ts";
import {
  assemble,
  type Estimator,
  type FutureForecast,
  observe,
  type Prediction,
  type PredictOptions,
  resolveOptions,
  trainingFor,
  type Unavailable,
} from "./prediction.ts";

/** Fewer training cascades that reach past T than this and the baseline is unavailable. */
export const MIN_TRAINING = 3;

function countAt(time: Float64Array, reposts: Uint32Array, at: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : reposts[lo - 1];
}

function meanAndSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

export function predictLogLinear(
  cascade: Cascade,
  at: number,
  options?: Partial<PredictOptions>,
): Prediction | Unavailable {
  const opts = resolveOptions(options);
  const obs = observe(cascade, at, opts.rules);
  const training = trainingFor(cascade, opts.training)
    .map((c) => cumulativeSeries(c, opts.rules))
    .filter((s) => s.time.length > 0 && s.time[s.time.length - 1] > at);
  if (training.length < MIN_TRAINING) {
    return {
      estimator: "loglinear",
      unavailable: `the log-linear baseline needs at least ${MIN_TRAINING} training cascades recorded past T = ${at} s; it has ${training.length}.`,
      reason: { code: "fewTraining", needed: MIN_TRAINING, has: training.length, at },
    };
  }
  const logStart = (s: (typeof training)[number]) => Math.log1p(countAt(s.time, s.reposts, at));
  const finals = meanAndSd(training.map((s) => Math.log1p(s.reposts[s.reposts.length - 1]) - logStart(s)));
  // A floor on σ: with few training cascades the sample spread can be 0.
  const sigmaFinal = Math.max(finals.sd, 0.05);
  const base = Math.log1p(obs.reposts);
  const lowQ = (1 - opts.level) / 2;
  const futureAt = (beta: number, sigma: number, q: number) =>
    Math.max(0, Math.expm1(base + beta + sigma * normalQuantile(q)) - obs.reposts);

  const end = Math.max(opts.horizon, at * 4, at + 3600);
  const time: number[] = [];
  const mean: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  for (let step = 60, t = at; t < end; step *= 1.15) {
    t = Math.min(end, t + step);
    const { mean: beta, sd } = meanAndSd(
      training.map((s) => Math.log1p(countAt(s.time, s.reposts, t)) - logStart(s)),
    );
    const sigma = Math.max(sd, 0.05);
    time.push(t);
    mean.push(futureAt(beta, 0, 0.5));
    low.push(futureAt(beta, sigma, lowQ));
    high.push(futureAt(beta, sigma, 1 - lowQ));
  }
  const forecast: FutureForecast = {
    mean: futureAt(finals.mean, 0, 0.5),
    quantile: (q) => Math.round(futureAt(finals.mean, sigmaFinal, q)),
    survival: (k) => {
      if (k <= 0) return 1;
      return 1 - normalCdf((Math.log1p(obs.reposts + k) - base - finals.mean) / sigmaFinal);
    },
    path: { time, mean, low, high },
  };
  return assemble(
    "loglinear",
    obs,
    forecast,
    opts,
    { beta: finals.mean, sigma: sigmaFinal, training: training.length },
    [],
  );
}

export const logLinearEstimator: Estimator = {
  id: "loglinear",
  label: "Log-linear (Szabo & Huberman 2010)",
  needsFollowers: false,
  predict: predictLogLinear,
};
