/**
 * Weibo CED (Song et al., "CED: Credible Early Detection of Social Media
 * Rumors", 2018; github thunlp/Chinese_Rumor_Dataset).
 *
 * A repost file is a JSON array of {uid, mid, parent, date, kids, text};
 * parent "" is the source. The original-microblog file of the same name gives
 * the source time (epoch seconds) and the author's followers. File names are
 * `<n>_<source mid>_<author uid>.json`.
 *
 * - Dates are China time (UTC+8); `MM月DD日 HH:MM` takes the source post's year.
 * - Reposts and comments are mixed in the data and not told apart: every
 *   entry counts as a repost event, and the cascade says so.
 * - Only the source author's followers are known: views cannot be counted.
 */
import type { Cascade } from "../core/cascade.ts";
import { addNote, noted } from "../core/notes.ts";
import { type Expected, type Found, InputError, quoted } from "./errors.ts";
import { isRecord, parseJson } from "./json-text.ts";
import { checkText, stem } from "./text.ts";
import { buildTree, type RawEvent } from "./tree.ts";
import type { Companion, ReadResult } from "./types.ts";

const CHINA_OFFSET_S = 8 * 3600;
const EXPECTED: Expected = { code: "cedReposts" };
const EXPECTED_ORIGINAL: Expected = { code: "cedOriginal" };

interface Entry {
  uid: string;
  mid: string;
  parent: string;
  date: string;
  /** Approximate line of the entry, for messages. */
  line: number;
}

export function readCed(file: string, text: string, original?: Companion): ReadResult {
  text = checkText(file, text, EXPECTED);
  const data = parseJson(file, text, EXPECTED);
  if (!Array.isArray(data)) {
    const looksLike = isRecord(data) && "reposts" in data ? "original" : null;
    throw new InputError({
      file,
      line: 1,
      expected: EXPECTED,
      found: { code: "jsonType", type: typeof data, looksLike },
    });
  }
  const lines = entryLines(text, data.length);
  const entries: Entry[] = data.map((item, i) => checkEntry(file, item, i, lines[i]));
  const [, sourceMid = "", author = "source"] = stem(file).split("_");
  const notes = noted();
  const source = original ? readOriginal(original) : null;
  let sourceEpoch: number;
  let year: number;
  if (source) {
    sourceEpoch = source.time;
    year = new Date((sourceEpoch + CHINA_OFFSET_S) * 1000).getUTCFullYear();
  } else {
    const firstFull = entries.find((e) => e.date.length >= 19);
    year = firstFull ? Number(firstFull.date.slice(0, 4)) : Number.NaN;
    sourceEpoch = Number.NaN;
    addNote(notes, { code: "cedNoOriginal" });
  }
  const epochs = entries.map((e) => chinaDate(file, e, year));
  if (Number.isNaN(sourceEpoch)) sourceEpoch = epochs.reduce((a, b) => Math.min(a, b), epochs[0] ?? 0);
  let early = 0;
  const raws: RawEvent[] = [{ key: "", parentKey: null, account: author, time: 0, audience: null, line: 1 }];
  entries.forEach((e, i) => {
    let time = epochs[i] - sourceEpoch;
    if (time < 0) {
      early++;
      time = 0;
    }
    // The source's own mid also names the source, where an entry uses it.
    const parentKey = e.parent === sourceMid ? "" : e.parent;
    raws.push({ key: e.mid, parentKey, account: e.uid, time, audience: null, line: e.line });
  });
  const tree = buildTree(file, raws, "source");
  addNote(notes, { code: "cedComments" });
  if (early) addNote(notes, { code: "cedEarly", count: early });
  if (tree.missingParents) addNote(notes, { code: "cedMissingParents", count: tree.missingParents });
  addNote(
    notes,
    source?.followers != null
      ? { code: "cedSourceFollowersOnly", followers: source.followers }
      : { code: "noFollowersFile" },
  );
  const cascade: Cascade = {
    id: `ced:${stem(file)}`,
    events: tree.events,
    format: "ced",
    platform: "Sina Weibo (CED)",
    ...notes,
  };
  if (source) cascade.startEpoch = sourceEpoch;
  const label = labelFromPath(file);
  if (label) cascade.label = label;
  return { format: "ced", cascades: [cascade], warnings: [], notes: [] };
}

function checkEntry(file: string, item: unknown, i: number, line: number): Entry {
  const bad = (field: string, found: Found): InputError =>
    new InputError({ file, line, column: field, expected: { code: "cedEntry", entry: i + 1, field }, found });
  if (!isRecord(item))
    throw bad("uid", { code: "jsonType", type: item === null ? "null" : typeof item, looksLike: null });
  const str = (field: string, allowNumber: boolean): string => {
    const v = item[field];
    if (typeof v === "string") return v;
    if (allowNumber && typeof v === "number") return String(v);
    throw bad(field, v === undefined ? { code: "nothing" } : quoted(JSON.stringify(v)));
  };
  return {
    uid: str("uid", true),
    mid: str("mid", true),
    parent: str("parent", true),
    date: str("date", false),
    line,
  };
}

/** Line of each top-level entry: the line of its opening brace (one scan, no parse). */
function entryLines(text: string, n: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length && lines.length < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      else if (c === 10) line++;
      continue;
    }
    if (c === 10) line++;
    else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === 125 || c === 93) depth--;
  }
  while (lines.length < n) lines.push(line);
  return lines;
}

/** Epoch seconds of `YYYY-mm-dd HH:MM:SS` or `MM月DD日 HH:MM`, China time. */
function chinaDate(file: string, e: Entry, year: number): number {
  const d = e.date.trim();
  let y: number;
  let mo: number;
  let da: number;
  let h: number;
  let mi: number;
  let s = 0;
  const full = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(d);
  const short = full ? null : /^(\d{1,2})月(\d{1,2})日 (\d{1,2}):(\d{2})$/.exec(d);
  if (full) {
    [y, mo, da, h, mi, s] = full.slice(1).map(Number);
  } else if (short && !Number.isNaN(year)) {
    y = year;
    [mo, da, h, mi] = short.slice(1).map(Number);
  } else {
    throw new InputError({
      file,
      line: e.line,
      column: "date",
      expected: short ? { code: "cedYear" } : { code: "cedDate" },
      found: quoted(e.date),
    });
  }
  const ms = Date.UTC(y, mo - 1, da, h, mi, s);
  const check = new Date(ms);
  if (mo < 1 || mo > 12 || check.getUTCDate() !== da || h > 23 || mi > 59 || s > 59) {
    throw new InputError({
      file,
      line: e.line,
      column: "date",
      expected: { code: "calendarDate" },
      found: quoted(e.date),
    });
  }
  return ms / 1000 - CHINA_OFFSET_S;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The original microblog: source time (epoch s) and the author's followers. */
export function readOriginal(original: Companion): { time: number; followers: number | null } {
  const file = original.name;
  const text = checkText(file, original.text, EXPECTED_ORIGINAL);
  const data = parseJson(file, text, EXPECTED_ORIGINAL);
  if (!isRecord(data)) {
    throw new InputError({
      file,
      line: 1,
      expected: EXPECTED_ORIGINAL,
      found: Array.isArray(data)
        ? { code: "jsonType", type: "array", looksLike: "reposts" }
        : { code: "jsonType", type: typeof data, looksLike: null },
    });
  }
  let time: number;
  if (typeof data.time === "number" && Number.isFinite(data.time)) {
    time = data.time;
  } else if (typeof data.time === "string") {
    // "Sat Jun 29 12:40:09 +0800 2013" in the files whose user is "empty".
    const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(
      data.time.trim(),
    );
    const month = m ? MONTHS.indexOf(m[1]) : -1;
    if (!m || month < 0) {
      throw new InputError({
        file,
        line: null,
        column: "time",
        expected: { code: "cedOriginalTime" },
        found: quoted(data.time),
      });
    }
    const offset = (m[6] === "-" ? -1 : 1) * (Number(m[7]) * 3600 + Number(m[8]) * 60);
    time =
      Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000 - offset;
  } else {
    throw new InputError({
      file,
      line: null,
      column: "time",
      expected: { code: "sourceEpoch" },
      found: data.time === undefined ? { code: "nothing" } : quoted(JSON.stringify(data.time)),
    });
  }
  const user = data.user;
  const followers = isRecord(user) && typeof user.followers === "number" ? user.followers : null;
  return { time, followers };
}

function labelFromPath(file: string): string | undefined {
  if (/non-rumou?r-repost/.test(file)) return "non-rumor";
  if (/rumou?r-repost/.test(file)) return "rumor";
  return undefined;
}
