/**
 * A correction as a competing cascade (Budak, Agrawal and El Abbadi, "Limiting
 * the spread of misinformation in social networks", WWW 2011): the correction
 * spreads from chosen accounts as its own Independent Cascade, and whoever
 * sees it before the rumour never reposts the rumour. Here the two cascades
 * do not otherwise interact (a rumour reposter may still pass the correction
 * on), which keeps the correction's run independent of the rumour's and so
 * the same in baseline and intervention runs.
 */
import type { CompiledGraph } from "../compiled-graph.ts";
import { EventQueue } from "../event-queue.ts";
import type { Rng } from "../random.ts";

export interface CounterMessage {
  /** Account indices that post the correction. */
  seeds: readonly number[];
  /** Seconds after the rumour's source post. */
  time: number;
  /** Chance that a follower who sees the correction passes it on. */
  p: number;
  /** Median delay of a repost of the correction, seconds (log-normal, spread 1). */
  medianDelay: number;
}

const DELAY_SPREAD = 1;

/**
 * When each account first sees the correction (seeds: when they post it);
 * Infinity for those it never reaches before `horizon`. Writes into `seen`.
 */
export function correctionSeenTimes(
  graph: CompiledGraph,
  message: CounterMessage,
  rng: Rng,
  horizon: number,
  seen: Float64Array,
  queue: EventQueue = new EventQueue(),
): Float64Array {
  seen.fill(Number.POSITIVE_INFINITY);
  const posted = new Uint8Array(graph.n);
  queue.clear();
  for (const seed of message.seeds) queue.push(message.time, seed, -1);
  while (queue.size > 0) {
    const time = queue.peekTime();
    const node = queue.topNode();
    queue.pop();
    if (posted[node] === 1) continue;
    posted[node] = 1;
    if (time < seen[node]) seen[node] = time;
    for (let j = graph.offsets[node]; j < graph.offsets[node + 1]; j++) {
      const follower = graph.targets[j];
      if (time < seen[follower]) seen[follower] = time;
      if (posted[follower] === 0 && rng.bernoulli(message.p)) {
        const at = time + message.medianDelay * Math.exp(DELAY_SPREAD * rng.normal());
        if (at <= horizon) queue.push(at, follower, node);
      }
    }
  }
  return seen;
}
