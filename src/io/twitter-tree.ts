/**
 * Twitter15/16 rumour propagation trees (Ma, Gao and Wong, ACL 2017).
 * Each line is an edge `['uid', 'tweet_id', 'delay_minutes']->[...]`; the
 * child of the `['ROOT', 'ROOT', '0.0']` line is the source.
 *
 * Rules (the data's measured quirks, see shared/data PROVENANCE.md):
 * - a node is the whole (uid, tweet_id, delay) tuple: ~88% of retweets carry
 *   the source's tweet id, so the tweet id alone is not a key;
 * - a child listed under several parents, or as its own parent, counts once
 *   (its first listed parent other than itself is kept);
 * - delays are minutes after the source; negative delays count as 0, with a warning.
 */
import type { Cascade } from "../core/cascade.ts";
import { addNote, noted } from "../core/notes.ts";
import { type Expected, InputError, quoted, type TwitterNodePart } from "./errors.ts";
import { checkText, forEachLine, parseDecimal, stem } from "./text.ts";
import { buildTree, type RawEvent } from "./tree.ts";
import type { Companion, ReadResult } from "./types.ts";

interface TreeNode {
  uid: string;
  tweet: string;
  delay: number;
  key: string;
}

const EXPECTED_LINE: Expected = { code: "twitterLine" };

export function readTwitterTree(file: string, text: string, labels?: Companion): ReadResult {
  text = checkText(file, text, EXPECTED_LINE);
  // Children in order of first appearance, each with its first parent other than itself
  // (one object per repost: `time` holds the delay in minutes until the source is known).
  const children = new Map<string, RawEvent>();
  let source: { node: TreeNode; line: number } | null = null;
  let multiParent = 0;
  let selfLoops = 0;
  forEachLine(text, (line, lineNo) => {
    if (line.trim() === "") return;
    const arrow = line.indexOf("->");
    if (arrow === -1) {
      throw new InputError({ file, line: lineNo, expected: EXPECTED_LINE, found: quoted(line) });
    }
    const parent = parseNode(file, lineNo, line.slice(0, arrow), 1);
    const child = parseNode(file, lineNo, line.slice(arrow + 2), arrow + 3);
    if (parent.uid === "ROOT") {
      if (source && source.node.key !== child.key) {
        throw new InputError({
          file,
          line: lineNo,
          expected: { code: "oneRoot" },
          found: { code: "secondRoot", first: source.line },
        });
      }
      source = { node: child, line: lineNo };
      return;
    }
    const known = children.get(child.key);
    if (parent.key === child.key) {
      selfLoops++;
      if (known === undefined) children.set(child.key, rawOf(child, null, lineNo));
    } else if (known === undefined) {
      children.set(child.key, rawOf(child, parent.key, lineNo));
    } else if (known.parentKey === null) {
      known.parentKey = parent.key;
    } else {
      multiParent++;
    }
  });
  const root = source as { node: TreeNode; line: number } | null;
  if (!root) {
    throw new InputError({
      file,
      line: null,
      expected: { code: "rootLine" },
      found: { code: "noRootLine" },
    });
  }
  const notes = noted();
  let negative = 0;
  const toSeconds = (delay: number): number => {
    const minutes = delay - root.node.delay;
    if (minutes < 0) {
      negative++;
      return 0;
    }
    // Minutes carry two decimals: round to the millisecond so 0.42 min is exactly 25.2 s.
    return Math.round(minutes * 60_000) / 1000;
  };
  const raws: RawEvent[] = [
    { key: root.node.key, parentKey: null, account: root.node.uid, time: 0, audience: null, line: root.line },
  ];
  for (const raw of children.values()) {
    if (raw.key === root.node.key) continue;
    raw.time = toSeconds(raw.time);
    raws.push(raw);
  }
  const tree = buildTree(file, raws, "source");
  if (negative) addNote(notes, { code: "twitterNegativeDelays", count: negative });
  if (multiParent) addNote(notes, { code: "twitterSecondParent", count: multiParent });
  if (selfLoops) addNote(notes, { code: "twitterSelfLoops", count: selfLoops });
  if (tree.missingParents) addNote(notes, { code: "twitterMissingParents", count: tree.missingParents });
  if (tree.beforeParent) addNote(notes, { code: "twitterBeforeParent", count: tree.beforeParent });
  addNote(notes, { code: "noFollowersDataSet" });
  const id = stem(file);
  const label = labels ? labelFor(labels, id) : undefined;
  const cascade: Cascade = {
    id: `twitter:${id}`,
    events: tree.events,
    format: "twitter-tree",
    platform: "Twitter (Twitter15/16 rumour trees)",
    ...notes,
  };
  if (label !== undefined) cascade.label = label;
  return { format: "twitter-tree", cascades: [cascade], warnings: [], notes: [] };
}

function rawOf(node: TreeNode, parentKey: string | null, line: number): RawEvent {
  return { key: node.key, parentKey, account: node.uid, time: node.delay, audience: null, line };
}

/** `['uid', 'tweet_id', '12.5']`, quotes single or double, spaces allowed. */
function parseNode(file: string, lineNo: number, s: string, column: number): TreeNode {
  let i = s.indexOf("[");
  if (i === -1 || s.slice(0, i).trim() !== "") throw nodeError(file, lineNo, s, column, i, "bracketFirst");
  i++;
  let uid = "";
  let tweet = "";
  let delayRaw = "";
  for (let k = 0; k < 3; k++) {
    while (s.charCodeAt(i) === 32) i++;
    const q = s[i];
    if (q !== "'" && q !== '"') throw nodeError(file, lineNo, s, column, i, "quoted");
    const end = s.indexOf(q, i + 1);
    if (end === -1) throw nodeError(file, lineNo, s, column, i, "closingQuote");
    const item = s.slice(i + 1, end);
    if (k === 0) uid = item;
    else if (k === 1) tweet = item;
    else delayRaw = item;
    i = end + 1;
    while (s.charCodeAt(i) === 32) i++;
    if (k < 2) {
      if (s[i] !== ",") throw nodeError(file, lineNo, s, column, i, "commas");
      i++;
    }
  }
  if (s[i] !== "]" || (i + 1 < s.length && s.slice(i + 1).trim() !== "")) {
    throw nodeError(file, lineNo, s, column, i, "closingBracket");
  }
  const delay = uid === "ROOT" ? 0 : parseDecimal(delayRaw);
  if (Number.isNaN(delay)) {
    throw new InputError({
      file,
      line: lineNo,
      column: column + s.indexOf(delayRaw),
      expected: { code: "delayMinutes" },
      found: quoted(delayRaw),
    });
  }
  return { uid, tweet, delay, key: `${uid}\u0000${tweet}\u0000${delayRaw}` };
}

function nodeError(
  file: string,
  line: number,
  s: string,
  column: number,
  at: number,
  part: TwitterNodePart,
): InputError {
  return new InputError({
    file,
    line,
    column: column + Math.max(0, at),
    expected: { code: "twitterNode", part },
    found: quoted(s.trim()),
  });
}

/** The label of tree `id` in label.txt (`label:id` lines), as plain text. */
export function labelFor(labels: Companion, id: string): string | undefined {
  let found: string | undefined;
  forEachLine(labels.text, (line) => {
    if (found !== undefined) return;
    const colon = line.lastIndexOf(":");
    if (colon > 0 && line.slice(colon + 1).trim() === id) found = line.slice(0, colon).trim();
  });
  return found;
}
