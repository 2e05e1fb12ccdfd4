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
import { InputError, quote } from "./errors.ts";
import { checkText, forEachLine, parseDecimal, stem } from "./text.ts";
import { buildTree, type RawEvent } from "./tree.ts";
import { type Companion, count, type ReadResult } from "./types.ts";

interface TreeNode {
  uid: string;
  tweet: string;
  delay: number;
  key: string;
}

const EXPECTED_LINE = "an edge ['uid', 'tweet_id', 'delay_minutes']->['uid', 'tweet_id', 'delay_minutes']";

export function readTwitterTree(file: string, text: string, labels?: Companion): ReadResult {
  text = checkText(file, text, EXPECTED_LINE);
  const firstParent = new Map<string, string | null>();
  const nodes = new Map<string, { node: TreeNode; line: number }>();
  const childOrder: string[] = [];
  let source: { node: TreeNode; line: number } | null = null;
  let multiParent = 0;
  let selfLoops = 0;
  forEachLine(text, (line, lineNo) => {
    if (line.trim() === "") return;
    const arrow = line.indexOf("->");
    if (arrow === -1) {
      throw new InputError({ file, line: lineNo, expected: EXPECTED_LINE, found: quote(line) });
    }
    const parent = parseNode(file, lineNo, line.slice(0, arrow), 1);
    const child = parseNode(file, lineNo, line.slice(arrow + 2), arrow + 3);
    if (parent.uid === "ROOT") {
      if (source && source.node.key !== child.key) {
        throw new InputError({
          file,
          line: lineNo,
          expected: "one ROOT line",
          found: `a second ROOT line (the first is line ${source.line})`,
        });
      }
      source = { node: child, line: lineNo };
      return;
    }
    if (parent.key === child.key) {
      selfLoops++;
      if (!firstParent.has(child.key)) {
        firstParent.set(child.key, null);
        nodes.set(child.key, { node: child, line: lineNo });
        childOrder.push(child.key);
      }
      return;
    }
    const known = firstParent.get(child.key);
    if (known === undefined) {
      firstParent.set(child.key, parent.key);
      nodes.set(child.key, { node: child, line: lineNo });
      childOrder.push(child.key);
    } else if (known === null) {
      firstParent.set(child.key, parent.key);
    } else {
      multiParent++;
    }
  });
  const root = source as { node: TreeNode; line: number } | null;
  if (!root) {
    throw new InputError({
      file,
      line: null,
      expected: "a line ['ROOT', 'ROOT', '0.0']->[source] naming the source tweet",
      found: "no ROOT line",
    });
  }
  const warnings: string[] = [];
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
  for (const key of childOrder) {
    if (key === root.node.key) continue;
    const { node, line } = nodes.get(key)!;
    raws.push({
      key,
      parentKey: firstParent.get(key) ?? null,
      account: node.uid,
      time: toSeconds(node.delay),
      audience: null,
      line,
    });
  }
  const tree = buildTree(file, raws, "source");
  if (negative)
    warnings.push(`${count(negative)} reposts have delays before the source tweet: counted at 0.`);
  if (multiParent)
    warnings.push(
      `${count(multiParent)} edges list a repost under a second parent: each repost counts once (first parent kept).`,
    );
  if (selfLoops) warnings.push(`${count(selfLoops)} edges list a tweet as its own parent: ignored.`);
  if (tree.missingParents)
    warnings.push(
      `${count(tree.missingParents)} reposts name a parent that is not in the file: attached to the source.`,
    );
  if (tree.beforeParent)
    warnings.push(
      `${count(tree.beforeParent)} reposts are timed before the post they repost (as in the data).`,
    );
  warnings.push("No follower counts in this data set: views cannot be counted from this file.");
  const id = stem(file);
  const label = labels ? labelFor(labels, id) : undefined;
  const cascade: Cascade = {
    id: `twitter:${id}`,
    events: tree.events,
    format: "twitter-tree",
    platform: "Twitter (Twitter15/16 rumour trees)",
    warnings,
  };
  if (label !== undefined) cascade.label = label;
  return { format: "twitter-tree", cascades: [cascade], warnings: [] };
}

/** `['uid', 'tweet_id', '12.5']`, quotes single or double, spaces allowed. */
function parseNode(file: string, lineNo: number, s: string, column: number): TreeNode {
  const items: string[] = [];
  let i = s.indexOf("[");
  const fail = (what: string): InputError =>
    new InputError({
      file,
      line: lineNo,
      column: column + Math.max(0, i),
      expected: `a node ['uid', 'tweet_id', 'delay_minutes'] (${what})`,
      found: quote(s.trim()),
    });
  if (i === -1 || s.slice(0, i).trim() !== "") throw fail("'[' first");
  i++;
  while (items.length < 3) {
    while (s[i] === " ") i++;
    const q = s[i];
    if (q !== "'" && q !== '"') throw fail("quoted items");
    const end = s.indexOf(q, i + 1);
    if (end === -1) throw fail("a closing quote");
    items.push(s.slice(i + 1, end));
    i = end + 1;
    while (s[i] === " ") i++;
    if (items.length < 3) {
      if (s[i] !== ",") throw fail("three items separated by commas");
      i++;
    }
  }
  if (s[i] !== "]" || s.slice(i + 1).trim() !== "") throw fail("']' after three items");
  const [uid, tweet, delayRaw] = items;
  const delay = uid === "ROOT" ? 0 : parseDecimal(delayRaw);
  if (Number.isNaN(delay)) {
    throw new InputError({
      file,
      line: lineNo,
      column: column + s.indexOf(delayRaw),
      expected: "a delay in minutes (a number)",
      found: quote(delayRaw),
    });
  }
  return { uid, tweet, delay, key: `${uid}\u0000${tweet}\u0000${delayRaw}` };
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
