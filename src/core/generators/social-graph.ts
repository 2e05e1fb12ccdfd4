import { GraphologySink } from "./sink.ts";
import type { SocialGraph } from "./types.ts";

/** An empty social graph with accounts "0" .. "n-1", no followers counted yet. */
export function emptySocialGraph(n: number, kind: string): SocialGraph {
  const sink = new GraphologySink(n);
  sink.begin(kind);
  return sink.graph;
}
