/**
 * What of a graph the network view can draw. Up to NETWORK_VIEW_LIMIT
 * accounts it draws them all; above that a force layout would take minutes
 * and gigabytes, so it draws the cascade's accounts (and the source's first
 * followers, for context) as an induced subgraph, and says so.
 */
import type { CompiledGraph } from "./compiled-graph.ts";

/** Most accounts laid out and drawn whole (d3-force at 100,000 accounts: about 2.5 s a tick). */
export const NETWORK_VIEW_LIMIT = 100_000;
/** Most accounts in the cascade view of a larger graph: it lays out in seconds. */
export const CASCADE_VIEW_LIMIT = 5_000;
/** Followers of the source added to the cascade view, so a short cascade is not a lone dot. */
const SOURCE_FOLLOWERS_SHOWN = 300;

/**
 * The accounts to draw: `first` (source, reposters, ...) in order, without
 * repeats, then the source's followers, at most CASCADE_VIEW_LIMIT in all.
 */
export function cascadeViewAccounts(graph: CompiledGraph, source: number, first: Iterable<number>): number[] {
  const chosen: number[] = [];
  const taken = new Set<number>();
  const take = (i: number) => {
    if (i < 0 || i >= graph.n || taken.has(i) || chosen.length >= CASCADE_VIEW_LIMIT) return;
    taken.add(i);
    chosen.push(i);
  };
  take(source);
  for (const i of first) take(i);
  const end = Math.min(graph.offsets[source + 1], graph.offsets[source] + SOURCE_FOLLOWERS_SHOWN);
  for (let j = graph.offsets[source]; j < end; j++) take(graph.targets[j]);
  return chosen;
}

/** The subgraph induced by `accounts` (links among them only), indexed in the order given. */
export function inducedSubgraph(graph: CompiledGraph, accounts: readonly number[]): CompiledGraph {
  const n = accounts.length;
  const local = new Int32Array(graph.n).fill(-1);
  accounts.forEach((account, i) => {
    local[account] = i;
  });
  const offsets = new Uint32Array(n + 1);
  const inOffsets = new Uint32Array(n + 1);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = accounts[i];
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      const t = local[graph.targets[j]];
      if (t >= 0) {
        kept.push(i, t);
        inOffsets[t + 1]++;
      }
    }
    offsets[i + 1] = kept.length / 2;
  }
  for (let i = 0; i < n; i++) inOffsets[i + 1] += inOffsets[i];
  const m = kept.length / 2;
  const targets = new Uint32Array(m);
  const inSources = new Uint32Array(m);
  const inNext = inOffsets.slice(0, n);
  for (let e = 0; e < m; e++) {
    targets[e] = kept[2 * e + 1];
    inSources[inNext[kept[2 * e + 1]]++] = kept[2 * e];
  }
  const audience = new Float64Array(n);
  const bot = new Uint8Array(n);
  const ids: string[] = new Array(n);
  accounts.forEach((account, i) => {
    ids[i] = graph.ids[account];
    audience[i] = graph.audience[account];
    bot[i] = graph.bot[account];
  });
  return { n, m, ids, offsets, targets, inOffsets, inSources, audience, bot };
}
