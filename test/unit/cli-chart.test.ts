import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.ts";
import { chartMonteCarlo, runChart } from "../../src/cli/commands/chart.ts";
import { evaluateLine } from "../../src/core/legal.ts";
import { getModel } from "../../src/core/models/index.ts";
import { validateParams } from "../../src/core/models/model.ts";
import { fanGrid, runRng } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO, defaultSource, runScenario } from "../../src/core/scenario.ts";
import { simulate } from "../../src/core/simulate.ts";

const dir = mkdtempSync(join(tmpdir(), "chart-cli-"));
const parser = new new JSDOM("").window.DOMParser();

function readSvg(file: string): Document {
  const doc = parser.parseFromString(readFileSync(file, "utf8"), "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

describe("chart command", () => {
  const small = ["--nodes", "200", "--seed", "cli"];
  const scenario = { ...DEFAULT_SCENARIO, nodes: 200, seed: "cli" };

  it("writes the repost tree of the scenario's run, one dot per event", async () => {
    const out = join(dir, "tree.svg");
    const csv = join(dir, "tree.csv");
    const message = await runChart(["tree", ...small, "--out", out, "--csv", csv]);
    expect(message).toMatch(/^wrote .*tree\.svg \([\d,]+ bytes\) and .*tree\.csv$/);
    const { cascade } = runScenario(scenario);
    const doc = readSvg(out);
    expect(doc.querySelectorAll(".events circle")).toHaveLength(cascade.events.length);
    expect(doc.querySelector(".caption")?.textContent).toContain("seed 'cli'");
    expect(readFileSync(csv, "utf8").split("\r\n")).toHaveLength(cascade.events.length + 2);
  });

  it("draws the tree radially in the presentation theme when asked", async () => {
    const out = join(dir, "radial.svg");
    await runChart(["tree", ...small, "--layout", "radial", "--theme", "presentation", "--out", out]);
    const doc = readSvg(out);
    expect(doc.querySelectorAll(".generations circle").length).toBeGreaterThan(0);
    expect(doc.documentElement.getAttribute("font-size")).toBe("18");
  });

  it("prints the SVG when no file is given", async () => {
    const markup = await runChart(["timeseries", ...small]);
    expect(markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(markup).toContain("legal line: 500 reposts");
  });

  it("lays the network out and draws every account", async () => {
    const out = join(dir, "network.svg");
    await runChart(["network", "--nodes", "120", "--seed", "cli", "--out", out]);
    expect(readSvg(out).querySelectorAll(".accounts circle")).toHaveLength(120);
  });

  it("draws only the cascade's part of a network too large to lay out, and says so", async () => {
    const out = join(dir, "network-large.svg");
    await runChart(["network", "--nodes", "150000", "--seed", "cli", "--p", "0.005", "--out", out]);
    const doc = readSvg(out);
    const drawn = doc.querySelectorAll(".accounts circle").length;
    // The source, its few reposters and its first 300 followers at most.
    expect(drawn).toBeGreaterThan(1);
    expect(drawn).toBeLessThanOrEqual(5000);
    // The caption wraps over several lines.
    const caption = [...doc.querySelectorAll(".caption")].map((line) => line.textContent).join(" ");
    expect(caption.replace(/\s+/g, " ")).toMatch(
      new RegExp(`Drawn: the cascade's ${drawn.toLocaleString("en")} of 150,000 accounts\\.`),
    );
  });

  it("draws a fan and crossing times over the given number of runs", async () => {
    const fan = join(dir, "fan.svg");
    await runChart(["fan", ...small, "--runs", "12", "--out", fan]);
    const doc = readSvg(fan);
    expect(doc.querySelector("desc")?.textContent).toContain("12 simulated runs");
    expect(doc.querySelectorAll(".band")).toHaveLength(4);
    const crossings = join(dir, "crossings.svg");
    await runChart(["crossings", ...small, "--runs", "12", "--histogram", "--out", crossings]);
    expect(readSvg(crossings).querySelector(".legend")?.textContent).toMatch(/crossed in \d+ of 12 runs/);
  });

  it("refuses what it cannot draw, naming the option", async () => {
    await expect(runChart(["pie"])).rejects.toThrow(/unknown chart 'pie'\. Use one of timeseries, fan/);
    await expect(runChart([])).rejects.toThrow(UsageError);
    await expect(runChart(["tree", "--layout", "round"])).rejects.toThrow(
      "--layout: 'round'. Use tidy or radial.",
    );
    await expect(runChart(["fan", "--runs", "0"])).rejects.toThrow("--runs: 0. Should be a whole number");
    await expect(runChart(["tree", "--bogus", "1"])).rejects.toThrow("unknown option --bogus");
    await expect(runChart(["tree", "--theme", "dark"])).rejects.toThrow("--theme: 'dark'");
  });

  it("runs through the installed command", () => {
    const out = join(dir, "bin.svg");
    const bin = resolve(import.meta.dirname, "../../bin/repost-threshold.mjs");
    const stdout = execFileSync(
      process.execPath,
      [bin, "chart", "timeseries", "--nodes", "100", "--out", out],
      {
        encoding: "utf8",
      },
    );
    expect(stdout).toContain("wrote");
    readSvg(out);
  });
});

describe("chartMonteCarlo (the chart command's runs)", () => {
  const scenario = { ...DEFAULT_SCENARIO, nodes: 200, seed: "mc" };

  it("run i is the scenario simulated with runRng(seed, i), read off on the fan grid", () => {
    const runs = 5;
    const { summary } = chartMonteCarlo(scenario, runs);
    const built = buildGraph(scenario);
    const model = getModel(scenario.model);
    const params = validateParams(model, scenario.params, scenario.preset);
    const source = built.compiled.ids.indexOf(defaultSource(built));
    const finals: number[] = [];
    let crossed = 0;
    for (let i = 0; i < runs; i++) {
      const cascade = simulate(built.compiled, model, params, runRng("mc", i), {
        source,
        horizon: scenario.horizon,
      });
      const report = evaluateLine(cascade, scenario.rules);
      finals.push(report.reposts);
      if (report.crossing.reposts) crossed++;
    }
    expect(summary.crossingTimes.reposts).toHaveLength(crossed);
    // The fan's last grid time is the horizon: its median is the median final size.
    const sorted = finals.sort((a, b) => a - b);
    expect(summary.fan.reposts.p50[summary.fan.time.length - 1]).toBe(sorted[2]);
    expect(summary.fan.time[summary.fan.time.length - 1]).toBe(scenario.horizon);
  });

  it("with p = 0 (bots too) nothing is ever reposted", () => {
    const { summary } = chartMonteCarlo({ ...scenario, params: { p: 0, botP: 0 } }, 4);
    expect(Array.from(summary.fan.reposts.p95).every((v) => v === 0)).toBe(true);
    expect(summary.crossingTimes.reposts).toHaveLength(0);
  });
});

describe("fanGrid", () => {
  it("starts at 0, grows geometrically and ends at the horizon", () => {
    const grid = fanGrid(72 * 3600, 161);
    expect(grid[0]).toBe(0);
    expect(grid[1]).toBe(15);
    expect(grid[160]).toBe(72 * 3600);
    for (let k = 2; k < 160; k++) expect(grid[k] / grid[k - 1]).toBeCloseTo(grid[2] / grid[1], 9);
  });
});
