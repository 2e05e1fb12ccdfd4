/**
 * Interventions as plain data: what a platform (or a fact-checker) does to a
 * post, and when. A scenario carries a list of them; they combine. Account
 * ids are the graph's ids, times are seconds after the source post, counts
 * are reposts recorded so far (the source not counted).
 */
import type { CoreErrorDetail } from "../error-detail.ts";

/** When a time-triggered strategy starts: at a time, or when the repost count reaches a number. */
export type Trigger = { time: number } | { reposts: number };

export const CENTRALITIES = [
  "degree",
  "out-degree",
  "pagerank",
  "betweenness",
  "k-core",
  "audience",
] as const;
export type Centrality = (typeof CENTRALITIES)[number];

export type Intervention =
  /** Suspend these accounts (chosen by hand): they never repost. */
  | { kind: "suspend"; accounts: string[] }
  /** Suspend the `count` accounts ranked highest by a centrality. */
  | { kind: "suspend-top"; centrality: Centrality; count: number }
  /** Once the repost count reaches `afterReposts`, suspend the next `count` accounts who try to repost. */
  | { kind: "suspend-next"; count: number; afterReposts: number }
  /** Delete the post: no reposts after the trigger; views already made stay. */
  | { kind: "delete"; when: Trigger }
  /** After detection, every post shows to only `share` of each audience. */
  | { kind: "throttle"; when: Trigger; share: number }
  /** A warning label from the trigger on: repost probability times `factor`. */
  | { kind: "label"; when: Trigger; factor: number }
  /** Group chats capped at `maxSize` members (a fixed arbitrary subset of the members stays). */
  | { kind: "group-cap"; maxSize: number }
  /** Each account can forward into at most `maxGroups` of its groups. */
  | { kind: "group-forward-limit"; maxGroups: number }
  /** Remove follow links by hand: [poster, follower] pairs (the follower no longer sees the poster). */
  | { kind: "cut-links"; links: Array<[string, string]> }
  /** Remove every link into a community from outside it (node attribute `community`). */
  | { kind: "cut-community"; community: number }
  /**
   * A correction posted by `accounts` at `time` spreads as its own Independent
   * Cascade (probability `p`, median delay `delayMinutes`); whoever sees it
   * before the rumour no longer reposts the rumour.
   */
  | { kind: "counter-message"; accounts: string[]; time: number; p: number; delayMinutes: number };

export type InterventionKind = Intervention["kind"];

export const INTERVENTION_KINDS: readonly InterventionKind[] = [
  "suspend",
  "suspend-top",
  "suspend-next",
  "delete",
  "throttle",
  "label",
  "group-cap",
  "group-forward-limit",
  "cut-links",
  "cut-community",
  "counter-message",
];

export class InterventionError extends Error {
  override name = "InterventionError";
  constructor(
    /** Path of the offending field, e.g. "interventions[1].share". */
    readonly field: string,
    message: string,
    /** The same, as data for a translated message. */
    readonly detail?: CoreErrorDetail,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Longest simulated time a trigger may name: a year, as the scenario horizon. */
const MAX_TIME = 365 * 86400;
const MAX_COUNT = 10_000_000;

function requireNumber(field: string, value: unknown, min: number, max: number, integer = false): number {
  if (
    typeof value !== "number" ||
    Number.isNaN(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InterventionError(
      field,
      `${String(value)}. Should be ${integer ? "a whole number" : "a number"} from ${min} to ${max}.`,
      {
        code: "range",
        field,
        value: String(value),
        range: integer ? { min, max, integer } : { min, max },
        unit: null,
      },
    );
  }
  return value;
}

function requireAccounts(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((a) => typeof a !== "string" || a.length === 0)) {
    throw new InterventionError(field, "should be a list of account ids (non-empty texts).", {
      code: "shape",
      field,
      shape: "accounts",
    });
  }
  return value as string[];
}

function validateTrigger(field: string, when: unknown): Trigger {
  if (typeof when !== "object" || when === null) {
    throw new InterventionError(field, "should be { time: seconds } or { reposts: count }.", {
      code: "shape",
      field,
      shape: "trigger",
    });
  }
  const keys = Object.keys(when);
  if (keys.length === 1 && keys[0] === "time") {
    return { time: requireNumber(`${field}.time`, (when as { time: unknown }).time, 0, MAX_TIME) };
  }
  if (keys.length === 1 && keys[0] === "reposts") {
    return {
      reposts: requireNumber(`${field}.reposts`, (when as { reposts: unknown }).reposts, 0, MAX_COUNT, true),
    };
  }
  throw new InterventionError(field, "should have exactly one of 'time' (seconds) or 'reposts' (count).", {
    code: "shape",
    field,
    shape: "triggerKey",
  });
}

/** Checks one intervention field by field; returns it unchanged, or throws naming the field and the range. */
export function validateIntervention(input: Intervention, field = "intervention"): Intervention {
  if (typeof input !== "object" || input === null || !INTERVENTION_KINDS.includes(input.kind)) {
    const kind = String((input as { kind?: unknown } | null)?.kind);
    throw new InterventionError(
      `${field}.kind`,
      `unknown kind '${kind}'. Use one of ${INTERVENTION_KINDS.join(", ")}.`,
      {
        code: "unknownChoice",
        field: `${field}.kind`,
        what: "kind",
        value: kind,
        choices: [...INTERVENTION_KINDS],
      },
    );
  }
  switch (input.kind) {
    case "suspend":
      requireAccounts(`${field}.accounts`, input.accounts);
      break;
    case "suspend-top":
      if (!CENTRALITIES.includes(input.centrality)) {
        throw new InterventionError(
          `${field}.centrality`,
          `unknown centrality '${String(input.centrality)}'. Use one of ${CENTRALITIES.join(", ")}.`,
          {
            code: "unknownChoice",
            field: `${field}.centrality`,
            what: "centrality",
            value: String(input.centrality),
            choices: [...CENTRALITIES],
          },
        );
      }
      requireNumber(`${field}.count`, input.count, 0, MAX_COUNT, true);
      break;
    case "suspend-next":
      requireNumber(`${field}.count`, input.count, 0, MAX_COUNT, true);
      requireNumber(`${field}.afterReposts`, input.afterReposts, 0, MAX_COUNT, true);
      break;
    case "delete":
      validateTrigger(`${field}.when`, input.when);
      break;
    case "throttle":
      validateTrigger(`${field}.when`, input.when);
      requireNumber(`${field}.share`, input.share, 0, 1);
      break;
    case "label":
      validateTrigger(`${field}.when`, input.when);
      requireNumber(`${field}.factor`, input.factor, 0, 1);
      break;
    case "group-cap":
      requireNumber(`${field}.maxSize`, input.maxSize, 2, 500, true);
      break;
    case "group-forward-limit":
      requireNumber(`${field}.maxGroups`, input.maxGroups, 0, 10_000, true);
      break;
    case "cut-links":
      if (
        !Array.isArray(input.links) ||
        input.links.some(
          (l) => !Array.isArray(l) || l.length !== 2 || typeof l[0] !== "string" || typeof l[1] !== "string",
        )
      ) {
        throw new InterventionError(
          `${field}.links`,
          "should be a list of [poster, follower] account id pairs.",
          {
            code: "shape",
            field: `${field}.links`,
            shape: "links",
          },
        );
      }
      break;
    case "cut-community":
      requireNumber(`${field}.community`, input.community, 0, MAX_COUNT, true);
      break;
    case "counter-message":
      requireAccounts(`${field}.accounts`, input.accounts);
      requireNumber(`${field}.time`, input.time, 0, MAX_TIME);
      requireNumber(`${field}.p`, input.p, 0, 1);
      requireNumber(`${field}.delayMinutes`, input.delayMinutes, 0, 10_080);
      break;
  }
  return input;
}

/** Checks a list (as `Scenario.interventions`); messages name "interventions[i].field". */
export function validateInterventions(
  list: readonly Intervention[],
  field = "interventions",
): Intervention[] {
  if (!Array.isArray(list)) {
    throw new InterventionError(field, "should be a list of interventions.", {
      code: "shape",
      field,
      shape: "interventions",
    });
  }
  return list.map((item, i) => validateIntervention(item, `${field}[${i}]`));
}

/** A short label in words, for chart rows and the CLI. */
export function describeIntervention(item: Intervention): string {
  const when = (t: Trigger) => ("time" in t ? `at ${t.time} s` : `at ${t.reposts} reposts`);
  switch (item.kind) {
    case "suspend":
      return `suspend ${item.accounts.length === 1 ? `account ${item.accounts[0]}` : `${item.accounts.length} accounts`}`;
    case "suspend-top":
      return `suspend top ${item.count} by ${item.centrality}`;
    case "suspend-next":
      return `suspend the next ${item.count} reposters after ${item.afterReposts} reposts`;
    case "delete":
      return `delete ${when(item.when)}`;
    case "throttle":
      return `throttle to ${Math.round(item.share * 100)}% ${when(item.when)}`;
    case "label":
      return `warning label x${item.factor} ${when(item.when)}`;
    case "group-cap":
      return `groups capped at ${item.maxSize}`;
    case "group-forward-limit":
      return `forward to at most ${item.maxGroups} groups`;
    case "cut-links":
      return `cut ${item.links.length} link${item.links.length === 1 ? "" : "s"}`;
    case "cut-community":
      return `cut links into community ${item.community}`;
    case "counter-message":
      return `correction from ${item.accounts.length} account${item.accounts.length === 1 ? "" : "s"} at ${item.time} s`;
  }
}
