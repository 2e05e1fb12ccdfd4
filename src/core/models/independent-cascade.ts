/**
 * Independent Cascade in continuous time (Kempe, Kleinberg and Tardos 2003;
 * continuous-time form as in Gomez-Rodriguez et al. 2011). When an account
 * reposts, each follower who sees it reposts once, with probability p, after
 * a log-normal delay with the given median and spread (spread 0: a fixed
 * delay). Whoever is reached first counts; later exposures change nothing.
 *
 * Followers are visited by geometric skipping: one random draw per successful
 * edge instead of one per edge. Bots repost with their own probability, by
 * thinning from the larger of the two.
 */
import type { CompiledGraph } from "../compiled-graph.ts";
import { EventQueue } from "../event-queue.ts";
import type { PresetId } from "../generators/presets.ts";
import type { Rng } from "../random.ts";
import {
  type CascadeModel,
  delayParams,
  modelGraphFacts,
  type Params,
  presetDefaults,
  type Recorder,
  type RunLimits,
  type SkipTable,
} from "./model.ts";

const DEFAULTS_BY_PRESET: Partial<Record<PresetId, Params>> = {
  weibo: { p: 0.065, delayMinutes: 20, delaySpread: 1.2, botP: 0.6 },
  moments: { p: 0.12, delayMinutes: 45, delaySpread: 1.0, botP: 0.6 },
  groups: { p: 0.02, delayMinutes: 10, delaySpread: 1.0, botP: 0.6 },
  "public-account": { p: 0.05, delayMinutes: 30, delaySpread: 1.0, botP: 0.6 },
};
const GENERIC: Params = { p: 0.12, delayMinutes: 20, delaySpread: 1.0, botP: 0.6 };

export const independentCascade: CascadeModel = {
  id: "ic",
  label: "Independent Cascade",
  description:
    "Each follower who sees a repost reposts it once, with probability p, after a random delay. Every exposure is an independent coin flip.",
  params: [
    {
      key: "p",
      label: "Repost probability p",
      description: "Chance that a follower who sees the post reposts it.",
      min: 0,
      max: 1,
      step: 0.01,
    },
    ...delayParams("Half of reposts come sooner than this after the post they repost."),
    {
      key: "botP",
      label: "Bot repost probability",
      description: "Chance that a bot or hired poster reposts what it sees.",
      min: 0,
      max: 1,
      step: 0.01,
    },
  ],
  defaults: presetDefaults(DEFAULTS_BY_PRESET, GENERIC),
  run(graph, params, rng, limits, recorder, workspace): void {
    runIndependentCascade(
      graph,
      params,
      rng,
      limits,
      recorder,
      workspace.queue,
      workspace.skip,
      modelGraphFacts(graph, workspace).hasBots,
    );
  },
};

export function runIndependentCascade(
  graph: CompiledGraph,
  params: Params,
  rng: Rng,
  limits: RunLimits,
  recorder: Recorder,
  queue: EventQueue,
  skip: SkipTable,
  graphHasBots: boolean,
): void {
  const { p, botP } = params;
  const median = params.delayMinutes * 60;
  const sigma = params.delaySpread;
  const { offsets, targets, bot } = graph;
  const hasBots = botP !== p && graphHasBots;
  const q = hasBots ? Math.max(p, botP) : p;
  if (q <= 0) return;
  const logMiss = Math.log1p(-q);
  const surelyPast = skip.prepare(logMiss);
  const tableSize = surelyPast.length;
  queue.clear(EventQueue.dayWidthFor(median, limits.horizon));
  const expand = (node: number, time: number, event: number) => {
    const end = offsets[node + 1];
    let j = offsets[node];
    for (;;) {
      // Geometric gap to the next edge that succeeds with probability q.
      if (q < 1) {
        const u = rng.nextOpen();
        const remaining = end - j;
        if (remaining < tableSize && u < surelyPast[remaining]) return;
        j += Math.floor(Math.log(u) / logMiss);
      }
      if (j >= end) return;
      const target = targets[j++];
      if (recorder.isActive(target)) continue;
      if (hasBots && rng.next() * q >= (bot[target] ? botP : p)) continue;
      const delay = sigma > 0 ? median * Math.exp(sigma * rng.normal()) : median;
      const at = time + delay;
      if (at <= limits.horizon) queue.push(at, target, event);
    }
  };
  expand(limits.source, 0, 0);
  while (queue.size > 0 && !recorder.done) {
    const time = queue.peekTime();
    const node = queue.topNode();
    const parent = queue.topParent();
    queue.pop();
    if (recorder.isActive(node)) continue;
    const event = recorder.activate(node, time, parent);
    if (event >= 0) expand(node, time, event);
  }
}
