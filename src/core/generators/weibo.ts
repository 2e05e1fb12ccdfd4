/**
 * Weibo-like follower graph. Accounts arrive one by one and follow `follows`
 * existing accounts, chosen in proportion to their followers + 1 (directed
 * preferential attachment, Bollobás et al. 2003 style); some follow back.
 * A few "big V" accounts get very large audiences (up to 12 million), most
 * of them outside the sampled graph. Reposts are public: an edge u -> v means
 * v follows u and sees u's reposts.
 */
import type { Rng } from "../random.ts";
import { type GraphSink, toSocialGraph } from "./sink.ts";
import { requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export interface WeiboOptions {
  n: number;
  /** Accounts each newcomer follows. */
  follows: number;
  /** Chance a followed account follows back. */
  reciprocity: number;
  /** Number of big V accounts. */
  bigV: number;
  /** Largest big V audience. */
  bigVMaxFollowers: number;
  /** Median audience of an ordinary account, in-graph or not. */
  medianFollowers: number;
  /** Share of accounts that are eager bots or hired posters. */
  botShare: number;
}

export const WEIBO_DEFAULTS: Omit<WeiboOptions, "n"> = {
  follows: 8,
  reciprocity: 0.2,
  bigV: 3,
  bigVMaxFollowers: 12_000_000,
  medianFollowers: 120,
  botShare: 0.03,
};

export function weibo(options: WeiboOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => weiboInto(options, rng, sink));
}

export function weiboInto(options: WeiboOptions, rng: Rng, graph: GraphSink): void {
  const module = "generators/weibo";
  const { n, follows, reciprocity, bigV, bigVMaxFollowers, medianFollowers, botShare } = options;
  requireInteger(module, "n", n, 10, 2_000_000);
  requireInteger(module, "follows", follows, 1, Math.min(200, n - 1));
  requireNumber(module, "reciprocity", reciprocity, 0, 1);
  requireInteger(module, "bigV", bigV, 0, Math.min(100, n));
  requireNumber(module, "bigVMaxFollowers", bigVMaxFollowers, 1, 1e9);
  requireNumber(module, "medianFollowers", medianFollowers, 1, 1e7);
  requireNumber(module, "botShare", botShare, 0, 1);
  graph.begin("weibo");
  // One slot per follower gained plus one per account: a uniform pick is (followers + 1)-proportional.
  const slots = new Uint32Array(n + n * follows * 2 + n);
  let size = 0;
  const seedSize = follows + 1;
  for (let v = 0; v < n; v++) {
    if (v >= seedSize) {
      const chosen = new Set<number>();
      let tries = 0;
      while (chosen.size < follows && tries++ < follows * 20) chosen.add(slots[rng.int(size)]);
      for (const u of chosen) {
        graph.mergeEdge(u, v);
        slots[size++] = u;
        if (rng.next() < reciprocity) {
          graph.mergeEdge(v, u);
          slots[size++] = v;
        }
      }
    } else {
      for (let u = 0; u < v; u++) {
        graph.mergeEdge(u, v);
        graph.mergeEdge(v, u);
        slots[size++] = u;
        slots[size++] = v;
      }
    }
    slots[size++] = v;
  }
  // Big V: the earliest accounts, who already have the most followers; everyone may follow them.
  const sigma = 1.6;
  const inGraph = graph.outDegrees();
  for (let v = 0; v < n; v++) {
    const offGraph = Math.round(rng.logNormal(Math.log(medianFollowers), sigma));
    graph.mergeAccount(v, { followers: inGraph[v] + offGraph, bot: rng.next() < botShare });
  }
  for (let b = 0; b < bigV; b++) {
    // Log-uniform between 1% of the maximum and the maximum; the first is the largest.
    const followers = b === 0 ? bigVMaxFollowers : Math.round(bigVMaxFollowers * 0.01 ** rng.next());
    graph.mergeAccount(b, { followers, bot: false, label: `big V ${b + 1}` });
    for (let v = 0; v < n; v++) {
      if (v !== b && rng.next() < 0.05) graph.mergeEdge(b, v);
    }
  }
  if (bigV > 0) graph.setGraphAttribute("suggestedSource", "0");
}
