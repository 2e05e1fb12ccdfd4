/**
 * Which accounts matter most, by six measures, to choose whom to suspend.
 * PageRank (Brin and Page 1998) comes from graphology-metrics and betweenness
 * (Freeman 1977) from Brandes' algorithm (2001) on the compiled arrays
 * (../betweenness.ts), both on the "follows" direction (follower -> poster),
 * so rank flows to accounts many others follow. The
 * k-core number (Seidman 1983; Kitsak et al. 2010 found it predicts spreaders
 * better than degree) is computed here by the O(m) bucket algorithm of
 * Batagelj and Zaversnik (2003) on the undirected view of the graph.
 * Audience is the follower count, in-graph or not.
 */
import { DirectedGraph } from "graphology";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import { betweennessSourceCount, followsBetweenness, sampleSources } from "../betweenness.ts";
import type { CompiledGraph } from "../compiled-graph.ts";
import { Rng } from "../random.ts";
import { CENTRALITIES, type Centrality, InterventionError } from "./types.ts";

/**
 * Most accounts each measure handles. PageRank copies the graph into
 * graphology (about 320 bytes a link: 200,000 Weibo accounts take about
 * 600 MB). Betweenness reads the compiled arrays; above a few seconds of
 * searches it samples their sources (../betweenness.ts), and the cap bounds
 * the time of even the fewest searches.
 * The others work at any size.
 */
export const CENTRALITY_LIMITS: Record<Centrality, number> = {
  degree: Number.POSITIVE_INFINITY,
  "out-degree": Number.POSITIVE_INFINITY,
  audience: Number.POSITIVE_INFINITY,
  "k-core": Number.POSITIVE_INFINITY,
  pagerank: 200_000,
  betweenness: 100_000,
};

/** The measures that work on a graph of `n` accounts. */
export function centralitiesFor(n: number): Centrality[] {
  return CENTRALITIES.filter((c) => n <= CENTRALITY_LIMITS[c]);
}

/** Refuses a measure the graph is too large for, naming the field and the measures that work. */
export function checkCentralityFits(graph: CompiledGraph, centrality: Centrality, field: string): void {
  if (graph.n <= CENTRALITY_LIMITS[centrality]) return;
  throw new InterventionError(
    field,
    `${centrality} needs a graph of at most ${CENTRALITY_LIMITS[centrality].toLocaleString("en")} accounts; ` +
      `this one has ${graph.n.toLocaleString("en")}. Use one of ${centralitiesFor(graph.n).join(", ")}.`,
    {
      code: "centralityTooLarge",
      field,
      centrality,
      limit: CENTRALITY_LIMITS[centrality],
      n: graph.n,
      usable: centralitiesFor(graph.n),
    },
  );
}

/** The compiled graph reversed, as graphology: an edge follower -> poster. */
function followsGraph(graph: CompiledGraph): DirectedGraph {
  const g = new DirectedGraph();
  for (let i = 0; i < graph.n; i++) g.addNode(String(i));
  for (let u = 0; u < graph.n; u++) {
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      g.mergeEdge(String(graph.targets[j]), String(u));
    }
  }
  return g;
}

/** De-duplicated neighbours (followers and followees) of each node, as CSR: typed arrays, so a million accounts take seconds. */
function undirectedNeighbours(graph: CompiledGraph): { offsets: Uint32Array; list: Uint32Array } {
  const n = graph.n;
  const seenBy = new Int32Array(n).fill(-1);
  // Two passes over the same loop: count, then fill.
  const visit = (write: (u: number, v: number) => void) => {
    for (let u = 0; u < n; u++) {
      seenBy[u] = u;
      for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
        const v = graph.targets[j];
        if (seenBy[v] !== u) {
          seenBy[v] = u;
          write(u, v);
        }
      }
      for (let j = graph.inOffsets[u]; j < graph.inOffsets[u + 1]; j++) {
        const v = graph.inSources[j];
        if (seenBy[v] !== u) {
          seenBy[v] = u;
          write(u, v);
        }
      }
    }
  };
  const offsets = new Uint32Array(n + 1);
  visit((u) => {
    offsets[u + 1]++;
  });
  for (let u = 0; u < n; u++) offsets[u + 1] += offsets[u];
  const list = new Uint32Array(offsets[n]);
  const next = offsets.slice(0, n);
  seenBy.fill(-1);
  visit((u, v) => {
    list[next[u]++] = v;
  });
  return { offsets, list };
}

/** Core number of every node (undirected view): the largest k whose k-core contains it. */
export function coreNumbers(graph: CompiledGraph): Uint32Array {
  const { offsets, list } = undirectedNeighbours(graph);
  const n = graph.n;
  const degree = new Uint32Array(n);
  let maxDegree = 0;
  for (let u = 0; u < n; u++) {
    degree[u] = offsets[u + 1] - offsets[u];
    if (degree[u] > maxDegree) maxDegree = degree[u];
  }
  // Bucket sort nodes by degree; then peel the lowest, lowering its neighbours' degrees in place.
  const bin = new Uint32Array(maxDegree + 2);
  for (let u = 0; u < n; u++) bin[degree[u]]++;
  let start = 0;
  for (let d = 0; d <= maxDegree; d++) {
    const count = bin[d];
    bin[d] = start;
    start += count;
  }
  const order = new Uint32Array(n);
  const position = new Uint32Array(n);
  for (let u = 0; u < n; u++) {
    position[u] = bin[degree[u]]++;
    order[position[u]] = u;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i];
    for (let j = offsets[v]; j < offsets[v + 1]; j++) {
      const u = list[j];
      if (degree[u] > degree[v]) {
        const du = degree[u];
        const pu = position[u];
        const pw = bin[du];
        const w = order[pw];
        if (u !== w) {
          position[u] = pw;
          order[pu] = w;
          position[w] = pu;
          order[pw] = u;
        }
        bin[du]++;
        degree[u]--;
      }
    }
  }
  return degree;
}

/** A score per account index; higher means more central. */
export function centralityScores(graph: CompiledGraph, centrality: Centrality): Float64Array {
  checkCentralityFits(graph, centrality, "centrality");
  const scores = new Float64Array(graph.n);
  switch (centrality) {
    case "degree":
      for (let u = 0; u < graph.n; u++) {
        scores[u] = graph.offsets[u + 1] - graph.offsets[u] + graph.inOffsets[u + 1] - graph.inOffsets[u];
      }
      return scores;
    case "out-degree":
      for (let u = 0; u < graph.n; u++) scores[u] = graph.offsets[u + 1] - graph.offsets[u];
      return scores;
    case "audience":
      scores.set(graph.audience);
      return scores;
    case "k-core":
      scores.set(coreNumbers(graph));
      return scores;
    case "pagerank": {
      const rank = pagerank(followsGraph(graph), { getEdgeWeight: null });
      for (let u = 0; u < graph.n; u++) scores[u] = rank[String(u)] ?? 0;
      return scores;
    }
    case "betweenness": {
      const count = betweennessSourceCount(graph.n, graph.m);
      if (count >= graph.n) return followsBetweenness(graph);
      // Sampled sources, the same for the same graph everywhere.
      const rng = new Rng(`betweenness-sources|${graph.n}|${graph.m}`);
      return followsBetweenness(graph, sampleSources(graph.n, count, rng));
    }
  }
}

/**
 * Account indices from most to least central. Ties go to the larger
 * audience, then the smaller index, so the order is fully determined.
 */
export function rankAccounts(graph: CompiledGraph, centrality: Centrality): Uint32Array {
  const scores = centralityScores(graph, centrality);
  const order = new Uint32Array(graph.n);
  for (let i = 0; i < graph.n; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a] || graph.audience[b] - graph.audience[a] || a - b);
}

/** The `count` most central accounts, optionally leaving some out (the source, say). */
export function topAccounts(
  graph: CompiledGraph,
  centrality: Centrality,
  count: number,
  exclude: ReadonlySet<number> = new Set(),
): number[] {
  const chosen: number[] = [];
  for (const u of rankAccounts(graph, centrality)) {
    if (chosen.length >= count) break;
    if (!exclude.has(u)) chosen.push(u);
  }
  return chosen;
}
