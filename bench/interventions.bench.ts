/**
 * The intervention lab on the default graph (Weibo preset, 2,000 accounts, p = 0.06 so about half the runs
 * cross): cost of compiling each strategy (centralities included), of 200 paired runs, and of the searches.
 */
import { followsBetweenness } from "../src/core/betweenness.ts";
import { compilePreset } from "../src/core/compiled-builder.ts";
import type { PresetId } from "../src/core/generators/presets.ts";
import {
  compareIntervention,
  compileInterventions,
  type Intervention,
  interventionSetup,
  latestSafeTime,
  minimalSuspension,
  runOutcomes,
} from "../src/core/interventions/index.ts";
import { createRng } from "../src/core/random.ts";
import { buildGraph, DEFAULT_SCENARIO } from "../src/core/scenario.ts";
import { graphologyBetweenness } from "./graphology-betweenness.ts";

function timed<T>(f: () => T): [T, number] {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
}

export function benchInterventions(): string {
  const scenario = { ...DEFAULT_SCENARIO, params: { p: 0.06 } };
  const built = buildGraph(scenario);
  const setup = interventionSetup(scenario, built);
  const runs = 200;
  const [baseline, baselineMs] = timed(() => runOutcomes(setup, runs));
  const lines = [
    `${scenario.preset}, ${scenario.nodes} accounts, IC p = 0.06, ${runs} paired runs; baseline alone ${baselineMs.toFixed(0)} ms`,
    "",
    "| strategy | compile (ms) | intervention runs (ms) | P(reposts line) | change (points) |",
    "|---|---:|---:|---:|---:|",
  ];
  const strategies: Array<[string, Intervention[]]> = [
    ["suspend top 5 by degree", [{ kind: "suspend-top", centrality: "degree", count: 5 }]],
    ["suspend top 5 by pagerank", [{ kind: "suspend-top", centrality: "pagerank", count: 5 }]],
    ["suspend top 5 by betweenness", [{ kind: "suspend-top", centrality: "betweenness", count: 5 }]],
    ["suspend top 5 by k-core", [{ kind: "suspend-top", centrality: "k-core", count: 5 }]],
    ["delete at 1 h", [{ kind: "delete", when: { time: 3600 } }]],
    ["throttle to 30% at 30 min", [{ kind: "throttle", when: { time: 1800 }, share: 0.3 }]],
    ["label x0.5 from 0", [{ kind: "label", when: { time: 0 }, factor: 0.5 }]],
    [
      "counter-message from 3 accounts at 10 min",
      [{ kind: "counter-message", accounts: ["1", "2", "3"], time: 600, p: 0.1, delayMinutes: 10 }],
    ],
  ];
  for (const [label, interventions] of strategies) {
    const [plan, compileMs] = timed(() =>
      compileInterventions(setup.graph, interventions, { source: setup.source }),
    );
    const [, runMs] = timed(() => runOutcomes(setup, runs, plan));
    const comparison = compareIntervention(setup, interventions, runs, {}, baseline);
    lines.push(
      `| ${label} | ${compileMs.toFixed(0)} | ${runMs.toFixed(0)} | ${(comparison.intervention.probability.reposts.estimate * 100).toFixed(1)}% | ${(comparison.effect.probability.reposts.change * 100).toFixed(1)} |`,
    );
  }
  const [latest, latestMs] = timed(() => latestSafeTime(setup, { kind: "delete" }, { target: 0.1, runs }));
  const [greedy, greedyMs] = timed(() => minimalSuspension(setup, { target: 0.1, runs: 100 }));
  lines.push(
    "",
    `latest safe deletion (target 10%, ${runs} runs): ${latest.time} s, ${latest.steps.length} evaluations, ${latestMs.toFixed(0)} ms`,
    `greedy suspension (target 10%, 100 runs, 12 candidates): ${greedy.accounts.length} accounts, reached ${greedy.reached}, ${greedyMs.toFixed(0)} ms`,
  );
  lines.push("", benchCounterMessageAtScale(), "", benchBetweenness());
  return lines.join("\n");
}

/** Exact betweenness two ways on the same graph, each cold as in a worker that ranks once. */
export function benchBetweenness(nodes = 2000): string {
  const lines = [
    `exact betweenness, ${nodes.toLocaleString("en")} accounts, seed rumour-1`,
    "",
    "| preset | links | graphology-metrics (ms) | compiled arrays (ms) | ratio | same scores |",
    "|---|---:|---:|---:|---:|---|",
  ];
  for (const preset of ["weibo", "moments", "groups", "public-account"] as PresetId[]) {
    const { compiled } = compilePreset(preset, nodes, createRng("rumour-1").fork("graph"));
    const [reference, referenceMs] = timed(() => graphologyBetweenness(compiled));
    const [scores, ms] = timed(() => followsBetweenness(compiled));
    const same = scores.every((x, u) => x === reference[u]);
    lines.push(
      `| ${preset} | ${compiled.m.toLocaleString("en")} | ${referenceMs.toFixed(0)} | ${ms.toFixed(0)} | ${(referenceMs / ms).toFixed(1)}x | ${same ? "bit for bit" : "no"} |`,
    );
  }
  return lines.join("\n");
}

/**
 * A correction that reaches few accounts on a big graph: what a Monte Carlo run costs beyond the
 * baseline run is the correction's own cascade, plus any per-account setup the recorder does.
 */
export function benchCounterMessageAtScale(nodes = 100_000, runs = 200): string {
  const scenario = { ...DEFAULT_SCENARIO, nodes, params: { p: 0.005 } };
  const built = buildGraph(scenario);
  const setup = interventionSetup(scenario, built);
  const plan = compileInterventions(
    setup.graph,
    [{ kind: "counter-message", accounts: ["1", "2", "3"], time: 600, p: 0.005, delayMinutes: 10 }],
    { source: setup.source },
  );
  runOutcomes(setup, 20, plan);
  const [, baselineMs] = timed(() => runOutcomes(setup, runs));
  const [, counterMs] = timed(() => runOutcomes(setup, runs, plan));
  return `counter-message Monte Carlo, ${scenario.preset} ${nodes.toLocaleString("en")} accounts, ${runs} runs: baseline ${baselineMs.toFixed(0)} ms, with the correction ${counterMs.toFixed(0)} ms (${((counterMs - baselineMs) / runs).toFixed(3)} ms a run more)`;
}
