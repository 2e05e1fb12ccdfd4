/**
 * Nothing from a file or URL may reach the HTML parser: the source must not
 * assign innerHTML/outerHTML, call insertAdjacentHTML or document.write.
 * Reading `.outerHTML` (snapshot helpers, SVG export) is fine.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src", import.meta.url).pathname;
const FORBIDDEN = [
  /\.(?:innerHTML|outerHTML)\s*(?:\+?=)(?!=)/,
  /\binsertAdjacentHTML\s*\(/,
  /\bdocument\.write(?:ln)?\s*\(/,
  /\bcreateContextualFragment\s*\(/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function htmlSinks(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => FORBIDDEN.some((pattern) => pattern.test(line)))
    .map(({ line, i }) => `${i + 1}: ${line.trim()}`);
}

describe("no HTML sinks in src/", () => {
  it("the detector catches each kind of sink and allows reading outerHTML", () => {
    expect(htmlSinks("el.innerHTML = name;")).toHaveLength(1);
    expect(htmlSinks("el.innerHTML += name;")).toHaveLength(1);
    expect(htmlSinks("el.outerHTML=x")).toHaveLength(1);
    expect(htmlSinks("el.insertAdjacentHTML('beforeend', x)")).toHaveLength(1);
    expect(htmlSinks("document.write(x)")).toHaveLength(1);
    expect(htmlSinks("const svg = el.outerHTML;")).toHaveLength(0);
    expect(htmlSinks("if (el.innerHTML === '') {}")).toHaveLength(0);
  });

  it("no file under src/ writes HTML from a string", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      htmlSinks(readFileSync(file, "utf8")).map((hit) => `${file}:${hit}`),
    );
    expect(found).toEqual([]);
  });
});
