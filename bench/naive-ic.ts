/**
 * The Independent Cascade as one would first write it: straight on the
 * graphology graph, string keys, a Set of who reposted, a heap of event
 * objects, one random draw per follower examined. Same model as
 * src/core/models/independent-cascade.ts (continuous time, log-normal
 * delays, horizon); it is the baseline the typed-array engine is measured against.
 */
import type { SocialGraph } from "../src/core/generators/types.ts";
import type { Rng } from "../src/core/random.ts";

interface Pending {
  time: number;
  node: string;
}

export interface NaiveResult {
  reposts: number;
  views: number;
  /** Followers looked at. */
  examined: number;
}

export function naiveIndependentCascade(
  graph: SocialGraph,
  source: string,
  p: number,
  delayMinutes: number,
  delaySpread: number,
  horizon: number,
  rng: Rng,
): NaiveResult {
  const active = new Set<string>();
  const heap: Pending[] = [];
  const push = (item: Pending) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heap[up].time <= item.time) break;
      heap[i] = heap[up];
      i = up;
    }
    heap[i] = item;
  };
  const pop = (): Pending => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && heap[child + 1].time < heap[child].time) child++;
        if (last.time <= heap[child].time) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  };
  let views = 0;
  let examined = 0;
  const post = (node: string, time: number) => {
    active.add(node);
    views += graph.getNodeAttribute(node, "followers");
    graph.forEachOutNeighbor(node, (follower) => {
      examined++;
      if (active.has(follower) || rng.next() >= p) return;
      const delay = delayMinutes * 60 * Math.exp(delaySpread * rng.normal());
      if (time + delay <= horizon) push({ time: time + delay, node: follower });
    });
  };
  post(source, 0);
  while (heap.length > 0) {
    const { time, node } = pop();
    if (!active.has(node)) post(node, time);
  }
  return { reposts: active.size - 1, views, examined };
}
