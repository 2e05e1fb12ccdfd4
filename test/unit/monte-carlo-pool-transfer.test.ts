/**
 * The pool's shared graph with a browser's postMessage semantics (cloned at post time, the transfer list
 * honoured); the FakeWorker of monte-carlo-pool.test.ts ignores the transfer list and clones later.
 */
import { describe, expect, it } from "vitest";
import { prepareScenarioBatch, runScenarioBatch, summarize } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO, graphKey, type Scenario } from "../../src/core/scenario.ts";
import { createMonteCarloHandler } from "../../src/worker/monte-carlo-handler.ts";
import type { MonteCarloRequest } from "../../src/worker/monte-carlo-protocol.ts";
import { createMonteCarloPool, SHARE_GRAPH_FROM, type WorkerLike } from "../../src/worker/pool.ts";

class StrictWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  builds = 0;
  private readonly handle = createMonteCarloHandler(
    (message) => setTimeout(() => this.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0),
    (s) => {
      this.builds++;
      return buildGraph(s);
    },
  );
  postMessage(message: MonteCarloRequest, transfer: Transferable[] = []): void {
    // As a browser does: cloned now, transferred buffers detached in the sender now.
    const copy = structuredClone(message, { transfer: transfer as Transferable[] });
    setTimeout(() => this.handle(copy), 0);
  }
  terminate(): void {}
}

describe("shared graph, real clone and transfer", () => {
  it("every worker gets a usable graph; the page's arrays go to the last one", async () => {
    const big: Scenario = {
      ...DEFAULT_SCENARIO,
      nodes: SHARE_GRAPH_FROM,
      seed: "strict",
      params: { p: 0.2 },
      rules: { ...DEFAULT_SCENARIO.rules, thresholds: { reposts: 20, views: 3000 } },
    };
    const built = buildGraph(big);
    const expected = summarize(runScenarioBatch(prepareScenarioBatch(big, built), 0, 30));
    const page = { key: graphKey(big), built: structuredClone(built) };
    const workers: StrictWorker[] = [];
    const pool = createMonteCarloPool({
      size: 3,
      createWorker: () => {
        const w = new StrictWorker();
        workers.push(w);
        return w;
      },
    });
    expect(await pool.run(big, 30, { sharedGraph: async () => page })).toEqual(expected);
    expect(workers.map((w) => w.builds)).toEqual([0, 0, 0]);
    expect(page.built.compiled.targets.byteLength).toBe(0); // transferred
  });
});
