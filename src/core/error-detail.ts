/**
 * What went wrong, as data beside an error's English message, so that a
 * screen can say it in another language. The core only describes: the words
 * (English and Chinese) live in the UI (src/ui/error-text.ts). Plain objects
 * only, so a detail crosses a worker boundary by structured clone.
 */

/** A range as a parameter schema gives it; the message words it ("a whole number from 10 to 1000000"). */
export interface NumberRange {
  min: number;
  max: number;
  integer?: boolean;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** Range in words, for messages: "from 0 to 1", "above 0 and at most 4", "at least 0 and below 1". */
export function describeRange(range: NumberRange): string {
  const kind = range.integer ? "a whole number" : "a number";
  if (!range.minExclusive && !range.maxExclusive) return `${kind} from ${range.min} to ${range.max}`;
  const low = range.minExclusive ? `above ${range.min}` : `at least ${range.min}`;
  const high = range.maxExclusive ? `below ${range.max}` : `at most ${range.max}`;
  return `${kind} ${low} and ${high}`;
}

/**
 * The problems of the core's user-facing errors (ParamError, ScenarioError,
 * RulesError, InterventionError, GraphTooLargeError). `field` is the place
 * the message starts with ("nodes", "interventions[0].share"); values are
 * kept as the message shows them (`String(value)`).
 */
export type CoreErrorDetail =
  /** `ic: unknown parameter 'q'. Parameters are p, delayMinutes.` */
  | { code: "paramUnknown"; model: string; key: string; known: string[] }
  /** `ic: invalid 'p' 2. Should be a number from 0 to 1.` */
  | { code: "paramRange"; model: string; key: string; value: string; range: NumberRange }
  /** `preset: unknown preset 'x'. Use one of weibo, ….` */
  | { code: "unknownChoice"; field: string; what: ChoiceKind; value: string; choices: string[] }
  /** `nodes: -5 accounts. Should be a whole number from 10 to 1000000.`; `…share: 2. Should be a number from 0 to 1.` */
  | { code: "range"; field: string; value: string; range: NumberRange; unit: "accounts" | null }
  /** `deleteAt: -1. Should be a number of seconds from 0.` and the like. */
  | { code: "bound"; field: string; value: string; bound: BoundKind }
  /** `cutEvents[0]: 9. Should be an event index from 0 to 4.` */
  | { code: "eventIndex"; field: string; value: string; max: number }
  /** `seed: should be a text of 1 to 100 characters.` */
  | { code: "seedText"; field: string }
  /** `horizon: 0 s. Should be above 0 and at most a year.` */
  | { code: "horizon"; field: string; value: string }
  /** `source: no account 'x' in this graph.` */
  | { code: "noAccount"; field: string; account: string }
  /** `…links[0]: no link from 'a' to 'b'.` */
  | { code: "noLink"; field: string; poster: string; follower: string }
  /** `legal line: invalid 'reposts' threshold 0. Should be a whole number of at least 1.` (and views, viewRate) */
  | { code: "rules"; key: "reposts" | "views" | "viewRate"; value: string }
  /** A value of the wrong shape: `…accounts: should be a list of account ids (non-empty texts).` */
  | { code: "shape"; field: string; shape: ShapeKind }
  /** `…: this graph has no group chats (use the groups or public-account preset).` (and communities) */
  | { code: "notInGraph"; field: string; missing: "groups" | "communities" }
  /** `…centrality: betweenness needs a graph of at most 20,000 accounts; this one has 50,000. Use one of degree, ….` */
  | {
      code: "centralityTooLarge";
      field: string;
      centrality: string;
      limit: number;
      n: number;
      usable: string[];
    }
  /**
   * `core/graph-size: 1,000,000 WeChat groups accounts need about 3.6 GB; this browser tab can hold about 2.0 GB:
   * choose at most 552,336 accounts.`, after `nodes: ` when a scenario refused it.
   */
  | {
      code: "graphTooLarge";
      field: string | null;
      preset: string;
      nodes: number;
      need: string;
      budget: string;
      most: number;
    };

export type ChoiceKind = "preset" | "model" | "kind" | "centrality";
export type BoundKind =
  | "secondsFromZero"
  | "wholeFromZero"
  | "chance"
  | "wholeAtLeastOne"
  | "secondsAboveZero";
export type ShapeKind = "accounts" | "trigger" | "triggerKey" | "links" | "interventions";

export type CoreErrorCode = CoreErrorDetail["code"];
