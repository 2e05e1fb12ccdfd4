/**
 * Where a generator writes its graph. Generators only write (and ask for
 * out-degrees), so the same code, with the same random draws, fills either a
 * graphology graph (small graphs, files, tests) or the compact builder of
 * compiled-builder.ts, which never holds a graphology graph (a million
 * accounts fit).
 */
import { DirectedGraph } from "graphology";
import type { AccountAttributes, GraphAttributes, SocialGraph } from "./types.ts";

export interface GraphSink {
  /** Number of accounts: "0" .. order - 1. */
  readonly order: number;
  /** Creates the accounts with { followers: 0, bot: false } and names the graph's kind. Call once, first. */
  begin(kind: string): void;
  /** Adds source -> target unless already there (graphology's mergeEdge: the first insertion wins). */
  mergeEdge(source: number, target: number): void;
  /** Distinct out-neighbours of every account, counting the edges merged so far. */
  outDegrees(): Uint32Array;
  /** Merges attributes into an account, as graphology's mergeNodeAttributes. */
  mergeAccount(account: number, attributes: Partial<AccountAttributes>): void;
  setGraphAttribute<K extends keyof GraphAttributes>(name: K, value: GraphAttributes[K]): void;
}

/** The sink that builds a graphology DirectedGraph, exactly as the generators always have. */
export class GraphologySink implements GraphSink {
  readonly graph: SocialGraph = new DirectedGraph<AccountAttributes, Record<string, never>, GraphAttributes>({
    allowSelfLoops: false,
  });

  constructor(readonly order: number) {}

  begin(kind: string): void {
    this.graph.replaceAttributes({ kind });
    for (let i = 0; i < this.order; i++) this.graph.addNode(String(i), { followers: 0, bot: false });
  }

  mergeEdge(source: number, target: number): void {
    this.graph.mergeEdge(String(source), String(target));
  }

  outDegrees(): Uint32Array {
    const degrees = new Uint32Array(this.order);
    for (let i = 0; i < this.order; i++) degrees[i] = this.graph.outDegree(String(i));
    return degrees;
  }

  mergeAccount(account: number, attributes: Partial<AccountAttributes>): void {
    this.graph.mergeNodeAttributes(String(account), attributes);
  }

  setGraphAttribute<K extends keyof GraphAttributes>(name: K, value: GraphAttributes[K]): void {
    this.graph.setAttribute(name, value);
  }
}

/** Runs a generator into a fresh graphology sink and returns the graph. */
export function toSocialGraph(n: number, generate: (sink: GraphSink) => void): SocialGraph {
  const sink = new GraphologySink(n);
  generate(sink);
  return sink.graph;
}

/** Adds u -> v and v -> u (friendship: each sees the other's posts). */
export function addMutual(sink: GraphSink, u: number, v: number): void {
  if (u === v) return;
  sink.mergeEdge(u, v);
  sink.mergeEdge(v, u);
}

/** Sets each account's audience to its in-graph out-degree (for classic models). */
export function audienceFromDegree(sink: GraphSink): Uint32Array {
  const degrees = sink.outDegrees();
  for (let i = 0; i < sink.order; i++) sink.mergeAccount(i, { followers: degrees[i] });
  return degrees;
}
