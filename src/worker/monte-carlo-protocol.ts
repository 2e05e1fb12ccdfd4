/** Messages between the Monte Carlo pool and its workers; all structured-clone friendly. */
import type { BatchPartial } from "../core/monte-carlo.ts";
import type { Scenario } from "../core/scenario.ts";
import type { ErrorDetail } from "./error-detail.ts";

/** Run [from, to) of the scenario's Monte Carlo batch, or stop the current job. */
export type MonteCarloRequest =
  | { type: "run"; job: number; scenario: Scenario; from: number; to: number }
  | { type: "cancel"; job: number };

export type MonteCarloResponse =
  /** Runs finished so far in this worker's range. */
  | { type: "progress"; job: number; done: number }
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
