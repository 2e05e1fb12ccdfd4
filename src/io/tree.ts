/**
 * Turns repost records that name their parent by key into cascade events with
 * parent indices and depths. Shared by every reader with a repost tree, so the
 * rules (parents by Map, never by plain object; cycles refused; missing
 * parents reported) are the same for all formats.
 */
import type { CascadeEvent } from "../core/cascade.ts";
import { InputError, quote } from "./errors.ts";

export interface RawEvent {
  /** Unique key of this event in the file (a node id, a path, a tuple). */
  key: string;
  /** Key of the event it reposts; null for the source. */
  parentKey: string | null;
  account: string;
  time: number;
  audience: number | null;
  /** 1-based line in the file, for error messages. */
  line: number;
}

export interface TreeResult {
  events: CascadeEvent[];
  /** Events whose parent was not in the file and that were attached to the source. */
  missingParents: number;
  /** Events timed before the post they repost. */
  beforeParent: number;
}

/**
 * raws[0] must be the source. A parent key that is not in the file either
 * attaches the repost to the source ("source") or is an error ("error").
 */
export function buildTree(file: string, raws: RawEvent[], onMissingParent: "source" | "error"): TreeResult {
  const index = new Map<string, number>();
  for (let i = 0; i < raws.length; i++) if (!index.has(raws[i].key)) index.set(raws[i].key, i);
  const parent = new Int32Array(raws.length);
  parent[0] = -1;
  let missingParents = 0;
  for (let i = 1; i < raws.length; i++) {
    const raw = raws[i];
    const p = raw.parentKey === null ? undefined : index.get(raw.parentKey);
    if (p === undefined) {
      if (onMissingParent === "error") {
        throw new InputError({
          file,
          line: raw.line,
          expected: { code: "knownParent" },
          found: { code: "unknownParent", text: quote(raw.parentKey ?? "") },
        });
      }
      missingParents++;
      parent[i] = 0;
    } else {
      parent[i] = p;
    }
  }
  const depth = depthsFromSource(parent);
  for (let i = 0; i < raws.length; i++) {
    if (depth[i] === -1) throw cycleError(file, raws, parent, i);
  }
  let beforeParent = 0;
  const events: CascadeEvent[] = new Array(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    if (parent[i] >= 0 && raw.time < raws[parent[i]].time) beforeParent++;
    events[i] = {
      account: raw.account,
      parent: parent[i],
      time: raw.time,
      depth: depth[i],
      audience: raw.audience,
    };
  }
  return { events, missingParents, beforeParent };
}

/** Depth of every node reachable from node 0 (BFS, O(n)); -1 where unreachable. */
export function depthsFromSource(parent: Int32Array): Int32Array {
  const n = parent.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) start[parent[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const children = new Int32Array(Math.max(0, start[n]));
  for (let i = 0; i < n; i++) if (parent[i] >= 0) children[fill[parent[i]]++] = i;
  const depth = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (parent[i] === -1) {
      depth[i] = 0;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const u = queue[head++];
    for (let k = start[u]; k < start[u + 1]; k++) {
      const v = children[k];
      depth[v] = depth[u] + 1;
      queue[tail++] = v;
    }
  }
  return depth;
}

function cycleError(file: string, raws: RawEvent[], parent: Int32Array, from: number): InputError {
  // Walk up until a node repeats: that loop is the cycle to show.
  const seen = new Map<number, number>();
  const path: number[] = [];
  let at = from;
  while (!seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    at = parent[at];
  }
  const loop = path.slice(seen.get(at));
  const names = [...loop, loop[0]].map((i) => raws[i].key).join(" → ");
  const line = Math.max(...loop.map((i) => raws[i].line));
  return new InputError({
    file,
    line,
    expected: { code: "leadsToSource" },
    found: { code: "cycle", text: quote(names, 120) },
  });
}
