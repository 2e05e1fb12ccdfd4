/**
 * Erdős–Rényi G(n, p) with mutual links, by the sparse generator of Batagelj
 * and Brandes (2005): geometric skips over the pairs (v, w), w < v. The loop
 * is graphology-generators' `erdosRenyi.sparse` for an undirected graph,
 * draw for draw, so seeded graphs are the same without building a second
 * graphology graph.
 */
import type { Rng } from "../random.ts";
import { addMutual, audienceFromDegree, type GraphSink, toSocialGraph } from "./sink.ts";
import { requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export interface ErdosRenyiOptions {
  n: number;
  /** Mean number of friends; p = meanDegree / (n - 1). */
  meanDegree: number;
}

export function erdosRenyi(options: ErdosRenyiOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => erdosRenyiInto(options, rng, sink));
}

export function erdosRenyiInto(options: ErdosRenyiOptions, rng: Rng, graph: GraphSink): void {
  const { n, meanDegree } = options;
  requireInteger("generators/erdos-renyi", "n", n, 2, 2_000_000);
  requireNumber("generators/erdos-renyi", "meanDegree", meanDegree, 0, n - 1);
  graph.begin("er");
  const probability = meanDegree / (n - 1);
  if (probability > 0) {
    const lp = Math.log(1 - probability);
    let w = -1;
    let v = 1;
    while (v < n) {
      const lr = Math.log(1 - rng.next());
      w += 1 + ((lr / lp) | 0);
      while (w >= v && v < n) {
        w -= v;
        v++;
      }
      if (v < n) addMutual(graph, v, w);
    }
  }
  audienceFromDegree(graph);
}
