/**
 * From nodes and edges (CSV edge lists, GEXF, GraphML, graphology JSON) to
 * cascades or a network. One rule for all four formats:
 * - a file whose nodes each have at most one parent, or that gives times, is a
 *   repost forest: one cascade per root (a node that reposts no one);
 * - otherwise it is a network (who sees whom) to simulate on.
 * An edge `source -> target` means target reposted source (cascades) or
 * target sees what source posts (networks), as in SocialGraph.
 * Ids are kept in Maps, so ids like `__proto__` are plain data.
 */
import { DirectedGraph } from "graphology";
import type { Cascade } from "../core/cascade.ts";
import type { AccountAttributes, GraphAttributes, SocialGraph } from "../core/generators/types.ts";
import { addNote, type Note, noted } from "../core/notes.ts";
import { InputError, quote, quoted } from "./errors.ts";
import { stem } from "./text.ts";
import { buildTree, type RawEvent } from "./tree.ts";
import type { FormatId, ReadResult } from "./types.ts";

export interface NodeRecord {
  /** Account id; defaults to the node key. */
  account?: string;
  /** Seconds, or epoch seconds when `timeIsDate`. */
  time?: number;
  followers?: number;
  label?: string;
  bot?: boolean;
  line: number;
}

export interface EdgeRecord {
  source: string;
  target: string;
  line: number;
}

export interface GraphData {
  nodes: Map<string, NodeRecord>;
  edges: EdgeRecord[];
  /** Whether any time was given (a time column or attribute). */
  hasTime: boolean;
  /** Whether times are dates (epoch seconds) rather than seconds after the source. */
  timeIsDate: boolean;
  /** Whether follower counts were given. */
  hasFollowers: boolean;
  /** Graph-level attributes written by our writers (label, platform, startEpoch). */
  meta?: { label?: string; platform?: string; startEpoch?: number; id?: string };
}

export function interpretGraph(file: string, format: FormatId, data: GraphData): ReadResult {
  const { nodes, edges } = data;
  const parentOf = new Map<string, string>();
  let repeated = 0;
  let selfLoops = 0;
  let secondParents = 0;
  for (const edge of edges) {
    if (edge.source === edge.target) {
      selfLoops++;
      continue;
    }
    const known = parentOf.get(edge.target);
    if (known === undefined) parentOf.set(edge.target, edge.source);
    else if (known === edge.source) repeated++;
    else secondParents++;
  }
  if (nodes.size === 0) {
    throw new InputError({ file, line: null, expected: { code: "nodeOrEdge" }, found: { code: "none" } });
  }
  if (secondParents > 0 && !data.hasTime) return network(file, format, data);

  const notes: Note[] = [];
  if (repeated) notes.push({ code: "edgesRepeated", count: repeated });
  if (selfLoops) notes.push({ code: "edgesSelfLoops", count: selfLoops });
  if (secondParents) notes.push({ code: "edgesSecondParent", count: secondParents });
  if (!data.hasTime) notes.push({ code: "noTimes" });

  // Group nodes by root, keeping file order within each cascade.
  const rootOf = new Map<string, string>();
  const findRoot = (key: string): string | null => {
    // Fast path, no allocation: the node or its parent is already placed.
    const placed = rootOf.get(key);
    if (placed !== undefined) return placed;
    const up = parentOf.get(key);
    if (up === undefined) {
      rootOf.set(key, key);
      return key;
    }
    const parentRoot = rootOf.get(up);
    if (parentRoot !== undefined) {
      rootOf.set(key, parentRoot);
      return parentRoot;
    }
    const path: string[] = [];
    let at = key;
    const onPath = new Set<string>();
    for (;;) {
      const known = rootOf.get(at);
      if (known !== undefined) {
        for (const p of path) rootOf.set(p, known);
        return known;
      }
      if (onPath.has(at)) return null;
      onPath.add(at);
      path.push(at);
      const parent = parentOf.get(at);
      if (parent === undefined) {
        for (const p of path) rootOf.set(p, at);
        return at;
      }
      at = parent;
    }
  };
  const members = new Map<string, string[]>();
  const cyclic: string[] = [];
  for (const key of nodes.keys()) {
    const root = findRoot(key);
    if (root === null) {
      cyclic.push(key);
      continue;
    }
    let list = members.get(root);
    if (!list) {
      list = [];
      members.set(root, list);
    }
    if (key === root) list.unshift(key);
    else list.push(key);
  }
  if (cyclic.length > 0) {
    const raws = cyclic.map((key) => rawOf(key, nodes.get(key)!, parentOf.get(key) ?? null, 0, null));
    buildTree(
      file,
      [{ key: "\u0000", parentKey: null, account: "", time: 0, audience: null, line: 0 }, ...raws],
      "error",
    );
  }

  const cascades: Cascade[] = [];
  let missingFollowers = 0;
  for (const [root, keys] of members) {
    const rootNode = nodes.get(root)!;
    let start = 0;
    if (data.timeIsDate) {
      start = rootNode.time ?? Number.POSITIVE_INFINITY;
      if (rootNode.time === undefined)
        for (const k of keys) start = Math.min(start, nodes.get(k)!.time ?? start);
    }
    const raws: RawEvent[] = keys.map((key, i) => {
      const node = nodes.get(key)!;
      let audience: number | null = null;
      if (data.hasFollowers) {
        if (node.followers === undefined) missingFollowers++;
        audience = node.followers ?? 0;
      }
      return rawOf(key, node, i === 0 ? null : parentOf.get(key)!, start, audience);
    });
    const tree = buildTree(file, raws, "error");
    const cascadeNotes = noted();
    for (const note of notes) addNote(cascadeNotes, note);
    if (tree.beforeParent) addNote(cascadeNotes, { code: "beforeParent", count: tree.beforeParent });
    if (data.timeIsDate && rootNode.time === undefined) addNote(cascadeNotes, { code: "sourceNoTime" });
    if (!data.hasFollowers) addNote(cascadeNotes, { code: "noFollowersFile" });
    const cascade: Cascade = {
      id:
        members.size === 1 && data.meta?.id
          ? data.meta.id
          : `${format}:${stem(file)}${members.size > 1 ? `:${root}` : ""}`,
      events: tree.events,
      format,
      platform: data.meta?.platform ?? "edge list",
      ...cascadeNotes,
    };
    if (data.timeIsDate && Number.isFinite(start)) cascade.startEpoch = start;
    else if (data.meta?.startEpoch !== undefined) cascade.startEpoch = data.meta.startEpoch;
    if (data.meta?.label !== undefined) cascade.label = data.meta.label;
    cascades.push(cascade);
  }
  const fileNotes = noted();
  if (missingFollowers) addNote(fileNotes, { code: "missingFollowers", count: missingFollowers });
  if (cascades.length > 1) addNote(fileNotes, { code: "separateCascades", count: cascades.length });
  for (const c of cascades) {
    c.warnings.push(...fileNotes.warnings);
    c.notes?.push(...fileNotes.notes);
  }
  return { format, cascades, ...fileNotes };
}

function rawOf(
  key: string,
  node: NodeRecord,
  parentKey: string | null,
  start: number,
  audience: number | null,
): RawEvent {
  const time = node.time === undefined ? 0 : Math.max(0, node.time - start);
  return { key, parentKey, account: node.account ?? key, time, audience, line: node.line };
}

function network(file: string, format: FormatId, data: GraphData): ReadResult {
  const graph: SocialGraph = new DirectedGraph<AccountAttributes, Record<string, never>, GraphAttributes>({
    allowSelfLoops: false,
  });
  graph.replaceAttributes({ kind: `${format}:${stem(file)}` });
  const renamed = new Map<string, string>();
  for (const [key, node] of data.nodes) {
    const attributes: AccountAttributes = { followers: node.followers ?? 0, bot: node.bot ?? false };
    if (node.label !== undefined) attributes.label = node.label;
    graph.addNode(graphKey(key, renamed), attributes);
  }
  for (const edge of data.edges) {
    if (edge.source !== edge.target)
      graph.mergeEdge(graphKey(edge.source, renamed), graphKey(edge.target, renamed));
  }
  const notes = noted();
  addNote(notes, { code: "networkFile" });
  for (const [from, to] of renamed)
    addNote(notes, { code: "accountRenamed", from: quote(from), to: quote(to) });
  if (!data.hasFollowers) {
    graph.forEachNode((node) => graph.setNodeAttribute(node, "followers", graph.outDegree(node)));
    addNote(notes, { code: "networkFollowers" });
  }
  return { format, cascades: [], graph, ...notes };
}

/** Checks a node key or id field is a non-empty string. */
export function requireId(file: string, line: number | null, column: string, value: unknown): string {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new InputError({
    file,
    line,
    column,
    expected: { code: "nodeId" },
    found:
      value === undefined || value === ""
        ? { code: "nothing" }
        : quoted(JSON.stringify(value) ?? String(value)),
  });
}

/**
 * graphology keeps neighbours in plain objects, where `__proto__` cannot be a
 * key: such an id gets a visible suffix (cascades never need this: they use Maps).
 */
function graphKey(key: string, renamed: Map<string, string>): string {
  if (key !== "__proto__") return key;
  const safe = `${key}#`;
  renamed.set(key, safe);
  return safe;
}
