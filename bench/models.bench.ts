/** Monte Carlo throughput of every model on the default scenario (Weibo preset, 2,000 accounts). */

import { MODELS } from "../src/core/models/index.ts";
import { createWorkspace } from "../src/core/models/model.ts";
import { prepareScenarioBatch, runScenarioBatch } from "../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO } from "../src/core/scenario.ts";

export function benchModels(): string {
  const built = buildGraph(DEFAULT_SCENARIO);
  const lines = [
    `default scenario: ${DEFAULT_SCENARIO.preset}, ${DEFAULT_SCENARIO.nodes} accounts, each model's defaults, 1,000 runs`,
    "",
    "| model | runs/s | 1,000 runs (ms) | mean final reposts | ns per edge examined |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const model of Object.values(MODELS)) {
    const batch = prepareScenarioBatch({ ...DEFAULT_SCENARIO, model: model.id }, built);
    const workspace = createWorkspace();
    runScenarioBatch(batch, 0, 50, workspace); // warm-up
    const started = performance.now();
    const partial = runScenarioBatch(batch, 0, 1000, workspace);
    const millis = performance.now() - started;
    let total = 0;
    for (const r of partial.finalReposts) total += r;
    lines.push(
      `| ${model.id} | ${(1000 / (millis / 1000)).toFixed(0)} | ${millis.toFixed(0)} | ${(total / 1000).toFixed(0)} | ${((millis * 1e6) / partial.edgesExamined).toFixed(2)} |`,
    );
  }
  return lines.join("\n");
}
