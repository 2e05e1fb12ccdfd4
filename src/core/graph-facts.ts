/**
 * What the compiled arrays leave out of a social graph and a few features
 * still need: the graph's kind, display names (the default source is never a
 * big V), and group and community memberships (group limits, cutting a
 * community off). Indexed like the compiled graph.
 */
import type { CompiledGraph } from "./compiled-graph.ts";
import type { SocialGraph } from "./generators/types.ts";

export interface GraphFacts {
  /** Generator or file the graph came from. */
  kind: string;
  /** A suggested source account id (the public account, the big V), or null. */
  suggestedSource: string | null;
  /** Display names by account index (big V, the public account). */
  labels: Map<number, string>;
  /** Group chats of each account (groups presets); null when the graph has none. */
  groups: number[][] | null;
  /** Community of each account, -1 for none (sbm); null when the graph has none. */
  community: Int32Array | null;
}

/** The facts of a graphology graph (a file's network, a test graph) in the compiled graph's order. */
export function graphFactsOf(graph: SocialGraph, compiled: CompiledGraph): GraphFacts {
  const labels = new Map<number, string>();
  let groups: number[][] | null = null;
  let community: Int32Array | null = null;
  compiled.ids.forEach((id, i) => {
    if (!graph.hasNode(id)) return;
    const attributes = graph.getNodeAttributes(id);
    if (attributes.label) labels.set(i, attributes.label);
    if (attributes.groups) {
      groups ??= Array.from({ length: compiled.n }, () => []);
      groups[i] = attributes.groups;
    }
    if (attributes.community !== undefined) {
      community ??= new Int32Array(compiled.n).fill(-1);
      community[i] = attributes.community;
    }
  });
  return {
    kind: graph.getAttribute("kind") ?? "file",
    suggestedSource: graph.getAttribute("suggestedSource") ?? null,
    labels,
    groups,
    community,
  };
}
