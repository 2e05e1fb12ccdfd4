/**
 * What the network view draws for an intervention: crossed-out accounts and
 * links, and the branches of the same run that no longer happen (ghosts).
 */
import type { Cascade } from "../cascade.ts";
import type { CompiledGraph } from "../compiled-graph.ts";
import type { InterventionPlan } from "./plan.ts";

/** Links the plan removed, as [poster, follower] account ids. */
export function removedLinks(plan: InterventionPlan, original: CompiledGraph): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const removed = plan.removedEdges;
  if (!removed) return out;
  for (let u = 0; u < original.n; u++) {
    for (let j = original.offsets[u]; j < original.offsets[u + 1]; j++) {
      if (removed[j] === 1) out.push([original.ids[u], original.ids[original.targets[j]]]);
    }
  }
  return out;
}

/** Suspended account ids, in the order chosen. */
export function suspendedIds(plan: InterventionPlan): string[] {
  return plan.suspendedAccounts.map((i) => plan.graph.ids[i]);
}

export interface CascadeDiff {
  /** Indices into `baseline.events` of reposts by accounts that do not repost with the intervention. */
  ghosted: Uint32Array;
  /** Indices into `intervention.events` of reposts by accounts that did not repost in the baseline. */
  added: Uint32Array;
}

/**
 * Baseline run against the intervention run on the same stream, account by
 * account. With common random numbers the two agree until the intervention
 * first acts; after that, a few accounts may repost only in the intervention
 * run (the model's later draws shift), which `added` lists honestly.
 */
export function diffCascades(baseline: Cascade, intervention: Cascade): CascadeDiff {
  const after = new Set(intervention.events.map((e) => e.account));
  const before = new Set(baseline.events.map((e) => e.account));
  const ghosted: number[] = [];
  baseline.events.forEach((e, i) => {
    if (!after.has(e.account)) ghosted.push(i);
  });
  const added: number[] = [];
  intervention.events.forEach((e, i) => {
    if (!before.has(e.account)) added.push(i);
  });
  return { ghosted: Uint32Array.from(ghosted), added: Uint32Array.from(added) };
}
