/** A bench pool worker: builds the benchmark graph, then runs the Monte Carlo ranges it is sent. */
import { parentPort } from "node:worker_threads";
import { DEFAULT_RULES } from "../src/core/legal.ts";
import { independentCascade } from "../src/core/models/independent-cascade.ts";
import { createWorkspace, validateParams } from "../src/core/models/model.ts";
import { defaultGrid, runBatch } from "../src/core/monte-carlo.ts";
import { IC_BENCH_HORIZON, icBenchGraph } from "./ic-graph.ts";

export interface PoolJob {
  p: number;
  seed: string;
  from: number;
  to: number;
}

const { compiled, hub } = icBenchGraph();
const workspace = createWorkspace();
const grid = defaultGrid(IC_BENCH_HORIZON);
parentPort?.on("message", (job: PoolJob) => {
  const params = validateParams(independentCascade, {
    p: job.p,
    botP: job.p,
    delayMinutes: 20,
    delaySpread: 1.2,
  });
  const partial = runBatch(compiled, independentCascade, params, DEFAULT_RULES, {
    seed: job.seed,
    from: job.from,
    to: job.to,
    source: hub,
    horizon: IC_BENCH_HORIZON,
    grid,
    workspace,
  });
  parentPort?.postMessage({ edgesExamined: partial.edgesExamined });
});
parentPort?.postMessage("ready");
