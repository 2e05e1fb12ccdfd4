/**
 * WeChat Moments: mutual friendships in a clustered small world
 * (Watts–Strogatz). A post is seen only by the poster's friends, so the
 * audience is the friend count, most of it outside the sampled graph.
 */
import type { Rng } from "../random.ts";
import { type GraphSink, toSocialGraph } from "./sink.ts";
import { requireNumber, type SocialGraph } from "./types.ts";
import { wattsStrogatzInto } from "./watts-strogatz.ts";

export interface MomentsOptions {
  n: number;
  /** In-graph friends per account (even). */
  k: number;
  beta: number;
  /** Median number of friends an account has in all. */
  medianFriends: number;
}

export const MOMENTS_DEFAULTS: Omit<MomentsOptions, "n"> = { k: 12, beta: 0.08, medianFriends: 150 };

export function moments(options: MomentsOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => momentsInto(options, rng, sink));
}

/** Returns each account's audience (friends in all). */
export function momentsInto(options: MomentsOptions, rng: Rng, graph: GraphSink): Float64Array {
  requireNumber("generators/moments", "medianFriends", options.medianFriends, 1, 10_000);
  const degrees = wattsStrogatzInto({ n: options.n, k: options.k, beta: options.beta }, rng, graph);
  graph.setGraphAttribute("kind", "moments");
  const followers = new Float64Array(options.n);
  for (let i = 0; i < options.n; i++) {
    // WeChat caps friends at 10,000.
    const total = Math.min(10_000, Math.round(rng.logNormal(Math.log(options.medianFriends), 0.7)));
    followers[i] = Math.max(degrees[i], total);
    graph.mergeAccount(i, { followers: followers[i] });
  }
  return followers;
}
