/**
 * Platform presets and classic models behind one call, so the panel, the
 * worker and the CLI build the same graph from the same (preset, n, seed).
 */
import type { Rng } from "../random.ts";
import { barabasiAlbertInto } from "./barabasi-albert.ts";
import { erdosRenyiInto } from "./erdos-renyi.ts";
import { GROUPS_DEFAULTS, groupsInto } from "./groups.ts";
import { MOMENTS_DEFAULTS, momentsInto } from "./moments.ts";
import { PUBLIC_ACCOUNT_DEFAULTS, publicAccountInto } from "./public-account.ts";
import { type GraphSink, toSocialGraph } from "./sink.ts";
import { stochasticBlockInto } from "./stochastic-block.ts";
import { GeneratorError, type SocialGraph } from "./types.ts";
import { wattsStrogatzInto } from "./watts-strogatz.ts";
import { WEIBO_DEFAULTS, weiboInto } from "./weibo.ts";

export const PRESET_IDS = ["weibo", "moments", "groups", "public-account", "ba", "er", "ws", "sbm"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetInfo {
  id: PresetId;
  label: string;
  description: string;
  /** Whether it models a platform (true) or is a classic network model. */
  platform: boolean;
}

export const PRESETS: Record<PresetId, PresetInfo> = {
  weibo: {
    id: "weibo",
    label: "Weibo",
    description:
      "Public follower graph: heavy-tailed follower counts, a few 'big V' accounts with millions of followers, reposts visible to all followers.",
    platform: true,
  },
  moments: {
    id: "moments",
    label: "WeChat Moments",
    description:
      "Mutual friendships in a clustered small world; a post is seen only by the poster's friends.",
    platform: true,
  },
  groups: {
    id: "groups",
    label: "WeChat groups",
    description:
      "Group chats of at most 500 members; a post forwarded into a group is seen by all its members.",
    platform: true,
  },
  "public-account": {
    id: "public-account",
    label: "WeChat public account",
    description:
      "One account broadcasts to its subscribers, who forward into Moments and group chats. The public account is account 0.",
    platform: true,
  },
  ba: {
    id: "ba",
    label: "Barabási–Albert",
    description: "Preferential attachment: a few hubs, many small accounts (mutual links, 4 per newcomer).",
    platform: false,
  },
  er: {
    id: "er",
    label: "Erdős–Rényi",
    description: "Random friendships, 10 on average: no hubs, no clusters.",
    platform: false,
  },
  ws: {
    id: "ws",
    label: "Watts–Strogatz",
    description: "Small world: a ring of 10 neighbours with 10% of links rewired.",
    platform: false,
  },
  sbm: {
    id: "sbm",
    label: "Echo chambers (stochastic block)",
    description: "Five communities: 9 friends inside one's own, 1 outside on average.",
    platform: false,
  },
};

export const MIN_NODES = 10;
export const MAX_NODES = 1_000_000;

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

/** The preset as a graphology graph (small graphs, tests): see compilePreset for any size. */
export function generatePreset(preset: PresetId, n: number, rng: Rng): SocialGraph {
  checkPresetSize(n);
  return toSocialGraph(n, (sink) => generatePresetInto(preset, n, rng, sink));
}

function checkPresetSize(n: number): void {
  if (!Number.isInteger(n) || n < MIN_NODES || n > MAX_NODES) {
    throw new GeneratorError(
      `generators/presets: invalid number of accounts ${n}. Should be a whole number from ${MIN_NODES} to ${MAX_NODES}.`,
    );
  }
}

/** Writes the preset into `sink` (which must have `n` accounts); the same draws whatever the sink. */
export function generatePresetInto(preset: PresetId, n: number, rng: Rng, sink: GraphSink): void {
  checkPresetSize(n);
  switch (preset) {
    case "weibo":
      weiboInto({ n, ...WEIBO_DEFAULTS }, rng, sink);
      return;
    case "moments":
      momentsInto({ n, ...MOMENTS_DEFAULTS }, rng, sink);
      return;
    case "groups":
      groupsInto({ n, ...GROUPS_DEFAULTS }, rng, sink);
      return;
    case "public-account":
      publicAccountInto({ n, ...PUBLIC_ACCOUNT_DEFAULTS }, rng, sink);
      return;
    case "ba":
      barabasiAlbertInto({ n, m: 4 }, rng, sink);
      return;
    case "er":
      erdosRenyiInto({ n, meanDegree: 10 }, rng, sink);
      return;
    case "ws":
      wattsStrogatzInto({ n, k: 10, beta: 0.1 }, rng, sink);
      return;
    case "sbm":
      stochasticBlockInto({ n, blocks: 5, meanDegreeIn: 9, meanDegreeOut: 1 }, rng, sink);
      return;
    default:
      throw new GeneratorError(
        `generators/presets: unknown preset '${String(preset)}'. Use one of ${PRESET_IDS.join(", ")}.`,
      );
  }
}
