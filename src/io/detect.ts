/**
 * Which reader to use, from the file name and a look at the first line
 * (content wins over the extension when they disagree; `--format` overrides both).
 */
import { InputError, quoted } from "./errors.ts";
import { FORMAT_IDS, type FormatId } from "./types.ts";

export function detectFormat(name: string, text: string): FormatId {
  const lower = name.toLowerCase();
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, "")
    .trimStart();
  if (head.startsWith("<")) {
    if (/<gexf[\s>]/.test(head)) return "gexf";
    if (/<graphml[\s>]/.test(head)) return "graphml";
  }
  if (lower.endsWith(".gexf")) return "gexf";
  if (lower.endsWith(".graphml")) return "graphml";
  if (head.startsWith("[") && !head.startsWith("['") && !head.startsWith('["')) return "ced";
  if (head.startsWith("{")) return /"nodes"\s*:/.test(head) ? "json" : "ced";
  const newline = head.indexOf("\n");
  const first = (newline === -1 ? head : head.slice(0, newline)).replace(/\r$/, "");
  if (first.includes("->[")) return "twitter-tree";
  const tabs = first.split("\t");
  if (tabs.length === 5 && tabs[4].includes(":")) return "casflow";
  if (/^\s*\d+(\.\d+)?\s+\d+(\.\d+)?\s*$/.test(first) && !first.includes(",")) return "tideh";
  const names = first
    .toLowerCase()
    .split(/[\t,;]/)
    .map((s) => s.trim().replace(/^"|"$/g, ""));
  const has = (...options: string[]): boolean => names.some((n) => options.includes(n));
  if (has("source", "from", "parent", "src") && has("target", "to", "child", "dst")) return "csv";
  if (has("relative_time_second", "time", "seconds") && has("number_of_followers", "magnitude", "followers"))
    return "seismic";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv") || lower.endsWith(".tsv")) return "csv";
  throw new InputError({
    file: name,
    line: 1,
    expected: { code: "knownFormat", formats: [...FORMAT_IDS] },
    found: quoted(first),
  });
}
