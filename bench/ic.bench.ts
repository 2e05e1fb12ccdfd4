/**
 * Independent Cascade, typed arrays against plain graphology, side by side on
 * a 100,000-account preferential-attachment follower graph (about 500,000
 * edges), from its most followed account, at p = 0.1 and p = 0.2.
 *
 * The implementations take turns in short slices until each has had its
 * budget, so a neighbour job slowing the machine slows them all alike and
 * the ratio stays fair. Then the app's way: the same runs split over one
 * worker thread per core.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { compiledBytes } from "../src/core/compiled-graph.ts";
import { DEFAULT_RULES } from "../src/core/legal.ts";
import { independentCascade } from "../src/core/models/independent-cascade.ts";
import { createWorkspace, validateParams } from "../src/core/models/model.ts";
import { defaultGrid, runBatch } from "../src/core/monte-carlo.ts";
import { createRng } from "../src/core/random.ts";
import { simulate } from "../src/core/simulate.ts";
import { IC_BENCH_HORIZON, icBenchGraph } from "./ic-graph.ts";
import type { PoolJob } from "./ic-pool-worker.ts";
import { naiveIndependentCascade } from "./naive-ic.ts";

const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 4000);
const SLICE_MS = 150;

interface Timing {
  runs: number;
  millis: number;
  examined: number;
}

/** One slice's worth of work: runs some cascades, returns how many and the edges they examined. */
type Step = () => { runs: number; examined: number };

/** Gives each step slices in turn until every one has had `BUDGET_MS`. */
function interleaved(steps: Step[]): Timing[] {
  const timings = steps.map(() => ({ runs: 0, millis: 0, examined: 0 }));
  while (timings.some((t) => t.millis < BUDGET_MS)) {
    steps.forEach((step, k) => {
      const timing = timings[k];
      if (timing.millis >= BUDGET_MS) return;
      const sliceStart = performance.now();
      let elapsed = 0;
      while (elapsed < SLICE_MS) {
        const done = step();
        timing.runs += done.runs;
        timing.examined += done.examined;
        elapsed = performance.now() - sliceStart;
      }
      timing.millis += elapsed;
    });
  }
  return timings;
}

async function poolRate(p: number, runs: number): Promise<Timing> {
  const count = Math.max(1, availableParallelism());
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL("./ic-pool-worker.mjs", import.meta.url)),
  );
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))));
    // Warm up, as the one-thread rows are warm after their first slices: a few runs each, untimed.
    await Promise.all(
      workers.map((worker) => {
        const warmUp: PoolJob = { p, seed: `pool-warm-${p}`, from: 0, to: 20 };
        worker.postMessage(warmUp);
        return new Promise((resolve) => worker.once("message", resolve));
      }),
    );
    const started = performance.now();
    const share = Math.ceil(runs / count);
    const results = await Promise.all(
      workers.map((worker, k) => {
        const job: PoolJob = { p, seed: `pool-${p}`, from: k * share, to: Math.min(runs, (k + 1) * share) };
        worker.postMessage(job);
        return new Promise<{ edgesExamined: number }>((resolve) => worker.once("message", resolve));
      }),
    );
    const millis = performance.now() - started;
    return { runs, millis, examined: results.reduce((sum, r) => sum + r.edgesExamined, 0) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function benchIndependentCascade(): Promise<string> {
  const built = performance.now();
  const { graph, compiled, hub } = icBenchGraph();
  const buildMillis = performance.now() - built;
  const lines = [
    `graph: ${compiled.n.toLocaleString("en-US")} accounts, ${compiled.m.toLocaleString("en-US")} follower links (built and compiled in ${buildMillis.toFixed(0)} ms)`,
    `compiled graph: ${(compiledBytes(compiled) / 1e6).toFixed(2)} MB of typed arrays (target < 10 MB)`,
    `source: account ${compiled.ids[hub]} with ${compiled.offsets[hub + 1] - compiled.offsets[hub]} followers`,
    `each row ${BUDGET_MS} ms in ${SLICE_MS} ms slices taken in turn; the pool row: ${availableParallelism()} worker threads`,
    "",
    "| p | implementation | runs/s | ns per edge examined | edges examined per run | speed-up (per edge) |",
    "|---|---|---:|---:|---:|---:|",
  ];
  for (const p of [0.1, 0.2]) {
    const naiveRng = createRng(`naive-${p}`);
    let naiveRun = 0;
    const params = validateParams(independentCascade, { p, botP: p, delayMinutes: 20, delaySpread: 1.2 });
    const workspace = createWorkspace();
    const grid = defaultGrid(IC_BENCH_HORIZON);
    let from = 0;
    const chunk = 10;
    const eventRng = createRng(`events-${p}`);
    let eventRun = 0;
    const [naive, withEvents, typed] = interleaved([
      () => ({
        runs: 1,
        examined: naiveIndependentCascade(
          graph,
          compiled.ids[hub],
          p,
          20,
          1.2,
          IC_BENCH_HORIZON,
          naiveRng.fork(naiveRun++),
        ).examined,
      }),
      () => {
        const cascade = simulate(compiled, independentCascade, params, eventRng.fork(eventRun++), {
          source: hub,
          horizon: IC_BENCH_HORIZON,
          workspace,
        });
        let examined = 0;
        for (const event of cascade.events) {
          const i = Number(event.account);
          examined += compiled.offsets[i + 1] - compiled.offsets[i];
        }
        return { runs: 1, examined };
      },
      () => {
        const partial = runBatch(compiled, independentCascade, params, DEFAULT_RULES, {
          seed: `typed-${p}`,
          from,
          to: from + chunk,
          source: hub,
          horizon: IC_BENCH_HORIZON,
          grid,
          workspace,
        });
        from += chunk;
        return { runs: chunk, examined: partial.edgesExamined };
      },
    ]);
    const pool = await poolRate(p, Math.max(200, Math.round((typed.runs / typed.millis) * BUDGET_MS)));
    const rate = (t: Timing) => t.runs / (t.millis / 1000);
    const nsPerEdge = (t: Timing) => (t.millis * 1e6) / t.examined;
    const row = (name: string, t: Timing, ratio: string) =>
      `| ${p} | ${name} | ${rate(t).toFixed(0)} | ${nsPerEdge(t).toFixed(2)} | ${(t.examined / t.runs).toFixed(0)} | ${ratio} |`;
    // Per edge examined, not per run: each row draws its own cascades, whose sizes vary a lot.
    const against = (t: Timing) => `${(nsPerEdge(naive) / nsPerEdge(t)).toFixed(1)}x`;
    lines.push(row("graphology (bench/naive-ic.ts)", naive, "1"));
    lines.push(row("typed arrays, simulate() with event objects", withEvents, against(withEvents)));
    lines.push(row("typed arrays, Monte Carlo path (one thread)", typed, against(typed)));
    lines.push(
      row(
        `typed arrays, Monte Carlo path, ${availableParallelism()} worker threads (wall clock)`,
        pool,
        against(pool),
      ),
    );
  }
  return lines.join("\n");
}
