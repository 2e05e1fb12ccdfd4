/**
 * The memory kernel of SEISMIC (Zhao, Erdogdu, He, Rajaraman & Leskovec,
 * "SEISMIC: A Self-Exciting Point Process Model for Predicting Tweet
 * Popularity", KDD 2015, §3): the density of the delay between a post being
 * shown to a follower and that follower reposting it,
 *
 *   φ(s) = c                       for 0 < s ≤ s0
 *   φ(s) = c · (s / s0)^−(1+θ)     for s > s0,
 *
 * fitted by the paper on Twitter to s0 = 5 min, θ = 0.242, c = 6.49·10⁻⁴
 * (c is the constant that makes φ integrate to one: θ / (s0 (1 + θ)), rounded).
 * The Hawkes fit uses the same shape with θ free and c normalised.
 */

export interface MemoryKernel {
  /** Seconds of the flat head. */
  s0: number;
  /** Power-law exponent of the tail (the tail decays as s^−(1+θ)). */
  theta: number;
  /** Density on the flat head. */
  c: number;
}

/** The paper's constants (Zhao et al. 2015, §3.1). */
export const SEISMIC_KERNEL: MemoryKernel = { s0: 300, theta: 0.242, c: 6.49e-4 };

export class KernelError extends Error {
  override name = "KernelError";
}

/** The kernel with this head and exponent whose integral is exactly one. */
export function normalisedKernel(theta: number, s0 = SEISMIC_KERNEL.s0): MemoryKernel {
  if (!(theta > 0) || !Number.isFinite(theta)) {
    throw new KernelError(`predict/memory-kernel: invalid 'theta' ${theta}. Should be a number above 0.`);
  }
  if (!(s0 > 0) || !Number.isFinite(s0)) {
    throw new KernelError(
      `predict/memory-kernel: invalid 's0' ${s0}. Should be a number of seconds above 0.`,
    );
  }
  return { s0, theta, c: theta / (s0 * (1 + theta)) };
}

/** φ(s); the head value at s = 0 too, since real files round times to the second. */
export function kernelDensity(k: MemoryKernel, s: number): number {
  if (s < 0) return 0;
  if (s <= k.s0) return k.c;
  return k.c * (s / k.s0) ** -(1 + k.theta);
}

/** Φ(s) = ∫₀ˢ φ. */
export function kernelCdf(k: MemoryKernel, s: number): number {
  if (s <= 0) return 0;
  if (s <= k.s0) return k.c * s;
  if (!Number.isFinite(s)) return kernelMass(k);
  return k.c * k.s0 + ((k.c * k.s0) / k.theta) * (1 - (s / k.s0) ** -k.theta);
}

/** ∫₀^∞ φ (one for a normalised kernel; 0.9992 for the paper's rounded c). */
export function kernelMass(k: MemoryKernel): number {
  return k.c * k.s0 * (1 + 1 / k.theta);
}

/** The delay whose CDF is u (u in [0, mass)); Infinity past the mass. Used to simulate. */
export function kernelInverseCdf(k: MemoryKernel, u: number): number {
  const head = k.c * k.s0;
  if (u <= head) return u / k.c;
  const rest = 1 - ((u - head) * k.theta) / head;
  if (rest <= 0) return Number.POSITIVE_INFINITY;
  return k.s0 * rest ** (-1 / k.theta);
}
