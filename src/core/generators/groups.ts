/**
 * WeChat group chats: accounts belong to groups of at most 500 members
 * (WeChat's cap); a post forwarded into a group is seen by every member.
 * Group sizes follow a truncated power law. Every member is linked to every
 * other member of each of its groups, so the audience is the co-members.
 */
import type { Rng } from "../random.ts";
import { emptySocialGraph } from "./social-graph.ts";
import { requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export const WECHAT_GROUP_CAP = 500;

export interface GroupsOptions {
  n: number;
  /** Mean number of groups an account is in. */
  groupsPerAccount: number;
  /** Smallest and largest group size (largest at most 500). */
  minSize: number;
  maxSize: number;
  /** Power-law exponent of group sizes. */
  sizeExponent: number;
}

export const GROUPS_DEFAULTS: Omit<GroupsOptions, "n"> = {
  groupsPerAccount: 2,
  minSize: 3,
  maxSize: WECHAT_GROUP_CAP,
  sizeExponent: 2.2,
};

/** Draws from a power law p(s) ~ s^-alpha on [min, max] by inversion. */
function powerLawSize(rng: Rng, min: number, max: number, alpha: number): number {
  const a = 1 - alpha;
  const u = rng.next();
  const value = (min ** a + u * (max ** a - min ** a)) ** (1 / a);
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function groups(options: GroupsOptions, rng: Rng): SocialGraph {
  const module = "generators/groups";
  const { n, groupsPerAccount, minSize, maxSize, sizeExponent } = options;
  requireInteger(module, "n", n, 3, 500_000);
  requireNumber(module, "groupsPerAccount", groupsPerAccount, 0.1, 20);
  requireInteger(module, "maxSize", maxSize, 2, WECHAT_GROUP_CAP);
  requireInteger(module, "minSize", minSize, 2, maxSize);
  requireNumber(module, "sizeExponent", sizeExponent, 1.01, 5);
  const graph = emptySocialGraph(n, "groups");
  const memberships: number[][] = Array.from({ length: n }, () => []);
  const groupSizes: number[] = [];
  let seats = Math.round(n * groupsPerAccount);
  while (seats > 0) {
    const size = Math.min(n, powerLawSize(rng, minSize, maxSize, sizeExponent));
    const members = new Set<number>();
    while (members.size < size) members.add(rng.int(n));
    const id = groupSizes.length;
    groupSizes.push(size);
    const list = [...members];
    for (const m of list) memberships[m].push(id);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        graph.mergeEdge(String(list[i]), String(list[j]));
        graph.mergeEdge(String(list[j]), String(list[i]));
      }
    }
    seats -= size;
  }
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { groups: memberships[Number(node)], followers: graph.outDegree(node) });
  });
  graph.setAttribute("groupSizes", groupSizes);
  return graph;
}
