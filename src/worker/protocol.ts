/** Messages between the page and the lab worker; all structured-clone friendly. */
import type { Cascade } from "../core/cascade.ts";
import type { Centrality, Comparison, LatestSafeResult, StrategyRow } from "../core/interventions/index.ts";
import type { CountingRules } from "../core/legal.ts";
import type { Note } from "../core/notes.ts";
import type { BacktestSummary } from "../core/predict/backtest.ts";
import type { Prediction, PredictionChartData } from "../core/predict/index.ts";
import type { UnavailableReason } from "../core/predict/prediction.ts";
import type { Scenario, ScenarioRun } from "../core/scenario.ts";
import type { FormatId, ReadOptions } from "../io/types.ts";
import type { ErrorDetail } from "./error-detail.ts";
import type { KeyedGraph } from "./monte-carlo-protocol.ts";

/** The compiled graph as it crosses postMessage, with what the screen needs to show an account. */
export interface GraphSnapshot {
  key: string;
  kind: string;
  n: number;
  m: number;
  ids: string[];
  offsets: Uint32Array;
  targets: Uint32Array;
  audience: Float64Array;
  bot: Uint8Array;
  /** Display names where the preset gives one (big V, public account). */
  labels: Array<[number, string]>;
  /** The whole graph's size when only the cascade's part of it is sent (too large to draw), else null. */
  whole: { n: number; m: number } | null;
  /** Bytes of the whole compiled graph's typed arrays, for the memory readout. */
  bytes: number;
}

/** One estimator's prediction at T, with what the charts need. */
export interface PredictOutcome {
  estimator: string;
  /** Why it could not run, or null. */
  unavailable: string | null;
  /** The same as data, for the page's language (absent when there is no reason). */
  unavailableReason?: UnavailableReason;
  prediction: Prediction | null;
  chart: PredictionChartData | null;
  /** The estimate and interval at several observation times, per estimator. */
  convergence: Array<{ name: string; T: number[]; estimate: number[]; low: number[]; high: number[] }>;
}

/** What the intervention lab asks for over many runs. */
export type InterveneAction =
  | { kind: "compare"; runs: number }
  | { kind: "centralities"; runs: number; count: number }
  | { kind: "latest-delete"; runs: number; target: number };

export type InterveneOutcome =
  | { kind: "compare"; comparison: Comparison }
  /** The baseline row, then one row per centrality of `centralities`, in that order (the page words the rows). */
  | { kind: "centralities"; rows: StrategyRow[]; count: number; centralities: Centrality[] }
  | { kind: "latest-delete"; result: LatestSafeResult };

export type LabRequest =
  | { id: number; type: "run"; scenario: Scenario; knownGraphKey: string | null }
  | { id: number; type: "read"; name: string; text: string; options: ReadOptions }
  | {
      id: number;
      type: "predict";
      cascade: Cascade;
      at: number;
      estimator: string;
      rules: CountingRules;
      training: Cascade[];
      convergenceTimes: number[];
    }
  | { id: number; type: "intervene"; scenario: Scenario; action: InterveneAction }
  | { id: number; type: "backtest"; cascades: Cascade[]; times: number[]; rules: CountingRules }
  /** The scenario's graph if the worker holds it (for the Monte Carlo workers); never built for this. */
  | { id: number; type: "graph"; scenario: Scenario };

/** A file read in the worker: its cascades, and its network when the format has one. */
export interface ReadOutcome {
  name: string;
  format: FormatId;
  cascades: Cascade[];
  graph: GraphSnapshot | null;
  /** The file's own notes (each cascade has its `notes` too), as data for the page's language. */
  notes: Note[];
}

export type LabResponse =
  | {
      id: number;
      type: "result";
      graph: GraphSnapshot | null;
      graphKey: string;
      run: ScenarioRun;
      /** Accounts an intervention suspends (chosen by hand or by a centrality). */
      suspended: string[];
      millis: number;
    }
  | { id: number; type: "read"; outcome: ReadOutcome; millis: number }
  | { id: number; type: "predict"; outcome: PredictOutcome; millis: number }
  | { id: number; type: "intervene"; outcome: InterveneOutcome; millis: number }
  | { id: number; type: "backtest"; summary: BacktestSummary[]; millis: number }
  | { id: number; type: "graph"; graph: KeyedGraph | null; millis: number }
  /** `detail`: the error's detail (core/io), to be worded in the page's language; null when it has none. */
  | { id: number; type: "error"; message: string; field: string | null; detail: ErrorDetail | null };

export interface LayoutRequest {
  type: "layout";
  key: string;
  n: number;
  offsets: Uint32Array;
  targets: Uint32Array;
}

export type LayoutResponse = {
  type: "positions";
  key: string;
  positions: Float32Array;
  done: boolean;
  progress: number;
};
