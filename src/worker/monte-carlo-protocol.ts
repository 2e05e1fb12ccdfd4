/** Messages between the Monte Carlo pool and its workers; all structured-clone friendly. */
import type { BatchPartial } from "../core/monte-carlo.ts";

import type { Scenario, ScenarioGraph } from "../core/scenario.ts";
import type { ErrorDetail } from "./error-detail.ts";

/** A scenario's graph built elsewhere (the lab worker already holds it), under its `graphKey`. */
export interface KeyedGraph {
  key: string;
  built: ScenarioGraph;
}

/**
 * Run [from, to) of the scenario's Monte Carlo batch, or stop the current job. `graph`, when its key
 * is the scenario's, is used instead of building the graph again (seconds at a million accounts).
 */
export type MonteCarloRequest =
  | { type: "run"; job: number; scenario: Scenario; from: number; to: number; graph?: KeyedGraph }
  | { type: "cancel"; job: number };

export type MonteCarloResponse =
  /** Runs finished so far in this worker's range. */
  | { type: "progress"; job: number; done: number }
  /** The worker could not read a request (a huge graph's copy, out of memory); the job is unknown. */
  | { type: "unreadable" }
  | { type: "result"; job: number; partial: BatchPartial }
  /** `field` names the scenario field at fault (ScenarioError), else null; `detail` is the error's detail. */
  | {
      type: "error";
      job: number;
      message: string;
      name: string;
      field: string | null;
      detail: ErrorDetail | null;
    };
