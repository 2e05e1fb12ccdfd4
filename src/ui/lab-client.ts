/** Talks to the lab worker; the newest request wins, older answers are dropped. */
import type { Cascade } from "../core/cascade.ts";
import type { CountingRules } from "../core/legal.ts";
import type { Scenario } from "../core/scenario.ts";
import type { ReadOptions } from "../io/types.ts";

import type { ErrorDetail } from "../worker/error-detail.ts";
import type { KeyedGraph } from "../worker/monte-carlo-protocol.ts";
import type { GraphSnapshot, InterveneAction, LabRequest, LabResponse } from "../worker/protocol.ts";
import { type AppErrorDetail, appDetailEnglish } from "./app-errors.ts";

export type LabResult = Extract<LabResponse, { type: "result" }>;
export type ReadResponse = Extract<LabResponse, { type: "read" }>;
export type PredictResponse = Extract<LabResponse, { type: "predict" }>;
export type InterveneResponse = Extract<LabResponse, { type: "intervene" }>;
export type BacktestResponse = Extract<LabResponse, { type: "backtest" }>;
export type GraphResponse = Extract<LabResponse, { type: "graph" }>;
type Answer = Exclude<LabResponse, { type: "error" }>;

export class LabClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: Answer) => void; reject: (e: LabError) => void }>();
  private latest = 0;
  /** Requests that do not supersede (or get superseded by) the others: asking for the graph. */
  private readonly aside = new Set<number>();
  knownGraph: GraphSnapshot | null = null;

  constructor() {
    this.worker = this.startWorker();
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL("../worker/lab.worker.ts", import.meta.url), { type: "module" });
    worker.onerror = (event) => {
      // A crashed worker is replaced; the scenario on screen stays.
      event.preventDefault();
      this.restart({ code: "workerStopped", reason: event.message || "" });
    };
    // An answer that cannot be read (out of memory on a huge graph): nothing would ever settle its request.
    worker.onmessageerror = () =>
      this.restart({ code: "workerStopped", reason: "its answer could not be read" });
    worker.onmessage = (message: MessageEvent<LabResponse>) => {
      const response = message.data;
      const waiter = this.pending.get(response.id);
      this.pending.delete(response.id);
      const aside = this.aside.delete(response.id);
      if (!waiter) return;
      if (response.id !== this.latest && !aside) {
        waiter.reject(new LabError("superseded", null, true));
        return;
      }
      if (response.type === "error")
        waiter.reject(new LabError(response.message, response.field, false, response.detail));
      else {
        if (response.type === "result" && response.graph) this.knownGraph = response.graph;
        waiter.resolve(response);
      }
    };
    return worker;
  }

  /** Stops whatever the worker is doing (a huge file, a huge graph) and starts a fresh one. */
  cancel(): void {
    this.restart({ code: "cancelled" });
  }

  private restart(reason: Extract<AppErrorDetail, { code: "workerStopped" | "cancelled" }>): void {
    this.worker.terminate();
    this.knownGraph = null;
    const message = appDetailEnglish(reason, () => "");
    for (const waiter of this.pending.values()) waiter.reject(new LabError(message, null, false, reason));
    this.pending.clear();
    this.aside.clear();
    this.worker = this.startWorker();
  }

  run(scenario: Scenario): Promise<LabResult> {
    return this.send({
      id: 0,
      type: "run",
      scenario,
      knownGraphKey: this.knownGraph?.key ?? null,
    }) as Promise<LabResult>;
  }

  read(name: string, text: string, options: ReadOptions): Promise<ReadResponse> {
    return this.send({ id: 0, type: "read", name, text, options }) as Promise<ReadResponse>;
  }

  predict(request: Omit<Extract<LabRequest, { type: "predict" }>, "id" | "type">): Promise<PredictResponse> {
    return this.send({ id: 0, type: "predict", ...request }) as Promise<PredictResponse>;
  }

  intervene(scenario: Scenario, action: InterveneAction): Promise<InterveneResponse> {
    return this.send({ id: 0, type: "intervene", scenario, action }) as Promise<InterveneResponse>;
  }

  backtest(cascades: Cascade[], times: number[], rules: CountingRules): Promise<BacktestResponse> {
    return this.send({ id: 0, type: "backtest", cascades, times, rules }) as Promise<BacktestResponse>;
  }

  /**
   * The scenario's graph if the worker holds it, else null: for the Monte Carlo workers, which then need
   * not build it again. Asked aside: it neither supersedes the run in flight nor is superseded by it.
   */
  async graph(scenario: Scenario): Promise<KeyedGraph | null> {
    const response = await this.send({ id: 0, type: "graph", scenario }, true);
    return response.type === "graph" ? response.graph : null;
  }

  /** `aside`: the request neither supersedes the others nor can be superseded. */
  private send(request: LabRequest, aside = false): Promise<Answer> {
    const id = this.nextId++;
    if (aside) this.aside.add(id);
    else this.latest = id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }
}

export class LabError extends Error {
  override name = "LabError";
  constructor(
    message: string,
    readonly field: string | null,
    readonly superseded: boolean,
    /** The worker's error as data, for a message in the page's language. */
    readonly detail: ErrorDetail | AppErrorDetail | null = null,
  ) {
    super(message);
  }
}
