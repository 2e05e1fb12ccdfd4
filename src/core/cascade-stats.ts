/**
 * What the summary card shows about one cascade's shape:
 * - reposts per generation and the maximum depth;
 * - structural virality (Goel, Anderson, Hofman and Watts, "The structural
 *   virality of online diffusion", Management Science 2015): the mean
 *   shortest-path distance over all pairs of nodes of the cascade tree. Each
 *   tree edge above a subtree of s nodes lies on the path of s(n - s) pairs,
 *   so the sum of all distances (the Wiener index) is sum s(n - s): O(n);
 * - key spreaders: accounts ranked by the reposts that followed from them
 *   (their subtree sizes);
 * plus assumed audiences, combining repeated posts, and the card data.
 */
import { type Cascade, type CascadeEvent, childrenOf } from "./cascade.ts";
import { type CountingRules, DEFAULT_RULES, evaluateLine, type LineReport } from "./legal.ts";
import { addNote, type Note, noted, notesOf, withNote } from "./notes.ts";

/** Node indices, parents before children (breadth first from every source). */
export function treeOrder(events: readonly CascadeEvent[]): Uint32Array {
  const children = childrenOf(events);
  const order = new Uint32Array(events.length);
  let tail = 0;
  for (let i = 0; i < events.length; i++) if (events[i].parent === -1) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    for (const child of children[order[head]]) order[tail++] = child;
  }
  return order.subarray(0, tail);
}

/** Size of the subtree under each event, itself included. */
export function subtreeSizes(events: readonly CascadeEvent[]): Uint32Array {
  const size = new Uint32Array(events.length).fill(1);
  const order = treeOrder(events);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    const p = events[i].parent;
    if (p >= 0) size[p] += size[i];
  }
  return size;
}

export interface DepthStats {
  /** Events at each depth: [sources, first-generation reposts, second, ...]. */
  perGeneration: number[];
  maxDepth: number;
  /** Mean depth of the reposts (0 when there are none). */
  meanDepth: number;
}

export function depthStats(cascade: Cascade): DepthStats {
  const perGeneration: number[] = [];
  let sum = 0;
  let reposts = 0;
  for (const event of cascade.events) {
    while (perGeneration.length <= event.depth) perGeneration.push(0);
    perGeneration[event.depth]++;
    if (event.parent !== -1) {
      sum += event.depth;
      reposts++;
    }
  }
  return { perGeneration, maxDepth: perGeneration.length - 1, meanDepth: reposts ? sum / reposts : 0 };
}

/**
 * Mean distance between all pairs of nodes of the tree (Goel et al. 2015),
 * null for a single node. A combined cascade (several sources) is measured
 * tree by tree and averaged over all within-tree pairs.
 */
export function structuralVirality(cascade: Cascade): number | null {
  const { events } = cascade;
  const size = subtreeSizes(events);
  // Root of each node, filled parents first so the whole pass stays O(n).
  const rootOf = new Uint32Array(events.length);
  let distances = 0;
  let pairs = 0;
  for (const i of treeOrder(events)) {
    const p = events[i].parent;
    if (p === -1) {
      rootOf[i] = i;
      pairs += (size[i] * (size[i] - 1)) / 2;
    } else {
      rootOf[i] = rootOf[p];
      distances += size[i] * (size[rootOf[i]] - size[i]);
    }
  }
  return pairs > 0 ? distances / pairs : null;
}

export interface Spreader {
  index: number;
  account: string;
  depth: number;
  time: number;
  /** Reposts that followed from this post (its subtree minus itself). */
  downstream: number;
  /** Direct reposts of this post. */
  direct: number;
}

/** Reposters ranked by the reposts that followed from them (sources excluded); ties by time. */
export function keySpreaders(cascade: Cascade, limit = 10): Spreader[] {
  const { events } = cascade;
  const size = subtreeSizes(events);
  const direct = new Uint32Array(events.length);
  for (const event of events) if (event.parent >= 0) direct[event.parent]++;
  const candidates: number[] = [];
  for (let i = 0; i < events.length; i++) if (events[i].parent !== -1 && size[i] > 1) candidates.push(i);
  candidates.sort((a, b) => size[b] - size[a] || events[a].time - events[b].time || a - b);
  return candidates.slice(0, limit).map((i) => ({
    index: i,
    account: events[i].account,
    depth: events[i].depth,
    time: events[i].time,
    downstream: size[i] - 1,
    direct: direct[i],
  }));
}

export class CascadeError extends Error {
  override name = "CascadeError";
}

/**
 * A copy with every unknown audience set to `perAccount`, marked
 * `audienceAssumed`, for files without follower counts. Known audiences stay.
 */
export function assumeAudience(cascade: Cascade, perAccount: number): Cascade {
  if (!(Number.isFinite(perAccount) && perAccount >= 0)) {
    throw new CascadeError(
      `assumeAudience: invalid 'perAccount' ${perAccount}. Should be a number of 0 or more.`,
    );
  }
  return {
    ...cascade,
    events: cascade.events.map((event) =>
      event.audience === null ? { ...event, audience: perAccount } : event,
    ),
    audienceAssumed: true,
    ...withNote(cascade, { code: "assumedAudience", perAccount }),
  };
}

const YEAR_S = 365 * 24 * 3600;

/**
 * Several posts by the same author as one case (art. 4 of the 2013
 * interpretation adds up repeated defamation within one year).
 *
 * Design: no virtual event. The result has one source event (parent -1,
 * depth 0) per post, so `evaluateLine` counts reposts of all posts together
 * and never counts a post as a repost of another. Events are placed on one
 * time axis: the earliest post is at 0 and each cascade is shifted by its
 * startEpoch minus the earliest startEpoch (0 where unknown, with a warning).
 * events[0] is the earliest post. Audiences stay known only if every cascade
 * has them.
 */
export function combineCascades(cascades: readonly Cascade[]): Cascade {
  if (cascades.length === 0) throw new CascadeError("combineCascades: needs at least one cascade.");
  const notes: Note[] = [];
  const knownStarts = cascades.filter((c) => c.startEpoch !== undefined).map((c) => c.startEpoch as number);
  const earliest = knownStarts.length ? Math.min(...knownStarts) : 0;
  if (knownStarts.length < cascades.length) {
    notes.push({ code: "combinedUndated", count: cascades.length - knownStarts.length });
  }
  const offsets = cascades.map((c) => (c.startEpoch === undefined ? 0 : c.startEpoch - earliest));
  // Earliest post first, so events[0] is the first source.
  const order = cascades.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b] || a - b);
  const withAudience = cascades.every((c) => c.events.length > 0 && c.events[0].audience !== null);
  if (!withAudience && cascades.some((c) => c.events[0]?.audience !== null)) {
    notes.push({ code: "combinedNoFollowers" });
  }
  const events: CascadeEvent[] = [];
  for (const k of order) {
    const base = events.length;
    for (const event of cascades[k].events) {
      events.push({
        ...event,
        parent: event.parent === -1 ? -1 : event.parent + base,
        time: event.time + offsets[k],
        audience: withAudience ? event.audience : null,
      });
    }
  }
  const authors = new Set(cascades.map((c) => c.events[0]?.account));
  if (authors.size > 1) notes.push({ code: "combinedAuthors", count: authors.size });
  if (knownStarts.length > 1 && Math.max(...knownStarts) - earliest > YEAR_S) {
    notes.push({ code: "combinedOverYear" });
  }
  notes.push({ code: "combined", count: cascades.length });
  const all = noted();
  for (const c of cascades)
    for (const note of notesOf(c)) addNote(all, { code: "ofCascade", id: c.id, note });
  for (const note of notes) addNote(all, note);
  const combined: Cascade = {
    id: cascades.map((c) => c.id).join("+"),
    events,
    format: "combined",
    ...all,
  };
  if (knownStarts.length) combined.startEpoch = earliest;
  const platforms = new Set(cascades.map((c) => c.platform).filter((p) => p !== undefined));
  if (platforms.size === 1) combined.platform = [...platforms][0];
  if (cascades.some((c) => c.audienceAssumed)) combined.audienceAssumed = true;
  return combined;
}

export interface CascadeSummary {
  id: string;
  format: string;
  platform: string | null;
  label: string | null;
  /** Events in the file, the source(s) included. */
  events: number;
  report: LineReport;
  /** Why views are not counted, when they are not. */
  viewsUnknown: string | null;
  audienceAssumed: boolean;
  /** The account whose post tipped the line first, if it was crossed. */
  tipping: { account: string; time: number; depth: number; prong: "reposts" | "views" } | null;
  depth: DepthStats;
  structuralVirality: number | null;
  keySpreaders: Spreader[];
  warnings: string[];
  /** The same as data, one per warning, for the page to word in its language. */
  notes: Note[];
}

/** Everything the summary card and the CLI show about one cascade. */
export function summarizeCascade(
  cascade: Cascade,
  rules: CountingRules = DEFAULT_RULES,
  spreaders = 10,
): CascadeSummary {
  const report = evaluateLine(cascade, rules);
  const first = report.first ? report.crossing[report.first] : null;
  return {
    id: cascade.id,
    format: cascade.format,
    platform: cascade.platform ?? null,
    label: cascade.label ?? null,
    events: cascade.events.length,
    report,
    viewsUnknown:
      report.views === null
        ? "This file has no follower counts, so views cannot be counted from it (an assumed audience per account can be set)."
        : null,
    audienceAssumed: cascade.audienceAssumed ?? false,
    tipping:
      first && report.first
        ? { account: first.account, time: first.time, depth: first.depth, prong: report.first }
        : null,
    depth: depthStats(cascade),
    structuralVirality: structuralVirality(cascade),
    keySpreaders: keySpreaders(cascade, spreaders),
    warnings: cascade.warnings,
    notes: notesOf(cascade),
  };
}
