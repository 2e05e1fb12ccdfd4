/**
 * Exact betweenness centrality (Freeman 1977) on the compiled arrays, by
 * Brandes' algorithm: U. Brandes, "A faster algorithm for betweenness
 * centrality", Journal of Mathematical Sociology 25(2):163-177, 2001. One
 * breadth-first search per source counts shortest paths (sigma); walking the
 * visit order backwards accumulates each account's dependency (delta).
 * O(accounts × links) time, O(accounts + links) memory, no graphology copy.
 *
 * Unweighted, on the "follows" direction (follower -> poster), normalised by
 * 1 / ((n - 1)(n - 2)): the same scores as graphology-metrics'
 * betweenness(graph, { getEdgeWeight: null }) on that graph, bit for bit,
 * because the searches visit neighbours in the same (ascending index) order
 * and the sums are added in the same order.
 *
 * On graphs where a search from every account would take more than about
 * `BETWEENNESS_EDGE_BUDGET` link visits (a few seconds), searches start from
 * a sample of accounts and the sums are scaled up by n / k: the estimator of
 * U. Brandes and C. Pich, "Centrality estimation in large networks",
 * International Journal of Bifurcation and Chaos 17(7):2303-2318, 2007.
 * Unbiased; the accounts that carry many paths, the ones a strategy picks,
 * stand out after a few hundred searches.
 */
import type { CompiledGraph } from "./compiled-graph.ts";
import type { Rng } from "./random.ts";

/** Link visits the exact computation may take (about 2.5 s on the project machine) before sampling sources. */
export const BETWEENNESS_EDGE_BUDGET = 3e8;
/** Fewest sampled sources: below this the top of the ranking is noise. */
export const MIN_BETWEENNESS_SOURCES = 256;

/**
 * How many sources the searches start from: every account (exact) while that fits the budget, or while a
 * sample would need half of them anyway.
 */
export function betweennessSourceCount(n: number, links: number): number {
  const sample = Math.max(MIN_BETWEENNESS_SOURCES, Math.ceil(BETWEENNESS_EDGE_BUDGET / Math.max(links, 1)));
  return 2 * sample >= n ? n : sample;
}

/** `count` distinct accounts, drawn uniformly (a partial Fisher-Yates shuffle), in ascending order. */
export function sampleSources(n: number, count: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const k = Math.min(n, count);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order.slice(0, k).sort();
}

/** Each node's list from a CSR segment, de-duplicated (graphology keeps one edge per pair) and sorted ascending. */
function dedupedSorted(
  n: number,
  offsets: Uint32Array,
  list: Uint32Array,
): { starts: Int32Array; items: Int32Array } {
  const starts = new Int32Array(n + 1);
  const items = new Int32Array(list.length);
  let k = 0;
  for (let u = 0; u < n; u++) {
    starts[u] = k;
    const from = k;
    for (let j = offsets[u]; j < offsets[u + 1]; j++) items[k++] = list[j];
    items.subarray(from, k).sort();
    // Drop repeats in place.
    let last = -1;
    let write = from;
    for (let j = from; j < k; j++) {
      if (items[j] !== last) {
        last = items[j];
        items[write++] = last;
      }
    }
    k = write;
  }
  starts[n] = k;
  return { starts, items: items.slice(0, k) };
}

/**
 * Normalised betweenness of every account index on the "follows" direction: exact, or estimated from
 * searches that start at `sources` only (scaled by n / k).
 */
export function followsBetweenness(graph: CompiledGraph, sources: Int32Array | null = null): Float64Array {
  const n = graph.n;
  // Follows direction: v's out-neighbours are the accounts v follows, the compiled in-sources.
  const { starts, items } = dedupedSorted(n, graph.inOffsets, graph.inSources);
  // Each node's predecessors on shortest paths, in a slot as long as its in-degree: no per-search allocation.
  const predStart = new Int32Array(n + 1);
  for (let j = 0; j < items.length; j++) predStart[items[j] + 1]++;
  for (let u = 0; u < n; u++) predStart[u + 1] += predStart[u];
  const preds = new Int32Array(items.length);
  const predEnd = new Int32Array(n);

  const centrality = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  // Path counts as doubles: exact up to 2^53 (graphology's Uint32Array wraps above 2^32).
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  // Visit order; read backwards it is Brandes' stack.
  const queue = new Int32Array(n);

  const searches = sources ? sources.length : n;
  for (let k = 0; k < searches; k++) {
    const s = sources ? sources[k] : k;
    dist[s] = 0;
    sigma[s] = 1;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++];
      const next = dist[v] + 1;
      const sv = sigma[v];
      for (let j = starts[v], end = starts[v + 1]; j < end; j++) {
        const w = items[j];
        const dw = dist[w];
        if (dw < 0) {
          dist[w] = next;
          sigma[w] = sv;
          queue[tail++] = w;
          preds[predStart[w]] = v;
          predEnd[w] = predStart[w] + 1;
        } else if (dw === next) {
          sigma[w] += sv;
          preds[predEnd[w]++] = v;
        }
      }
    }
    // Stack order; the source (first visited) has no predecessors and earns no credit.
    for (let i = tail - 1; i > 0; i--) {
      const w = queue[i];
      const coefficient = (1 + delta[w]) / sigma[w];
      for (let j = predStart[w], end = predEnd[w]; j < end; j++) {
        const v = preds[j];
        delta[v] += sigma[v] * coefficient;
      }
      centrality[w] += delta[w];
    }
    // Reset only what this search touched.
    for (let i = 0; i < tail; i++) {
      const w = queue[i];
      dist[w] = -1;
      sigma[w] = 0;
      delta[w] = 0;
    }
  }

  if (n > 2) {
    const scale = (sources ? n / sources.length : 1) / ((n - 1) * (n - 2));
    for (let u = 0; u < n; u++) centrality[u] *= scale;
  }
  return centrality;
}
