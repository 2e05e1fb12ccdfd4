/**
 * The corpus of broken files (test/fixtures/broken): every reader reports
 * file, line (and column or field), what it expected and what it found.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateLine } from "../../src/core/legal.ts";
import { type FormatId, InputError, readCascadeFile } from "../../src/io/index.ts";

const DIR = "test/fixtures/broken/";

function text(name: string): string {
  return new TextDecoder("utf-8").decode(readFileSync(DIR + name));
}

function failure(name: string, format?: FormatId): InputError {
  try {
    readCascadeFile(name, text(name), format ? { format } : {});
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${name} was read without an error`);
}

describe("readCascadeFile on broken files", () => {
  const cases: {
    name: string;
    format?: FormatId;
    line: number | null;
    column?: number | string;
    expected: string;
    found: string;
  }[] = [
    { name: "empty.csv", format: "csv", line: null, expected: "header", found: "an empty file" },
    { name: "truncated_1_a_b.json", line: 13, expected: "CED repost file", found: "invalid JSON" },
    { name: "binary.csv", format: "csv", line: 1, column: 14, expected: "header", found: "binary data" },
    {
      name: "wrong-delimiter.csv",
      format: "csv",
      line: 1,
      expected: "no TAB, comma or semicolon",
      found: "source|target|time",
    },
    {
      name: "missing-header.csv",
      format: "csv",
      line: 1,
      expected: "a header naming the columns source,target",
      found: '"a,b,10"',
    },
    { name: "bad-date.csv", line: 3, column: "time", expected: "ISO 8601 date", found: '"yesterday"' },
    { name: "bad-number.csv", line: 3, column: "time", expected: "a time in seconds", found: '"12x"' },
    {
      name: "ced-bad-date_x_9.json",
      line: 2,
      column: "date",
      expected: "a real calendar date",
      found: "2013-02-30",
    },
    {
      name: "cycle.csv",
      line: 7,
      expected: "reposts that lead back to the source post",
      found: 'cycle "y → x → y"',
    },
    {
      name: "twitter-bad-node.txt",
      line: 3,
      column: 27,
      expected: "quoted items",
      found: "['3', 42, '2.0']",
    },
    { name: "twitter-no-root.txt", line: null, expected: "ROOT", found: "no ROOT line" },
    { name: "casflow-fields.txt", line: 2, expected: "5 TAB-separated fields", found: "4 fields" },
    { name: "tideh-header.txt", format: "tideh", line: 1, expected: "TiDeH header", found: "2 1.5 extra" },
    { name: "unclosed.graphml", line: 4, column: 18, expected: "well-formed XML", found: "mismatch" },
    {
      name: "unknown-node.json",
      line: null,
      column: "edges[0].target",
      expected: "listed node",
      found: '"zzz"',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.found}`, () => {
      const error = failure(c.name, c.format);
      expect(error.file).toBe(c.name);
      expect(error.line).toBe(c.line);
      if (c.column !== undefined) expect(error.column).toBe(c.column);
      expect(error.expected).toContain(c.expected);
      expect(error.found).toContain(c.found);
      expect(error.message).toContain(c.name);
      expect(error.message).toContain(`expected ${error.expected}, found ${error.found}`);
    });
  }

  it("a child listed before its parent, and timed before it, is read with a warning", () => {
    const { cascades } = readCascadeFile("child-before-parent.csv", text("child-before-parent.csv"));
    expect(cascades).toHaveLength(1);
    const [c] = cascades;
    expect(c.events.map((e) => [e.account, e.parent, e.depth, e.time])).toEqual([
      ["a", -1, 0, 0],
      ["c", 2, 2, 5],
      ["b", 0, 1, 30],
    ]);
    expect(c.warnings.join(" ")).toContain("1 reposts are timed before the post they repost");
  });

  it("duplicated events count once, with a warning", () => {
    const { cascades } = readCascadeFile("duplicated.csv", text("duplicated.csv"));
    expect(evaluateLine(cascades[0]).reposts).toBe(2);
    const warnings = cascades[0].warnings.join(" ");
    expect(warnings).toContain("2 edges repeat an earlier edge");
    expect(warnings).toContain("1 edges give a repost a second parent");
  });

  it("ids such as __proto__ and constructor are plain data", () => {
    const { cascades } = readCascadeFile("proto-ids.csv", text("proto-ids.csv"));
    const [c] = cascades;
    expect(c.events.map((e) => e.account)).toEqual([
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "prototype",
    ]);
    expect(c.events.map((e) => e.parent)).toEqual([-1, 0, 0, 1, 3]);
    expect(c.events.map((e) => e.audience)).toEqual([10, 20, 30, 40, 50]);
    expect(evaluateLine(c).reposts).toBe(4);
  });

  it("HTML and script in a label stay plain text, and Twitter's quirks follow the documented rule", () => {
    const labels = { name: "label.txt", text: text("label.txt") };
    const { cascades } = readCascadeFile("42.txt", text("42.txt"), { labels });
    const [c] = cascades;
    expect(c.label).toBe('<script>alert("x")</script>');
    // '3' is listed twice under '1', once under '2' and once under itself: one repost.
    expect(c.events.map((e) => [e.account, e.parent, e.time])).toEqual([
      ["1", -1, 0],
      ["2", 0, 0],
      ["3", 0, 60],
    ]);
    const warnings = c.warnings.join(" ");
    expect(warnings).toContain("1 reposts have delays before the source tweet: counted at 0");
    expect(warnings).toContain("2 edges list a repost under a second parent");
    expect(warnings).toContain("1 edges list a tweet as its own parent");
  });
});
