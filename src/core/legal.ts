/**
 * The legal line of the 2013 SPC/SPP interpretation, art. 2(1): defamatory
 * information "actually clicked or viewed 5,000 times or more, or reposted
 * 500 times or more". Either prong alone is enough.
 *
 * The text does not say how to count, so the counting is a set of switches.
 */
import { type Cascade, type CascadeEvent, countingOrder } from "./cascade.ts";
import type { CoreErrorDetail } from "./error-detail.ts";

export interface Thresholds {
  reposts: number;
  views: number;
}

export interface CountingRules {
  thresholds: Thresholds;
  /** "tree": every repost in the tree; "direct": only reposts of the original. */
  repostScope: "tree" | "direct";
  /** "all": the original and every repost expose their audience; "original": only the source's audience. */
  viewScope: "all" | "original";
  /** Share of exposures that become views. */
  viewRate: number;
  /** Whether an account exposed twice counts twice (only simulations know who was exposed before). */
  countRepeatViews: boolean;
  /** Whether events by accounts flagged as bots or hired posters count. */
  countBots: boolean;
}

export const DEFAULT_THRESHOLDS: Thresholds = { reposts: 500, views: 5000 };

/**
 * Bernstein et al. (CHI 2013) measured that a Facebook post reaches about 35%
 * of the poster's friends: our default share of an audience that views a post.
 */
export const DEFAULT_VIEW_RATE = 0.35;

export const DEFAULT_RULES: CountingRules = {
  thresholds: DEFAULT_THRESHOLDS,
  repostScope: "tree",
  viewScope: "all",
  viewRate: DEFAULT_VIEW_RATE,
  countRepeatViews: true,
  countBots: true,
};

export type Prong = "reposts" | "views";

export interface Crossing {
  /** Seconds after the source post. */
  time: number;
  /** Index of the tipping event in `cascade.events`. */
  index: number;
  /** The account whose post or repost tipped it. */
  account: string;
  /** Generation of the tipping event (0 = the source itself). */
  depth: number;
}

export interface LineReport {
  /** Reposts that count under the rules. */
  reposts: number;
  /** Views that count (exposures x view rate), or null when the data has no audiences. */
  views: number | null;
  /** Exposures that count (sum of audiences), or null when unknown. */
  exposures: number | null;
  crossing: { reposts: Crossing | null; views: Crossing | null };
  /** Which prong is crossed first; on the same event, "reposts". */
  first: Prong | null;
  thresholds: Thresholds;
}

export class RulesError extends Error {
  override name = "RulesError";
  constructor(
    message: string,
    /** The same, as data for a translated message. */
    readonly detail?: CoreErrorDetail,
  ) {
    super(message);
  }
}

export function validateRules(rules: CountingRules): CountingRules {
  const { reposts, views } = rules.thresholds;
  if (!Number.isInteger(reposts) || reposts < 1) {
    throw new RulesError(
      `legal line: invalid 'reposts' threshold ${reposts}. Should be a whole number of at least 1.`,
      { code: "rules", key: "reposts", value: String(reposts) },
    );
  }
  if (!Number.isFinite(views) || views <= 0) {
    throw new RulesError(`legal line: invalid 'views' threshold ${views}. Should be a number above 0.`, {
      code: "rules",
      key: "views",
      value: String(views),
    });
  }
  if (!(rules.viewRate > 0 && rules.viewRate <= 1)) {
    throw new RulesError(
      `legal line: invalid 'viewRate' ${rules.viewRate}. Should be a number above 0 and at most 1.`,
      { code: "rules", key: "viewRate", value: String(rules.viewRate) },
    );
  }
  return rules;
}

/**
 * The smallest whole number of exposures E with E x rate >= threshold,
 * so the crossing test compares integers and never a float with a fudge.
 */
export function exposuresNeeded(threshold: number, rate: number): number {
  let needed = Math.ceil(threshold / rate);
  while (needed > 0 && (needed - 1) * rate >= threshold) needed--;
  while (needed * rate < threshold) needed++;
  return needed;
}

function counts(event: CascadeEvent, rules: CountingRules): boolean {
  return rules.countBots || !event.bot;
}

/** Exposures an event adds under the rules (0 when it does not count). */
export function exposuresOf(event: CascadeEvent, rules: CountingRules): number {
  if (event.audience === null || !counts(event, rules)) return 0;
  if (rules.viewScope === "original" && event.parent !== -1) return 0;
  if (!rules.countRepeatViews && event.newAudience !== undefined) return event.newAudience;
  return event.audience;
}

export function repostCounts(event: CascadeEvent, rules: CountingRules): boolean {
  if (event.parent === -1 || !counts(event, rules)) return false;
  return rules.repostScope === "tree" || event.parent === 0;
}

function hasAudiences(cascade: Cascade): boolean {
  return cascade.events.length > 0 && cascade.events[0].audience !== null;
}

/** Totals, both crossings and which comes first. */
export function evaluateLine(cascade: Cascade, rules: CountingRules = DEFAULT_RULES): LineReport {
  validateRules(rules);
  const { events } = cascade;
  const order = countingOrder(events);
  const withViews = hasAudiences(cascade);
  const needed = exposuresNeeded(rules.thresholds.views, rules.viewRate);
  let reposts = 0;
  let exposures = 0;
  let repostCrossing: Crossing | null = null;
  let viewCrossing: Crossing | null = null;
  let repostRank = -1;
  let viewRank = -1;
  for (let rank = 0; rank < order.length; rank++) {
    const i = order[rank];
    const event = events[i];
    if (repostCounts(event, rules)) {
      reposts++;
      if (repostCrossing === null && reposts >= rules.thresholds.reposts) {
        repostCrossing = crossingAt(event, i);
        repostRank = rank;
      }
    }
    if (withViews) {
      exposures += exposuresOf(event, rules);
      if (viewCrossing === null && exposures >= needed) {
        viewCrossing = crossingAt(event, i);
        viewRank = rank;
      }
    }
  }
  let first: Prong | null = null;
  if (repostCrossing && (!viewCrossing || repostRank <= viewRank)) first = "reposts";
  else if (viewCrossing) first = "views";
  return {
    reposts,
    views: withViews ? exposures * rules.viewRate : null,
    exposures: withViews ? exposures : null,
    crossing: { reposts: repostCrossing, views: viewCrossing },
    first,
    thresholds: rules.thresholds,
  };
}

function crossingAt(event: CascadeEvent, index: number): Crossing {
  return { time: event.time, index, account: event.account, depth: event.depth };
}

export interface CumulativeSeries {
  /** Event times in counting order (step function: the value holds from this time on). */
  time: Float64Array;
  reposts: Uint32Array;
  /** Cumulative views (exposures x rate); all zero when audiences are unknown. */
  views: Float64Array;
  hasViews: boolean;
}

/** The running totals after each event, in counting order. */
export function cumulativeSeries(cascade: Cascade, rules: CountingRules = DEFAULT_RULES): CumulativeSeries {
  const { events } = cascade;
  const order = countingOrder(events);
  const withViews = hasAudiences(cascade);
  const time = new Float64Array(order.length);
  const reposts = new Uint32Array(order.length);
  const views = new Float64Array(order.length);
  let r = 0;
  let e = 0;
  for (let rank = 0; rank < order.length; rank++) {
    const event = events[order[rank]];
    if (repostCounts(event, rules)) r++;
    if (withViews) e += exposuresOf(event, rules);
    time[rank] = event.time;
    reposts[rank] = r;
    views[rank] = e * rules.viewRate;
  }
  return { time, reposts, views, hasViews: withViews };
}
