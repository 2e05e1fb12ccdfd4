/**
 * A self-exciting (Hawkes) cascade with a power-law memory and
 * audience-weighted infectiousness, as in SEISMIC (Zhao, Erdogdu, He,
 * Rajaraman and Leskovec, KDD 2015), placed on the graph.
 *
 * Each post by an account with audience a causes on average n* x a / a_typ
 * direct reposts, a_typ being the median audience of the graph, spread over
 * time by the memory kernel phi(s) = c for s <= s0 and c (s / s0)^-(1 + theta)
 * after, normalised to one. Where audiences are equal n* is the branching
 * factor: below 1 every cascade dies out, with mean size 1 / (1 - n*). Where a
 * few accounts have huge audiences they raise the real branching factor, as
 * SEISMIC observed: a repost by a big account sets off a burst. We scale by
 * the median, not the mean, so that a handful of accounts with millions of
 * followers do not make every ordinary account's post inert.
 *
 * On the graph the reposts are drawn among the poster's followers. By the
 * splitting property of Poisson processes each follower is hit a Poisson
 * number of times with mean lambda = m / followers and reposts at its first
 * hit; so we skip geometrically to the followers hit at least once (one draw
 * per repost, not per follower) and draw the earliest of their hits in one
 * step: min of K kernel delays has survival S(s)^K. A follower who has
 * already reposted does not repost again; followers outside the graph only
 * count as views.
 */
import type { PresetId } from "../generators/presets.ts";
import type { Rng } from "../random.ts";
import { type CascadeModel, modelGraphFacts, type Params, presetDefaults } from "./model.ts";

/** SEISMIC's fitted kernel for Twitter: flat for 5 minutes, then decaying with exponent 1 + 0.242. */
const DEFAULTS_BY_PRESET: Partial<Record<PresetId, Params>> = {
  weibo: { branching: 0.8, kernelMinutes: 5, memoryExponent: 0.242 },
  moments: { branching: 0.7, kernelMinutes: 15, memoryExponent: 0.3 },
  groups: { branching: 0.6, kernelMinutes: 2, memoryExponent: 0.5 },
  "public-account": { branching: 0.8, kernelMinutes: 10, memoryExponent: 0.242 },
};
const GENERIC: Params = { branching: 0.8, kernelMinutes: 5, memoryExponent: 0.242 };

/** Above this mean the zero-truncated Poisson count of hits is drawn by a normal approximation. */
const EXACT_POISSON_LIMIT = 50;

export const hawkes: CascadeModel = {
  id: "hawkes",
  label: "Self-exciting (Hawkes, SEISMIC)",
  description:
    "Every repost sets off more reposts among the poster's followers, more for accounts with bigger audiences, at first quickly and then ever more slowly. Below a branching factor of 1 every cascade dies out.",
  params: [
    {
      key: "branching",
      label: "Branching factor n*",
      description:
        "Average number of direct reposts that a post by a typical account causes (bigger audiences cause proportionally more). Below 1 a cascade among typical accounts dies out; at 1 or above it would never stop, so it is not allowed.",
      min: 0,
      max: 1,
      maxExclusive: true,
      step: 0.01,
    },
    {
      key: "kernelMinutes",
      label: "Fresh period (minutes)",
      description:
        "For this long after a post its pull stays at full strength; after that it fades like a power of the time.",
      min: 0,
      max: 1440,
      minExclusive: true,
      step: 1,
      unit: "min",
    },
    {
      key: "memoryExponent",
      label: "Memory decay theta",
      description:
        "How fast old posts stop causing reposts: small values mean a long memory (reposts keep trickling in for days); SEISMIC measured 0.24 on Twitter.",
      min: 0,
      max: 5,
      minExclusive: true,
      step: 0.01,
    },
  ],
  defaults: presetDefaults(DEFAULTS_BY_PRESET, GENERIC),
  run(graph, params, rng, limits, recorder, workspace): void {
    const { branching, memoryExponent: theta } = params;
    const s0 = params.kernelMinutes * 60;
    const { medianAudience } = modelGraphFacts(graph, workspace);
    if (branching <= 0 || medianAudience <= 0) return;
    const perFollowerOfAudience = branching / medianAudience;
    // Kernel mass in the flat part: c s0 with c = theta / (s0 (1 + theta)).
    const flatMass = theta / (1 + theta);
    const { offsets, targets, audience } = graph;
    const { queue } = workspace;
    queue.clear();
    const spawn = (node: number, time: number, event: number) => {
      const start = offsets[node];
      const followers = offsets[node + 1] - start;
      if (followers === 0) return;
      const lambda = (perFollowerOfAudience * audience[node]) / followers;
      if (lambda <= 0) return;
      // Chance a follower is hit at least once; geometric gaps between hit followers.
      const hitChance = -Math.expm1(-lambda);
      const logMiss = hitChance < 1 ? Math.log1p(-hitChance) : Number.NEGATIVE_INFINITY;
      let j = 0;
      for (;;) {
        if (hitChance < 1) j += Math.floor(Math.log(rng.nextOpen()) / logMiss);
        if (j >= followers) return;
        const follower = targets[start + j++];
        if (recorder.isActive(follower)) continue;
        const hits = truncatedPoisson(lambda, rng);
        // Earliest of `hits` kernel delays: its survival is r = V^(1 / hits).
        const r = rng.nextOpen() ** (1 / hits);
        const delay =
          1 - r <= flatMass ? (s0 * (1 - r)) / flatMass : s0 * (r / (1 - flatMass)) ** (-1 / theta);
        const at = time + delay;
        if (at <= limits.horizon) queue.push(at, follower, event);
      }
    };
    spawn(limits.source, 0, 0);
    while (queue.size > 0 && !recorder.done) {
      const time = queue.peekTime();
      const node = queue.topNode();
      const parent = queue.topParent();
      queue.pop();
      if (recorder.isActive(node)) continue;
      const event = recorder.activate(node, time, parent);
      if (event >= 0) spawn(node, time, event);
    }
  },
};

/** A Poisson count with mean lambda given that it is at least 1. */
export function truncatedPoisson(lambda: number, rng: Rng): number {
  if (lambda > EXACT_POISSON_LIMIT) {
    return Math.max(1, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  }
  // Inversion from k = 1: P(k) = lambda^k e^-lambda / (k! (1 - e^-lambda)).
  let u = rng.next() * -Math.expm1(-lambda);
  let k = 1;
  let term = lambda * Math.exp(-lambda);
  while (u > term && k < 10 * EXACT_POISSON_LIMIT) {
    u -= term;
    k++;
    term *= lambda / k;
  }
  return k;
}
