import { DirectedGraph } from "graphology";
import type { AccountAttributes, GraphAttributes, SocialGraph } from "./types.ts";

/** An empty social graph with accounts "0" .. "n-1", no followers counted yet. */
export function emptySocialGraph(n: number, kind: string): SocialGraph {
  const graph: SocialGraph = new DirectedGraph<AccountAttributes, Record<string, never>, GraphAttributes>({
    allowSelfLoops: false,
  });
  graph.replaceAttributes({ kind });
  for (let i = 0; i < n; i++) graph.addNode(String(i), { followers: 0, bot: false });
  return graph;
}

/** Adds u -> v and v -> u (friendship: each sees the other's posts). */
export function addMutual(graph: SocialGraph, u: string, v: string): void {
  if (u === v) return;
  graph.mergeEdge(u, v);
  graph.mergeEdge(v, u);
}

/** Sets each account's audience to its in-graph out-degree (for classic models). */
export function audienceFromDegree(graph: SocialGraph): SocialGraph {
  graph.forEachNode((node) => graph.setNodeAttribute(node, "followers", graph.outDegree(node)));
  return graph;
}
