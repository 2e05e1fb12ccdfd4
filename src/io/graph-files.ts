/**
 * Graph files: graphology's serialized JSON, GEXF and GraphML (the last two
 * through graphology-gexf and graphology-graphml). Node attributes read:
 * `time` (seconds after the source, or an ISO date), `followers` (also
 * `audience`, `magnitude`), `account`, `label`, `bot`. Graph attributes
 * written by our writers (`label`, `platform`, `startEpoch`, `cascadeId`) come back.
 */
import { DOMParser, Document as XmlDocument } from "@xmldom/xmldom";
import { MultiGraph } from "graphology";
import createGexfParser from "graphology-gexf/common/parser.js";
import createGraphmlParser from "graphology-graphml/common/parser.js";
import type { Attributes } from "graphology-types";
import { parseIsoDate } from "./edge-list.ts";
import { type Expected, type Found, InputError, quote, quoted } from "./errors.ts";
import { type GraphData, interpretGraph, type NodeRecord, requireId } from "./graph-cascades.ts";
import { isRecord, parseJson } from "./json-text.ts";
import { checkText, parseDecimal } from "./text.ts";
import type { ReadResult } from "./types.ts";

const EXPECTED_JSON: Expected = { code: "graphologyJson" };

export function readGraphologyJson(file: string, text: string): ReadResult {
  text = checkText(file, text, EXPECTED_JSON);
  const json = parseJson(file, text, EXPECTED_JSON);
  if (!isRecord(json) || !Array.isArray(json.nodes)) {
    throw new InputError({ file, line: 1, expected: EXPECTED_JSON, found: describe(json) });
  }
  const edges = json.edges === undefined ? [] : json.edges;
  if (!Array.isArray(edges)) {
    throw new InputError({
      file,
      line: null,
      column: "edges",
      expected: { code: "edgeArray" },
      found: describe(edges),
    });
  }
  const data = emptyData();
  json.nodes.forEach((item: unknown, i: number) => {
    const where = `nodes[${i}]`;
    if (!isRecord(item))
      throw new InputError({
        file,
        line: null,
        column: where,
        expected: { code: "jsonNode" },
        found: describe(item),
      });
    const key = requireId(file, null, `${where}.key`, item.key);
    const attributes = isRecord(item.attributes) ? item.attributes : {};
    addNode(file, data, key, attributes, where);
  });
  edges.forEach((item: unknown, i: number) => {
    const where = `edges[${i}]`;
    if (!isRecord(item))
      throw new InputError({
        file,
        line: null,
        column: where,
        expected: { code: "jsonEdge" },
        found: describe(item),
      });
    const source = requireId(file, null, `${where}.source`, item.source);
    const target = requireId(file, null, `${where}.target`, item.target);
    for (const [end, key] of [
      ["source", source],
      ["target", target],
    ] as const) {
      if (!data.nodes.has(key)) {
        throw new InputError({
          file,
          line: null,
          column: `${where}.${end}`,
          expected: { code: "nodeKey" },
          found: quoted(key),
        });
      }
    }
    data.edges.push({ source, target, line: 0 });
  });
  if (isRecord(json.attributes)) data.meta = metaOf(json.attributes);
  return interpretGraph(file, "json", data);
}

export function readGexf(file: string, text: string): ReadResult {
  return readXmlGraph(file, text, "gexf");
}

export function readGraphml(file: string, text: string): ReadResult {
  return readXmlGraph(file, text, "graphml");
}

function readXmlGraph(file: string, text: string, format: "gexf" | "graphml"): ReadResult {
  text = checkText(file, text, { code: "xmlDocument", format, wellFormed: false });
  const document = parseXml(file, text, format);
  let graph: MultiGraph;
  try {
    graph = (format === "gexf" ? parseGexf : parseGraphml)<MultiGraph>(MultiGraph, document);
  } catch (error) {
    throw new InputError({
      file,
      line: null,
      expected: { code: "xmlDocument", format, wellFormed: false },
      found: { code: "parser", message: error instanceof Error ? error.message : String(error) },
    });
  }
  const data = emptyData();
  graph.forEachNode((key, attributes) => addNode(file, data, key, attributes, `node ${key}`));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    data.edges.push({ source, target, line: 0 });
  });
  data.meta = metaOf(graph.getAttributes());
  return interpretGraph(file, format, data);
}

// graphology's readers, fed with xmldom 0.9 documents (parsed once, with positions for errors).
const parseGexf = createGexfParser(DOMParser, XmlDocument);
const parseGraphml = createGraphmlParser(DOMParser, XmlDocument);

/** Parses the XML with xmldom, turning its errors into InputErrors with line and column. */
function parseXml(file: string, text: string, format: "gexf" | "graphml"): XmlDocument {
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "application/xml");
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message =
      error instanceof Error
        ? error.message.replace(/^Reporting \w+ "(.*)" caused Error: .*$/s, "$1")
        : String(error);
    throw new InputError({
      file,
      line: locator?.lineNumber ?? null,
      column: locator?.columnNumber,
      expected: { code: "xmlDocument", format, wellFormed: true },
      found: { code: "parser", message },
    });
  }
}

function emptyData(): GraphData {
  return { nodes: new Map(), edges: [], hasTime: false, timeIsDate: false, hasFollowers: false };
}

function addNode(file: string, data: GraphData, key: string, attributes: Attributes, where: string): void {
  const node: NodeRecord = { line: 0 };
  const time = attributes.time;
  if (time !== undefined && time !== null && time !== "") {
    let value = typeof time === "number" ? time : parseDecimal(String(time));
    if (Number.isNaN(value) && typeof time === "string") {
      value = parseIsoDate(time);
      if (!Number.isNaN(value)) data.timeIsDate = true;
    }
    if (Number.isNaN(value)) {
      throw new InputError({
        file,
        line: null,
        column: `${where}.time`,
        expected: { code: "timeOrDate" },
        found: quoted(String(time)),
      });
    }
    node.time = value;
    data.hasTime = true;
  }
  const followers = attributes.followers ?? attributes.audience ?? attributes.magnitude;
  if (followers !== undefined && followers !== null && followers !== "") {
    const value = typeof followers === "number" ? followers : parseDecimal(String(followers));
    if (!(value >= 0)) {
      throw new InputError({
        file,
        line: null,
        column: `${where}.followers`,
        expected: { code: "followerCountAttr" },
        found: quoted(String(followers)),
      });
    }
    node.followers = value;
    data.hasFollowers = true;
  }
  if (typeof attributes.account === "string" || typeof attributes.account === "number")
    node.account = String(attributes.account);
  if (typeof attributes.label === "string") node.label = attributes.label;
  if (typeof attributes.bot === "boolean") node.bot = attributes.bot;
  data.nodes.set(key, node);
}

function metaOf(attributes: Attributes): GraphData["meta"] {
  // GEXF keeps graph attributes as <meta> tags, which come back lower-cased and as text.
  const get = (name: string): unknown => attributes[name] ?? attributes[name.toLowerCase()];
  const meta: NonNullable<GraphData["meta"]> = {};
  const label = get("label");
  const platform = get("platform");
  const id = get("cascadeId");
  const startRaw = get("startEpoch");
  if (typeof label === "string") meta.label = label;
  if (typeof platform === "string") meta.platform = platform;
  if (typeof id === "string") meta.id = id;
  const start = typeof startRaw === "number" ? startRaw : parseDecimal(String(startRaw ?? ""));
  if (Number.isFinite(start)) meta.startEpoch = start;
  return meta;
}

function describe(value: unknown): Found {
  if (Array.isArray(value)) return { code: "jsonType", type: "array", looksLike: null };
  if (value === null) return { code: "null" };
  if (isRecord(value)) return { code: "objectKeys", keys: quote(Object.keys(value).join(", ")) };
  return { code: "jsonType", type: typeof value, looksLike: null };
}
