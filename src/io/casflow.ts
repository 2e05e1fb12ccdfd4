/**
 * Weibo cascades in the DeepHawkes / CasFlow line format (Cao et al., CIKM
 * 2017; Xu et al., CasFlow, 2021):
 *   cascade_id TAB root_uid TAB publish_epoch TAB n TAB root:0 root/a:t root/a/b:t ...
 * Each participant is the repost path from the root to the reposting user
 * and the seconds since publication. Every path after the root's own entry is
 * a repost event; its parent is the entry whose path is its path minus the
 * last user (first such entry if a path repeats). Entries are not time-sorted.
 */
import type { Cascade } from "../core/cascade.ts";
import { addNote, noted } from "../core/notes.ts";
import { type Expected, InputError, quote, quoted } from "./errors.ts";
import { checkText, forEachLine, parseDecimal } from "./text.ts";
import { buildTree, type RawEvent } from "./tree.ts";
import type { ReadResult } from "./types.ts";

const EXPECTED_LINE: Expected = { code: "casflowLine" };

export function readCasflow(file: string, text: string, onlyLine?: number): ReadResult {
  text = checkText(file, text, EXPECTED_LINE);
  const cascades: Cascade[] = [];
  let lines = 0;
  forEachLine(text, (line, lineNo) => {
    if (line.trim() === "") return;
    lines = lineNo;
    if (onlyLine !== undefined && lineNo !== onlyLine) return;
    cascades.push(readLine(file, line, lineNo));
  });
  if (onlyLine !== undefined && cascades.length === 0) {
    throw new InputError({
      file,
      line: onlyLine,
      expected: { code: "cascadeOnLine", line: onlyLine, lines },
      found: { code: "noCascadeThere" },
    });
  }
  return { format: "casflow", cascades, warnings: [], notes: [] };
}

function readLine(file: string, line: string, lineNo: number): Cascade {
  const fields = line.split("\t");
  if (fields.length !== 5) {
    throw new InputError({
      file,
      line: lineNo,
      expected: { code: "casflowFields" },
      found: { code: "fields", count: fields.length, text: fields.length === 1 ? quote(line) : null },
    });
  }
  const [id, rootUid, epochRaw, nRaw, participants] = fields;
  const column = (k: number): number => fields.slice(0, k).join("\t").length + (k > 0 ? 2 : 1);
  const epoch = parseDecimal(epochRaw);
  if (Number.isNaN(epoch)) {
    throw new InputError({
      file,
      line: lineNo,
      column: column(2),
      expected: { code: "publishEpoch" },
      found: quoted(epochRaw),
    });
  }
  const n = parseDecimal(nRaw);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError({
      file,
      line: lineNo,
      column: column(3),
      expected: { code: "participantCount" },
      found: quoted(nRaw),
    });
  }
  const raws: RawEvent[] = [];
  let at = column(4);
  let rootSeen = false;
  for (const entry of participants.split(" ")) {
    const entryColumn = at;
    at += entry.length + 1;
    if (entry === "") continue;
    const colon = entry.lastIndexOf(":");
    const time = colon > 0 ? parseDecimal(entry.slice(colon + 1)) : Number.NaN;
    if (Number.isNaN(time)) {
      throw new InputError({
        file,
        line: lineNo,
        column: entryColumn,
        expected: { code: "participantEntry" },
        found: quoted(entry),
      });
    }
    const path = entry.slice(0, colon);
    const slash = path.lastIndexOf("/");
    if (slash === -1 && !rootSeen && raws.length === 0) {
      rootSeen = true;
      raws.push({
        key: path,
        parentKey: null,
        account: path === "root" ? rootUid : path,
        time: 0,
        audience: null,
        line: lineNo,
      });
      continue;
    }
    if (raws.length === 0) {
      // No root entry first: the root is implied at time 0.
      raws.push({ key: rootUid, parentKey: null, account: rootUid, time: 0, audience: null, line: lineNo });
    }
    raws.push({
      key: path,
      parentKey: slash === -1 ? raws[0].key : path.slice(0, slash),
      account: path.slice(slash + 1),
      time,
      audience: null,
      line: lineNo,
    });
  }
  if (raws.length === 0) {
    throw new InputError({
      file,
      line: lineNo,
      column: column(4),
      expected: { code: "participants" },
      found: { code: "none" },
    });
  }
  const rerouted = rerouteToListedAncestors(raws);
  const tree = buildTree(file, raws, "source");
  const notes = noted();
  if (!rootSeen) addNote(notes, { code: "casflowRootMissing" });
  const listed = raws.length - (rootSeen ? 0 : 1);
  if (n !== listed) addNote(notes, { code: "casflowCountMismatch", said: n, listed });
  if (rerouted) addNote(notes, { code: "casflowRerouted", count: rerouted });
  addNote(notes, { code: "noFollowersDataSet" });
  return {
    id: `casflow:${id}`,
    events: tree.events,
    format: "casflow",
    platform: "Sina Weibo (DeepHawkes / CasFlow)",
    startEpoch: epoch,
    ...notes,
  };
}

/** A parent path that is not listed falls back to its longest listed prefix (the root at worst). */
function rerouteToListedAncestors(raws: RawEvent[]): number {
  const keys = new Set<string>();
  for (const raw of raws) keys.add(raw.key);
  let rerouted = 0;
  for (const raw of raws) {
    let p = raw.parentKey;
    if (p === null || keys.has(p)) continue;
    rerouted++;
    while (p !== null && !keys.has(p)) {
      const slash = p.lastIndexOf("/");
      p = slash === -1 ? null : p.slice(0, slash);
    }
    raw.parentKey = p ?? raws[0].key;
  }
  return rerouted;
}
