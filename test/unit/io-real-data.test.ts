/**
 * Every reader against the real files in ../shared/data, checked against the
 * reference counts in MANIFEST.csv (n_reposts = every event but the source,
 * t500_s = time of the 500th repost). Our rule matches the manifest's for all
 * of them:
 * - Twitter15/16: the manifest counts distinct child tuples other than the
 *   source tuple, which is our dedupe rule (a child under several parents or
 *   under itself counts once), so the counts agree exactly;
 * - CED: every entry (reposts and comments mixed) is an event, dates read as
 *   UTC+8 against the source's epoch, as in the manifest;
 * - SEISMIC/TiDeH/SMH/auspol: every row after the first; auspol 1788 has one
 *   exactly repeated row, which both count (we warn);
 * - CasFlow: every entry after the root's own.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateLine } from "../../src/core/legal.ts";
import { type ReadOptions, readCascadeFile } from "../../src/io/index.ts";
import { skipWithoutPath } from "../shared-data.ts";

const DATA = "../shared/data/";

interface ManifestRow {
  dataset: string;
  files: string[];
  id: string;
  label: string;
  reposts: number;
  t500: number | null;
}

function manifest(): ManifestRow[] {
  const lines = readFileSync(`${DATA}MANIFEST.csv`, "utf8").trim().split("\n").slice(1);
  return lines.map((line) => {
    // The first eight columns never contain commas; the note (last) may.
    const cells = line.split(",");
    return {
      dataset: cells[0],
      files: cells[2].split(";"),
      id: cells[3],
      label: cells[4],
      reposts: Number(cells[5]),
      t500: cells[7] === "" ? null : Number(cells[7]),
    };
  });
}

const EXPECTED_FORMAT: Record<string, string> = {
  twitter15_16: "twitter-tree",
  ced_weibo: "ced",
  casflow_weibo: "casflow",
  seismic_tweet: "seismic",
  tideh_seismic: "tideh",
  smh_cascade_influence: "seismic",
  evently_auspol: "seismic",
};

describe.skipIf(skipWithoutPath(DATA))("real cascades against MANIFEST.csv (needs ../shared/data)", () => {
  const rows = existsSync(DATA) ? manifest() : [];
  for (const row of rows) {
    it(`${row.dataset} ${row.id}: ${row.reposts} reposts, 500th at ${row.t500 ?? "never"}`, () => {
      const main = row.files[row.files.length - 1];
      const options: ReadOptions = {};
      if (row.dataset === "ced_weibo") {
        options.original = { name: row.files[0], text: readFileSync(DATA + row.files[0], "utf8") };
      }
      if (row.dataset === "twitter15_16") {
        const labels = main.replace(/tree\/[^/]+$/, "label.txt");
        options.labels = { name: labels, text: readFileSync(DATA + labels, "utf8") };
      }
      const result = readCascadeFile(main, readFileSync(DATA + main, "utf8"), options);
      expect(result.format).toBe(EXPECTED_FORMAT[row.dataset]);
      const cascade =
        row.dataset === "casflow_weibo"
          ? result.cascades.find((c) => c.id === `casflow:${row.id}`)
          : result.cascades[0];
      expect(cascade).toBeDefined();
      if (!cascade) return;
      const report = evaluateLine(cascade);
      expect(report.reposts).toBe(row.reposts);
      expect(cascade.events.length).toBe(row.reposts + 1);
      expect(report.crossing.reposts?.time ?? null).toBe(row.t500);
      if (row.label) expect(cascade.label).toBe(row.label);
      const withFollowers = ["seismic_tweet", "tideh_seismic", "smh_cascade_influence", "evently_auspol"];
      expect(report.views === null).toBe(!withFollowers.includes(row.dataset));
    });
  }

  it("the issue's example: Twitter15 501474962935648256 crosses 500 reposts after 2 h 42 min", () => {
    const file = "twitter15_16/twitter15/tree/501474962935648256.txt";
    const { cascades } = readCascadeFile(file, readFileSync(DATA + file, "utf8"));
    const crossing = evaluateLine(cascades[0]).crossing.reposts;
    expect(crossing?.time).toBe(9748.2);
    expect(Math.floor(9748.2 / 60)).toBe(2 * 60 + 42);
  });

  it("CED says that comments are mixed in, and gives the source's followers", () => {
    const original = "ced_weibo/original-microblog/1228_zcrWIbMnO_1734571375.json";
    const file = "ced_weibo/rumor-repost/1228_zcrWIbMnO_1734571375.json";
    const { cascades } = readCascadeFile(file, readFileSync(DATA + file, "utf8"), {
      original: { name: original, text: readFileSync(DATA + original, "utf8") },
    });
    const [c] = cascades;
    expect(c.startEpoch).toBe(1357023235);
    expect(c.events[0].account).toBe("1734571375");
    expect(c.warnings.join(" ")).toContain("mixes reposts and comments");
    expect(c.warnings.join(" ")).toContain("114,016");
  });

  it("a CasFlow file is a list of cascades; --line picks one", () => {
    const file = "casflow_weibo/dataset.txt";
    const text = readFileSync(DATA + file, "utf8");
    expect(readCascadeFile(file, text).cascades.map((c) => c.id)).toEqual([
      "casflow:14713",
      "casflow:36853",
      "casflow:75980",
      "casflow:75987",
      "casflow:75991",
    ]);
    const picked = readCascadeFile(file, text, { line: 2 }).cascades;
    expect(picked.map((c) => [c.id, c.startEpoch])).toEqual([["casflow:36853", 1464750905]]);
  });
});
