/**
 * Erdős–Rényi G(n, p) with mutual links, through graphology-generators'
 * sparse generator (Batagelj and Brandes 2005), fed our seeded stream.
 */
import { UndirectedGraph } from "graphology";
import { erdosRenyi as graphologyErdosRenyi } from "graphology-generators/random";
import type { Rng } from "../random.ts";
import { addMutual, audienceFromDegree, emptySocialGraph } from "./social-graph.ts";
import { requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export interface ErdosRenyiOptions {
  n: number;
  /** Mean number of friends; p = meanDegree / (n - 1). */
  meanDegree: number;
}

export function erdosRenyi(options: ErdosRenyiOptions, rng: Rng): SocialGraph {
  const { n, meanDegree } = options;
  requireInteger("generators/erdos-renyi", "n", n, 2, 2_000_000);
  requireNumber("generators/erdos-renyi", "meanDegree", meanDegree, 0, n - 1);
  const undirected = graphologyErdosRenyi.sparse(UndirectedGraph, {
    order: n,
    probability: meanDegree / (n - 1),
    rng: rng.asFunction(),
  });
  const graph = emptySocialGraph(n, "er");
  undirected.forEachEdge((_edge, _attributes, u, v) => addMutual(graph, u, v));
  return audienceFromDegree(graph);
}
