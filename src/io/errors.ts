/**
 * One error type for every reader: where (file, line, column or field), what
 * was expected and what was found. The readers describe `expected` and
 * `found` as data (a code and its values); the English words for them are
 * here, once, and make the message; the UI words the same data in Chinese
 * (src/ui/error-text.ts).
 */

/** What a reader needed at the place. */
export type Expected =
  | { code: "casflowLine" }
  | { code: "casflowFields" }
  | { code: "cascadeOnLine"; line: number; lines: number }
  | { code: "publishEpoch" }
  | { code: "participantCount" }
  | { code: "participantEntry" }
  | { code: "participants" }
  | { code: "cedReposts" }
  | { code: "cedEntry"; entry: number; field: string }
  | { code: "cedYear" }
  | { code: "cedDate" }
  | { code: "calendarDate" }
  | { code: "cedOriginal" }
  | { code: "cedOriginalTime" }
  | { code: "sourceEpoch" }
  | { code: "knownFormat"; formats: string[] }
  | { code: "edgeHeader"; noDelimiter: boolean }
  | { code: "fieldCount"; count: number; delimiter: string }
  | { code: "targetId" }
  | { code: "timeOrIsoDate" }
  | { code: "timesAlike" }
  | { code: "followerCountCsv" }
  | { code: "nodeOrEdge" }
  | { code: "nodeId" }
  | { code: "graphologyJson" }
  | { code: "edgeArray" }
  | { code: "jsonNode" }
  | { code: "jsonEdge" }
  | { code: "nodeKey" }
  | { code: "xmlDocument"; format: "gexf" | "graphml"; wellFormed: boolean }
  | { code: "timeOrDate" }
  | { code: "followerCountAttr" }
  | { code: "cascadeNumber"; count: number }
  | { code: "seismicHeader" }
  | { code: "tidehHeader" }
  | { code: "retweetCount" }
  | { code: "startDays" }
  | { code: "tidehRow" }
  | { code: "seconds" }
  | { code: "followerCount" }
  | { code: "nonNegative"; of: Expected }
  | { code: "originalRow" }
  | { code: "knownParent" }
  | { code: "leadsToSource" }
  | { code: "twitterLine" }
  | { code: "oneRoot" }
  | { code: "rootLine" }
  | { code: "twitterNode"; part: TwitterNodePart }
  | { code: "delayMinutes" };

export type TwitterNodePart = "bracketFirst" | "quoted" | "closingQuote" | "commas" | "closingBracket";

/** What a reader found there. `text` is shown as it is (the readers quote file content with `quote`). */
export type Found =
  | { code: "text"; text: string }
  | { code: "nothing" }
  | { code: "none" }
  | { code: "noRows" }
  | { code: "noLines" }
  | { code: "emptyFile" }
  | { code: "binary" }
  | { code: "noCascadeThere" }
  | { code: "noRootLine" }
  /** CasFlow: "3 fields", "1 field in "…"". */
  | { code: "fields"; count: number; text: string | null }
  /** Edge lists and series: "3 in "…"". */
  | { code: "countIn"; count: number; text: string }
  /** "a JSON string", "a JSON array (this looks like a repost file)". */
  | { code: "jsonType"; type: string; looksLike: "original" | "reposts" | null }
  | { code: "null" }
  | { code: "objectKeys"; keys: string }
  | { code: "invalidJson"; message: string }
  /** An XML or graph parser's own message (English, from the library). */
  | { code: "parser"; message: string }
  | { code: "secondRoot"; first: number }
  | { code: "timeMix"; text: string }
  | { code: "unknownParent"; text: string }
  | { code: "cycle"; text: string };

export type ExpectedCode = Expected["code"];
export type FoundCode = Found["code"];

/** A template per code: a missing code is a type error. */
export type Templates<U extends { code: string }> = {
  [K in U["code"]]: (d: Extract<U, { code: K }>) => string;
};

const CASFLOW_LINE = "cascade_id<TAB>root_uid<TAB>publish_epoch<TAB>n<TAB>root:0 root/a:t ...";
const TWITTER_NODE = "['uid', 'tweet_id', 'delay_minutes']";

export const EXPECTED_EN: Templates<Expected> = {
  casflowLine: () => CASFLOW_LINE,
  casflowFields: () => `5 TAB-separated fields (${CASFLOW_LINE})`,
  cascadeOnLine: (d) => `a cascade on line ${d.line} (the file has ${d.lines} lines)`,
  publishEpoch: () => "a publish time in epoch seconds",
  participantCount: () => "a participant count",
  participantEntry: () => "a participant path:seconds",
  participants: () => "participants",
  cedReposts: () => "a CED repost file: a JSON array of {uid, mid, parent, date}",
  cedEntry: (d) => `entry ${d.entry} with a string '${d.field}'`,
  cedYear: () => "a year to complete 'MM月DD日 HH:MM' (give the original-microblog file)",
  cedDate: () => "a date 'YYYY-mm-dd HH:MM:SS' or 'MM月DD日 HH:MM' (China time)",
  calendarDate: () => "a real calendar date",
  cedOriginal: () => "a CED original-microblog JSON object",
  cedOriginalTime: () => "epoch seconds or a date like 'Sat Jun 29 12:40:09 +0800 2013'",
  sourceEpoch: () => "the source time in epoch seconds",
  knownFormat: (d) => `a file in one of the known formats (${d.formats.join(", ")}); choose one to override`,
  edgeHeader: (d) =>
    "a header naming the columns source,target (and optionally time, followers, account)" +
    (d.noDelimiter ? " (no TAB, comma or semicolon between columns)" : ""),
  fieldCount: (d) => `${d.count} fields separated by '${d.delimiter === "\t" ? "TAB" : d.delimiter}'`,
  targetId: () => "a target id",
  timeOrIsoDate: () => "a time in seconds or an ISO 8601 date like 2024-05-01T08:30:00Z",
  timesAlike: () => "times all in seconds or all as dates",
  followerCountCsv: () => "a follower count (a number, 0 or more)",
  nodeOrEdge: () => "at least one node or edge",
  nodeId: () => "a node id (non-empty text)",
  graphologyJson: () => "a graphology JSON graph {nodes: [{key, attributes}], edges: [{source, target}]}",
  edgeArray: () => "an array of edges",
  jsonNode: () => "a node {key, attributes}",
  jsonEdge: () => "an edge {source, target}",
  nodeKey: () => "the key of a listed node",
  xmlDocument: (d) =>
    (d.format === "gexf" ? "a GEXF document (<gexf>…)" : "a GraphML document (<graphml>…)") +
    (d.wellFormed ? ", well-formed XML" : ""),
  timeOrDate: () => "a time in seconds or an ISO date",
  followerCountAttr: () => "a follower count (0 or more)",
  cascadeNumber: (d) => `a cascade number from 1 to ${d.count}`,
  seismicHeader: () => "a header 'relative_time_second,number_of_followers' or 'time,magnitude,user_id'",
  tidehHeader: () => "a TiDeH header '<retweets> <start time in days>'",
  retweetCount: () => "a retweet count",
  startDays: () => "a start time in days",
  tidehRow: () => "'<seconds> <followers>' separated by a space",
  seconds: () => "a time in seconds",
  followerCount: () => "a follower count",
  nonNegative: (d) => `${expectedText(d.of)} (0 or more)`,
  originalRow: () => "at least the original post's row",
  knownParent: () => "a repost of a post that is in the file",
  leadsToSource: () => "reposts that lead back to the source post",
  twitterLine: () => `an edge ${TWITTER_NODE}->${TWITTER_NODE}`,
  oneRoot: () => "one ROOT line",
  rootLine: () => "a line ['ROOT', 'ROOT', '0.0']->[source] naming the source tweet",
  twitterNode: (d) => `a node ${TWITTER_NODE} (${TWITTER_NODE_PART_EN[d.part]})`,
  delayMinutes: () => "a delay in minutes (a number)",
};

const TWITTER_NODE_PART_EN: Record<TwitterNodePart, string> = {
  bracketFirst: "'[' first",
  quoted: "quoted items",
  closingQuote: "a closing quote",
  commas: "three items separated by commas",
  closingBracket: "']' after three items",
};

export const FOUND_EN: Templates<Found> = {
  text: (d) => d.text,
  nothing: () => "nothing",
  none: () => "none",
  noRows: () => "no rows",
  noLines: () => "no lines",
  emptyFile: () => "an empty file",
  binary: () => "binary data (this is not a text file)",
  noCascadeThere: () => "no cascade there",
  noRootLine: () => "no ROOT line",
  fields: (d) => `${d.count} field${d.count === 1 ? "" : "s"}${d.text === null ? "" : ` in ${d.text}`}`,
  countIn: (d) => `${d.count} in ${d.text}`,
  jsonType: (d) =>
    `a JSON ${d.type}` +
    (d.looksLike === "original"
      ? " (this looks like an original-microblog file)"
      : d.looksLike === "reposts"
        ? " (this looks like a repost file)"
        : ""),
  null: () => "null",
  objectKeys: (d) => `an object with keys ${d.keys}`,
  invalidJson: (d) => `invalid JSON (${d.message})`,
  parser: (d) => d.message,
  secondRoot: (d) => `a second ROOT line (the first is line ${d.first})`,
  timeMix: (d) => `a mix (${d.text})`,
  unknownParent: (d) => `a repost of ${d.text}, which is not in the file`,
  cycle: (d) => `a cycle ${d.text}`,
};

/** Applies the template of `detail.code` (TypeScript cannot narrow a mapped lookup by itself). */
export function applyTemplate<U extends { code: string }>(templates: Templates<U>, detail: U): string {
  const template = templates[detail.code as U["code"]] as (d: U) => string;
  return template(detail);
}

export function expectedText(expected: Expected): string {
  return applyTemplate(EXPECTED_EN, expected);
}

export function foundText(found: Found): string {
  return applyTemplate(FOUND_EN, found);
}

export interface InputErrorDetails {
  /** File name as the user gave it. */
  file: string;
  /** 1-based line number; null when the problem is about the whole file. */
  line: number | null;
  /** 1-based column, or the name of the field or JSON key, when known. */
  column?: number | string;
  /** What the reader needed there. */
  expected: Expected;
  /** What it found there (file content quoted and shortened with `quote`). */
  found: Found;
}

/** An InputError as data (plain object: it crosses a worker boundary by structured clone). */
export type InputErrorDetail = { code: "input" } & InputErrorDetails;

export class InputError extends Error {
  override name = "InputError";
  readonly file: string;
  readonly line: number | null;
  readonly column?: number | string;
  /** What was expected, in English words. */
  readonly expected: string;
  /** What was found, in English words. */
  readonly found: string;
  /** The same, as data for a translated message. */
  readonly detail: InputErrorDetail;

  constructor(details: InputErrorDetails) {
    super(inputErrorMessage(details));
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.expected = expectedText(details.expected);
    this.found = foundText(details.found);
    this.detail = { code: "input", ...details };
    if (details.column === undefined) delete this.detail.column;
  }
}

/** Where, in the message's words: `file:3:5` (and ` (field 'time')` for a named column, see `fieldOf`). */
export function placeOf({ file, line, column }: Pick<InputErrorDetails, "file" | "line" | "column">): string {
  let place = file;
  if (line !== null) place += `:${line}`;
  if (typeof column === "number") place += `:${column}`;
  return place;
}

export function inputErrorMessage(details: InputErrorDetails): string {
  const { column, expected, found } = details;
  const field = typeof column === "string" ? ` (field '${column}')` : "";
  return `${placeOf(details)}${field}: expected ${expectedText(expected)}, found ${foundText(found)}.`;
}

/** A piece of the file, quoted and cut to a readable length, for `found`. */
export function quote(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}

/** `found` for a piece of the file: `{ code: "text", text: quote(text) }`. */
export function quoted(text: string, max = 60): Found {
  return { code: "text", text: quote(text, max) };
}
