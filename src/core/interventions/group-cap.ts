/**
 * WeChat-style group limits. WeChat caps a group chat at 500 members and, in
 * 2018-2019, limited forwarding of one message to a few chats at once (a
 * limit WhatsApp also adopted: at most 5 chats, then 1 for viral messages).
 * Both are edge removals on the graph built by generators/groups.ts, where
 * every link between co-members comes from a shared group.
 *
 * Which members leave a capped group, and which groups an account forwards
 * into, is decided by a fixed hash of (group, account), so the choice is
 * arbitrary but the same in every run. On the public-account preset,
 * Moments friendships that are also group links are cut too: an
 * approximation, as the merged graph does not say which links came from where.
 */
import type { CompiledGraph } from "../compiled-graph.ts";
import { intHash } from "./coin.ts";

/** Group ids of each account by compiled index (empty where the graph has none). */
export type Memberships = ReadonlyArray<readonly number[]>;

function sharesGroup(a: readonly number[], b: readonly number[]): boolean {
  for (const g of a) if (b.includes(g)) return true;
  return false;
}

/** Memberships after capping every group at `maxSize` (members ranked by a hash of (group, account)). */
export function capGroups(memberships: Memberships, maxSize: number): number[][] {
  const members = new Map<number, number[]>();
  memberships.forEach((groups, u) => {
    for (const g of groups) {
      const list = members.get(g);
      if (list) list.push(u);
      else members.set(g, [u]);
    }
  });
  const capped: number[][] = memberships.map(() => []);
  for (const [g, list] of members) {
    const kept =
      list.length <= maxSize
        ? list
        : [...list].sort((a, b) => intHash(g, a) - intHash(g, b) || a - b).slice(0, maxSize);
    for (const u of kept) capped[u].push(g);
  }
  return capped;
}

/** Marks links between former co-members who no longer share any group. */
export function markGroupCap(
  graph: CompiledGraph,
  memberships: Memberships,
  maxSize: number,
  remove: Uint8Array,
): void {
  const capped = capGroups(memberships, maxSize);
  for (let u = 0; u < graph.n; u++) {
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      const v = graph.targets[j];
      if (sharesGroup(memberships[u], memberships[v]) && !sharesGroup(capped[u], capped[v])) remove[j] = 1;
    }
  }
}

/** Marks links from each account to co-members reachable only through groups beyond its first `maxGroups`. */
export function markForwardLimit(
  graph: CompiledGraph,
  memberships: Memberships,
  maxGroups: number,
  remove: Uint8Array,
): void {
  for (let u = 0; u < graph.n; u++) {
    const groups = memberships[u];
    if (groups.length <= maxGroups) continue;
    const chosen = [...groups].sort((a, b) => intHash(u, a) - intHash(u, b) || a - b).slice(0, maxGroups);
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      const v = graph.targets[j];
      if (sharesGroup(groups, memberships[v]) && !sharesGroup(chosen, memberships[v])) remove[j] = 1;
    }
  }
}
