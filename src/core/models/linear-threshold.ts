/**
 * Linear Threshold in continuous time (Kempe, Kleinberg and Tardos, KDD 2003).
 * Each account draws a threshold, a share between 0 and `thresholdMax`; each
 * account it follows weighs 1 / (number of accounts it follows). It reposts
 * as soon as the weighted share of its followees whose reposts it has seen
 * reaches its threshold. Seeing a repost takes a log-normal delay, as in the
 * Independent Cascade, and a repost is noticed at all with probability
 * `attention` (1: the classic model). Bots repost on the first repost they see.
 *
 * With equal weights the test "share >= threshold" is done in whole numbers:
 * seen followees >= ceil(threshold x followees), so no float ever decides.
 * Thresholds are drawn the first time an account is reached, which gives the
 * same distribution as drawing all of them up front at a cost proportional to
 * the accounts the cascade touches, not to the whole graph.
 */

import { EventQueue } from "../event-queue.ts";
import type { PresetId } from "../generators/presets.ts";
import { type CascadeModel, delayParams, modelGraphFacts, type Params, presetDefaults } from "./model.ts";

const DEFAULTS_BY_PRESET: Partial<Record<PresetId, Params>> = {
  weibo: { thresholdMax: 1, attention: 1, delayMinutes: 20, delaySpread: 1.2 },
  moments: { thresholdMax: 1, attention: 1, delayMinutes: 45, delaySpread: 1.0 },
  groups: { thresholdMax: 0.2, attention: 0.5, delayMinutes: 10, delaySpread: 1.0 },
  "public-account": { thresholdMax: 1, attention: 1, delayMinutes: 30, delaySpread: 1.0 },
};
const GENERIC: Params = { thresholdMax: 1, attention: 1, delayMinutes: 20, delaySpread: 1.0 };

export const linearThreshold: CascadeModel = {
  id: "lt",
  label: "Linear Threshold",
  description:
    "Each account reposts once enough of the accounts it follows have reposted: when the share of its followees it has seen reposting reaches its own threshold. Peer pressure, not coin flips.",
  params: [
    {
      key: "thresholdMax",
      label: "Highest threshold",
      description:
        "Each account's threshold is a random share between 0 and this value: 0.2 means everyone reposts once a fifth of the accounts they follow have; 1 is the classic model.",
      min: 0,
      max: 1,
      minExclusive: true,
      step: 0.01,
    },
    {
      key: "attention",
      label: "Attention",
      description:
        "Chance that an account notices a given repost in its feed at all (1: it sees everything).",
      min: 0,
      max: 1,
      step: 0.01,
    },
    ...delayParams("Half of the reposts are seen sooner than this after they are posted."),
  ],
  defaults: presetDefaults(DEFAULTS_BY_PRESET, GENERIC),
  run(graph, params, rng, limits, recorder, workspace): void {
    const { thresholdMax, attention, delaySpread: sigma } = params;
    const median = params.delayMinutes * 60;
    const { offsets, targets, inOffsets, bot } = graph;
    const { queue, scratch } = workspace;
    if (attention <= 0) return;
    const hasBots = modelGraphFacts(graph, workspace).hasBots;
    queue.clear(EventQueue.dayWidthFor(median, limits.horizon));
    scratch.reset(graph.n);
    // scratch.first: seen followees needed; scratch.second: seen followees so far.
    const needed = scratch.first;
    const seen = scratch.second;
    const notify = (node: number, time: number, event: number) => {
      for (let j = offsets[node], end = offsets[node + 1]; j < end; j++) {
        const follower = targets[j];
        if (recorder.isActive(follower)) continue;
        if (attention < 1 && rng.next() >= attention) continue;
        const delay = sigma > 0 ? median * Math.exp(sigma * rng.normal()) : median;
        const at = time + delay;
        if (at <= limits.horizon) queue.push(at, follower, event);
      }
    };
    notify(limits.source, 0, 0);
    while (queue.size > 0 && !recorder.done) {
      const time = queue.peekTime();
      const node = queue.topNode();
      const parent = queue.topParent();
      queue.pop();
      if (recorder.isActive(node)) continue;
      if (!scratch.touched.has(node)) {
        scratch.touched.add(node);
        const followees = inOffsets[node + 1] - inOffsets[node];
        // Threshold share in (0, thresholdMax]; bots need a single repost.
        needed[node] =
          hasBots && bot[node] === 1 ? 1 : Math.max(1, Math.ceil(thresholdMax * rng.nextOpen() * followees));
        seen[node] = 0;
      }
      seen[node]++;
      if (seen[node] < needed[node]) continue;
      const event = recorder.activate(node, time, parent);
      if (event >= 0) notify(node, time, event);
    }
  },
};
