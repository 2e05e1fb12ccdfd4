/**
 * WeChat group chats: accounts belong to groups of at most 500 members
 * (WeChat's cap); a post forwarded into a group is seen by every member.
 * Group sizes follow a truncated power law. Every member is linked to every
 * other member of each of its groups, so the audience is the co-members.
 */
import type { Rng } from "../random.ts";
import { type GraphSink, toSocialGraph } from "./sink.ts";
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
  return toSocialGraph(options.n, (sink) => groupsInto(options, rng, sink));
}

export function groupsInto(options: GroupsOptions, rng: Rng, graph: GraphSink): void {
  const chats = groupChats(options, rng, graph, () => graph.begin("groups"));
  for (let i = 0; i < options.n; i++) {
    graph.mergeAccount(i, { groups: chats.memberships[i], followers: chats.coMembers[i] });
  }
  graph.setGraphAttribute("groupSizes", chats.groupSizes);
}

export interface GroupChats {
  /** Group ids of each account. */
  memberships: number[][];
  groupSizes: number[];
  /** Distinct co-members of each account: its out-degree from the group links alone. */
  coMembers: Uint32Array;
}

/**
 * Draws the groups and links every pair of co-members (both ways) into
 * `graph`, which may already hold other links (the public-account preset
 * adds group chats to Moments), so the co-member counts are worked out here.
 */
export function groupChats(options: GroupsOptions, rng: Rng, graph: GraphSink, begin = () => {}): GroupChats {
  const module = "generators/groups";
  const { n, groupsPerAccount, minSize, maxSize, sizeExponent } = options;
  requireInteger(module, "n", n, 3, 2_000_000);
  requireNumber(module, "groupsPerAccount", groupsPerAccount, 0.1, 20);
  requireInteger(module, "maxSize", maxSize, 2, WECHAT_GROUP_CAP);
  requireInteger(module, "minSize", minSize, 2, maxSize);
  requireNumber(module, "sizeExponent", sizeExponent, 1.01, 5);
  begin();
  const memberships: number[][] = Array.from({ length: n }, () => []);
  const groupSizes: number[] = [];
  const members: number[][] = [];
  let seats = Math.round(n * groupsPerAccount);
  while (seats > 0) {
    const size = Math.min(n, powerLawSize(rng, minSize, maxSize, sizeExponent));
    const drawn = new Set<number>();
    while (drawn.size < size) drawn.add(rng.int(n));
    const id = groupSizes.length;
    groupSizes.push(size);
    const list = [...drawn];
    members.push(list);
    for (const m of list) memberships[m].push(id);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        graph.mergeEdge(list[i], list[j]);
        graph.mergeEdge(list[j], list[i]);
      }
    }
    seats -= size;
  }
  const coMembers = new Uint32Array(n);
  const seenBy = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    seenBy[u] = u;
    for (const group of memberships[u]) {
      for (const v of members[group]) {
        if (seenBy[v] !== u) {
          seenBy[v] = u;
          coMembers[u]++;
        }
      }
    }
  }
  return { memberships, groupSizes, coMembers };
}
