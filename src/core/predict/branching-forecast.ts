/**
 * The forecast of future reposts shared by SEISMIC and the Hawkes fit. Both
 * model reposting as a self-exciting process λ(t) = p Σᵢ wᵢ φ(t − tᵢ): each
 * event i has a weight wᵢ (its followers, or a mark), future events have mean
 * weight w̄, so each one has on average m = p·w̄ children (the branching ratio).
 *
 * - Expected final size (Zhao et al. 2015, §3.2): R_T + p·N_T^e / (1 − m), with
 *   N_T^e = Σᵢ wᵢ (1 − Φ(T − tᵢ)), infinite when m ≥ 1.
 * - Its distribution: the direct children still to come from the observed
 *   events are Poisson(μ = p·N_T^e); each starts a Galton–Watson tree with
 *   Poisson(m) offspring. The total is then the Lagrangian ("generalised")
 *   Poisson law P(F = k) = μ (μ + k m)^(k−1) e^(−μ − k m) / k!
 *   (Consul & Jain, Technometrics 1973), which for m ≥ 1 is defective: the
 *   missing mass is the explosion. Uncertainty about p is carried by mixing
 *   over a Gamma law for p (the Poisson-rate posterior), on 32 quantile nodes.
 * - The expected path: the renewal equation ν = ν₀ + m φ ∗ ν solved on a
 *   geometric grid after T; band paths scale its shape to the quantiles.
 */
import { gammaQuantile } from "./distributions.ts";
import { kernelCdf, kernelMass, type MemoryKernel } from "./memory-kernel.ts";
import type { FutureForecast } from "./prediction.ts";

export interface BranchingInputs {
  kernel: MemoryKernel;
  at: number;
  /** Observed event times up to T and their weights. */
  times: Float64Array;
  weights: Float64Array;
  /** Point estimate of p (the paper's p̂ or the MLE κ̂). */
  p: number;
  /** Mean weight of a future event (n* for SEISMIC). */
  meanWeight: number;
  /** SEISMIC's correction factors α (on the direct term) and γ (on the branching ratio); 1 = none. */
  alpha?: number;
  gamma?: number;
  /** Gamma law for p: shape and rate. */
  shape: number;
  rate: number;
  /** Quantiles the band uses. */
  lowQ: number;
  highQ: number;
  horizon: number;
}

/** Beyond this many future reposts the distribution is not tabulated: quantiles past it are Infinity. */
export const MAX_TABULATED = 100_000;
const NODES = 32;

let logFactorials = new Float64Array([0, 0]);
function logFactorial(k: number): number {
  if (k >= logFactorials.length) {
    const size = Math.max(k + 1, logFactorials.length * 2);
    const grown = new Float64Array(size);
    grown.set(logFactorials);
    for (let i = logFactorials.length; i < size; i++) grown[i] = grown[i - 1] + Math.log(i);
    logFactorials = grown;
  }
  return logFactorials[k];
}

/** Cumulative distribution of the Lagrangian Poisson law, tabulated until it is settled. */
export function lagrangianPoissonCdf(mu: number, m: number, cap = MAX_TABULATED): Float32Array {
  // Float32: a CDF needs no more than 7 digits, and a mixture holds hundreds of these tables.
  if (mu <= 0) return Float32Array.of(1);
  const values: number[] = [];
  let cdf = 0;
  let previous = 0;
  for (let k = 0; k <= cap; k++) {
    const logP = k === 0 ? -mu : Math.log(mu) + (k - 1) * Math.log(mu + k * m) - mu - k * m - logFactorial(k);
    const p = Math.exp(logP);
    cdf += p;
    values.push(Math.min(1, cdf));
    if (cdf >= 1 - 1e-7) break;
    // Supercritical: past the mode the finite-k mass is exhausted (the rest is explosion).
    if (k > mu && p < previous && p < 1e-13) break;
    previous = p;
  }
  return Float32Array.from(values);
}

export interface FutureDistribution {
  quantile(q: number): number;
  survival(k: number): number;
}

/** One law in a mixture: the Lagrangian Poisson with these μ and m, and its weight. */
export interface MixtureComponent {
  mu: number;
  m: number;
  weight: number;
}

/** A weighted mixture of Lagrangian Poisson laws (weights need not sum to one). */
export function mixtureDistribution(components: readonly MixtureComponent[]): FutureDistribution {
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  const tables = components.map((c) => lagrangianPoissonCdf(c.mu, c.m));
  const weights = components.map((c) => c.weight / total);
  const maxK = Math.max(...tables.map((t) => t.length)) - 1;
  const cdf = (k: number): number => {
    if (k < 0) return 0;
    let sum = 0;
    for (let i = 0; i < tables.length; i++) sum += weights[i] * tables[i][Math.min(k, tables[i].length - 1)];
    return sum;
  };
  return {
    quantile(q: number): number {
      if (cdf(maxK) < q) return Number.POSITIVE_INFINITY;
      let lo = -1;
      let hi = maxK;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (cdf(mid) >= q) hi = mid;
        else lo = mid;
      }
      return hi;
    },
    survival(k: number): number {
      if (k <= 0) return 1;
      return Math.max(0, 1 - cdf(Math.ceil(k) - 1));
    },
  };
}

/** Quantile nodes of p ~ Gamma(shape, rate): an equal-weight discretisation of the law. */
export function gammaNodes(shape: number, rate: number, count = NODES): number[] {
  return Array.from({ length: count }, (_, i) => gammaQuantile((i + 0.5) / count, shape, rate));
}

/** Observed events grouped by age at T into geometric bins: weight and weighted mean time. */
function groupByAge(at: number, times: Float64Array, weights: Float64Array): { t: number[]; w: number[] } {
  const bins = new Map<number, { w: number; tw: number }>();
  for (let i = 0; i < times.length; i++) {
    const age = at - times[i];
    const bin = age < 1 ? -1 : Math.floor(Math.log(age) / Math.log(1.05));
    const entry = bins.get(bin) ?? { w: 0, tw: 0 };
    entry.w += weights[i];
    entry.tw += weights[i] * times[i];
    bins.set(bin, entry);
  }
  const t: number[] = [];
  const w: number[] = [];
  for (const { w: wb, tw } of bins.values()) {
    if (wb <= 0) continue;
    t.push(tw / wb);
    w.push(wb);
  }
  return { t, w };
}

/** Expected future events by each grid time, from ν = ν₀ + m φ ∗ ν (p and m at their point values). */
export function expectedPath(
  kernel: MemoryKernel,
  at: number,
  times: Float64Array,
  weights: Float64Array,
  p: number,
  m: number,
  horizon: number,
): { time: number[]; mean: number[] } {
  const end = Math.max(horizon, at * 4, at + 3600);
  const grid: number[] = [at];
  for (let step = 5; grid[grid.length - 1] < end; step *= 1.04) {
    grid.push(Math.min(end, grid[grid.length - 1] + step));
  }
  const { t: groupT, w: groupW } = groupByAge(at, times, weights);
  const cells = grid.length - 1;
  const expected = new Float64Array(cells);
  const centres = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    const a = grid[k];
    const b = grid[k + 1];
    centres[k] = (a + b) / 2;
    let direct = 0;
    for (let i = 0; i < groupT.length; i++) {
      direct += groupW[i] * (kernelCdf(kernel, b - groupT[i]) - kernelCdf(kernel, a - groupT[i]));
    }
    let induced = 0;
    for (let j = 0; j < k; j++) {
      if (expected[j] === 0) continue;
      induced += expected[j] * (kernelCdf(kernel, b - centres[j]) - kernelCdf(kernel, a - centres[j]));
    }
    expected[k] = p * direct + m * induced;
  }
  const time: number[] = [];
  const mean: number[] = [];
  let total = 0;
  for (let k = 0; k < cells; k++) {
    total += expected[k];
    time.push(grid[k + 1]);
    mean.push(total);
  }
  return { time, mean };
}

/** N_T^e = Σ wᵢ (mass − Φ(T − tᵢ)): the weight of exposures whose reposts are still to come. */
export function effectiveWeight(
  kernel: MemoryKernel,
  at: number,
  times: Float64Array,
  weights: Float64Array,
): number {
  const mass = kernelMass(kernel);
  let sum = 0;
  for (let i = 0; i < times.length; i++) sum += weights[i] * (mass - kernelCdf(kernel, at - times[i]));
  return sum;
}

/** The whole forecast for a branching estimator. */
export function branchingForecast(
  inputs: BranchingInputs,
  /** The law of the future count as a mixture; default: p ~ Gamma(shape, rate) with the rest fixed. */
  components?: readonly MixtureComponent[],
): FutureForecast & { effectiveWeight: number; branchingRatio: number } {
  const { kernel, at, times, weights, p, meanWeight, lowQ, highQ, horizon } = inputs;
  const alpha = inputs.alpha ?? 1;
  const gamma = inputs.gamma ?? 1;
  const nE = effectiveWeight(kernel, at, times, weights);
  const m = gamma * p * meanWeight;
  const direct = alpha * p * nE;
  const mean = m < 1 ? direct / (1 - m) : direct > 0 ? Number.POSITIVE_INFINITY : 0;
  const distribution = mixtureDistribution(
    components ??
      gammaNodes(inputs.shape, inputs.rate).map((node) => ({
        mu: alpha * node * nE,
        m: gamma * node * meanWeight,
        weight: 1,
      })),
  );
  const path = expectedPath(kernel, at, times, weights, alpha * p, m, horizon);
  const low = distribution.quantile(lowQ);
  const high = distribution.quantile(highQ);
  const last = path.mean[path.mean.length - 1] || 1;
  // The band keeps the expected path's shape, scaled to the final quantiles.
  const shapeDenominator = Number.isFinite(mean) && mean > 0 ? mean : last;
  const scaled = (value: number) =>
    path.mean.map((x) =>
      Number.isFinite(value) ? (value * x) / shapeDenominator : Number.POSITIVE_INFINITY,
    );
  return {
    mean,
    quantile: distribution.quantile,
    survival: distribution.survival,
    path: { time: path.time, mean: path.mean, low: scaled(low), high: scaled(high) },
    effectiveWeight: nE,
    branchingRatio: m,
  };
}
