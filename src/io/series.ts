/**
 * Retweet time series with follower counts, no repost tree:
 * - SEISMIC (Zhao et al., KDD 2015): `relative_time_second,number_of_followers`;
 *   the same shape as `time,magnitude,user_id` (Cas.In SMH, Rizoiu et al. 2018;
 *   evently #auspol, Kong et al.), magnitude being followers;
 * - TiDeH (Kobayashi and Lambiotte, ICWSM 2016): first line
 *   `<retweets> <start time in days>`, then `<seconds> <followers>` rows.
 * The first row is the original post at time 0. With no tree, every repost is
 * taken as a repost of the original (depth 1), and the cascade says so.
 */
import type { Cascade, CascadeEvent } from "../core/cascade.ts";
import { addNote, type Note, noted } from "../core/notes.ts";
import { type Expected, InputError, quote, quoted } from "./errors.ts";
import { checkText, forEachLine, numberField, splitFields, stem } from "./text.ts";
import type { ReadResult } from "./types.ts";

const TIME_NAMES = ["relative_time_second", "time", "seconds", "t"];
const FOLLOWER_NAMES = ["number_of_followers", "magnitude", "followers"];
const USER_NAMES = ["user_id", "user", "uid", "account"];
const EXPECTED_HEADER: Expected = { code: "seismicHeader" };

interface Row {
  time: number;
  followers: number;
  user: string | null;
  line: number;
}

export function readSeismic(file: string, text: string): ReadResult {
  text = checkText(file, text, EXPECTED_HEADER);
  let delimiter = ",";
  let timeCol = -1;
  let followerCol = -1;
  let userCol = -1;
  let header: string[] = [];
  const rows: Row[] = [];
  forEachLine(text, (line, lineNo) => {
    if (line.trim() === "") return;
    if (header.length === 0) {
      delimiter = line.includes("\t") ? "\t" : ",";
      header = splitFields(line, delimiter).map((h) => h.trim().toLowerCase());
      timeCol = header.findIndex((h) => TIME_NAMES.includes(h));
      followerCol = header.findIndex((h) => FOLLOWER_NAMES.includes(h));
      userCol = header.findIndex((h) => USER_NAMES.includes(h));
      if (timeCol === -1 || followerCol === -1) {
        throw new InputError({ file, line: lineNo, expected: EXPECTED_HEADER, found: quoted(line) });
      }
      return;
    }
    const fields = splitFields(line, delimiter);
    if (fields.length !== header.length) {
      throw new InputError({
        file,
        line: lineNo,
        expected: { code: "fieldCount", count: header.length, delimiter },
        found: { code: "countIn", count: fields.length, text: quote(line) },
      });
    }
    rows.push({
      time: nonNegative(file, lineNo, header[timeCol], fields[timeCol], { code: "seconds" }),
      followers: nonNegative(file, lineNo, header[followerCol], fields[followerCol], {
        code: "followerCount",
      }),
      user: userCol === -1 ? null : fields[userCol].trim(),
      line: lineNo,
    });
  });
  return {
    format: "seismic",
    cascades: [seriesCascade(file, rows, "seismic", "Twitter (retweet series)", [])],
    warnings: [],
    notes: [],
  };
}

export function readTideh(file: string, text: string): ReadResult {
  const expected: Expected = { code: "tidehHeader" };
  text = checkText(file, text, expected);
  let declared = -1;
  const rows: Row[] = [];
  forEachLine(text, (line, lineNo) => {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === "") return;
    if (declared === -1) {
      if (fields.length !== 2) throw new InputError({ file, line: lineNo, expected, found: quoted(line) });
      declared = numberField(file, lineNo, 1, fields[0], { code: "retweetCount" });
      numberField(file, lineNo, 2, fields[1], { code: "startDays" });
      return;
    }
    if (fields.length !== 2) {
      throw new InputError({
        file,
        line: lineNo,
        expected: { code: "tidehRow" },
        found: quoted(line),
      });
    }
    rows.push({
      time: nonNegative(file, lineNo, 1, fields[0], { code: "seconds" }),
      followers: nonNegative(file, lineNo, 2, fields[1], { code: "followerCount" }),
      user: null,
      line: lineNo,
    });
  });
  const extra: Note[] = [];
  if (declared !== rows.length - 1)
    extra.push({ code: "tidehCountMismatch", declared, listed: Math.max(0, rows.length - 1) });
  return {
    format: "tideh",
    cascades: [seriesCascade(file, rows, "tideh", "Twitter (TiDeH sample of SEISMIC)", extra)],
    warnings: [],
    notes: [],
  };
}

function nonNegative(
  file: string,
  line: number,
  column: number | string,
  raw: string,
  expected: Expected,
): number {
  const value = numberField(file, line, column, raw, expected);
  if (value < 0)
    throw new InputError({
      file,
      line,
      column,
      expected: { code: "nonNegative", of: expected },
      found: quoted(raw),
    });
  return value;
}

function seriesCascade(file: string, rows: Row[], format: string, platform: string, extra: Note[]): Cascade {
  if (rows.length === 0) {
    throw new InputError({
      file,
      line: null,
      expected: { code: "originalRow" },
      found: { code: "noRows" },
    });
  }
  const t0 = rows[0].time;
  const notes = noted();
  for (const note of extra) addNote(notes, note);
  if (t0 !== 0) addNote(notes, { code: "seriesFirstRowTime", time: t0 });
  const seen = new Set<string>();
  let repeated = 0;
  let early = 0;
  const events: CascadeEvent[] = rows.map((row, i) => {
    if (row.user !== null) {
      const key = `${row.time}\u0000${row.followers}\u0000${row.user}`;
      if (seen.has(key)) repeated++;
      else seen.add(key);
    }
    let time = row.time - t0;
    if (time < 0) {
      early++;
      time = 0;
    }
    return {
      account: row.user ?? `#${i}`,
      parent: i === 0 ? -1 : 0,
      time,
      depth: i === 0 ? 0 : 1,
      audience: row.followers,
    };
  });
  if (early) addNote(notes, { code: "seriesEarlyRows", count: early });
  if (repeated) addNote(notes, { code: "seriesRepeatedRows", count: repeated });
  addNote(notes, { code: "seriesNoTree" });
  return { id: `${format}:${stem(file)}`, events, format, platform, ...notes };
}
