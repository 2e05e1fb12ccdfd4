/**
 * A WeChat public account broadcasting to subscribers, who forward into
 * Moments (friends) and group chats. Account "0" is the public account; its
 * audience is its subscriber count, most of them outside the sampled graph.
 */
import type { Rng } from "../random.ts";
import { groups } from "./groups.ts";
import { moments } from "./moments.ts";
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
  const module = "generators/public-account";
  requireNumber(module, "subscribers", options.subscribers, 1, 1e9);
  requireNumber(module, "subscribedShare", options.subscribedShare, 0, 1);
  const graph = moments({ n: options.n, k: 8, beta: 0.1, medianFriends: 150 }, rng.fork("moments"));
  const chats = groups(
    { n: options.n, groupsPerAccount: 0.6, minSize: 3, maxSize: 200, sizeExponent: 2.4 },
    rng.fork("groups"),
  );
  chats.forEachEdge((_e, _a, u, v) => {
    graph.mergeEdge(u, v);
  });
  chats.forEachNode((node, attributes) => {
    graph.mergeNodeAttributes(node, {
      groups: attributes.groups,
      followers: graph.getNodeAttribute(node, "followers") + attributes.followers,
    });
  });
  graph.setAttribute("groupSizes", chats.getAttribute("groupSizes"));
  let subscribed = 0;
  graph.forEachNode((node) => {
    if (node !== "0" && rng.next() < options.subscribedShare) {
      graph.mergeEdge("0", node);
      subscribed++;
    }
  });
  graph.mergeNodeAttributes("0", {
    followers: Math.max(subscribed, options.subscribers),
    label: "public account",
    groups: [],
  });
  graph.setAttribute("kind", "public-account");
  graph.setAttribute("suggestedSource", "0");
  return graph;
}
