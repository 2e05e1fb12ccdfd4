/**
 * Exporting charts without a browser: the SVG as a standalone XML file and
 * the chart's data as CSV. Works on any DOM (browser, jsdom) because it only
 * walks the element it is given.
 *
 * Why not XMLSerializer or outerHTML: jsdom's XMLSerializer writes the xmlns
 * attribute twice (invalid XML), and outerHTML follows HTML rules (`&nbsp;`,
 * a bare `<` in attribute values), which XML parsers refuse.
 */
import { SVG_NS } from "./svg.ts";

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Characters XML 1.0 does not allow at all (control characters other than tab and line breaks). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function serializeNode(node: Node, out: string[]): void {
  // Node type numbers (not Node.ELEMENT_NODE): no DOM globals are needed in Node.
  if (node.nodeType === 1) {
    const element = node as Element;
    const name = element.localName;
    out.push(`<${name}`);
    let hasXmlns = false;
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === "xmlns") hasXmlns = true;
      out.push(` ${attribute.name}="${escapeAttribute(attribute.value.replace(INVALID_XML, ""))}"`);
    }
    if (name === "svg" && !hasXmlns && element.parentNode?.nodeType !== 1) out.push(` xmlns="${SVG_NS}"`);
    if (!element.childNodes.length) {
      out.push("/>");
      return;
    }
    out.push(">");
    for (const child of Array.from(element.childNodes)) serializeNode(child, out);
    out.push(`</${name}>`);
  } else if (node.nodeType === 3) {
    out.push(escapeText((node.nodeValue ?? "").replace(INVALID_XML, "")));
  }
  // Comments and processing instructions are not part of a chart: left out.
}

/** The chart as a standalone SVG file: XML declaration, SVG namespace, well-formed. */
export function serializeSvg(element: SVGSVGElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  serializeNode(element, out);
  out.push("\n");
  return out.join("");
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * "Underlying data as CSV" (RFC 4180): one row per object; the header is the
 * union of keys in order of first appearance; null/undefined are empty
 * cells; fields with a comma, quote or line break are quoted.
 */
export function chartDataCsv(rows: ReadonlyArray<Readonly<Record<string, CsvValue>>>): string {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  const lines = [header.map((h) => csvCell(h)).join(",")];
  for (const row of rows) lines.push(header.map((key) => csvCell(row[key])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** One CSV field: empty for null/undefined, quoted when needed, and never a spreadsheet formula. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: prefix a quote for text cells.
  const safe = typeof value === "string" && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
