/**
 * Cutting follow links: the scissors of explorable explanations (Case,
 * "The Wisdom and/or Madness of Crowds", 2018), by hand or every link into a
 * community. A transform of the compiled graph that keeps every account
 * index, so baseline and intervention runs stay comparable account by account.
 */
import { type CompiledGraph, indexById } from "../compiled-graph.ts";
import { InterventionError } from "./types.ts";

/**
 * A copy of the graph without the edges `remove` marks (by edge position in
 * `targets`). Each poster's audience loses one follower per removed link.
 */
export function withoutEdges(graph: CompiledGraph, remove: Uint8Array): CompiledGraph {
  const { n } = graph;
  const offsets = new Uint32Array(n + 1);
  const inOffsets = new Uint32Array(n + 1);
  const audience = Float64Array.from(graph.audience);
  let m = 0;
  for (let u = 0; u < n; u++) {
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      if (remove[j] === 1) {
        audience[u] = Math.max(0, audience[u] - 1);
        continue;
      }
      offsets[u + 1]++;
      inOffsets[graph.targets[j] + 1]++;
      m++;
    }
  }
  for (let k = 0; k < n; k++) {
    offsets[k + 1] += offsets[k];
    inOffsets[k + 1] += inOffsets[k];
  }
  const targets = new Uint32Array(m);
  const inSources = new Uint32Array(m);
  const inFill = inOffsets.slice(0, n);
  let at = 0;
  for (let u = 0; u < n; u++) {
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      if (remove[j] === 1) continue;
      const v = graph.targets[j];
      targets[at++] = v;
      inSources[inFill[v]++] = u;
    }
  }
  return {
    n,
    m,
    ids: graph.ids,
    offsets,
    targets,
    inOffsets,
    inSources,
    audience,
    bot: graph.bot,
    cutFrom: graph.cutFrom ?? graph,
  };
}

/** Marks the links [poster, follower] given by account id; refuses unknown accounts and missing links. */
export function markLinks(
  graph: CompiledGraph,
  links: ReadonlyArray<readonly [string, string]>,
  remove: Uint8Array,
  field: string,
): void {
  const index = indexById(graph.ids);
  links.forEach(([poster, follower], k) => {
    const u = index.get(poster);
    const v = index.get(follower);
    if (u === undefined || v === undefined) {
      const account = u === undefined ? poster : follower;
      throw new InterventionError(`${field}[${k}]`, `no account '${account}' in this graph.`, {
        code: "noAccount",
        field: `${field}[${k}]`,
        account,
      });
    }
    let found = false;
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      if (graph.targets[j] === v) {
        remove[j] = 1;
        found = true;
      }
    }
    if (!found) {
      throw new InterventionError(`${field}[${k}]`, `no link from '${poster}' to '${follower}'.`, {
        code: "noLink",
        field: `${field}[${k}]`,
        poster,
        follower,
      });
    }
  });
}

/** Marks every link from outside `community` to an account inside it. */
export function markCommunityInlinks(
  graph: CompiledGraph,
  community: ArrayLike<number>,
  target: number,
  remove: Uint8Array,
): void {
  for (let u = 0; u < graph.n; u++) {
    if (community[u] === target) continue;
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      if (community[graph.targets[j]] === target) remove[j] = 1;
    }
  }
}
