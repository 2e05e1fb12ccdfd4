/**
 * Every chart, in both themes, exports as well-formed SVG that a real SVG
 * renderer (librsvg's rsvg-convert) turns into a non-blank image.
 */
import { execFileSync } from "node:child_process";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { serializeSvg } from "../../src/charts/export.ts";
import { LIGHT_THEME, PRESENTATION_THEME, SVG_NS } from "../../src/charts/svg.ts";
import { CHINESE_CHART_TEXT } from "../../src/charts/text-zh.ts";
import { skipWithout } from "../shared-data.ts";
import { CHART_CASES } from "./chart-fixtures.ts";
import { jsdomContext } from "./snapshot.ts";

const THEMES = [
  ["light", LIGHT_THEME],
  ["presentation", PRESENTATION_THEME],
] as const;

function hasRsvg(): boolean {
  try {
    execFileSync("rsvg-convert", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function renderPng(svgText: string): Buffer {
  return execFileSync("rsvg-convert", ["--format", "png"], { input: svgText, maxBuffer: 64 * 1024 * 1024 });
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("serialized charts are well-formed SVG", () => {
  const parser = new new JSDOM("").window.DOMParser();
  for (const chart of CHART_CASES) {
    for (const [themeName, theme] of THEMES) {
      it(`${chart.name} (${themeName}) parses as XML with the SVG namespace`, () => {
        const text = serializeSvg(chart.render(jsdomContext(), theme));
        expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
        const doc = parser.parseFromString(text, "image/svg+xml");
        expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
        expect(doc.documentElement.namespaceURI).toBe(SVG_NS);
        expect(doc.documentElement.querySelector("title")?.textContent).toBeTruthy();
      });
    }
  }
});

describe("every chart takes its words from the text object (Chinese)", () => {
  const parser = new new JSDOM("").window.DOMParser();
  for (const chart of CHART_CASES) {
    it(`${chart.name} in Chinese`, () => {
      const english = chart.render(jsdomContext());
      const chinese = chart.render(jsdomContext(), LIGHT_THEME, CHINESE_CHART_TEXT);
      const title = chinese.querySelector("title")?.textContent ?? "";
      expect(title).toMatch(/[\u4e00-\u9fff]/);
      expect(title).not.toBe(english.querySelector("title")?.textContent);
      // No English chart word is left in the legend or the axes.
      for (const selector of [".legend", ".axis-title", ".threshold"]) {
        for (const element of chinese.querySelectorAll(selector))
          expect(element.textContent ?? "").not.toMatch(/legal line|runs|reposts|views|Observed|Time since/);
      }
      const doc = parser.parseFromString(serializeSvg(chinese), "image/svg+xml");
      expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    });
  }
});

describe.skipIf(skipWithout(hasRsvg()))(
  "charts render with a real SVG renderer (needs rsvg-convert from librsvg2-bin)",
  () => {
    for (const chart of CHART_CASES) {
      for (const [themeName, theme] of THEMES) {
        it(`${chart.name} (${themeName}) renders to a non-blank PNG of its size`, () => {
          const element = chart.render(jsdomContext(), theme);
          const width = Number(element.getAttribute("width"));
          const height = Number(element.getAttribute("height"));
          const png = renderPng(serializeSvg(element));
          expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
          expect(pngSize(png)).toEqual({ width, height });
          // A blank page of the same size compresses to almost nothing; a chart does not.
          const blank = renderPng(
            `<svg xmlns="${SVG_NS}" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${theme.background}"/></svg>`,
          );
          expect(png.length).toBeGreaterThan(Math.max(8000, blank.length * 5));
        });
      }
    }
  },
);
