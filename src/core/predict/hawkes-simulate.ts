/**
 * Simulates the marked Hawkes process of hawkes-fit.ts on time alone (no
 * graph) through its branching (cluster) representation (Hawkes & Oakes,
 * J. Appl. Prob. 1974): every event i has Poisson(κ wᵢ) children, each
 * after a delay drawn from the kernel φ_θ. Used to check that the fit recovers
 * known parameters and that prediction intervals cover at their nominal rate.
 */
import type { Cascade, CascadeEvent } from "../cascade.ts";
import type { Rng } from "../random.ts";
import { kernelInverseCdf, normalisedKernel } from "./memory-kernel.ts";

export interface HawkesSimulation {
  kappa: number;
  theta: number;
  beta: number;
  s0: number;
  /** Followers of the source post; without followers, the source's weight. */
  sourceFollowers: number;
  /** Followers of each repost, drawn from the stream; null for a cascade without followers (weights 1). */
  followers: ((rng: Rng) => number) | null;
}

/** Poisson draw: Knuth's product method on pieces of mean ≤ 30, so exp never underflows. */
export function poisson(rng: Rng, mean: number): number {
  let count = 0;
  let rest = mean;
  while (rest > 0) {
    const piece = Math.min(rest, 30);
    rest -= piece;
    const limit = Math.exp(-piece);
    let product = rng.nextOpen();
    while (product > limit) {
      count++;
      product *= rng.nextOpen();
    }
  }
  return count;
}

/**
 * Events up to `horizon` seconds (Infinity: the whole cascade, which ends when
 * κ·E[w] < 1), at most `maxEvents` of them, sorted by time.
 */
export function simulateHawkes(
  params: HawkesSimulation,
  rng: Rng,
  horizon = Number.POSITIVE_INFINITY,
  maxEvents = 100_000,
): Cascade {
  const kernel = normalisedKernel(params.theta, params.s0);
  const delays = rng.fork("delays");
  const counts = rng.fork("children");
  const marks = rng.fork("followers");
  const weight = (followers: number | null, index: number) => {
    if (followers === null) return index === 0 ? params.sourceFollowers : 1;
    return (1 + Math.max(0, followers)) ** params.beta;
  };
  const raw: { time: number; parent: number; depth: number; followers: number | null }[] = [
    { time: 0, parent: -1, depth: 0, followers: params.followers ? params.sourceFollowers : null },
  ];
  const warnings: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const event = raw[i];
    const children = poisson(counts, params.kappa * weight(event.followers, i));
    for (let c = 0; c < children; c++) {
      const time = event.time + kernelInverseCdf(kernel, delays.next());
      if (!(time <= horizon)) continue;
      if (raw.length >= maxEvents) {
        warnings.push(`stopped at ${maxEvents} events`);
        break;
      }
      raw.push({
        time,
        parent: i,
        depth: event.depth + 1,
        followers: params.followers ? Math.round(params.followers(marks)) : null,
      });
    }
    if (warnings.length > 0) break;
  }
  const order = raw.map((_, i) => i).sort((a, b) => raw[a].time - raw[b].time || a - b);
  const rank = new Int32Array(raw.length);
  order.forEach((i, r) => {
    rank[i] = r;
  });
  const events: CascadeEvent[] = order.map((i) => ({
    account: `h${i}`,
    parent: raw[i].parent < 0 ? -1 : rank[raw[i].parent],
    time: raw[i].time,
    depth: raw[i].depth,
    audience: raw[i].followers,
  }));
  return { id: "hawkes-simulation", format: "simulation", events, warnings };
}
