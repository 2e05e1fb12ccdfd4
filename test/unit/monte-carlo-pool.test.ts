/**
 * The pool's logic under Node: fake workers run the real worker handler
 * in-process (asynchronously, as a worker would). The browser run is the
 * lead's end-to-end test.
 */
import { describe, expect, it } from "vitest";
import { prepareScenarioBatch, runScenarioBatch, summarize } from "../../src/core/monte-carlo.ts";
import { buildGraph, DEFAULT_SCENARIO, graphKey, type Scenario } from "../../src/core/scenario.ts";
import { AppError } from "../../src/ui/app-errors.ts";
import { createMonteCarloHandler } from "../../src/worker/monte-carlo-handler.ts";
import type { MonteCarloRequest, MonteCarloResponse } from "../../src/worker/monte-carlo-protocol.ts";
import {
  createMonteCarloPool,
  MonteCarloWorkerError,
  SHARE_GRAPH_FROM,
  type WorkerLike,
  workersThatFit,
} from "../../src/worker/pool.ts";

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<MonteCarloResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly requests: MonteCarloRequest[] = [];
  /** Graphs this worker built itself. */
  builds = 0;
  private readonly handle = createMonteCarloHandler(
    (message) => {
      if (!this.terminated)
        setTimeout(() => this.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0);
    },
    (built) => {
      this.builds++;
      return buildGraph(built);
    },
  );

  postMessage(message: MonteCarloRequest): void {
    this.requests.push(message);
    setTimeout(() => {
      if (!this.terminated) this.handle(structuredClone(message));
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const scenario: Scenario = {
  ...DEFAULT_SCENARIO,
  nodes: 300,
  seed: "pool",
  params: { p: 0.2 },
  rules: { ...DEFAULT_SCENARIO.rules, thresholds: { reposts: 20, views: 3000 } },
};

function fakePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = createMonteCarloPool({
    size,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { pool, workers };
}

describe("createMonteCarloPool", () => {
  it("splits the runs across workers and gives the same summary as one in-process batch", async () => {
    const runs = 130;
    const expected = summarize(
      runScenarioBatch(prepareScenarioBatch(scenario, buildGraph(scenario)), 0, runs),
    );
    const { pool, workers } = fakePool(3);
    const progress: number[] = [];
    const summary = await pool.run(scenario, runs, { onProgress: (done) => progress.push(done) });
    expect(summary).toEqual(expected);
    expect(workers).toHaveLength(3);
    expect(workers.map((w) => w.requests[0])).toMatchObject([
      { from: 0, to: 43 },
      { from: 43, to: 86 },
      { from: 86, to: 130 },
    ]);
    expect(progress.at(-1)).toBe(runs);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // Workers are kept for the next call.
    await pool.run(scenario, 10);
    expect(workers).toHaveLength(3);
  });

  it("terminates the workers and rejects with an AbortError when cancelled", async () => {
    const { pool, workers } = fakePool(2);
    const controller = new AbortController();
    const running = pool.run(scenario, 400, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    expect(workers.every((w) => w.terminated)).toBe(true);
    // The next run starts fresh workers.
    const summary = await pool.run(scenario, 20);
    expect(summary.runs).toBe(20);
    expect(workers).toHaveLength(4);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { pool, workers } = fakePool(2);
    await expect(pool.run(scenario, 10, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(workers).toHaveLength(0);
  });

  it("cancels the previous call when a new one starts", async () => {
    const { pool } = fakePool(2);
    const first = pool.run(scenario, 300);
    const second = pool.run(scenario, 12);
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    expect((await second).runs).toBe(12);
  });

  it("passes on a refused scenario with the allowed range", async () => {
    const { pool } = fakePool(2);
    const bad = { ...scenario, params: { p: 3 } };
    const error = await pool.run(bad, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MonteCarloWorkerError);
    expect((error as Error).message).toMatch(/from 0 to 1/);
  });
});

describe("a message that cannot be read", () => {
  /** A worker whose messages fail: the page cannot read its answer, or it cannot read the request. */
  class Unreadable implements WorkerLike {
    onmessage: WorkerLike["onmessage"] = null;
    onerror: WorkerLike["onerror"] = null;
    onmessageerror: WorkerLike["onmessageerror"] = null;
    constructor(private readonly side: "answer" | "request") {}
    postMessage(): void {
      setTimeout(() => {
        if (this.side === "answer") this.onmessageerror?.({} as MessageEvent);
        else this.onmessage?.({ data: { type: "unreadable" } } as MessageEvent);
      }, 0);
    }
    terminate(): void {}
  }

  it("ends the run with an error instead of waiting forever", async () => {
    const answer = createMonteCarloPool({ size: 2, createWorker: () => new Unreadable("answer") });
    const stopped = await answer.run(scenario, 10).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(AppError);
    expect(stopped).toMatchObject({
      detail: { code: "workerStopped", reason: "its answer could not be read" },
    });
    const request = createMonteCarloPool({ size: 2, createWorker: () => new Unreadable("request") });
    const refused = await request.run(scenario, 10).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      detail: { code: "workerStopped", reason: "it could not read its request" },
    });
  });
});

describe("a graph built elsewhere", () => {
  const big: Scenario = { ...scenario, nodes: SHARE_GRAPH_FROM, seed: "shared" };
  const built = buildGraph(big);
  const keyed = { key: graphKey(big), built };
  const expected = summarize(runScenarioBatch(prepareScenarioBatch(big, built), 0, 20));

  it("is handed to every worker instead of building it in each, with the same summary", async () => {
    const { pool, workers } = fakePool(2);
    let asked = 0;
    const sharedGraph = async () => {
      asked++;
      return keyed;
    };
    expect(await pool.run(big, 20, { sharedGraph })).toEqual(expected);
    expect(asked).toBe(1);
    expect(workers.map((w) => w.builds)).toEqual([0, 0]);
    expect(workers.map((w) => w.requests[0].type === "run" && w.requests[0].graph?.key)).toEqual([
      keyed.key,
      keyed.key,
    ]);
    // The workers keep it: the next run of the same graph neither asks nor sends it again.
    expect((await pool.run(big, 10, { sharedGraph })).runs).toBe(10);
    expect(asked).toBe(1);
    expect(workers.map((w) => w.requests[1].type === "run" && w.requests[1].graph)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("is not asked for below the size, and the workers build when none comes", async () => {
    let asked = 0;
    const small = fakePool(2);
    await small.pool.run(scenario, 10, {
      sharedGraph: async () => {
        asked++;
        return null;
      },
    });
    expect(asked).toBe(0);
    expect(small.workers.map((w) => w.builds)).toEqual([1, 1]);
    for (const answer of [
      async () => null,
      async () => ({ key: "another|graph", built }),
      async () => {
        throw new Error("lab worker restarted");
      },
    ]) {
      const { pool, workers } = fakePool(2);
      expect(await pool.run(big, 20, { sharedGraph: answer })).toEqual(expected);
      expect(workers.map((w) => w.builds)).toEqual([1, 1]);
    }
  });

  it("sends nothing when cancelled while waiting for the graph", async () => {
    const { pool, workers } = fakePool(2);
    const controller = new AbortController();
    let answer: (graph: typeof keyed) => void = () => {};
    const running = pool.run(big, 20, {
      signal: controller.signal,
      sharedGraph: () => new Promise((resolve) => (answer = resolve)),
    });
    controller.abort();
    answer(keyed);
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(workers.map((w) => w.requests.length)).toEqual([0, 0]);
  });
});

describe("workersThatFit", () => {
  it("uses fewer workers when each one's copy of the graph is large", () => {
    expect(workersThatFit(DEFAULT_SCENARIO)).toBeGreaterThan(64);
    // About 355 MB per copy of a million Weibo accounts: six fit in 2 GB.
    expect(workersThatFit({ ...DEFAULT_SCENARIO, nodes: 1_000_000 })).toBe(6);
    expect(workersThatFit({ ...DEFAULT_SCENARIO, preset: "public-account", nodes: 1_000_000 })).toBe(2);
    expect(workersThatFit({ ...DEFAULT_SCENARIO, preset: "groups", nodes: 500_000 })).toBe(1);
  });
});
