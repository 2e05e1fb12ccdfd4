/**
 * Golden SVG snapshots: the chart is rendered in jsdom, pretty-printed and
 * compared with test/output/NAME.svg. A mismatch writes NAME-changed.svg
 * beside it for a visual diff. A missing golden is written when not in CI
 * (and the test fails in CI, so a forgotten golden cannot pass silently).
 * Update goldens deliberately with UPDATE_SNAPSHOTS=1.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { JSDOM } from "jsdom";
import { expect } from "vitest";
import type { ChartContext } from "../../src/charts/svg.ts";

const OUTPUT = resolve(import.meta.dirname, "../output");

export function jsdomContext(): ChartContext {
  return { document: new JSDOM("<!doctype html><html><body></body></html>").window.document };
}

/** One element per line, attributes in source order, indentation by depth. */
export function prettySvg(markup: string): string {
  const lines: string[] = [];
  let depth = 0;
  for (const token of markup.match(/<[^>]+>|[^<]+/g) ?? []) {
    if (token.startsWith("</")) {
      depth--;
      const last = lines[lines.length - 1];
      // Keep <text>word</text> on one line.
      if (last && !last.trimStart().startsWith("<")) {
        const textLine = lines.pop()!;
        lines[lines.length - 1] += textLine.trim() + token;
      } else lines.push(`${"  ".repeat(depth)}${token}`);
    } else if (token.startsWith("<")) {
      lines.push(`${"  ".repeat(depth)}${token}`);
      if (!token.endsWith("/>")) depth++;
    } else if (token.trim()) {
      lines.push(`${"  ".repeat(depth)}${token}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function expectSvgSnapshot(name: string, element: SVGSVGElement): void {
  const actual = prettySvg(element.outerHTML);
  const golden = join(OUTPUT, `${name}.svg`);
  const changed = join(OUTPUT, `${name}-changed.svg`);
  if (process.env.UPDATE_SNAPSHOTS || (!existsSync(golden) && !process.env.CI)) {
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(golden))
    throw new Error(`No golden snapshot ${golden}: run the tests locally to create it.`);
  const expected = readFileSync(golden, "utf8");
  if (actual !== expected) writeFileSync(changed, actual);
  else rmSync(changed, { force: true });
  expect(actual, `${name}.svg differs from its golden (see ${name}-changed.svg)`).toBe(expected);
}
