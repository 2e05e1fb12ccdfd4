/**
 * Exact betweenness as the intervention computed it before `src/core/betweenness.ts`: the compiled
 * graph reversed into graphology ("follows": follower -> poster, one edge per pair) and
 * graphology-metrics' Brandes. The baseline of the interventions bench and the reference of its test.
 */
import { DirectedGraph } from "graphology";
import betweenness from "graphology-metrics/centrality/betweenness.js";
import type { CompiledGraph } from "../src/core/compiled-graph.ts";

export function graphologyBetweenness(graph: CompiledGraph): Float64Array {
  const g = new DirectedGraph();
  for (let i = 0; i < graph.n; i++) g.addNode(String(i));
  for (let u = 0; u < graph.n; u++) {
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++)
      g.mergeEdge(String(graph.targets[j]), String(u));
  }
  const scores = betweenness(g, { getEdgeWeight: null });
  return Float64Array.from({ length: graph.n }, (_, u) => scores[String(u)] ?? 0);
}
