/**
 * A cascade is what happened to one post: the source at time 0, then repost
 * events. Simulated and loaded cascades share this type, so every chart,
 * count and prediction works on both.
 */

import type { Note } from "./notes.ts";

export interface CascadeEvent {
  /** Account id, as in the graph or the file. */
  account: string;
  /** Index of the parent event in `Cascade.events`; -1 for the source. */
  parent: number;
  /** Seconds after the source post. */
  time: number;
  /** Repost generation: 0 for the source, 1 for a repost of it, and so on. */
  depth: number;
  /** Followers (audience) of the author, or null where the data has none. */
  audience: number | null;
  /**
   * Of `audience`, how many had not been exposed before (known for simulated
   * cascades on a graph); used when repeated views do not count.
   */
  newAudience?: number;
  /** Flagged as a bot or hired poster. */
  bot?: boolean;
}

export interface Cascade {
  id: string;
  /** events[0] is the source post. Order is file order (simulations: time order). */
  events: CascadeEvent[];
  /** Where it came from: "simulation", "twitter-tree", "ced", ... */
  format: string;
  /** Platform in words, for the summary card. */
  platform?: string;
  /** A label from the data set (rumour / non-rumour / true / false ...). */
  label?: string;
  /** Epoch seconds of the source post, when known. */
  startEpoch?: number;
  /** True where audiences were not in the data and an assumed value was used. */
  audienceAssumed?: boolean;
  /** Things the reader or simulator wants the user to know. */
  warnings: string[];
  /** The same as data, index for index, where the warnings come from notes (src/core/notes.ts). */
  notes?: Note[];
}

/** Events in counting order: by time, ties in input order. Returns indices. */
export function countingOrder(events: readonly CascadeEvent[]): Uint32Array {
  const order = new Uint32Array(events.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < events.length; i++) {
    if (events[i].time < events[i - 1].time) {
      sorted = false;
      break;
    }
  }
  if (sorted) return order;
  return order.sort((a, b) => events[a].time - events[b].time || a - b);
}

/** Children lists from parent links (index -> child indices, in input order). */
export function childrenOf(events: readonly CascadeEvent[]): number[][] {
  const children: number[][] = events.map(() => []);
  for (let i = 0; i < events.length; i++) {
    const p = events[i].parent;
    if (p >= 0) children[p].push(i);
  }
  return children;
}
