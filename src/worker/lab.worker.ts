/**
 * The lab worker: builds graphs and runs single cascades off the main thread,
 * so a large graph never freezes the page. The graph is cached by its key
 * (preset, size, seed) so changing only the model or the source is quick.
 */
import { accountLookup, type CompiledGraph, compiledBytes, compileGraph } from "../core/compiled-graph.ts";
import type { SocialGraph } from "../core/generators/types.ts";
import { type GraphFacts, graphFactsOf } from "../core/graph-facts.ts";
import {
  centralitiesFor,
  compareCentralities,
  compareIntervention,
  interventionSetup,
  latestSafeTime,
  PlanCache,
  suspendedIds,
} from "../core/interventions/index.ts";
import { cascadeViewAccounts, inducedSubgraph, NETWORK_VIEW_LIMIT } from "../core/network-view.ts";
import {
  backtest,
  ESTIMATOR_IDS,
  getEstimator,
  isUnavailable,
  predictionChartData,
} from "../core/predict/index.ts";
import {
  buildGraph,
  graphKey,
  runScenario,
  ScenarioError,
  type ScenarioGraph,
  type ScenarioRun,
} from "../core/scenario.ts";
import { readCascadeFile } from "../io/index.ts";
import { carriedDetail } from "./error-detail.ts";
import type { GraphSnapshot, InterveneOutcome, LabRequest, LabResponse } from "./protocol.ts";

let cached: { key: string; built: ScenarioGraph } | null = null;
/** One compile per (graph, interventions, source): the run and its suspended markers share it. */
const plans = new PlanCache();

function snapshot(key: string, built: ScenarioGraph): GraphSnapshot {
  const { compiled, facts } = built;
  return {
    key,
    kind: facts.kind,
    n: compiled.n,
    m: compiled.m,
    ids: compiled.ids,
    offsets: compiled.offsets,
    targets: compiled.targets,
    audience: compiled.audience,
    bot: compiled.bot,
    labels: [...facts.labels].sort((a, b) => a[0] - b[0]),
    whole: null,
    bytes: compiledBytes(compiled),
  };
}

function snapshotOfFile(key: string, graph: SocialGraph): GraphSnapshot {
  const compiled = compileGraph(graph);
  return snapshot(key, { compiled, facts: graphFactsOf(graph, compiled) });
}

let views = 0;

/** A graph too large to draw: only the run's accounts (and their links) cross to the page. */
function cascadeSnapshot(
  key: string,
  built: ScenarioGraph,
  run: ScenarioRun,
  suspended: string[],
): GraphSnapshot {
  const { compiled, facts } = built;
  const lookUp = accountLookup(compiled.ids);
  const accounts = function* () {
    for (const e of run.cascade.events) yield lookUp(e.account);
    for (const id of suspended) yield lookUp(id);
    for (const e of run.withoutInterventions?.cascade.events ?? []) yield lookUp(e.account);
  };
  const chosen = cascadeViewAccounts(compiled, lookUp(run.source), accounts());
  const part: CompiledGraph = inducedSubgraph(compiled, chosen);
  const partFacts: GraphFacts = { ...facts, labels: new Map() };
  chosen.forEach((account, i) => {
    const label = facts.labels.get(account);
    if (label) partFacts.labels.set(i, label);
  });
  views++;
  return {
    ...snapshot(`${key}|view-${views}`, { compiled: part, facts: partFacts }),
    whole: { n: compiled.n, m: compiled.m },
    bytes: compiledBytes(compiled),
  };
}

self.onmessage = (message: MessageEvent<LabRequest>) => {
  const request = message.data;
  const started = performance.now();
  try {
    if (request.type === "intervene") {
      const key = graphKey(request.scenario);
      if (!cached || cached.key !== key) cached = { key, built: buildGraph(request.scenario) };
      const built = cached.built;
      const setup = interventionSetup(request.scenario, built);
      const interventions = request.scenario.interventions ?? [];
      const { action } = request;
      let outcome: InterveneOutcome;
      if (action.kind === "compare") {
        const { baseline, intervention, effect } = compareIntervention(setup, interventions, action.runs, {
          facts: built.facts,
        });
        outcome = { kind: "compare", comparison: { baseline, intervention, effect } };
      } else if (action.kind === "centralities") {
        const centralities = centralitiesFor(setup.graph.n);
        outcome = {
          kind: "centralities",
          rows: compareCentralities(setup, { runs: action.runs, count: action.count, centralities }),
          count: action.count,
          centralities,
        };
      } else {
        outcome = {
          kind: "latest-delete",
          result: latestSafeTime(setup, { kind: "delete" }, { target: action.target, runs: action.runs }),
        };
      }
      const response: LabResponse = {
        id: request.id,
        type: "intervene",
        outcome,
        millis: performance.now() - started,
      };
      self.postMessage(response);
      return;
    }
    if (request.type === "graph") {
      const key = graphKey(request.scenario);
      const response: LabResponse = {
        id: request.id,
        type: "graph",
        graph: cached?.key === key ? cached : null,
        millis: performance.now() - started,
      };
      // Cloned, not transferred: this worker keeps its graph.
      self.postMessage(response);
      return;
    }
    if (request.type === "backtest") {
      const estimators = ESTIMATOR_IDS.map((id) => getEstimator(id));
      const { summary } = backtest(request.cascades, request.times, estimators, { rules: request.rules });
      const response: LabResponse = {
        id: request.id,
        type: "backtest",
        summary,
        millis: performance.now() - started,
      };
      self.postMessage(response);
      return;
    }
    if (request.type === "predict") {
      const options = { rules: request.rules, training: request.training };
      const result = getEstimator(request.estimator).predict(request.cascade, request.at, options);
      const unavailable = isUnavailable(result) ? result.unavailable : null;
      const prediction = isUnavailable(result) ? null : result;
      const convergence = ESTIMATOR_IDS.map((id) => {
        const series = {
          name: id,
          T: [] as number[],
          estimate: [] as number[],
          low: [] as number[],
          high: [] as number[],
        };
        for (const at of request.convergenceTimes) {
          const point = getEstimator(id).predict(request.cascade, at, options);
          if (isUnavailable(point)) continue;
          series.T.push(at);
          series.estimate.push(point.predicted.finalReposts.estimate);
          series.low.push(point.predicted.finalReposts.low);
          series.high.push(point.predicted.finalReposts.high);
        }
        return series;
      }).filter((series) => series.T.length > 0);
      const response: LabResponse = {
        id: request.id,
        type: "predict",
        outcome: {
          estimator: request.estimator,
          unavailable,
          ...(isUnavailable(result) && result.reason ? { unavailableReason: result.reason } : {}),
          prediction,
          chart: prediction ? predictionChartData(request.cascade, prediction, request.rules) : null,
          convergence,
        },
        millis: performance.now() - started,
      };
      self.postMessage(response);
      return;
    }
    if (request.type === "read") {
      // Parsing happens here so a large file never freezes the page.
      const result = readCascadeFile(request.name, request.text, request.options);
      const key = `file|${request.name}|${performance.now()}`;
      const graph = result.graph ? snapshotOfFile(key, result.graph) : null;
      const response: LabResponse = {
        id: request.id,
        type: "read",
        outcome: {
          name: request.name,
          format: result.format,
          cascades: result.cascades,
          graph,
          notes: result.notes,
        },
        millis: performance.now() - started,
      };
      self.postMessage(response);
      return;
    }
    const key = graphKey(request.scenario);
    if (!cached || cached.key !== key) cached = { key, built: buildGraph(request.scenario) };
    const run = runScenario(request.scenario, cached.built, plans);
    const interventions = request.scenario.interventions ?? [];
    const suspended =
      interventions.length > 0
        ? suspendedIds(
            plans.compile(cached.built.compiled, interventions, {
              source: cached.built.compiled.ids.indexOf(run.source),
              facts: cached.built.facts,
            }),
          )
        : [];
    const response: LabResponse = {
      id: request.id,
      type: "result",
      graph:
        cached.built.compiled.n > NETWORK_VIEW_LIMIT
          ? cascadeSnapshot(key, cached.built, run, suspended)
          : request.knownGraphKey === key
            ? null
            : snapshot(key, cached.built),
      graphKey: key,
      run,
      suspended,
      millis: performance.now() - started,
    };
    self.postMessage(response);
  } catch (error) {
    const response: LabResponse = {
      id: request.id,
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      field: error instanceof ScenarioError ? error.field : null,
      detail: carriedDetail(error),
    };
    self.postMessage(response);
  }
};
