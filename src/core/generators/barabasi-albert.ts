/**
 * Barabási–Albert preferential attachment (Barabási and Albert, Science 1999).
 * Each new account links to `m` existing accounts chosen with probability
 * proportional to their degree; links are mutual. graphology-generators has no BA.
 */
import type { Rng } from "../random.ts";
import { addMutual, audienceFromDegree, type GraphSink, toSocialGraph } from "./sink.ts";
import { requireInteger, type SocialGraph } from "./types.ts";

export interface BarabasiAlbertOptions {
  n: number;
  /** Links each new account makes. */
  m: number;
}

export function barabasiAlbert(options: BarabasiAlbertOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => barabasiAlbertInto(options, rng, sink));
}

export function barabasiAlbertInto(options: BarabasiAlbertOptions, rng: Rng, graph: GraphSink): void {
  const { n, m } = options;
  requireInteger("generators/barabasi-albert", "n", n, 2, 2_000_000);
  requireInteger("generators/barabasi-albert", "m", m, 1, n - 1);
  graph.begin("ba");
  // Every endpoint of every edge, once per endpoint: a uniform pick is degree-proportional.
  const endpoints = new Uint32Array(2 * m * n + 2 * m * m);
  let size = 0;
  const seedSize = m + 1;
  for (let i = 0; i < seedSize; i++) {
    for (let j = i + 1; j < seedSize; j++) {
      addMutual(graph, i, j);
      endpoints[size++] = i;
      endpoints[size++] = j;
    }
  }
  const chosen = new Set<number>();
  for (let v = seedSize; v < n; v++) {
    chosen.clear();
    while (chosen.size < m) chosen.add(endpoints[rng.int(size)]);
    for (const u of chosen) {
      addMutual(graph, v, u);
      endpoints[size++] = v;
      endpoints[size++] = u;
    }
  }
  audienceFromDegree(graph);
}
