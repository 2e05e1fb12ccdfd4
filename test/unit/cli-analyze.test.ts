import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.ts";
import { runAnalyze } from "../../src/cli/commands/analyze.ts";
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
