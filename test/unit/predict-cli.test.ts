import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBacktest } from "../../src/cli/commands/backtest.ts";
import { runPredict } from "../../src/cli/commands/predict.ts";
import { loadCascadeFile } from "../../src/cli/load-series.ts";

const dir = mkdtempSync(join(tmpdir(), "predict-cli-"));
/** A SEISMIC-style series: source with 5,000 followers, a repost every 20 s for 2 h, 100 followers each. */
const rows = ["relative_time_second,number_of_followers", "0,5000"];
for (let t = 20; t <= 7200; t += 20) rows.push(`${t},100`);
const file = join(dir, "series.csv");
writeFileSync(file, `${rows.join("\n")}\n`);

describe("repost-threshold predict", () => {
  it("prints the documented JSON fields, with the truth when the file goes past T", () => {
    // The model alone (no training cascades from the working folder): its answer is fixed by the series.
    const out = JSON.parse(runPredict([file, "--at", "3600", "--json", "--no-calibrate"]));
    expect(out.observedReposts).toBe(180);
    expect(Object.keys(out.predicted.finalReposts).sort()).toEqual(["estimate", "high", "low"]);
    // 180 reposts in the last hour of 100 followers each: p n* = 1.76 >= 1, so SEISMIC expects no end (null in JSON)
    // and a sure crossing, after T.
    expect(out.parameters.branchingRatio).toBeCloseTo(1.759, 3);
    expect(out.predicted.finalReposts.estimate).toBeNull();
    expect(out.probability.reposts).toBe(1);
    expect(out.predicted.crossing.reposts.time).toBeGreaterThan(3600);
    expect(out.predicted.crossing.reposts.low).toBeGreaterThan(3600);
    expect(out.predicted.crossing.reposts.observed).toBe(false);
    expect(out.truth.finalReposts).toBe(360);
    expect(out.truth.crossing.reposts).toBeNull();
  });
  it("gives the expected time of the N-th repost; the 10th was already there at T", () => {
    const out = JSON.parse(runPredict([file, "--at", "3600", "--nth", "10", "--json"]));
    expect(out.nthRepost).toEqual({ n: 10, time: 3600, low: 3600, high: 3600 });
    expect(() => runPredict([file, "--at", "3600", "--nth", "0"])).toThrow(/--nth/);
  });

  it("asks for --line on a file of many cascades and takes the chosen one", () => {
    const casflow = join(dir, "casflow.txt");
    writeFileSync(
      casflow,
      "1\t10\t1464739203\t3\t10:0 10/11:30 10/12:60 10/13:90\n2\t20\t1464739203\t1\t20:0 20/21:40\n",
    );
    expect(() => runPredict([casflow, "--at", "600", "--estimator", "hawkes"])).toThrow(/--line/);
    const out = JSON.parse(
      runPredict([casflow, "--at", "60", "--line", "2", "--estimator", "hawkes", "--json"]),
    );
    expect(out.unavailable).toMatch(/5 minutes/);
  });

  it("refuses a missing --at and an unknown estimator", () => {
    expect(() => runPredict([file])).toThrow(/--at/);
    expect(() => runPredict([file, "--at", "60", "--estimator", "oracle"])).toThrow(
      /unknown estimator 'oracle'/,
    );
  });

  it("names a file or folder that does not exist instead of a system error", () => {
    const missing = join(tmpdir(), "no-such-cascade.csv");
    expect(() => runPredict([missing, "--at", "600"])).toThrow(
      /cannot find the file or folder '.*no-such-cascade\.csv'/,
    );
    expect(() => runBacktest([missing])).toThrow(/cannot find the file or folder/);
    expect(() => runPredict([file, "--at", "600", "--train", join(tmpdir(), "no-such-folder")])).toThrow(
      /cannot find the file or folder '.*no-such-folder'/,
    );
  });
});

describe("SEISMIC's calibration on the command line", () => {
  // Six training series with followers, each a different repost rate, in their own folder.
  const trainDir = mkdtempSync(join(tmpdir(), "predict-cli-train-"));
  for (let k = 0; k < 6; k++) {
    const lines = ["relative_time_second,number_of_followers", "0,5000"];
    for (let t = 15 + 5 * k; t <= 9000; t += 15 + 5 * k) lines.push(`${t},${80 + 10 * k}`);
    writeFileSync(join(trainDir, `train-${k}.csv`), `${lines.join("\n")}\n`);
  }

  it("predict fits α, γ on --train and keeps the JSON shape; --no-calibrate gives α = γ = 1", () => {
    const out = JSON.parse(runPredict([file, "--at", "3600", "--train", trainDir, "--json"]));
    expect(out.parameters.calibrationCascades).toBe(6);
    // Fitted, not the defaults.
    expect([out.parameters.alpha, out.parameters.gamma]).not.toEqual([1, 1]);
    expect(Object.keys(out.predicted.finalReposts).sort()).toEqual(["estimate", "high", "low"]);
    expect(typeof out.probability.reposts).toBe("number");
    const plain = JSON.parse(
      runPredict([file, "--at", "3600", "--train", trainDir, "--no-calibrate", "--json"]),
    );
    expect([plain.parameters.alpha, plain.parameters.gamma, plain.parameters.calibrationCascades]).toEqual([
      1, 1, 0,
    ]);
  });

  it("backtest calibrates by default and not with --no-calibrate", () => {
    const json = (args: string[]) =>
      JSON.parse(runBacktest([trainDir, "--at", "3600", "--estimator", "seismic", "--json", ...args]));
    const calibrated = json([]);
    const plain = json(["--no-calibrate"]);
    expect(calibrated.rows.length).toBe(6);
    expect(calibrated.rows.map((r: { predicted: number }) => r.predicted)).not.toEqual(
      plain.rows.map((r: { predicted: number }) => r.predicted),
    );
  });
});

describe("repost-threshold backtest", () => {
  it("prints a table row per estimator and time", () => {
    const out = runBacktest([file, "--at", "600,3600", "--estimator", "seismic"]);
    expect(out).toMatch(/seismic\s+10 min\s+1 /);
    expect(out).toMatch(/seismic\s+1 h\s+1 /);
  });
});

describe("load-series", () => {
  it("reads TiDeH rows with their header line", () => {
    const tideh = join(dir, "RT0.txt");
    writeFileSync(tideh, "2 0.5 \n0 90 \n30 10 \n45 20 \n");
    const [cascade] = loadCascadeFile(tideh);
    expect(cascade.events.map((e) => [e.time, e.audience])).toEqual([
      [0, 90],
      [30, 10],
      [45, 20],
    ]);
  });
});
