/**
 * SEISMIC's correction learned on other cascades (Zhao et al., KDD 2015,
 * §4: the final-size formula carries two factors α_t, γ_t that the paper fits
 * on training tweets for each observation time t), and an interval calibrated
 * on the same cascades.
 *
 * - The fit: α and γ minimise the summed absolute percentage error (APE, the
 *   error the paper and our backtest report) of R̂∞ = R + α·D / (1 − γ·B) over
 *   the training cascades, with D = p̂ N^e (direct reposts to come) and
 *   B = p̂ n* (the uncorrected branching ratio). γ n* is one number, so
 *   fitting γ is fitting the effective n*. For a fixed γ the APE is a weighted
 *   sum of |α − cᵢ|, minimised exactly by a weighted median; γ is searched
 *   on a grid. Squared error on the log scale (our first version) let the few
 *   cascades it misses by 100× dominate; APE caps an under-prediction at 100%.
 * - The interval: jackknife+ (Barber, Candès, Ramdas & Tibshirani, Annals of
 *   Statistics 2021) on log(1 + final size). Each training cascade i is
 *   predicted by the fit without it (μ₋ᵢ), its error is Rᵢ = |log(1 + yᵢ) −
 *   log(1 + μ₋ᵢ(xᵢ))|, and the band at level 1 − a runs from the ⌊a(n+1)⌋-th
 *   smallest of log(1 + μ₋ᵢ(x)) − Rᵢ to the ⌈(1−a)(n+1)⌉-th smallest of
 *   log(1 + μ₋ᵢ(x)) + Rᵢ. It covers at ≥ 1 − 2a whatever the model's misfit
 *   (≈ 1 − a in practice), where SEISMIC's own law only knows Poisson noise.
 *   It needs n ≥ (1 − a)/a training cascades (9 at 90%); with fewer the
 *   upper end would be unbounded, so the caller keeps the model's interval.
 *
 * Pure and deterministic: grid order and ties are fixed.
 */

/** One cascade at time T, reduced to what the final-size formula uses. */
export interface SeismicFeatures {
  /** R_T: reposts by T. */
  observed: number;
  /** p̂ N^e: direct reposts still to come from the exposures so far. */
  direct: number;
  /** p̂ n*: the uncorrected branching ratio. */
  branching: number;
}

/** A training cascade: its features at T and its final size. */
export interface SeismicPoint extends SeismicFeatures {
  truth: number;
}

export interface SeismicCorrection {
  alpha: number;
  gamma: number;
}

/** Fewer training cascades (with followers, recorded past T) than this and α = γ = 1. */
export const MIN_CALIBRATION = 5;

/** γ from 0 (no branching) to 3 in steps of 0.05. */
const GAMMA_GRID = Array.from({ length: 61 }, (_, i) => i / 20);

/** R + α D / (1 − γ B); Infinity when γ B ≥ 1 and there is something to multiply. */
export function correctedFinalSize(x: SeismicFeatures, { alpha, gamma }: SeismicCorrection): number {
  const m = gamma * x.branching;
  const direct = alpha * x.direct;
  if (direct <= 0) return x.observed;
  return m < 1 ? x.observed + direct / (1 - m) : Number.POSITIVE_INFINITY;
}

/** Summed APE of the training cascades under a correction. */
export function totalApe(points: readonly SeismicPoint[], correction: SeismicCorrection): number {
  let sum = 0;
  for (const pt of points) sum += Math.abs(correctedFinalSize(pt, correction) - pt.truth) / pt.truth;
  return sum;
}

/** Smallest c with at least half the total weight at or below it. */
function weightedMedian(values: number[], weights: number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= total / 2) return values[i];
  }
  return values[order[order.length - 1]];
}

/**
 * α, γ minimising the summed APE over the training cascades (truth > 0).
 * With nothing to learn from (no direct term anywhere) α = γ = 1.
 */
export function fitSeismicCorrection(points: readonly SeismicPoint[]): SeismicCorrection {
  const usable = points.filter((pt) => pt.truth > 0);
  if (!usable.some((pt) => pt.direct > 0)) return { alpha: 1, gamma: 1 };
  let best: SeismicCorrection & { loss: number } = { alpha: 1, gamma: 1, loss: Number.POSITIVE_INFINITY };
  for (const gamma of GAMMA_GRID) {
    // A supercritical training cascade would get an infinite prediction: this γ is out.
    if (usable.some((pt) => pt.direct > 0 && gamma * pt.branching >= 1)) continue;
    const values: number[] = [];
    const weights: number[] = [];
    for (const pt of usable) {
      if (pt.direct <= 0) continue;
      const slope = pt.direct / (1 - gamma * pt.branching);
      // |R + α s − y| / y = (s / y) |α − (y − R) / s|.
      values.push(Math.max(0, (pt.truth - pt.observed) / slope));
      weights.push(slope / pt.truth);
    }
    const alpha = weightedMedian(values, weights);
    const loss = totalApe(usable, { alpha, gamma });
    if (loss < best.loss - 1e-12) best = { alpha, gamma, loss };
  }
  return { alpha: best.alpha, gamma: best.gamma };
}

/** The leave-one-out quantities jackknife+ needs, on the log(1 + size) scale. */
export interface Jackknife {
  /** log(1 + μ₋ᵢ(x)) − Rᵢ, sorted. */
  lower: number[];
  /** log(1 + μ₋ᵢ(x)) + Rᵢ, sorted. */
  upper: number[];
  /** log(1 + μ₋ᵢ(x)) + signed error of i: a predictive sample, sorted. */
  samples: number[];
}

const log1pSize = (size: number) => (Number.isFinite(size) ? Math.log1p(size) : Number.POSITIVE_INFINITY);

/** Leave-one-out fits over the training cascades, evaluated at the test cascade x. */
export function jackknife(points: readonly SeismicPoint[], x: SeismicFeatures): Jackknife {
  const lower: number[] = [];
  const upper: number[] = [];
  const samples: number[] = [];
  const usable = points.filter((pt) => pt.truth > 0);
  for (let i = 0; i < usable.length; i++) {
    const fit = fitSeismicCorrection(usable.filter((_, j) => j !== i));
    const mu = log1pSize(correctedFinalSize(x, fit));
    const own = log1pSize(correctedFinalSize(usable[i], fit));
    const signed = Math.log1p(usable[i].truth) - own;
    // An infinite miss on i is no information about the width but the widest: both ends open.
    const r = Math.abs(signed);
    lower.push(Number.isFinite(r) ? mu - r : Number.NEGATIVE_INFINITY);
    upper.push(Number.isFinite(mu) && Number.isFinite(r) ? mu + r : Number.POSITIVE_INFINITY);
    samples.push(Number.isFinite(mu) && Number.isFinite(signed) ? mu + signed : mu);
  }
  const ascending = (a: number, b: number) => a - b;
  return { lower: lower.sort(ascending), upper: upper.sort(ascending), samples: samples.sort(ascending) };
}

/** Training cascades needed for a two-sided jackknife+ band of central probability `level`. */
export function jackknifeMinimum(level: number): number {
  let n = 1;
  while (Math.ceil(level * (n + 1) - 1e-9) > n) n++;
  return n;
}

/**
 * The jackknife+ bound on the final size at quantile q: q < ½ is the lower end
 * of the band with central probability 1 − 2q, q > ½ the upper end of the band
 * with 1 − 2(1 − q); never below the reposts already observed.
 */
export function jackknifeQuantile(jk: Jackknife, q: number, observed: number): number {
  const n = jk.lower.length;
  if (q < 0.5) {
    const k = Math.floor(2 * q * (n + 1) + 1e-9);
    if (k < 1) return observed;
    const v = jk.lower[k - 1];
    return Number.isFinite(v) ? Math.max(observed, Math.expm1(v)) : v > 0 ? v : observed;
  }
  const k = Math.ceil((2 * q - 1) * (n + 1) - 1e-9);
  if (k > n) return Number.POSITIVE_INFINITY;
  const v = jk.upper[Math.max(0, k - 1)];
  return Number.isFinite(v) ? Math.max(observed, Math.expm1(v)) : v;
}

/**
 * P(final size ≥ size) from the predictive samples, as (count + ½) / (n + 1):
 * a dozen cascades cannot make a crossing certain or impossible.
 */
export function jackknifeSurvival(jk: Jackknife, size: number): number {
  const n = jk.samples.length;
  const threshold = Math.log1p(size);
  let count = 0;
  for (const s of jk.samples) if (s >= threshold) count++;
  return (count + 0.5) / (n + 1);
}
