/**
 * A WeChat public account broadcasting to subscribers, who forward into
 * Moments (friends) and group chats. Account "0" is the public account; its
 * audience is its subscriber count, most of them outside the sampled graph.
 */
import type { Rng } from "../random.ts";
import { groupChats } from "./groups.ts";
import { momentsInto } from "./moments.ts";
import { type GraphSink, toSocialGraph } from "./sink.ts";
import { requireNumber, type SocialGraph } from "./types.ts";

export interface PublicAccountOptions {
  n: number;
  subscribers: number;
  /** Share of the sampled accounts who subscribe. */
  subscribedShare: number;
}

export const PUBLIC_ACCOUNT_DEFAULTS: Omit<PublicAccountOptions, "n"> = {
  subscribers: 10_000,
  subscribedShare: 0.3,
};

export function publicAccount(options: PublicAccountOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => publicAccountInto(options, rng, sink));
}

export function publicAccountInto(options: PublicAccountOptions, rng: Rng, graph: GraphSink): void {
  const module = "generators/public-account";
  requireNumber(module, "subscribers", options.subscribers, 1, 1e9);
  requireNumber(module, "subscribedShare", options.subscribedShare, 0, 1);
  const friends = momentsInto(
    { n: options.n, k: 8, beta: 0.1, medianFriends: 150 },
    rng.fork("moments"),
    graph,
  );
  // Group links go straight in after the Moments links: merging keeps the first of each, as before.
  const chats = groupChats(
    { n: options.n, groupsPerAccount: 0.6, minSize: 3, maxSize: 200, sizeExponent: 2.4 },
    rng.fork("groups"),
    graph,
  );
  for (let i = 0; i < options.n; i++) {
    graph.mergeAccount(i, { groups: chats.memberships[i], followers: friends[i] + chats.coMembers[i] });
  }
  graph.setGraphAttribute("groupSizes", chats.groupSizes);
  let subscribed = 0;
  for (let i = 1; i < options.n; i++) {
    if (rng.next() < options.subscribedShare) {
      graph.mergeEdge(0, i);
      subscribed++;
    }
  }
  graph.mergeAccount(0, {
    followers: Math.max(subscribed, options.subscribers),
    label: "public account",
    groups: [],
  });
  graph.setGraphAttribute("kind", "public-account");
  graph.setGraphAttribute("suggestedSource", "0");
}
