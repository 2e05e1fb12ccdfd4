import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.ts";
import { runAnalyze } from "../../src/cli/commands/analyze.ts";
import { companionFiles, loadCascadeFile, loadCascades } from "../../src/cli/load-series.ts";
import { InputError } from "../../src/io/index.ts";
import { skipWithoutPath } from "../shared-data.ts";

describe("repost-threshold analyze", () => {
  it("prints the JSON documented in the README for a bundled sample", () => {
    const out = JSON.parse(runAnalyze(["public/samples/casflow/dataset.txt", "--line", "5", "--json"]));
    expect(out.format).toBe("casflow");
    expect(out.reposts).toBe(2238);
    expect(out.views).toBeNull();
    expect(out.crossing.reposts).toMatchObject({ time: 2013 });
    expect(Object.keys(out.crossing.reposts).sort()).toEqual(["account", "depth", "index", "time"]);
    expect(out.crossing.views).toBeNull();
    expect(out.first).toBe("reposts");
    expect(out.warnings).toContain(
      "No follower counts in this data set: views cannot be counted from this file.",
    );
  });
  it("counts views from followers, with --views and --view-rate", () => {
    const out = JSON.parse(
      runAnalyze(["public/samples/tideh/RT49.txt", "--views", "600000", "--view-rate", "1", "--json"]),
    );
    expect(out.format).toBe("tideh");
    expect(out.views).toBeGreaterThan(589257);
    expect(out.crossing.views.time).toBeGreaterThan(0);
  });
  it("marks assumed audiences", () => {
    const text = runAnalyze([
      "public/samples/casflow/dataset.txt",
      "--line",
      "1",
      "--assume-audience",
      "100",
    ]);
    expect(text).toContain("(ASSUMED audiences)");
  });
  it("reports a broken file with its line, and bad options as usage errors", () => {
    expect(() => runAnalyze(["test/fixtures/broken/bad-date.csv"])).toThrow(InputError);
    expect(() => runAnalyze(["test/fixtures/broken/bad-date.csv", "--format", "xml"])).toThrow(UsageError);
    expect(() => runAnalyze(["nope.csv"])).toThrow(/cannot find/);
  });
  it.skipIf(skipWithoutPath("../shared/data"))(
    "finds Twitter's label.txt by itself (needs ../shared/data)",
    () => {
      const out = JSON.parse(
        runAnalyze(["../shared/data/twitter15_16/twitter15/tree/501474962935648256.txt", "--json"]),
      );
      expect(out.label).toBe("false");
      expect(out.crossing.reposts.time).toBe(9748.2);
    },
  );
});

describe("companionFiles (analyze and the prediction commands)", () => {
  const root = mkdtempSync(join(tmpdir(), "companions-"));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    return join(root, path);
  };
  const cedRepost = put("ced/rumor-repost/7_a_1.json", "[]");
  const cedOriginal = put("ced/original-microblog/7_a_1.json", "original 7");
  const tree = put("twitter15/tree/42.txt", "");
  const labels = put("twitter15/label.txt", "false:42");

  it("finds CED's original microblog and Twitter15/16's label.txt by the data sets' layouts", () => {
    expect(companionFiles(cedRepost)).toEqual({ original: { name: cedOriginal, text: "original 7" } });
    expect(companionFiles(tree)).toEqual({ labels: { name: labels, text: "false:42" } });
  });

  it("finds nothing beside other files, and an original is not its own companion", () => {
    expect(companionFiles(put("other/cascade.csv", ""))).toEqual({});
    expect(companionFiles(cedOriginal)).toEqual({});
  });

  it("reads paths given explicitly instead, and refuses a missing one", () => {
    const elsewhere = put("elsewhere/labels.txt", "true:42");
    expect(companionFiles(tree, { labels: elsewhere }).labels).toEqual({ name: elsewhere, text: "true:42" });
    expect(() => companionFiles(tree, { original: join(root, "nope.json") })).toThrow(UsageError);
  });

  it.skipIf(skipWithoutPath("../shared/data"))(
    "both commands read a CED cascade with its original (needs ../shared/data)",
    () => {
      const file = "../shared/data/ced_weibo/rumor-repost/1228_zcrWIbMnO_1734571375.json";
      // The source's followers come only from the original microblog.
      const out = JSON.parse(runAnalyze([file, "--json"]));
      expect(out.warnings.join(" ")).toContain("source author's followers are in the data (114,016)");
      const [cascade] = loadCascadeFile(file);
      expect(cascade.startEpoch).toBe(1357023235);
    },
  );
});

describe("paths that lead nowhere", () => {
  it("skips a broken link inside a folder with a warning, names a folder given as a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "rtl-broken-"));
    writeFileSync(join(dir, "a.csv"), "time,magnitude,user_id\n0,100,1\n60,10,2\n");
    symlinkSync(join(dir, "nowhere.csv"), join(dir, "b.csv"));
    const warnings: string[] = [];
    const cascades = loadCascades([dir], (message) => warnings.push(message));
    expect(cascades).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/skipped .*b\.csv: it leads nowhere/)]);
    expect(() => loadCascades([join(dir, "b.csv")])).toThrow(/cannot find the file or folder/);
    expect(() => runAnalyze([dir])).toThrow(/is a folder; give a file/);
  });
});
