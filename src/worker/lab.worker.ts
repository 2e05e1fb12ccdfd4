/**
 * The lab worker: builds graphs and runs single cascades off the main thread,
 * so a large graph never freezes the page. The graph is cached by its key
 * (preset, size, seed) so changing only the model or the source is quick.
 */
import { buildGraph, graphKey, runScenario, ScenarioError, type ScenarioGraph } from "../core/scenario.ts";
import type { GraphSnapshot, LabRequest, LabResponse } from "./protocol.ts";

let cached: { key: string; built: ScenarioGraph } | null = null;

function snapshot(key: string, built: ScenarioGraph): GraphSnapshot {
  const { compiled, graph } = built;
  const labels: Array<[number, string]> = [];
  for (let i = 0; i < compiled.n; i++) {
    const label = graph.getNodeAttribute(compiled.ids[i], "label");
    if (label) labels.push([i, label]);
  }
  return {
    key,
    kind: graph.getAttribute("kind"),
    n: compiled.n,
    m: compiled.m,
    ids: compiled.ids,
    offsets: compiled.offsets,
    targets: compiled.targets,
    audience: compiled.audience,
    bot: compiled.bot,
    labels,
  };
}

self.onmessage = (message: MessageEvent<LabRequest>) => {
  const request = message.data;
  const started = performance.now();
  try {
    const key = graphKey(request.scenario);
    if (!cached || cached.key !== key) cached = { key, built: buildGraph(request.scenario) };
    const run = runScenario(request.scenario, cached.built);
    const response: LabResponse = {
      id: request.id,
      type: "result",
      graph: request.knownGraphKey === key ? null : snapshot(key, cached.built),
      graphKey: key,
      run,
      millis: performance.now() - started,
    };
    self.postMessage(response);
  } catch (error) {
    const response: LabResponse = {
      id: request.id,
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      field: error instanceof ScenarioError ? error.field : null,
    };
    self.postMessage(response);
  }
};
