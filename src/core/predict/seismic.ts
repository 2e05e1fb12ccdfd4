/**
 * SEISMIC: Zhao, Erdogdu, He, Rajaraman & Leskovec, "SEISMIC: A
 * Self-Exciting Point Process Model for Predicting Tweet Popularity",
 * KDD 2015 (arXiv:1506.02594). Written from the paper's formulas.
 *
 * Model (§3): reposts arrive with intensity λ(t) = p_t Σ_{tᵢ ≤ t} nᵢ φ(t − tᵢ),
 * nᵢ the followers of the i-th poster (the source is i = 0), φ the fixed
 * human-reaction kernel of memory-kernel.ts (s0 = 5 min, θ = 0.242,
 * c = 6.49·10⁻⁴).
 *
 * Infectiousness (§4.1): the kernel-weighted estimate at time t,
 *   p̂_t = Σ_{i ≥ 1} K_t(t − tᵢ) / Σ_{i ≥ 0} nᵢ ∫_{tᵢ}^t K_t(t − s) φ(s − tᵢ) ds,
 * with the triangular kernel K_t(s) = max(0, 1 − s / w_t). The window is
 * w_t = t/2, kept within [5 min, 2 h] and, when it holds fewer than 5 reposts,
 * widened to the event just before the last 5 reposts, so that those 5 carry
 * weight (the spans and rule of the authors' R package, seismic 1.1,
 * get.infectiousness; the paper leaves them as tuning).
 *
 * Final size (§3.2, §4.2): R̂_∞ = R_t + α p̂_t N_t^e / (1 − γ p̂_t n*), with
 * N_t^e = Σᵢ nᵢ (1 − Φ(t − tᵢ)) the followers whose reposts are still to come
 * and n* the mean follower count of a future reposter (the authors' package
 * defaults to 100, "the average node degree in the social network"). The paper
 * learns α_t and γ_t for each t on training tweets and publishes no values:
 * given training cascades (options.training; calibrate is on by default) they
 * are fitted at this T on the others by least absolute percentage error and
 * the interval comes from jackknife+ (seismic-calibration.ts); without enough
 * training cascades, or with calibrate: false, α = γ = 1 (the model's own
 * conditional expectation) and the model's interval below. When γ p̂ n* ≥ 1
 * the cascade is supercritical and the expected size is infinite.
 *
 * Model interval: p̂_t is a ratio of a kernel-weighted Poisson count to its
 * exposure, so p ~ Gamma(k_eff + ½, D k_eff / k) with k_eff = (ΣK)² / ΣK²
 * (its variance is ΣK²/D², the delta-method variance of p̂); the future count
 * given p is the branching law of branching-forecast.ts. Crossing times and the
 * expected time of the N-th repost come from the renewal path after t.
 */
import type { Cascade } from "../cascade.ts";
import { branchingForecast, effectiveWeight } from "./branching-forecast.ts";
import { kernelCdf, type MemoryKernel, SEISMIC_KERNEL } from "./memory-kernel.ts";
import {
  assemble,
  type Estimator,
  type FutureForecast,
  MIN_OBSERVATION,
  type Observation,
  observe,
  type Prediction,
  type PredictOptions,
  resolveOptions,
  trainingFor,
  type Unavailable,
} from "./prediction.ts";
import {
  fitSeismicCorrection,
  type Jackknife,
  jackknife,
  jackknifeMinimum,
  jackknifeQuantile,
  jackknifeSurvival,
  MIN_CALIBRATION,
  type SeismicFeatures,
  type SeismicPoint,
} from "./seismic-calibration.ts";

export interface SeismicSettings {
  kernel: MemoryKernel;
  minWindow: number;
  maxWindow: number;
  minCount: number;
  /** Correction factors of the final-size formula (1 = uncorrected). */
  alpha: number;
  gamma: number;
}

export const SEISMIC_SETTINGS: SeismicSettings = {
  kernel: SEISMIC_KERNEL,
  minWindow: 300,
  maxWindow: 7200,
  minCount: 5,
  alpha: 1,
  gamma: 1,
};

/** Ψ(u) = ∫₀ᵘ s φ(s) ds, so the triangular-weighted integral has a closed form. */
function firstMoment(k: MemoryKernel, u: number): number {
  if (u <= 0) return 0;
  if (u <= k.s0) return (k.c * u * u) / 2;
  const head = (k.c * k.s0 * k.s0) / 2;
  const scale = k.c * k.s0 ** (1 + k.theta);
  if (Math.abs(1 - k.theta) < 1e-12) return head + scale * Math.log(u / k.s0);
  return head + (scale * (u ** (1 - k.theta) - k.s0 ** (1 - k.theta))) / (1 - k.theta);
}

/**
 * ∫_{tᵢ}^t K(t − s) φ(s − tᵢ) ds for the triangular K of width w, with b = t − tᵢ:
 * substituting u = s − tᵢ, K = (u − b + w)/w on [max(0, b − w), b].
 */
export function triangularExposure(k: MemoryKernel, b: number, w: number): number {
  if (b <= 0) return 0;
  const a = Math.max(0, b - w);
  return ((w - b) * (kernelCdf(k, b) - kernelCdf(k, a)) + firstMoment(k, b) - firstMoment(k, a)) / w;
}

export interface Infectiousness {
  /** p̂_t. */
  p: number;
  /** Σ K(t − tᵢ) over reposts: the weighted count. */
  count: number;
  /** Σ K² over reposts. */
  countSquares: number;
  /** The weighted exposure D (denominator). */
  exposure: number;
  window: number;
}

/** The paper's kernel-weighted infectiousness at time `at`, from sorted times and follower counts. */
export function estimateInfectiousness(
  times: Float64Array,
  followers: Float64Array,
  at: number,
  settings: SeismicSettings = SEISMIC_SETTINGS,
): Infectiousness {
  const reposts = times.length - 1;
  const last = times.length - 1;
  let window = Math.min(settings.maxWindow, Math.max(settings.minWindow, at / 2));
  if (reposts < settings.minCount) {
    window = Math.max(window, at - times[0]);
  } else if (at - times[last - settings.minCount + 1] > window) {
    // Fewer than minCount reposts inside: the far edge moves to the latest event before the last
    // minCount reposts (the source when there are just minCount), which sits on the edge with
    // weight 0, so the last minCount reposts carry weight. Events tied with the earliest of them
    // are passed over: on the edge they would weigh 0 too (times to the second often tie).
    const earliestKept = times[last - settings.minCount + 1];
    let edge = last - settings.minCount;
    while (edge > 0 && times[edge] >= earliestKept) edge--;
    window = at - times[edge];
  }
  let count = 0;
  let countSquares = 0;
  for (let i = 1; i < times.length; i++) {
    const weight = Math.max(0, 1 - (at - times[i]) / window);
    count += weight;
    countSquares += weight * weight;
  }
  let exposure = 0;
  for (let i = 0; i < times.length; i++) {
    exposure += followers[i] * triangularExposure(settings.kernel, at - times[i], window);
  }
  return { p: exposure > 0 ? count / exposure : 0, count, countSquares, exposure, window };
}

/** What SEISMIC's final-size formula uses at T, or null without followers or exposure. */
export function seismicFeatures(
  obs: Observation,
  nStar: number,
  settings: SeismicSettings = SEISMIC_SETTINGS,
): SeismicFeatures | null {
  if (obs.audiences === null) return null;
  const inf = estimateInfectiousness(obs.times, obs.audiences, obs.at, settings);
  if (inf.exposure <= 0) return null;
  return {
    observed: obs.reposts,
    direct: inf.p * effectiveWeight(settings.kernel, obs.at, obs.times, obs.audiences),
    branching: inf.p * nStar,
  };
}

/** Training cascades with followers recorded past T, as points for the fit (the test cascade excluded by the caller). */
export function seismicTrainingPoints(
  training: readonly Cascade[],
  at: number,
  options: PredictOptions,
  settings: SeismicSettings = SEISMIC_SETTINGS,
): SeismicPoint[] {
  const points: SeismicPoint[] = [];
  for (const cascade of training) {
    if (cascade.events.length === 0) continue;
    const obs = observe(cascade, at, options.rules);
    if (!obs.truth || obs.truth.finalReposts <= 0) continue;
    const features = seismicFeatures(obs, options.nStar, settings);
    if (features) points.push({ ...features, truth: obs.truth.finalReposts });
  }
  return points;
}

/**
 * α_T and γ_T fitted on training cascades that have followers and go past T
 * (seismic-calibration.ts), with the cascades it used. Null with fewer than
 * MIN_CALIBRATION. The predicted cascade is never among them.
 */
export function calibrateSeismic(
  cascade: Cascade,
  training: readonly Cascade[],
  at: number,
  options: PredictOptions,
  settings: SeismicSettings = SEISMIC_SETTINGS,
): { alpha: number; gamma: number; points: SeismicPoint[] } | null {
  const points = seismicTrainingPoints(trainingFor(cascade, training), at, options, settings);
  if (points.length < MIN_CALIBRATION) return null;
  return { ...fitSeismicCorrection(points), points };
}

/** The branching forecast with its interval, survival and band paths replaced by jackknife+'s. */
function jackknifeForecast<F extends FutureForecast>(
  base: F,
  observed: number,
  jk: Jackknife,
  lowQ: number,
): F {
  const future = (q: number) => {
    const size = jackknifeQuantile(jk, q, observed);
    if (!Number.isFinite(size)) return size;
    return Math.max(0, q < 0.5 ? Math.floor(size - observed) : Math.ceil(size - observed));
  };
  const low = future(lowQ);
  const high = future(1 - lowQ);
  const last = base.path.mean[base.path.mean.length - 1] || 1;
  // The bands keep the expected path's shape, scaled to the calibrated ends.
  const shape = Number.isFinite(base.mean) && base.mean > 0 ? base.mean : last;
  const scaled = (value: number) =>
    base.path.mean.map((x) => (Number.isFinite(value) ? (value * x) / shape : Number.POSITIVE_INFINITY));
  return {
    ...base,
    quantile: (q: number) => (q === 0.5 ? base.quantile(q) : future(q)),
    survival: (k: number) => (k <= 0 ? 1 : jackknifeSurvival(jk, observed + k)),
    path: { ...base.path, low: scaled(low), high: scaled(high) },
  };
}

export function predictSeismic(
  cascade: Cascade,
  at: number,
  options?: Partial<PredictOptions>,
  settings: SeismicSettings = SEISMIC_SETTINGS,
): Prediction | Unavailable {
  const opts = resolveOptions(options);
  const obs = observe(cascade, at, opts.rules);
  if (obs.audiences === null) {
    return {
      estimator: "seismic",
      unavailable: `SEISMIC needs the follower count of every poster; cascade '${cascade.id}' (${cascade.format}) has none.`,
      reason: { code: "noFollowers", cascade: cascade.id, format: cascade.format },
    };
  }
  if (at < MIN_OBSERVATION) {
    return {
      estimator: "seismic",
      unavailable: `SEISMIC needs at least ${MIN_OBSERVATION / 60} minutes of observation (its shortest window); T = ${at} s.`,
      reason: { code: "tooShort", estimator: "seismic", minutes: MIN_OBSERVATION / 60, at },
    };
  }
  const inf = estimateInfectiousness(obs.times, obs.audiences, at, settings);
  if (inf.exposure <= 0) {
    return {
      estimator: "seismic",
      unavailable: `SEISMIC needs some exposure by T: at T = ${at} s nobody has seen the post yet (or every audience is 0).`,
      reason: { code: "noExposure", at },
    };
  }
  // The paper's α_T, γ_T learned on the other cascades (default on when there are enough of them).
  const calibration =
    opts.calibrate !== false && opts.training
      ? calibrateSeismic(cascade, opts.training, at, opts, settings)
      : null;
  if (calibration) settings = { ...settings, alpha: calibration.alpha, gamma: calibration.gamma };
  const effectiveCount = inf.countSquares > 0 ? (inf.count * inf.count) / inf.countSquares : 0;
  const ratio = inf.count > 0 ? effectiveCount / inf.count : 1;
  const lowQ = (1 - opts.level) / 2;
  const modelForecast = branchingForecast({
    kernel: settings.kernel,
    at,
    times: obs.times,
    weights: obs.audiences,
    p: inf.p,
    meanWeight: opts.nStar,
    alpha: settings.alpha,
    gamma: settings.gamma,
    shape: effectiveCount + 0.5,
    rate: inf.exposure * ratio,
    lowQ,
    highQ: 1 - lowQ,
    horizon: opts.horizon,
  });
  const x = seismicFeatures(obs, opts.nStar, settings);
  const useJackknife =
    calibration !== null && x !== null && calibration.points.length >= jackknifeMinimum(opts.level);
  const forecast = useJackknife
    ? jackknifeForecast(modelForecast, obs.reposts, jackknife(calibration.points, x), lowQ)
    : modelForecast;
  const notes: string[] = [];
  if (forecast.branchingRatio >= 1) {
    notes.push(
      `supercritical: p̂·n* = ${forecast.branchingRatio.toFixed(2)} ≥ 1, so SEISMIC's expected final size is unbounded.`,
    );
  }
  if (calibration) {
    notes.push(
      `α = ${calibration.alpha.toPrecision(3)}, γ = ${calibration.gamma.toPrecision(3)} fitted on ${calibration.points.length} training cascades (least absolute percentage error).`,
    );
    notes.push(
      useJackknife
        ? `interval: jackknife+ over the ${calibration.points.length} training cascades' leave-one-out errors (log scale).`
        : `interval from the model alone: jackknife+ needs ${jackknifeMinimum(opts.level)} training cascades at this level; it only knows the model's own noise.`,
    );
  } else {
    notes.push(
      opts.calibrate === false
        ? "α = γ = 1 (calibration off); the interval only knows the model's own noise."
        : `α = γ = 1: fewer than ${MIN_CALIBRATION} training cascades with followers recorded past T to fit the paper's correction; the interval only knows the model's own noise.`,
    );
  }
  if (obs.reposts === 0) notes.push("no repost yet: p̂ = 0; the interval comes from the exposure alone.");
  return assemble(
    "seismic",
    obs,
    forecast,
    opts,
    {
      infectiousness: inf.p,
      window: inf.window,
      nStar: opts.nStar,
      branchingRatio: forecast.branchingRatio,
      effectiveFollowers: forecast.effectiveWeight,
      alpha: settings.alpha,
      gamma: settings.gamma,
      calibrationCascades: calibration?.points.length ?? 0,
    },
    notes,
  );
}

export const seismicEstimator: Estimator = {
  id: "seismic",
  label: "SEISMIC (Zhao et al. 2015)",
  needsFollowers: true,
  predict: (cascade, at, options) => predictSeismic(cascade, at, options),
};
