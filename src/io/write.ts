/**
 * Writing the current cascade or graph back out: CSV edge list, graphology
 * JSON, GEXF (graphology-gexf) and GraphML (written here: graphology-graphml
 * only reads). Every output reads back through our readers to the same
 * events, and through graphology's own readers.
 */
import { DirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import type { Attributes } from "graphology-types";
import type { Cascade } from "../core/cascade.ts";
import type { SocialGraph } from "../core/generators/types.ts";

export const WRITE_FORMATS = ["csv", "json", "gexf", "graphml"] as const;
export type WriteFormat = (typeof WRITE_FORMATS)[number];

export interface CascadeNode {
  account: string;
  label: string;
  time: number;
  depth: number;
  followers?: number;
}

/**
 * Node keys for the events: the account where it occurs once, `account~2`,
 * `account~3`... for its later events (an account can repost twice).
 */
export function eventKeys(cascade: Cascade): string[] {
  const used = new Set<string>();
  const seen = new Map<string, number>();
  return cascade.events.map((event) => {
    let n = seen.get(event.account) ?? 0;
    let key = event.account;
    while (used.has(key)) {
      n++;
      key = `${event.account}~${n + 1}`;
    }
    seen.set(event.account, n);
    used.add(key);
    return key;
  });
}

/**
 * The cascade as a directed graph: one node per event, keyed by its index in
 * `events` ("0" is the source), edges parent -> repost. Keys are indices, not
 * accounts, because an account can post twice and because graphology keeps
 * neighbours in plain objects, where a key such as `__proto__` breaks it.
 * The account is the `account` attribute (and `label`, for Gephi).
 */
export function cascadeToGraph(cascade: Cascade): DirectedGraph<CascadeNode> {
  const graph = new DirectedGraph<CascadeNode>();
  const meta: Attributes = { kind: "cascade", cascadeId: cascade.id, format: cascade.format };
  if (cascade.platform !== undefined) meta.platform = cascade.platform;
  if (cascade.label !== undefined) meta.label = cascade.label;
  if (cascade.startEpoch !== undefined) meta.startEpoch = cascade.startEpoch;
  graph.replaceAttributes(meta);
  cascade.events.forEach((event, i) => {
    const node: CascadeNode = {
      account: event.account,
      label: event.account,
      time: event.time,
      depth: event.depth,
    };
    if (event.audience !== null) node.followers = event.audience;
    graph.addNode(String(i), node);
  });
  cascade.events.forEach((event, i) => {
    if (event.parent >= 0) graph.addEdge(String(event.parent), String(i));
  });
  return graph;
}

export function writeCascade(cascade: Cascade, format: WriteFormat): string {
  if (format === "csv") return cascadeCsv(cascade);
  return writeAnyGraph(cascadeToGraph(cascade), format);
}

/** A network (SocialGraph) in one of the formats; the CSV lists edges, then each node's followers. */
export function writeGraph(graph: SocialGraph, format: WriteFormat): string {
  if (format !== "csv") return writeAnyGraph(graph, format);
  const rows = ["source,target,followers"];
  graph.forEachNode((node, attributes) => {
    rows.push(`,${csvField(node)},${attributes.followers}`);
  });
  graph.forEachEdge((_edge, _attributes, source, target) => {
    rows.push(`${csvField(source)},${csvField(target)},`);
  });
  return `${rows.join("\n")}\n`;
}

function writeAnyGraph(graph: DirectedGraph, format: Exclude<WriteFormat, "csv">): string {
  if (format === "json") return JSON.stringify(graph.export());
  if (format === "gexf") return gexf.write(graph);
  return graphmlOf(graph);
}

function cascadeCsv(cascade: Cascade): string {
  const keys = eventKeys(cascade);
  const withFollowers = cascade.events[0]?.audience !== null;
  const rows = [withFollowers ? "source,target,time,followers,account" : "source,target,time,account"];
  cascade.events.forEach((event, i) => {
    const parent = event.parent >= 0 ? csvField(keys[event.parent]) : "";
    const followers = withFollowers ? `,${event.audience ?? ""}` : "";
    rows.push(`${parent},${csvField(keys[i])},${event.time}${followers},${csvField(event.account)}`);
  });
  return `${rows.join("\n")}\n`;
}

function csvField(value: string): string {
  return /[",\n\r;\t]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** GraphML with typed <key> declarations, inferred from the attribute values. */
function graphmlOf(graph: DirectedGraph): string {
  type Kind = "string" | "double" | "boolean";
  const kinds = (items: Attributes[]): Map<string, Kind> => {
    const map = new Map<string, Kind>();
    for (const attributes of items) {
      for (const [name, value] of Object.entries(attributes)) {
        const kind: Kind =
          typeof value === "number" ? "double" : typeof value === "boolean" ? "boolean" : "string";
        const known = map.get(name);
        map.set(name, known === undefined || known === kind ? kind : "string");
      }
    }
    return map;
  };
  const nodeAttributes: Attributes[] = [];
  graph.forEachNode((_node, attributes) => {
    nodeAttributes.push(attributes);
  });
  const nodeKinds = kinds(nodeAttributes);
  const graphKinds = kinds([graph.getAttributes()]);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [name, kind] of graphKinds) {
    out.push(`  <key id="g_${xml(name)}" for="graph" attr.name="${xml(name)}" attr.type="${kind}"/>`);
  }
  for (const [name, kind] of nodeKinds) {
    out.push(`  <key id="n_${xml(name)}" for="node" attr.name="${xml(name)}" attr.type="${kind}"/>`);
  }
  out.push('  <graph edgedefault="directed">');
  for (const [name, value] of Object.entries(graph.getAttributes())) {
    if (value !== undefined && value !== null)
      out.push(`    <data key="g_${xml(name)}">${xml(String(value))}</data>`);
  }
  graph.forEachNode((node, attributes) => {
    const data = Object.entries(attributes)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => `<data key="n_${xml(name)}">${xml(String(value))}</data>`)
      .join("");
    out.push(`    <node id="${xml(node)}">${data}</node>`);
  });
  graph.forEachEdge((_edge, _attributes, source, target) => {
    out.push(`    <edge source="${xml(source)}" target="${xml(target)}"/>`);
  });
  out.push("  </graph>", "</graphml>");
  return `${out.join("\n")}\n`;
}

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}
