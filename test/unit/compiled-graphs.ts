/** Compiled graphs built straight into typed arrays, for tests too large for graphology. */
import type { CompiledGraph } from "../../src/core/compiled-graph.ts";
import type { Rng } from "../../src/core/random.ts";

/** A compiled graph from follower lists: followers[i] are the accounts that see i's posts. */
export function compiledFromFollowers(followers: ArrayLike<number>[], audience?: number): CompiledGraph {
  const n = followers.length;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + followers[i].length;
  const m = offsets[n];
  const targets = new Uint32Array(m);
  const inOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    targets.set(followers[i], offsets[i]);
    for (let j = 0; j < followers[i].length; j++) inOffsets[followers[i][j] + 1]++;
  }
  for (let i = 0; i < n; i++) inOffsets[i + 1] += inOffsets[i];
  const inSources = new Uint32Array(m);
  const fill = inOffsets.slice(0, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < followers[i].length; j++) inSources[fill[followers[i][j]]++] = i;
  const audiences = new Float64Array(n);
  for (let i = 0; i < n; i++) audiences[i] = audience ?? followers[i].length;
  return {
    n,
    m,
    ids: Array.from({ length: n }, (_, i) => String(i)),
    offsets,
    targets,
    inOffsets,
    inSources,
    audience: audiences,
    bot: new Uint8Array(n),
  };
}

/** Everyone follows everyone else. */
export function completeGraph(n: number): CompiledGraph {
  return compiledFromFollowers(
    Array.from({ length: n }, (_, i) => {
      const list = new Uint32Array(n - 1);
      for (let k = 0, j = 0; j < n; j++) if (j !== i) list[k++] = j;
      return list;
    }),
  );
}

/** Each account has exactly `degree` distinct followers chosen at random. */
export function randomOutRegular(n: number, degree: number, rng: Rng): CompiledGraph {
  return compiledFromFollowers(
    Array.from({ length: n }, (_, i) => {
      const chosen = new Set<number>();
      while (chosen.size < degree) {
        const j = rng.int(n);
        if (j !== i) chosen.add(j);
      }
      return Uint32Array.from(chosen);
    }),
  );
}
