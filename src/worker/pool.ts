/**
 * The Monte Carlo pool: splits R runs across Web Workers (one per core),
 * merges their partials and summarises. Run i always uses the same random
 * stream, so the result does not depend on the number of workers.
 *
 * Workers are kept between calls (each caches the last graph it used: built
 * itself, or from 50,000 accounts a copy of the lab worker's), are
 * terminated on cancel, and are created again on the next call. A new call
 * cancels the one still running: the latest request wins.
 */

import { DEFAULT_MEMORY_BUDGET, estimateGraphBytes } from "../core/graph-size.ts";
import {
  type BatchPartial,
  type MonteCarloSummary,
  mergeBatches,
  splitRuns,
  summarize,
} from "../core/monte-carlo.ts";
import { graphKey, type Scenario } from "../core/scenario.ts";
import { AppError } from "../ui/app-errors.ts";
import type { ErrorDetail } from "./error-detail.ts";
import type { KeyedGraph, MonteCarloRequest, MonteCarloResponse } from "./monte-carlo-protocol.ts";

/** The part of a Worker the pool uses (a fake one runs the handler in-process in tests). */
export interface WorkerLike {
  postMessage(message: MonteCarloRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<MonteCarloResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface MonteCarloOptions {
  /** Called as runs finish: runs done so far out of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the workers and rejects with an AbortError; the caller keeps its previous results. */
  signal?: AbortSignal;
  /**
   * The scenario's graph as another worker already built it, or null. Asked only for graphs of at least
   * `SHARE_GRAPH_FROM` accounts that a worker does not hold yet: a copy crosses in a fraction of a second
   * where building takes seconds (about 4 s for a million Weibo accounts).
   */
  sharedGraph?: (scenario: Scenario) => Promise<KeyedGraph | null>;
}

/** Below this many accounts every worker builds its own graph: it takes less than the round trip. */
export const SHARE_GRAPH_FROM = 50_000;

export interface PoolOptions {
  /** Number of workers (default: navigator.hardwareConcurrency, at least 1). */
  size?: number;
  createWorker?: () => WorkerLike;
}

/** A worker failed: the message of the core's error, and the scenario field at fault when known. */
export class MonteCarloWorkerError extends Error {
  override name = "MonteCarloWorkerError";
  constructor(
    message: string,
    readonly field: string | null,
    readonly errorName: string,
    /** The core's error as data, for a message in the page's language. */
    readonly detail: ErrorDetail | null = null,
  ) {
    super(message);
  }
}

function defaultWorker(): WorkerLike {
  // Vite bundles the worker from this exact `new Worker(new URL(...), { type: "module" })` form.
  const worker = new Worker(new URL("./monte-carlo.worker.ts", import.meta.url), { type: "module" });
  return worker as WorkerLike;
}

function abortError(): DOMException {
  return new DOMException("Monte Carlo cancelled.", "AbortError");
}

export interface MonteCarloPool {
  run(scenario: Scenario, runs: number, options?: MonteCarloOptions): Promise<MonteCarloSummary>;
  /** Terminates every worker; a later run creates them again. */
  dispose(): void;
}

/**
 * Each worker holds its own copy of the graph (a million Weibo accounts: about
 * 120 MB kept, 300 MB at the peak of building one when no copy is handed over):
 * use no more workers than fit in one tab's budget together, so a huge graph
 * runs on fewer cores instead of exhausting memory.
 */
export function workersThatFit(scenario: Scenario, budgetBytes = DEFAULT_MEMORY_BUDGET): number {
  return Math.max(1, Math.floor(budgetBytes / estimateGraphBytes(scenario.preset, scenario.nodes)));
}

export function createMonteCarloPool(options: PoolOptions = {}): MonteCarloPool {
  const size = Math.max(
    1,
    Math.floor(options.size ?? (typeof navigator !== "undefined" ? navigator.hardwareConcurrency : 0) ?? 1) ||
      1,
  );
  const createWorker = options.createWorker ?? defaultWorker;
  let workers: WorkerLike[] = [];
  /** The graph key each worker holds (it caches the last graph it used), or null. */
  let held: Array<string | null> = [];
  let job = 0;
  /** Rejects the job in flight, if any. */
  let cancelCurrent: (() => void) | null = null;

  const dispose = () => {
    for (const worker of workers) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    workers = [];
    held = [];
  };

  const run = (scenario: Scenario, runs: number, runOptions: MonteCarloOptions = {}) => {
    cancelCurrent?.();
    const { onProgress, signal, sharedGraph } = runOptions;
    const ranges = splitRuns(runs, Math.min(size, workersThatFit(scenario)));
    const thisJob = ++job;
    return new Promise<MonteCarloSummary>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      if (ranges.length === 0) ranges.push([0, 0]);
      while (workers.length < ranges.length) {
        workers.push(createWorker());
        held.push(null);
      }
      const done = new Array<number>(ranges.length).fill(0);
      const parts: BatchPartial[] = [];
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        if (cancelCurrent === cancel) cancelCurrent = null;
        outcome();
      };
      const cancel = () => {
        // A worker in the middle of a chunk cannot read messages: terminating is the only sure stop.
        dispose();
        finish(() => reject(abortError()));
      };
      const onAbort = () => cancel();
      cancelCurrent = cancel;
      signal?.addEventListener("abort", onAbort);
      ranges.forEach((_, w) => {
        const worker = workers[w];
        // Worded like the lab worker's crash, in the page's language.
        const stopped = (reason: string) => {
          dispose();
          finish(() => reject(new AppError({ code: "workerStopped", reason })));
        };
        worker.onmessage = (event) => {
          const message = event.data;
          if (message.type === "unreadable") {
            stopped("it could not read its request");
            return;
          }
          if (message.job !== thisJob || settled) return;
          if (message.type === "progress") {
            done[w] = message.done;
            onProgress?.(
              done.reduce((a, b) => a + b, 0),
              runs,
            );
          } else if (message.type === "result") {
            parts.push(message.partial);
            if (parts.length === ranges.length) {
              finish(() => {
                try {
                  resolve(summarize(mergeBatches(parts)));
                } catch (error) {
                  reject(error);
                }
              });
            }
          } else {
            dispose();
            finish(() =>
              reject(new MonteCarloWorkerError(message.message, message.field, message.name, message.detail)),
            );
          }
        };
        worker.onerror = (event) => stopped(event.message);
        // An answer too large or damaged to read (a huge graph's result, out of memory) must not leave the run waiting.
        worker.onmessageerror = () => stopped("its answer could not be read");
      });
      const key = graphKey(scenario);
      const lacking = ranges.map((_, w) => held[w] !== key);
      const post = (graph: KeyedGraph | null) => {
        if (settled) return;
        const last = lacking.lastIndexOf(true);
        ranges.forEach(([from, to], w) => {
          held[w] = key;
          if (!graph || !lacking[w]) {
            workers[w].postMessage({ type: "run", job: thisJob, scenario, from, to });
            return;
          }
          // Each worker gets its own copy; the last one takes the page's arrays instead of a copy.
          const { compiled } = graph.built;
          const arrays = [
            compiled.offsets,
            compiled.targets,
            compiled.inOffsets,
            compiled.inSources,
            compiled.audience,
            compiled.bot,
          ];
          workers[w].postMessage(
            { type: "run", job: thisJob, scenario, from, to, graph },
            w === last ? arrays.map((array) => array.buffer) : [],
          );
        });
      };
      if (sharedGraph && scenario.nodes >= SHARE_GRAPH_FROM && lacking.includes(true)) {
        // Without a copy (none held, or the request failed) each worker builds the graph, as below the size.
        sharedGraph(scenario).then(
          (graph) => post(graph?.key === key ? graph : null),
          () => post(null),
        );
      } else post(null);
    });
  };

  return { run, dispose };
}

let shared: MonteCarloPool | null = null;

/**
 * Runs R Monte Carlo runs of the scenario on the shared pool (one worker per
 * core) and summarises them. Rejects with an AbortError (a DOMException) when
 * `signal` aborts or a newer call starts.
 */
export function runMonteCarlo(
  scenario: Scenario,
  runs: number,
  options: MonteCarloOptions = {},
): Promise<MonteCarloSummary> {
  shared ??= createMonteCarloPool();
  return shared.run(scenario, runs, options);
}
