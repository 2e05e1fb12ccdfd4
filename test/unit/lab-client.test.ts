/** LabClient against a fake lab worker: "aside" graph requests, and answers that cannot be read. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SCENARIO } from "../../src/core/scenario.ts";

class FakeLabWorker {
  static last: FakeLabWorker;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: Array<{ id: number; type: string }> = [];
  terminated = false;
  constructor() {
    FakeLabWorker.last = this;
  }
  postMessage(m: { id: number; type: string }) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number, body: object) {
    this.onmessage?.({ data: { id, ...body } });
  }
}

afterEach(() => vi.unstubAllGlobals());

async function client() {
  vi.stubGlobal("Worker", FakeLabWorker);
  const { LabClient } = await import("../../src/ui/lab-client.ts");
  return new LabClient();
}

describe("LabClient.graph (aside)", () => {
  it("neither supersedes the run in flight nor is superseded by a later run", async () => {
    const lab = await client();
    const w = FakeLabWorker.last;
    const run = lab.run(DEFAULT_SCENARIO);
    const graph = lab.graph(DEFAULT_SCENARIO);
    const run2 = lab.backtest([], [], DEFAULT_SCENARIO.rules);
    const [r, g, b] = w.sent;
    expect([r.type, g.type, b.type]).toEqual(["run", "graph", "backtest"]);
    w.answer(r.id, { type: "result", run: null, graph: null, millis: 1 });
    w.answer(g.id, { type: "graph", graph: { key: "k", built: {} }, millis: 1 });
    w.answer(b.id, { type: "backtest", summary: [], millis: 1 });
    await expect(run).rejects.toMatchObject({ superseded: true }); // superseded by the backtest, not by the graph
    expect(await graph).toEqual({ key: "k", built: {} });
    expect((await run2).type).toBe("backtest");
  });

  it("a graph request does not make the run before it superseded", async () => {
    const lab = await client();
    const w = FakeLabWorker.last;
    const run = lab.run(DEFAULT_SCENARIO);
    const graph = lab.graph(DEFAULT_SCENARIO);
    w.answer(w.sent[0].id, { type: "result", run: null, graph: null, millis: 1 });
    w.answer(w.sent[1].id, { type: "graph", graph: null, millis: 1 });
    expect((await run).type).toBe("result");
    expect(await graph).toBeNull();
  });

  it("an answer that cannot be read restarts the worker and settles what waited, as a crash does", async () => {
    const lab = await client();
    const first = FakeLabWorker.last;
    const graph = lab.graph(DEFAULT_SCENARIO);
    const run = lab.run(DEFAULT_SCENARIO);
    first.onmessageerror?.();
    await expect(graph).rejects.toMatchObject({ detail: { code: "workerStopped" } });
    await expect(run).rejects.toMatchObject({ detail: { code: "workerStopped" } });
    expect(first.terminated).toBe(true);
    expect(FakeLabWorker.last).not.toBe(first);
  });

  it("is rejected when the lab worker restarts, with the page's detail", async () => {
    const lab = await client();
    const graph = lab.graph(DEFAULT_SCENARIO);
    lab.cancel();
    await expect(graph).rejects.toMatchObject({ detail: { code: "cancelled" } });
  });
});
