import { quantileSorted } from "d3-array";
import { describe, expect, it } from "vitest";
import { compileGraph } from "../../src/core/compiled-graph.ts";
import { generatePreset } from "../../src/core/generators/presets.ts";
import { type CountingRules, cumulativeSeries, DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";
import { independentCascade } from "../../src/core/models/independent-cascade.ts";
import { MODELS } from "../../src/core/models/index.ts";
import { ParamError, validateParams } from "../../src/core/models/model.ts";
import {
  defaultGrid,
  FIRST_NEITHER,
  FIRST_REPOSTS,
  FIRST_VIEWS,
  MonteCarloError,
  mergeBatches,
  quantileOfSorted,
  runBatch,
  runRng,
  splitRuns,
  summarize,
  wilsonInterval,
} from "../../src/core/monte-carlo.ts";
import { createRng } from "../../src/core/random.ts";
import { simulate } from "../../src/core/simulate.ts";
import { compiledFromFollowers } from "./compiled-graphs.ts";

const graph = compileGraph(generatePreset("weibo", 500, createRng("mc").fork("graph")));
const HORIZON = 24 * 3600;
const grid = defaultGrid(HORIZON, 25);
/** The account with most followers in the graph: its posts travel. */
let hub = 0;
for (let i = 1; i < graph.n; i++) {
  if (graph.offsets[i + 1] - graph.offsets[i] > graph.offsets[hub + 1] - graph.offsets[hub]) hub = i;
}

/** Low thresholds so that a small graph crosses both prongs in some runs and not in others. */
const LOW: CountingRules = { ...DEFAULT_RULES, thresholds: { reposts: 25, views: 4000 } };
const RULE_VARIANTS: Record<string, CountingRules> = {
  default: DEFAULT_RULES,
  low: LOW,
  direct: { ...LOW, repostScope: "direct" },
  original: { ...LOW, viewScope: "original", thresholds: { reposts: 25, views: 200 } },
  "no repeat views": { ...LOW, countRepeatViews: false },
  "no bots": { ...LOW, countBots: false },
};
const LIVELY: Record<string, Record<string, number>> = {
  ic: { p: 0.15 },
  lt: { thresholdMax: 0.4 },
  rumour: { contactsPerHour: 3 },
  hawkes: { branching: 0.9 },
};

describe("runBatch", () => {
  describe.each(Object.values(MODELS))("with model $id", (model) => {
    const params = validateParams(model, LIVELY[model.id], "weibo");
    it.each(Object.entries(RULE_VARIANTS))(
      "counts each run exactly as evaluateLine does (%s rules)",
      (_, rules) => {
        const runs = 8;
        const source = hub;
        const partial = runBatch(graph, model, params, rules, {
          seed: "agree",
          from: 0,
          to: runs,
          source,
          horizon: HORIZON,
          grid,
        });
        let crossings = 0;
        for (let i = 0; i < runs; i++) {
          const cascade = simulate(graph, model, params, runRng("agree", i), { source, horizon: HORIZON });
          const report = evaluateLine(cascade, rules);
          expect(partial.finalReposts[i]).toBe(report.reposts);
          expect(partial.finalViews[i]).toBe(report.views);
          expect(partial.repostCrossing[i]).toBe(report.crossing.reposts?.time ?? Number.NaN);
          expect(partial.viewCrossing[i]).toBe(report.crossing.views?.time ?? Number.NaN);
          const first =
            report.first === "reposts"
              ? FIRST_REPOSTS
              : report.first === "views"
                ? FIRST_VIEWS
                : FIRST_NEITHER;
          expect(partial.first[i]).toBe(first);
          if (report.first) crossings++;
          // The running totals at each grid time are the step function of cumulativeSeries.
          const series = cumulativeSeries(cascade, rules);
          for (let k = 0; k < grid.length; k++) {
            let last = -1;
            while (last + 1 < series.time.length && series.time[last + 1] <= grid[k]) last++;
            expect(partial.gridReposts[i * grid.length + k]).toBe(last < 0 ? 0 : series.reposts[last]);
            expect(partial.gridViews[i * grid.length + k]).toBe(last < 0 ? 0 : series.views[last]);
          }
        }
        if (rules !== DEFAULT_RULES) expect(crossings).toBeGreaterThan(0);
      },
    );
  });

  it("gives the same summary however the runs are split", () => {
    const params = validateParams(independentCascade, { p: 0.15 }, "weibo");
    const options = { seed: "split", source: 40, horizon: HORIZON, grid };
    const whole = runBatch(graph, independentCascade, params, LOW, { ...options, from: 0, to: 60 });
    const parts = [
      [23, 60],
      [0, 7],
      [7, 23],
    ].map(([from, to]) => runBatch(graph, independentCascade, params, LOW, { ...options, from, to }));
    expect(mergeBatches(parts)).toEqual(whole);
    expect(summarize(mergeBatches(parts))).toEqual(summarize(whole));
    expect(summarize(whole).probability.reposts.estimate).toBeGreaterThan(0);
  });

  it("refuses ranges that do not join", () => {
    const params = validateParams(independentCascade, {}, "weibo");
    const options = { seed: "s", source: 0, horizon: HORIZON, grid };
    const a = runBatch(graph, independentCascade, params, LOW, { ...options, from: 0, to: 3 });
    const b = runBatch(graph, independentCascade, params, LOW, { ...options, from: 4, to: 6 });
    expect(() => mergeBatches([a, b])).toThrow(MonteCarloError);
    expect(() => mergeBatches([])).toThrow(MonteCarloError);
  });

  it("refuses parameters out of range with the allowed range", () => {
    const options = { seed: "s", from: 0, to: 1, source: 0, horizon: HORIZON, grid };
    expect(() => runBatch(graph, independentCascade, { p: 1.5 }, LOW, options)).toThrow(ParamError);
    expect(() => runBatch(graph, independentCascade, { p: -0.1 }, LOW, options)).toThrow(/from 0 to 1/);
    expect(() => runBatch(graph, MODELS.hawkes, { branching: 1 }, LOW, options)).toThrow(/below 1/);
    expect(() => runBatch(graph, MODELS.rumour, { contactsPerHour: -1 }, LOW, options)).toThrow(
      /from 0 to 600/,
    );
    expect(() => runBatch(graph, independentCascade, {}, LOW, { ...options, source: 9999 })).toThrow(
      /from 0 to 499/,
    );
  });

  it("gives a star's binomial mean through the summary path", () => {
    const star = compiledFromFollowers([
      Uint32Array.from({ length: 200 }, (_, i) => i + 1),
      ...Array.from({ length: 200 }, () => new Uint32Array(0)),
    ]);
    const params = validateParams(independentCascade, { p: 0.3, delaySpread: 0, delayMinutes: 1 });
    const partial = runBatch(star, independentCascade, params, LOW, {
      seed: "star",
      from: 0,
      to: 2000,
      source: 0,
      horizon: HORIZON,
      grid,
    });
    const summary = summarize(partial);
    // Binomial(200, 0.3): mean 60, standard error of the mean sqrt(42 / 2000) ≈ 0.145.
    expect(Math.abs(summary.finalReposts.mean - 60)).toBeLessThan(4 * 0.145);
    // Every repost comes after exactly one minute: the 25th at 60 s whenever it comes at all.
    expect(summary.crossingTime.reposts.p50).toBe(60);
    expect(summary.probability.reposts.estimate).toBe(1);
    expect(summary.fan.reposts.p50[0]).toBe(0);
    expect(summary.fan.reposts.mean[1]).toBeCloseTo(summary.finalReposts.mean, 10);
  });
});

describe("summarize", () => {
  it("reports crossing-time quantiles among crossing runs and null when none crosses", () => {
    const partial = runBatch(graph, independentCascade, validateParams(independentCascade, { p: 0 }), LOW, {
      seed: "none",
      from: 0,
      to: 5,
      source: 40,
      horizon: HORIZON,
      grid,
    });
    const summary = summarize(partial);
    expect(summary.probability.reposts).toEqual({ estimate: 0, low: 0, high: expect.closeTo(0.4345, 3) });
    expect(summary.crossingTime.reposts).toEqual({ p5: null, p25: null, p50: null, p75: null, p95: null });
    expect(summary.finalReposts).toMatchObject({ mean: 0, p50: 0, p95: 0 });
    expect(summary.first).toEqual({ reposts: 0, views: 0, neither: 5 });
  });
});

describe("the fan's median curve", () => {
  it("reaches a line exactly when half of all runs have crossed it (what the fan chart's label says)", () => {
    const runs = 101;
    // A line that a little over half of the runs reach.
    const rules: CountingRules = { ...DEFAULT_RULES, thresholds: { reposts: 240, views: 1e9 } };
    const partial = runBatch(
      graph,
      independentCascade,
      validateParams(independentCascade, { p: 0.1 }),
      rules,
      {
        seed: "median-curve",
        from: 0,
        to: runs,
        source: hub,
        horizon: HORIZON,
        grid,
      },
    );
    const summary = summarize(partial);
    const crossed = Array.from(partial.repostCrossing).filter((t) => !Number.isNaN(t));
    // Some runs cross and some do not: the median of the runs that cross is a different number.
    expect(crossed.length).toBeGreaterThan(runs / 2);
    expect(crossed.length).toBeLessThan(runs);
    let reached = 0;
    summary.fan.time.forEach((t, k) => {
      const crossedBy = crossed.filter((c) => c <= t).length;
      const medianPast = summary.fan.reposts.p50[k] >= rules.thresholds.reposts;
      expect(medianPast, `grid time ${t}`).toBe(crossedBy >= (runs + 1) / 2);
      if (medianPast) reached++;
    });
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(summary.fan.time.length);
  });
});

describe("wilsonInterval", () => {
  it("gives Wilson's 95% interval", () => {
    const interval = wilsonInterval(7, 10);
    expect(interval.estimate).toBe(0.7);
    expect(interval.low).toBeCloseTo(0.3968, 4);
    expect(interval.high).toBeCloseTo(0.8922, 4);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });
});

describe("quantileOfSorted", () => {
  it("matches d3-array's quantileSorted", () => {
    const values = [1, 2, 2, 5, 9, 10, 40];
    for (const p of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) {
      expect(quantileOfSorted(Float64Array.from(values), p)).toBeCloseTo(
        quantileSorted(values, p) ?? Number.NaN,
        12,
      );
    }
  });
});

describe("splitRuns", () => {
  it("covers [0, runs) with adjacent near-equal ranges", () => {
    expect(splitRuns(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(splitRuns(2, 4)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(splitRuns(0, 4)).toEqual([]);
    expect(() => splitRuns(-1, 2)).toThrow(/at least 0/);
  });
});
