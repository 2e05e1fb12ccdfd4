/**
 * Seeded random streams: xoshiro128** seeded through splitmix32.
 * A stream is named by a seed (string or number); `fork(label)` derives an
 * independent child stream from the parent's *name*, not its state, so run 17
 * of a Monte Carlo batch draws the same numbers whichever worker runs it.
 */

export type Seed = string | number;

/** 32-bit FNV-1a over the UTF-16 code units, then mixed; stable across engines. */
export function hashSeed(seed: Seed): number {
  const text = typeof seed === "number" ? `n:${seed}` : `s:${seed}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export class Rng {
  /** The stream's name: forks derive from it. */
  readonly key: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: Seed) {
    this.key =
      typeof seed === "number" && Number.isInteger(seed) && seed >>> 0 === seed
        ? mix32(seed ^ 0x9e3779b9)
        : hashSeed(seed);
    let x = this.key;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      return mix32(x);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe under a logarithm. */
  nextOpen(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }

  /** Integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  exponential(rate: number): number {
    return -Math.log(this.nextOpen()) / rate;
  }

  /** Standard normal by Box–Muller (one value per call; simple beats fast here). */
  normal(): number {
    const u = this.nextOpen();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Pareto (Lomax-free, classic) with scale xm and shape alpha. */
  pareto(xm: number, alpha: number): number {
    return xm / this.nextOpen() ** (1 / alpha);
  }

  /** Number of failures before the first success, success probability p in (0, 1]. */
  geometric(p: number): number {
    if (p >= 1) return 0;
    if (p <= 0) return Number.POSITIVE_INFINITY;
    return Math.floor(Math.log(this.nextOpen()) / Math.log1p(-p));
  }

  /** An independent stream named after this one and the label. */
  fork(label: Seed): Rng {
    const labelHash = hashSeed(label);
    return new Rng(`${this.key.toString(16)}/${labelHash.toString(16)}`);
  }

  /** A function `() => number` for libraries that take `rng` (graphology, d3). */
  asFunction(): () => number {
    return () => this.next();
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export function createRng(seed: Seed): Rng {
  return new Rng(seed);
}
