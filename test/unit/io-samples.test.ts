/** The bundled samples (public/samples) are listed correctly and read to their reference counts. */
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateLine } from "../../src/core/legal.ts";
import { isFormatId, readCascadeFile } from "../../src/io/index.ts";

const DIR = "public/samples/";

interface Sample {
  id: string;
  title: string;
  format: string;
  file: string;
  line?: number;
  reposts: number;
  attribution: string;
}

const samples: Sample[] = JSON.parse(readFileSync(`${DIR}index.json`, "utf8"));

describe("public/samples/index.json", () => {
  it("lists unique ids, known formats and an attribution for each", () => {
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
    for (const s of samples) {
      expect(isFormatId(s.format)).toBe(true);
      expect(s.attribution).toMatch(/MIT/);
    }
  });
  it("stays under 2 MB in total", () => {
    const files = new Set(samples.map((s) => s.file));
    let bytes = 0;
    for (const f of files) bytes += statSync(DIR + f).size;
    expect(bytes).toBeLessThan(2_000_000);
  });
  for (const s of samples) {
    it(`${s.id} reads as ${s.format} with ${s.reposts} reposts`, () => {
      const options = s.line === undefined ? {} : { line: s.line };
      const { format, cascades } = readCascadeFile(s.file, readFileSync(DIR + s.file, "utf8"), options);
      expect(format).toBe(s.format);
      expect(evaluateLine(cascades[0]).reposts).toBe(s.reposts);
    });
  }
});
