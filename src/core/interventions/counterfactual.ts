/**
 * Counterfactual pruning of an observed cascade: "deleted at 10:32, the
 * record would have stopped at 212 reposts; suspending these 3 accounts
 * removes 61% of the cascade". A removed event takes its whole subtree with
 * it, since those reposts were made from it. This is the direct effect only:
 * in reality some of the pruned accounts might have seen the post elsewhere,
 * so the pruned count is a lower bound on what would have happened (and the
 * share removed an upper bound on the effect).
 */
import { type Cascade, type CascadeEvent, childrenOf, countingOrder } from "../cascade.ts";
import { type CountingRules, DEFAULT_RULES, evaluateLine, type LineReport, repostCounts } from "../legal.ts";
import { InterventionError } from "./types.ts";

export interface Pruning {
  /** Delete the post: events after this time go (seconds after the source). */
  deleteAt?: number;
  /** Delete the post once this many reposts are on record (counting order); later ones go. */
  deleteAtReposts?: number;
  /** Accounts suspended from the start: their posts and everything reposted from them go. */
  suspend?: readonly string[];
  /** Events cut by hand (indices into `cascade.events`), with their subtrees. */
  cutEvents?: readonly number[];
}

export interface CounterfactualResult {
  /** Indices into the original `cascade.events` that stay, ascending. */
  kept: Uint32Array;
  /** Indices that go, ascending. */
  removed: Uint32Array;
  /** The pruned cascade (parents re-indexed); no events at all when the source goes. */
  cascade: Cascade;
  report: LineReport;
  /** The original's report, for the comparison. */
  original: LineReport;
  /** Counted reposts removed, as a share of the original's counted reposts (0 when it had none). */
  removedShare: number;
}

/** Prunes the observed tree and counts what would have been left. */
export function pruneCascade(
  cascade: Cascade,
  pruning: Pruning,
  rules: CountingRules = DEFAULT_RULES,
): CounterfactualResult {
  const { events } = cascade;
  const n = events.length;
  const cut = new Uint8Array(n);
  if (pruning.deleteAt !== undefined) {
    if (!(pruning.deleteAt >= 0)) {
      throw new InterventionError("deleteAt", `${pruning.deleteAt}. Should be a number of seconds from 0.`, {
        code: "bound",
        field: "deleteAt",
        value: String(pruning.deleteAt),
        bound: "secondsFromZero",
      });
    }
    for (let i = 0; i < n; i++) if (events[i].time > pruning.deleteAt) cut[i] = 1;
  }
  if (pruning.deleteAtReposts !== undefined) {
    const limit = pruning.deleteAtReposts;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new InterventionError("deleteAtReposts", `${limit}. Should be a whole number from 0.`, {
        code: "bound",
        field: "deleteAtReposts",
        value: String(limit),
        bound: "wholeFromZero",
      });
    }
    let reposts = 0;
    for (const i of countingOrder(events)) {
      if (events[i].parent === -1) continue;
      if (reposts >= limit) cut[i] = 1;
      else reposts++;
    }
  }
  if (pruning.suspend) {
    const suspended = new Set(pruning.suspend);
    for (let i = 0; i < n; i++) if (suspended.has(events[i].account)) cut[i] = 1;
  }
  for (const [k, i] of (pruning.cutEvents ?? []).entries()) {
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new InterventionError(`cutEvents[${k}]`, `${i}. Should be an event index from 0 to ${n - 1}.`, {
        code: "eventIndex",
        field: `cutEvents[${k}]`,
        value: String(i),
        max: n - 1,
      });
    }
    cut[i] = 1;
  }
  // Everything below a cut event goes with it.
  const children = childrenOf(events);
  const removedFlag = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) if (cut[i] === 1) stack.push(i);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (removedFlag[i] === 1) continue;
    removedFlag[i] = 1;
    for (const c of children[i]) stack.push(c);
  }
  const kept: number[] = [];
  const removed: number[] = [];
  for (let i = 0; i < n; i++) (removedFlag[i] ? removed : kept).push(i);
  const newIndex = new Int32Array(n).fill(-1);
  kept.forEach((i, k) => {
    newIndex[i] = k;
  });
  const prunedEvents: CascadeEvent[] = kept.map((i) => ({
    ...events[i],
    parent: events[i].parent < 0 ? -1 : newIndex[events[i].parent],
  }));
  const pruned: Cascade = {
    ...cascade,
    id: `${cascade.id}-counterfactual`,
    events: prunedEvents,
    warnings: [...cascade.warnings],
  };
  const original = evaluateLine(cascade, rules);
  const report = evaluateLine(pruned, rules);
  let removedCounted = 0;
  for (const i of removed) if (repostCounts(events[i], rules)) removedCounted++;
  return {
    kept: Uint32Array.from(kept),
    removed: Uint32Array.from(removed),
    cascade: pruned,
    report,
    original,
    removedShare: original.reposts > 0 ? removedCounted / original.reposts : 0,
  };
}

/**
 * Size of each event's subtree (itself included): how much of the record
 * hangs on that repost. Used to rank accounts for suspension.
 */
export function subtreeSizes(events: readonly CascadeEvent[]): Uint32Array {
  const size = new Uint32Array(events.length).fill(1);
  const children = childrenOf(events);
  // Visit parents before children from every root, then add up in reverse, so any file order works.
  const visit: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < events.length; i++) if (events[i].parent < 0) stack.push(i);
  while (stack.length > 0) {
    const i = stack.pop()!;
    visit.push(i);
    for (const c of children[i]) stack.push(c);
  }
  for (let r = visit.length - 1; r >= 0; r--) {
    const p = events[visit[r]].parent;
    if (p >= 0) size[p] += size[visit[r]];
  }
  return size;
}

/**
 * For an observed cascade: deleting before this time keeps the record under
 * the line on that prong (the time of the tipping event); null when the
 * cascade never crosses it, so any deletion time keeps it under.
 */
export function latestDeletionUnderLine(
  cascade: Cascade,
  rules: CountingRules = DEFAULT_RULES,
  prong: "reposts" | "views" = "reposts",
): number | null {
  return evaluateLine(cascade, rules).crossing[prong]?.time ?? null;
}
