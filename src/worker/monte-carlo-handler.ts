/**
 * What a Monte Carlo worker does, apart from being a worker: builds (and
 * caches) the graph of a scenario, or takes it ready-made from the request, runs its range of runs in chunks of about
 * 50, reports progress after each chunk and yields between chunks so that a
 * cancel message can get through. No DOM: `post` is the only way out, so the
 * same handler runs in a Web Worker and in a Node test.
 */

import { PlanCache } from "../core/interventions/plan.ts";
import { createWorkspace } from "../core/models/model.ts";
import { mergeBatches, prepareScenarioBatch, runScenarioBatch } from "../core/monte-carlo.ts";

import { buildGraph, graphKey, type Scenario, ScenarioError, type ScenarioGraph } from "../core/scenario.ts";
import { carriedDetail } from "./error-detail.ts";
import type { KeyedGraph, MonteCarloRequest, MonteCarloResponse } from "./monte-carlo-protocol.ts";

export const RUNS_PER_CHUNK = 50;

export type Post = (message: MonteCarloResponse, transfer: Transferable[]) => void;

export function createMonteCarloHandler(
  post: Post,
  build: (scenario: Scenario) => ScenarioGraph = buildGraph,
): (request: MonteCarloRequest) => void {
  let cached: KeyedGraph | null = null;
  const workspace = createWorkspace();
  /** Jobs that change only the runs or the counting rules reuse the compiled interventions. */
  const plans = new PlanCache();
  /** The job being run; a cancel or a newer job makes the old one stop at its next chunk. */
  let current = -1;

  return (request) => {
    if (request.type === "cancel") {
      if (request.job === current) current = -1;
      return;
    }
    const { job, scenario, from, to } = request;
    current = job;
    const fail = (error: unknown) => {
      if (!(error instanceof Error)) throw error;
      post(
        {
          type: "error",
          job,
          message: error.message,
          name: error.name,
          field: error instanceof ScenarioError ? error.field : null,
          detail: carriedDetail(error),
        },
        [],
      );
    };
    let batch: ReturnType<typeof prepareScenarioBatch>;
    try {
      const key = graphKey(scenario);
      if (request.graph?.key === key) cached = request.graph;
      else if (!cached || cached.key !== key) cached = { key, built: build(scenario) };
      batch = prepareScenarioBatch(scenario, cached.built, undefined, plans);
    } catch (error) {
      fail(error);
      return;
    }
    const parts = [runScenarioBatch(batch, from, from, workspace)];
    let at = from;
    const step = () => {
      if (current !== job) return;
      try {
        const end = Math.min(to, at + RUNS_PER_CHUNK);
        parts.push(runScenarioBatch(batch, at, end, workspace));
        at = end;
        post({ type: "progress", job, done: at - from }, []);
        if (at < to) {
          setTimeout(step, 0);
          return;
        }
        const partial = mergeBatches(parts);
        current = -1;
        post({ type: "result", job, partial }, [
          partial.finalReposts.buffer,
          partial.finalViews.buffer,
          partial.repostCrossing.buffer,
          partial.viewCrossing.buffer,
          partial.first.buffer,
          partial.gridReposts.buffer,
          partial.gridViews.buffer,
        ]);
      } catch (error) {
        current = -1;
        fail(error);
      }
    };
    step();
  };
}
