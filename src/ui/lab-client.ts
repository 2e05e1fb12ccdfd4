/** Talks to the lab worker; the newest request wins, older answers are dropped. */
import type { Scenario } from "../core/scenario.ts";
import type { GraphSnapshot, LabRequest, LabResponse } from "../worker/protocol.ts";

export type LabResult = Extract<LabResponse, { type: "result" }>;

export class LabClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: LabResult) => void; reject: (e: LabError) => void }>();
  private latest = 0;
  knownGraph: GraphSnapshot | null = null;

  constructor() {
    this.worker = new Worker(new URL("../worker/lab.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (message: MessageEvent<LabResponse>) => {
      const response = message.data;
      const waiter = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (!waiter) return;
      if (response.id !== this.latest) {
        waiter.reject(new LabError("superseded", null, true));
        return;
      }
      if (response.type === "error") waiter.reject(new LabError(response.message, response.field, false));
      else {
        if (response.graph) this.knownGraph = response.graph;
        waiter.resolve(response);
      }
    };
  }

  run(scenario: Scenario): Promise<LabResult> {
    const id = this.nextId++;
    this.latest = id;
    const request: LabRequest = { id, type: "run", scenario, knownGraphKey: this.knownGraph?.key ?? null };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }
}

export class LabError extends Error {
  override name = "LabError";
  constructor(
    message: string,
    readonly field: string | null,
    readonly superseded: boolean,
  ) {
    super(message);
  }
}
