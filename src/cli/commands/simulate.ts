import { parseArgs } from "node:util";
import { formatCount, formatDuration, ordinal } from "../../core/format.ts";
import { PRESET_IDS } from "../../core/generators/presets.ts";
import type { Crossing, LineReport } from "../../core/legal.ts";
import { MODELS } from "../../core/models/index.ts";
import { prepareScenarioBatch, runScenarioBatch, summarize } from "../../core/monte-carlo.ts";
import { buildGraph, runScenario, type Scenario } from "../../core/scenario.ts";
import { numberOption, UsageError } from "../args.ts";
import { scenarioFromValues, scenarioOptionSpecs, stringValue } from "../scenario-args.ts";
import { monteCarloJson, monteCarloText } from "./monte-carlo-output.ts";

export const simulateUsage = `repost-threshold simulate [options]
  --preset ${PRESET_IDS.join("|")}   graph (default weibo)
  --nodes N          accounts (default 2000)
  --seed S           named seed (default rumour-1)
  --model ${Object.keys(MODELS).join("|")}   cascade model (default ic)
  --p P              repost probability (and each model parameter by its name, e.g. --delayMinutes 20)
  --source ID        source account (default: the preset's)
  --hours H          simulated time (default 72)
  --reposts N        repost threshold (default 500)
  --views N          view threshold (default 5000)
  --view-rate R      share of an audience that views a post (default 0.35)
  --runs R           Monte Carlo: R runs, then probabilities and crossing times (default: one run)
  --json             print one JSON object`;

/** JSON shape of one crossing, as documented in the README. */
export function crossingJson(crossing: Crossing | null) {
  return (
    crossing && {
      time: crossing.time,
      account: crossing.account,
      depth: crossing.depth,
      index: crossing.index,
    }
  );
}

export function describeCrossing(kind: "reposts" | "views", report: LineReport): string {
  const crossing = report.crossing[kind];
  const threshold = report.thresholds[kind];
  if (!crossing) return `${kind}: never reaches ${formatCount(threshold)}`;
  const what = kind === "reposts" ? `${ordinal(threshold)} repost` : `${formatCount(threshold)} views`;
  return `${kind}: ${what} at ${formatDuration(crossing.time)} (${crossing.time.toFixed(1)} s), by account ${crossing.account} at depth ${crossing.depth}`;
}

export function runSimulate(argv: string[]): string {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: { ...scenarioOptionSpecs(), runs: { type: "string" }, json: { type: "boolean" } },
  });
  const scenario = scenarioFromValues(values, ["runs", "json"], simulateUsage);
  const { preset, model: modelId } = scenario;
  const runs = numberOption("runs", stringValue(values, "runs"));
  if (runs !== undefined) return monteCarloOutput(scenario, runs, Boolean(values.json));
  const run = runScenario(scenario);
  const { report } = run;
  if (values.json) {
    return JSON.stringify({
      preset,
      nodes: scenario.nodes,
      seed: scenario.seed,
      model: modelId,
      params: run.params,
      source: run.source,
      reposts: report.reposts,
      views: report.views,
      thresholds: report.thresholds,
      crossing: {
        reposts: crossingJson(report.crossing.reposts),
        views: crossingJson(report.crossing.views),
      },
      first: report.first,
    });
  }
  return [
    `${preset}, ${scenario.nodes} accounts, seed '${scenario.seed}', model ${modelId} (${Object.entries(
      run.params,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}), source ${run.source}`,
    `reposts: ${formatCount(report.reposts)}   views: ${report.views === null ? "unknown" : formatCount(report.views)}`,
    describeCrossing("reposts", report),
    describeCrossing("views", report),
    `first crossed: ${report.first ?? "neither"}`,
  ].join("\n");
}

export const MAX_RUNS = 1_000_000;

/** R runs in-process with the same batch code as the workers, so the numbers match the app's. */
function monteCarloOutput(scenario: Scenario, runs: number, json: boolean): string {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new UsageError(`--runs: ${runs}. Should be a whole number from 1 to ${MAX_RUNS}.`);
  }
  // The CLI prints no fan chart: two grid points keep a million runs in tens of megabytes.
  const batch = prepareScenarioBatch(scenario, buildGraph(scenario), 2);
  const summary = summarize(runScenarioBatch(batch, 0, runs));
  if (json) {
    return JSON.stringify({
      preset: scenario.preset,
      nodes: scenario.nodes,
      seed: scenario.seed,
      model: scenario.model,
      params: batch.params,
      source: batch.sourceId,
      horizon: scenario.horizon,
      ...monteCarloJson(summary),
    });
  }
  return [
    `${scenario.preset}, ${scenario.nodes} accounts, seed '${scenario.seed}', model ${scenario.model} (${Object.entries(
      batch.params,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ", ",
      )}), source ${batch.sourceId}, ${formatCount(runs)} runs over ${formatDuration(scenario.horizon)}`,
    ...monteCarloText(summary),
  ].join("\n");
}
