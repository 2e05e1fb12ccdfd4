import { describe, expect, it } from "vitest";
import { runIntervene } from "../../src/cli/commands/intervene.ts";
import { erdosRenyi } from "../../src/core/generators/erdos-renyi.ts";
import {
  compareIntervention,
  compileInterventions,
  concatOutcomes,
  interventionSetup,
  pairedDifference,
  runOutcomes,
  summarizeOutcomes,
  wilsonInterval,
} from "../../src/core/interventions/index.ts";
import { prepareScenarioBatch, runScenarioBatch, summarize } from "../../src/core/monte-carlo.ts";
import { createRng } from "../../src/core/random.ts";
import { buildGraph, DEFAULT_SCENARIO } from "../../src/core/scenario.ts";
import { setupOn, star } from "./intervention-graphs.ts";

function variance(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
}

describe("wilsonInterval and pairedDifference", () => {
  it("Wilson: 0 of 10 has upper bound z^2 / (n + z^2)", () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilsonInterval(0, 10).high).toBeCloseTo(z2 / (10 + z2), 12);
    expect(wilsonInterval(0, 10).low).toBe(0);
  });

  it("Newcombe's paired interval holds the estimate and narrows with agreement", () => {
    const n = 100;
    const baseline = Array.from({ length: n }, (_, i) => i < 60);
    // Concordant pairs except 20 runs the intervention stops.
    const paired = Array.from({ length: n }, (_, i) => i < 40);
    // Same margins, but crossing in different runs (no correlation left).
    const shuffled = Array.from({ length: n }, (_, i) => i >= 60);
    const tight = pairedDifference(paired, baseline);
    const loose = pairedDifference(shuffled, baseline);
    expect(tight.change).toBeCloseTo(-0.2, 12);
    expect(loose.change).toBeCloseTo(-0.2, 12);
    expect(tight.low).toBeLessThan(-0.2);
    expect(tight.high).toBeGreaterThan(-0.2);
    expect(tight.high - tight.low).toBeLessThan(0.7 * (loose.high - loose.low));
  });
});

describe("compareIntervention", () => {
  const social = erdosRenyi({ n: 400, meanDegree: 8 }, createRng("er"));
  const setup = setupOn(social, 0.16, { spread: 1, line: 60, seed: "crn" });
  setup.params.delayMinutes = 20;
  const runs = 150;

  it("common random numbers make the paired difference much tighter than independent runs", () => {
    const plan = compileInterventions(setup.graph, [{ kind: "delete", when: { time: 6 * 3600 } }], {
      source: 0,
    });
    const baseline = runOutcomes(setup, runs);
    const intervention = runOutcomes(setup, runs, plan);
    const independent = runOutcomes({ ...setup, seed: "other" }, runs, plan);
    const paired = Array.from(baseline.finalReposts, (b, i) => b - intervention.finalReposts[i]);
    const unpaired = Array.from(baseline.finalReposts, (b, i) => b - independent.finalReposts[i]);
    // A deleted run is its baseline run cut short: it can never have more reposts.
    expect(Math.min(...paired)).toBeGreaterThanOrEqual(0);
    // Measured ratio 0.16 on this graph; independent batches would give about 1.
    expect(variance(paired)).toBeLessThan(0.35 * variance(unpaired));
  });

  it("reports the summaries and the effect of a deletion", () => {
    const result = compareIntervention(setup, [{ kind: "delete", when: { time: 3 * 3600 } }], runs);
    const { baseline, intervention, effect } = result;
    expect(baseline.runs).toBe(runs);
    expect(intervention.probability.reposts.estimate).toBeLessThanOrEqual(
      baseline.probability.reposts.estimate,
    );
    expect(effect.probability.reposts.change).toBeCloseTo(
      intervention.probability.reposts.estimate - baseline.probability.reposts.estimate,
      12,
    );
    expect(effect.probability.reposts.low).toBeLessThanOrEqual(effect.probability.reposts.change);
    expect(effect.probability.reposts.high).toBeGreaterThanOrEqual(effect.probability.reposts.change);
    expect(effect.avertedReposts).toBeCloseTo(baseline.finalReposts.mean - intervention.finalReposts.mean, 9);
    expect(effect.avertedReposts).toBeGreaterThan(0);
    // Runs that still cross under a deletion at 3 h crossed by then: the median moves earlier, if at all.
    if (effect.delay.reposts !== null) expect(effect.delay.reposts).toBeLessThanOrEqual(0);
  });

  it("runs split in ranges and joined give the same outcomes", () => {
    const plan = compileInterventions(setup.graph, [{ kind: "throttle", when: { time: 1800 }, share: 0.5 }], {
      source: 0,
    });
    const whole = runOutcomes(setup, 30, plan);
    const parts = concatOutcomes([runOutcomes(setup, 12, plan, 0), runOutcomes(setup, 18, plan, 12)]);
    expect(parts).toEqual(whole);
  });

  it("an empty strategy changes nothing", () => {
    const result = compareIntervention(setup, [], 40);
    expect(result.intervention).toEqual(result.baseline);
    expect(result.effect.avertedReposts).toBe(0);
    expect(result.effect.probability.reposts.change).toBe(0);
  });

  it("suspending the hub of a star averts every repost", () => {
    const hub = setupOn(star(30), 1, { source: 0, line: 10 });
    const result = compareIntervention(hub, [{ kind: "suspend", accounts: ["0"] }], 20);
    expect(result.effect.avertedReposts).toBe(29);
    expect(result.effect.probability.reposts.change).toBe(-1);
    expect(result.intervention.crossingTime.reposts).toBeNull();
  });
});

describe("the baseline", () => {
  it("is the batch Monte Carlo of simulate --runs, run for run", () => {
    const scenario = { ...DEFAULT_SCENARIO, preset: "ba" as const, nodes: 400, params: { p: 0.2 } };
    const built = buildGraph(scenario);
    const mine = summarizeOutcomes(runOutcomes(interventionSetup(scenario, built), 60));
    const batch = summarize(runScenarioBatch(prepareScenarioBatch(scenario, built), 0, 60));
    expect(mine.probability).toEqual(batch.probability);
    expect(mine.crossingTime).toEqual({
      reposts: batch.crossingTime.reposts.p50 === null ? null : batch.crossingTime.reposts,
      views: batch.crossingTime.views.p50 === null ? null : batch.crossingTime.views,
      either: batch.crossingTime.either.p50 === null ? null : batch.crossingTime.either,
    });
    expect(mine.finalReposts.mean).toBeCloseTo(batch.finalReposts.mean, 9);
    expect(mine.finalReposts.p95).toBe(batch.finalReposts.p95);
  });
});

describe("repost-threshold intervene", () => {
  it("prints baseline, intervention and effect as JSON", () => {
    const out = JSON.parse(
      runIntervene([
        "--preset",
        "er",
        "--nodes",
        "300",
        "--p",
        "0.2",
        "--reposts",
        "50",
        "--delete-at",
        "3600",
        "--runs",
        "30",
        "--json",
      ]),
    );
    expect(out.baseline.runs).toBe(30);
    expect(Object.keys(out.baseline.probability.reposts)).toEqual(["estimate", "low", "high"]);
    expect(out.intervention.finalReposts.mean).toBeLessThanOrEqual(out.baseline.finalReposts.mean);
    expect(out.effect.avertedReposts).toBeCloseTo(
      out.baseline.finalReposts.mean - out.intervention.finalReposts.mean,
      9,
    );
    expect(out.effect.probability.reposts).toHaveProperty("change");
  });

  it("refuses a bad strategy naming the option", () => {
    expect(() => runIntervene(["--suspend", "fame:3"])).toThrow(/--suspend: unknown centrality 'fame'/);
    expect(() => runIntervene(["--throttle", "100"])).toThrow(/--throttle: '100' should look like X:Y/);
    expect(() => runIntervene([])).toThrow(/at least one strategy or search/);
  });
});
