/**
 * Generic CSV/TSV edge lists with a header: `source,target[,time][,followers][,account]`
 * (also from/to, parent/child). One row per repost: the target reposted the
 * source at `time` (seconds after the source post, or an ISO 8601 date) and
 * has `followers`. A row with an empty source names the source post itself
 * (its own time and followers). Delimiter: TAB, comma or semicolon, read from
 * the header. See graph-cascades.ts for how rows become cascades.
 */
import { type Expected, InputError, quote, quoted } from "./errors.ts";
import { type GraphData, interpretGraph, type NodeRecord } from "./graph-cascades.ts";
import { checkText, forEachLine, parseDecimal, splitFields } from "./text.ts";
import type { ReadResult } from "./types.ts";

const SOURCE_NAMES = ["source", "from", "parent", "src"];
const TARGET_NAMES = ["target", "to", "child", "dst"];
const TIME_NAMES = ["time", "timestamp", "date", "seconds", "t"];
const FOLLOWER_NAMES = ["followers", "audience", "follower_count"];
const ACCOUNT_NAMES = ["account", "user", "user_id", "uid"];
const EXPECTED_HEADER: Expected = { code: "edgeHeader", noDelimiter: false };

export function readEdgeList(file: string, text: string): ReadResult {
  text = checkText(file, text, EXPECTED_HEADER);
  let header: string[] | null = null;
  let delimiter = ",";
  const col = { source: -1, target: -1, time: -1, followers: -1, account: -1 };
  const data: GraphData = {
    nodes: new Map(),
    edges: [],
    hasTime: false,
    timeIsDate: false,
    hasFollowers: false,
  };
  const referenced = new Map<string, number>();
  let sawNumberTime = false;
  let sawDateTime = false;
  forEachLine(text, (line, lineNo) => {
    if (line.trim() === "") return;
    if (header === null) {
      delimiter = line.includes("\t") ? "\t" : line.includes(",") ? "," : line.includes(";") ? ";" : "";
      const names = delimiter ? splitFields(line, delimiter).map((h) => h.trim().toLowerCase()) : [line];
      col.source = names.findIndex((h) => SOURCE_NAMES.includes(h));
      col.target = names.findIndex((h) => TARGET_NAMES.includes(h));
      col.time = names.findIndex((h) => TIME_NAMES.includes(h));
      col.followers = names.findIndex((h) => FOLLOWER_NAMES.includes(h));
      col.account = names.findIndex((h) => ACCOUNT_NAMES.includes(h));
      if (!delimiter || col.source === -1 || col.target === -1) {
        throw new InputError({
          file,
          line: lineNo,
          expected: { code: "edgeHeader", noDelimiter: !delimiter },
          found: quoted(line),
        });
      }
      header = names;
      data.hasTime = col.time !== -1;
      data.hasFollowers = col.followers !== -1;
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
    const source = fields[col.source].trim();
    const target = fields[col.target].trim();
    if (target === "") {
      throw new InputError({
        file,
        line: lineNo,
        column: header[col.target],
        expected: { code: "targetId" },
        found: { code: "nothing" },
      });
    }
    const node: NodeRecord = { line: lineNo };
    if (col.time !== -1) {
      const raw = fields[col.time].trim();
      if (raw !== "") {
        const number = parseDecimal(raw);
        const time = Number.isNaN(number) ? parseIsoDate(raw) : number;
        if (Number.isNaN(time)) {
          throw new InputError({
            file,
            line: lineNo,
            column: header[col.time],
            expected: { code: "timeOrIsoDate" },
            found: quoted(raw),
          });
        }
        if (Number.isNaN(number)) sawDateTime = true;
        else sawNumberTime = true;
        if (sawDateTime && sawNumberTime) {
          throw new InputError({
            file,
            line: lineNo,
            column: header[col.time],
            expected: { code: "timesAlike" },
            found: { code: "timeMix", text: quote(raw) },
          });
        }
        node.time = time;
      }
    }
    if (col.followers !== -1) {
      const raw = fields[col.followers].trim();
      if (raw !== "") {
        const followers = parseDecimal(raw);
        if (!(followers >= 0)) {
          throw new InputError({
            file,
            line: lineNo,
            column: header[col.followers],
            expected: { code: "followerCountCsv" },
            found: quoted(raw),
          });
        }
        node.followers = followers;
      }
    }
    if (col.account !== -1 && fields[col.account].trim() !== "") node.account = fields[col.account].trim();
    const known = data.nodes.get(target);
    // The first row that describes a node wins; later rows only add edges.
    if (
      known === undefined ||
      (known.time === undefined && known.followers === undefined && !known.account)
    ) {
      data.nodes.set(target, node);
    }
    if (source !== "") {
      if (!referenced.has(source)) referenced.set(source, lineNo);
      data.edges.push({ source, target, line: lineNo });
    }
  });
  if (header === null) {
    throw new InputError({ file, line: null, expected: EXPECTED_HEADER, found: { code: "noLines" } });
  }
  // Nodes keep the order of their own rows; sources never described (the roots) come last.
  for (const [source, line] of referenced) if (!data.nodes.has(source)) data.nodes.set(source, { line });
  data.timeIsDate = sawDateTime;
  return interpretGraph(file, "csv", data);
}

/**
 * Epoch seconds of `YYYY-MM-DD[T ]HH:MM[:SS[.sss]][Z|±HH:MM]`, or NaN. A date
 * without a zone is read as UTC (never as the machine's zone, so every
 * machine reads a file the same way).
 */
export function parseIsoDate(raw: string): number {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      raw,
    );
  if (!m) return Number.NaN;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return Number.NaN;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return Number.NaN;
  let offset = 0;
  const zone = m[8];
  if (zone && zone !== "Z") {
    const digits = zone.replace(":", "");
    offset =
      (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60);
  }
  return ms / 1000 + (m[7] ? Number(m[7]) : 0) - offset;
}
