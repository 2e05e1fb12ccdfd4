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
import type { EventQueue } from "../event-queue.ts";
import type { NodeSet, NodeTimes } from "../models/model.ts";
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
 * Spreads one correction and lowers `seen` to when each account first sees
 * it (seeds: when they post it); accounts it never reaches before `horizon`
 * keep their time. `posted` and `queue` are scratch, emptied here, so the
 * cost is the accounts the correction reaches, not the size of the graph.
 */
export function correctionSeenTimes(
  graph: CompiledGraph,
  message: CounterMessage,
  rng: Rng,
  horizon: number,
  seen: NodeTimes,
  posted: NodeSet,
  queue: EventQueue,
): void {
  posted.reset(graph.n);
  queue.clear();
  for (const seed of message.seeds) queue.push(message.time, seed, -1);
  while (queue.size > 0) {
    const time = queue.peekTime();
    const node = queue.topNode();
    queue.pop();
    if (posted.has(node)) continue;
    posted.add(node);
    seen.lower(node, time);
    for (let j = graph.offsets[node]; j < graph.offsets[node + 1]; j++) {
      const follower = graph.targets[j];
      seen.lower(follower, time);
      if (!posted.has(follower) && rng.bernoulli(message.p)) {
        const at = time + message.medianDelay * Math.exp(DELAY_SPREAD * rng.normal());
        if (at <= horizon) queue.push(at, follower, node);
      }
    }
  }
}
