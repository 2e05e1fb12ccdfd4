/**
 * The social graph compiled once to compact typed arrays (CSR), so the hot
 * loops of the cascade models never touch graphology's maps. Node i's
 * followers (who see its posts) are targets[offsets[i] .. offsets[i + 1]).
 */
import type { SocialGraph } from "./generators/types.ts";

export interface CompiledGraph {
  n: number;
  /** Number of edges. */
  m: number;
  /** Account ids by index. */
  ids: string[];
  offsets: Uint32Array;
  targets: Uint32Array;
  /** In-edges too (for threshold models): sources of node i are inSources[inOffsets[i] .. inOffsets[i + 1]). */
  inOffsets: Uint32Array;
  inSources: Uint32Array;
  /** Audience (follower count) by index. */
  audience: Float64Array;
  /** 1 for bot / hired poster accounts. */
  bot: Uint8Array;
  /**
   * Set on a copy with links removed (interventions): the graph it was cut from. Models take their
   * per-graph facts (the median audience) from it, so a cut does not rescale every account.
   */
  cutFrom?: CompiledGraph;
}

export function compileGraph(graph: SocialGraph): CompiledGraph {
  const n = graph.order;
  const m = graph.size;
  const ids: string[] = new Array(n);
  const index = new Map<string, number>();
  const audience = new Float64Array(n);
  const bot = new Uint8Array(n);
  let i = 0;
  graph.forEachNode((node, attributes) => {
    ids[i] = node;
    index.set(node, i);
    audience[i] = attributes.followers ?? 0;
    bot[i] = attributes.bot ? 1 : 0;
    i++;
  });
  const offsets = new Uint32Array(n + 1);
  const inOffsets = new Uint32Array(n + 1);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    offsets[index.get(source)! + 1]++;
    inOffsets[index.get(target)! + 1]++;
  });
  for (let k = 0; k < n; k++) {
    offsets[k + 1] += offsets[k];
    inOffsets[k + 1] += inOffsets[k];
  }
  const targets = new Uint32Array(m);
  const inSources = new Uint32Array(m);
  const outFill = offsets.slice(0, n);
  const inFill = inOffsets.slice(0, n);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    targets[outFill[s]++] = t;
    inSources[inFill[t]++] = s;
  });
  return { n, m, ids, offsets, targets, inOffsets, inSources, audience, bot };
}

/** Account id -> index, for joining cascades (by account id) to the graph. */
export function indexById(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
  return index;
}

/**
 * Id -> index (-1 when absent) for many look-ups: ids "0" .. "n-1" (every preset) are their own index; any
 * other id list gets one map, built at the first id that is not.
 */
export function accountLookup(ids: readonly string[]): (id: string) => number {
  let index: Map<string, number> | null = null;
  return (id) => {
    const asIndex = Number(id);
    if (ids[asIndex] === id) return asIndex;
    index ??= indexById(ids);
    return index.get(id) ?? -1;
  };
}

/** Index of an account id, or -1. Linear: for user look-ups, not hot loops. */
export function indexOfAccount(compiled: CompiledGraph, account: string): number {
  return compiled.ids.indexOf(account);
}

/** Bytes held by the compiled arrays (the ids list excluded). */
export function compiledBytes(compiled: CompiledGraph): number {
  return (
    compiled.offsets.byteLength +
    compiled.targets.byteLength +
    compiled.inOffsets.byteLength +
    compiled.inSources.byteLength +
    compiled.audience.byteLength +
    compiled.bot.byteLength
  );
}
