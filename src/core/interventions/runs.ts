/**
 * The Monte Carlo loop of the intervention lab: R runs of `simulate()`, each
 * counted with `evaluateLine`. Run i draws from `runRng(seed, i)`, the stream
 * the batch Monte Carlo uses for run i, so the baseline here is the same set
 * of cascades as `simulate --runs`, and an intervention run i replays
 * baseline run i (common random numbers).
 *
 * The runs go through the batch core (monte-carlo.ts `runBatch`, which takes
 * the plan); `referenceOutcomes` is the slow, obvious loop it is tested against.
 */
import type { Cascade } from "../cascade.ts";
import type { CompiledGraph } from "../compiled-graph.ts";
import { type CountingRules, evaluateLine } from "../legal.ts";
import { type CascadeModel, createWorkspace, type Params, type Workspace } from "../models/model.ts";
import { runBatch, runRng } from "../monte-carlo.ts";
import { simulate } from "../simulate.ts";
import type { InterventionPlan } from "./plan.ts";

/** Everything a paired comparison needs, resolved once. */
export interface InterventionSetup {
  graph: CompiledGraph;
  model: CascadeModel;
  params: Params;
  rules: CountingRules;
  seed: string;
  /** Index of the source account. */
  source: number;
  /** Seconds of simulated time. */
  horizon: number;
  /** Buffers reused by every batch run on this setup (a search runs dozens): made on first use when absent. */
  workspace?: Workspace;
}

/** Per-run results, in run order. Crossing times are NaN for runs that never cross. */
export interface RunOutcomes {
  runs: number;
  finalReposts: Float64Array;
  finalViews: Float64Array;
  repostCrossing: Float64Array;
  viewCrossing: Float64Array;
}

/** One run: the baseline when `plan` is undefined. */
export function simulateRun(setup: InterventionSetup, run: number, plan?: InterventionPlan): Cascade {
  return simulate(setup.graph, setup.model, setup.params, runRng(setup.seed, run), {
    source: setup.source,
    horizon: setup.horizon,
    intervention: plan,
  });
}

/**
 * Runs [from, from + runs), with or without a plan, reduced to the numbers
 * the summaries need, on the batch core (`runBatch`: no event objects). Split
 * a batch across workers by `from` (each worker compiles the same plan from
 * the same data) and join with `concatOutcomes`.
 */
export function runOutcomes(
  setup: InterventionSetup,
  runs: number,
  plan?: InterventionPlan,
  from = 0,
): RunOutcomes {
  setup.workspace ??= createWorkspace();
  const batch = runBatch(setup.graph, setup.model, setup.params, setup.rules, {
    seed: setup.seed,
    from,
    to: from + runs,
    source: setup.source,
    horizon: setup.horizon,
    grid: new Float64Array([0, setup.horizon]),
    workspace: setup.workspace,
    intervention: plan,
  });
  return {
    runs,
    finalReposts: Float64Array.from(batch.finalReposts),
    finalViews: batch.finalViews,
    repostCrossing: batch.repostCrossing,
    viewCrossing: batch.viewCrossing,
  };
}

/**
 * The same numbers the slow, obvious way: `simulate()` with the plan, then
 * `evaluateLine` on each recorded cascade. The tests hold `runOutcomes` to it.
 */
export function referenceOutcomes(
  setup: InterventionSetup,
  runs: number,
  plan?: InterventionPlan,
  from = 0,
): RunOutcomes {
  const out: RunOutcomes = {
    runs,
    finalReposts: new Float64Array(runs),
    finalViews: new Float64Array(runs),
    repostCrossing: new Float64Array(runs),
    viewCrossing: new Float64Array(runs),
  };
  const workspace = createWorkspace();
  for (let run = 0; run < runs; run++) {
    const cascade = simulate(setup.graph, setup.model, setup.params, runRng(setup.seed, from + run), {
      source: setup.source,
      horizon: setup.horizon,
      intervention: plan,
      workspace,
    });
    const report = evaluateLine(cascade, setup.rules);
    out.finalReposts[run] = report.reposts;
    out.finalViews[run] = report.views ?? 0;
    out.repostCrossing[run] = report.crossing.reposts?.time ?? Number.NaN;
    out.viewCrossing[run] = report.crossing.views?.time ?? Number.NaN;
  }
  return out;
}

/** Joins outcomes of adjacent run ranges, given in run order. */
export function concatOutcomes(parts: readonly RunOutcomes[]): RunOutcomes {
  const runs = parts.reduce((total, part) => total + part.runs, 0);
  const out: RunOutcomes = {
    runs,
    finalReposts: new Float64Array(runs),
    finalViews: new Float64Array(runs),
    repostCrossing: new Float64Array(runs),
    viewCrossing: new Float64Array(runs),
  };
  let at = 0;
  for (const part of parts) {
    out.finalReposts.set(part.finalReposts, at);
    out.finalViews.set(part.finalViews, at);
    out.repostCrossing.set(part.repostCrossing, at);
    out.viewCrossing.set(part.viewCrossing, at);
    at += part.runs;
  }
  return out;
}
