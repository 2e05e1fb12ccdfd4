/**
 * Monte Carlo over many cascades: the answer to "how likely does this post
 * cross the line, and when". One run is an anecdote; R runs give a
 * probability with a Wilson interval, the spread of crossing times, of final
 * sizes and of the running totals over time.
 *
 * Speed: a run records no event objects. A `SummaryRecorder` keeps the
 * counts, the crossing times and the running totals at fixed grid times,
 * reusing the workspace's buffers across runs.
 *
 * Reproducibility: run i always uses `base.fork(i)`, so how runs are split
 * across workers cannot change a number. A `BatchPartial` is per-run data in
 * run order, so merging [0, k) and [k, R) gives exactly the batch [0, R).
 * Everything here is typed arrays and plain objects: it crosses postMessage.
 */
import type { CompiledGraph } from "./compiled-graph.ts";
import {
  compileInterventions,
  type InterventionPlan,
  InterventionRecorder,
  type PlanCache,
  shownAudience,
} from "./interventions/plan.ts";
import { type CountingRules, exposuresNeeded, type Thresholds, validateRules } from "./legal.ts";
import { getModel } from "./models/index.ts";
import {
  type CascadeModel,
  createWorkspace,
  type NodeSet,
  ParamError,
  type Params,
  type Recorder,
  type RunLimits,
  validateParams,
  type Workspace,
} from "./models/model.ts";
import { Rng } from "./random.ts";
import {
  defaultSource,
  type Scenario,
  ScenarioError,
  type ScenarioGraph,
  validateScenario,
} from "./scenario.ts";

/** Runs the app does by default: enough for a share to within about 3 percentage points. */
export const DEFAULT_RUNS = 1000;

/** Runs and time grid of one batch; runs are [from, to). */
export interface BatchOptions {
  seed: string;
  from: number;
  to: number;
  /** Index of the source account in the compiled graph. */
  source: number;
  /** Seconds of simulated time. */
  horizon: number;
  /** Increasing times (seconds) at which the running totals are kept for the fan chart. */
  grid: Float64Array;
  /** Stop a run after this many reposts (default: no limit). */
  maxReposts?: number;
  /** Buffers to reuse across batches (the worker keeps one). */
  workspace?: Workspace;
  /**
   * Interventions compiled for this graph: each run replays the run without them (same stream) until they
   * first change something, and counts exactly as `simulate()` with the plan and `evaluateLine` would.
   */
  intervention?: InterventionPlan;
}

/** The crossing prong of each run, in `BatchPartial.first`. */
export const FIRST_NEITHER = 0;
export const FIRST_REPOSTS = 1;
export const FIRST_VIEWS = 2;

/**
 * Per-run results of runs [from, to), in run order. Row r of the grid arrays
 * is run from + r: `gridReposts[r * grid.length + k]` is the number of
 * counted reposts at time `grid[k]` (events at or before it).
 */
export interface BatchPartial {
  from: number;
  to: number;
  grid: Float64Array;
  thresholds: Thresholds;
  viewRate: number;
  /** Counted reposts at the end of each run. */
  finalReposts: Uint32Array;
  /** Views at the end of each run (exposures x view rate). */
  finalViews: Float64Array;
  /** Seconds at which the run crossed the repost line; NaN when it never did. */
  repostCrossing: Float64Array;
  /** Seconds at which the run crossed the view line; NaN when it never did. */
  viewCrossing: Float64Array;
  /** FIRST_NEITHER, FIRST_REPOSTS or FIRST_VIEWS (on the same event: reposts, as in `evaluateLine`). */
  first: Uint8Array;
  gridReposts: Uint32Array;
  gridViews: Float64Array;
  /** Runs stopped by `maxReposts` before the horizon. */
  capped: number;
  /** Follower links looked at: the sum over reposting accounts (source included) of their in-graph followers. */
  edgesExamined: number;
}

export class MonteCarloError extends Error {
  override name = "MonteCarloError";
}

/**
 * The time grid of the fan chart: 0, then dense early, where cascades move
 * fast (the first step at most 15 s), and geometric up to the horizon. The
 * app, the worker pool and the CLI all use it, so their bands agree.
 */
export function fanGrid(horizon: number, points = 161): Float64Array {
  const first = Math.min(15, horizon / points);
  const grid = new Float64Array(points);
  const ratio = (horizon / first) ** (1 / (points - 2));
  for (let k = 1; k < points; k++) grid[k] = first * ratio ** (k - 1);
  grid[points - 1] = horizon;
  return grid;
}

/** `points` evenly spaced times from 0 to the horizon, both included. */
export function defaultGrid(horizon: number, points = 97): Float64Array {
  const grid = new Float64Array(points);
  for (let k = 0; k < points; k++) grid[k] = (horizon * k) / (points - 1);
  return grid;
}

/**
 * Counts one run as `evaluateLine` would count the recorded cascade: events
 * arrive in time order, ties in order of arrival, which is counting order.
 */
class SummaryRecorder implements Recorder {
  done = false;
  private count = 0;
  private reposts = 0;
  private exposures = 0;
  private repostTime = Number.NaN;
  private viewTime = Number.NaN;
  private repostRank = -1;
  private viewRank = -1;
  private gridNext = 0;
  /** The time of grid point `gridNext` (Infinity past the end): one comparison per repost. */
  private gridNextTime = Number.NEGATIVE_INFINITY;
  private row = 0;
  edgesExamined = 0;
  // The rules, read once: the activation below runs once per repost in every run.
  private readonly needed: number;
  private readonly repostThreshold: number;
  private readonly countBots: boolean;
  private readonly directOnly: boolean;
  private readonly originalViewsOnly: boolean;
  private readonly repeatViews: boolean;
  private readonly active: NodeSet;
  private readonly exposed: NodeSet;
  /** Share of an audience a post at a given time is shown to (throttles), or null: all of it. */
  shareAt: ((time: number) => number) | null = null;

  constructor(
    private readonly graph: CompiledGraph,
    private readonly rules: CountingRules,
    workspace: Workspace,
    private readonly out: BatchPartial,
    /** Where a run stops: the safety cap, or an earlier deletion at a repost count. */
    private readonly maxReposts: number,
    /** The safety cap alone: runs stopped by it are counted as capped. */
    private readonly capReposts: number = maxReposts,
  ) {
    this.needed = exposuresNeeded(rules.thresholds.views, rules.viewRate);
    this.repostThreshold = rules.thresholds.reposts;
    this.countBots = rules.countBots;
    this.directOnly = rules.repostScope !== "tree";
    this.originalViewsOnly = rules.viewScope !== "all";
    this.repeatViews = rules.countRepeatViews;
    this.active = workspace.active;
    this.exposed = workspace.exposed;
  }

  begin(row: number): void {
    this.active.reset(this.graph.n);
    if (!this.repeatViews) this.exposed.reset(this.graph.n);
    this.done = false;
    this.count = 0;
    this.reposts = 0;
    this.exposures = 0;
    this.repostTime = Number.NaN;
    this.viewTime = Number.NaN;
    this.repostRank = -1;
    this.viewRank = -1;
    this.gridNext = 0;
    this.gridNextTime = this.out.grid.length > 0 ? this.out.grid[0] : Number.POSITIVE_INFINITY;
    this.row = row;
  }

  isActive(node: number): boolean {
    return this.active.has(node);
  }

  activate(node: number, time: number, parent: number): number {
    const { graph } = this;
    const index = this.count++;
    this.active.add(node);
    if (this.gridNextTime < time) this.fillGridBefore(time);
    const start = graph.offsets[node];
    const end = graph.offsets[node + 1];
    this.edgesExamined += end - start;
    const counts = this.countBots || graph.bot[node] === 0;
    if (parent !== -1 && counts && (parent === 0 || !this.directOnly)) {
      this.reposts++;
      if (this.repostRank < 0 && this.reposts >= this.repostThreshold) {
        this.repostTime = time;
        this.repostRank = index;
      }
    }
    if (counts && (parent === -1 || !this.originalViewsOnly)) {
      if (this.repeatViews) this.exposures += this.shown(graph.audience[node], time);
      else {
        // Same rules as legal.ts exposuresOf; new audience as simulate.ts records it.
        const { exposed } = this;
        let fresh = Math.max(0, graph.audience[node] - (end - start));
        for (let j = start; j < end; j++) {
          const follower = graph.targets[j];
          if (!exposed.has(follower)) {
            exposed.add(follower);
            fresh++;
          }
        }
        this.exposures += this.shown(fresh, time);
      }
    } else if (!this.repeatViews) {
      // Its views do not count, but its followers have seen the post: a later repost does not expose them anew.
      const { exposed } = this;
      for (let j = start; j < end; j++) exposed.add(graph.targets[j]);
    }
    if (this.viewRank < 0 && this.exposures >= this.needed) {
      this.viewTime = time;
      this.viewRank = index;
    }
    if (index >= this.maxReposts) this.done = true;
    return index;
  }

  /** Audience actually shown a post at `time`, rounded as `simulate()` rounds a throttled event. */
  private shown(audience: number, time: number): number {
    if (this.shareAt === null) return audience;
    return shownAudience(audience, this.shareAt(time));
  }

  /** Grid points strictly before `time` hold the totals so far. */
  private fillGridBefore(time: number): void {
    const { grid, gridReposts, gridViews } = this.out;
    const base = this.row * grid.length;
    const views = this.exposures * this.rules.viewRate;
    while (this.gridNext < grid.length && grid[this.gridNext] < time) {
      gridReposts[base + this.gridNext] = this.reposts;
      gridViews[base + this.gridNext] = views;
      this.gridNext++;
    }
    this.gridNextTime = this.gridNext < grid.length ? grid[this.gridNext] : Number.POSITIVE_INFINITY;
  }

  finish(): void {
    const { out, row } = this;
    this.fillGridBefore(Number.POSITIVE_INFINITY);
    out.finalReposts[row] = this.reposts;
    out.finalViews[row] = this.exposures * this.rules.viewRate;
    out.repostCrossing[row] = this.repostTime;
    out.viewCrossing[row] = this.viewTime;
    let first = FIRST_NEITHER;
    if (this.repostRank >= 0 && (this.viewRank < 0 || this.repostRank <= this.viewRank))
      first = FIRST_REPOSTS;
    else if (this.viewRank >= 0) first = FIRST_VIEWS;
    out.first[row] = first;
    if (this.done && this.count - 1 >= this.capReposts) out.capped++;
  }
}

function emptyPartial(
  from: number,
  to: number,
  grid: Float64Array,
  thresholds: Thresholds,
  viewRate: number,
): BatchPartial {
  const runs = to - from;
  return {
    from,
    to,
    grid,
    thresholds: { ...thresholds },
    viewRate,
    finalReposts: new Uint32Array(runs),
    finalViews: new Float64Array(runs),
    repostCrossing: new Float64Array(runs),
    viewCrossing: new Float64Array(runs),
    first: new Uint8Array(runs),
    gridReposts: new Uint32Array(runs * grid.length),
    gridViews: new Float64Array(runs * grid.length),
    capped: 0,
    edgesExamined: 0,
  };
}

/** The stream of Monte Carlo run `run` for a seed: the same in every worker. */
export function runRng(seed: string, run: number): Rng {
  return new Rng(seed).fork("monte-carlo").fork(run);
}

/**
 * Runs [from, to) of the Monte Carlo batch and returns their per-run results.
 * `params` are checked against the model's ranges; missing ones take the model's generic defaults
 * (use `prepareScenarioBatch` for a preset's defaults). Run i draws from `runRng(seed, i)`.
 */
export function runBatch(
  graph: CompiledGraph,
  model: CascadeModel,
  params: Params,
  rules: CountingRules,
  options: BatchOptions,
): BatchPartial {
  const { from, to, source, horizon, grid } = options;
  validateRules(rules);
  const checked = validateParams(model, params);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new MonteCarloError(
      `monte-carlo: invalid run range [${from}, ${to}). Should be whole numbers with 0 <= from <= to.`,
    );
  }
  if (!Number.isInteger(source) || source < 0 || source >= graph.n) {
    throw new ParamError(
      `monte-carlo: invalid source account index ${source}. Should be from 0 to ${graph.n - 1}.`,
    );
  }
  if (!(horizon > 0))
    throw new MonteCarloError(`monte-carlo: invalid horizon ${horizon} s. Should be above 0.`);
  for (let k = 1; k < grid.length; k++) {
    if (!(grid[k] > grid[k - 1]))
      throw new MonteCarloError("monte-carlo: the time grid should be increasing.");
  }
  const maxReposts = options.maxReposts ?? Number.POSITIVE_INFINITY;
  const workspace = options.workspace ?? createWorkspace();
  const out = emptyPartial(from, to, grid, rules.thresholds, rules.viewRate);
  const plan = options.intervention;
  if (plan && plan.graph.n !== graph.n) {
    throw new MonteCarloError(
      `monte-carlo: the intervention plan was compiled for a graph of ${plan.graph.n} accounts, not ${graph.n}.`,
    );
  }
  // As simulate() runs a plan: on its graph (links may be cut), stopped at a deletion.
  const runGraph = plan ? plan.graph : graph;
  const stopAt = Math.min(maxReposts, plan?.deleteAtReposts ?? Number.POSITIVE_INFINITY);
  const recorder = new SummaryRecorder(runGraph, rules, workspace, out, stopAt, maxReposts);
  const limits: RunLimits = {
    source,
    horizon: plan ? Math.min(horizon, plan.deleteTime) : horizon,
    maxReposts: stopAt,
  };
  const base = new Rng(options.seed).fork("monte-carlo");
  for (let run = from; run < to; run++) {
    recorder.begin(run - from);
    const rng = base.fork(run);
    if (!plan) {
      recorder.activate(source, 0, -1);
      model.run(runGraph, checked, rng, limits, recorder, workspace);
    } else if (plan.suspended[source] !== 1) {
      // A suspended source never posts: the run stays empty.
      const guarded = new InterventionRecorder(recorder, plan, rng, horizon, workspace);
      recorder.shareAt = plan.throttles.length > 0 ? (time) => guarded.audienceShare(time) : null;
      guarded.activate(source, 0, -1);
      model.run(runGraph, checked, rng, limits, guarded, workspace);
    }
    recorder.finish();
  }
  out.edgesExamined = recorder.edgesExamined;
  return out;
}

/** Joins partials of adjacent run ranges (any order) into one, in run order. */
export function mergeBatches(parts: readonly BatchPartial[]): BatchPartial {
  if (parts.length === 0) throw new MonteCarloError("monte-carlo: nothing to merge.");
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const head = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    const part = sorted[i];
    if (part.from !== sorted[i - 1].to) {
      throw new MonteCarloError(
        `monte-carlo: run ranges do not join: [${sorted[i - 1].from}, ${sorted[i - 1].to}) then [${part.from}, ${part.to}).`,
      );
    }
    if (
      part.grid.length !== head.grid.length ||
      part.grid.some((t, k) => t !== head.grid[k]) ||
      part.thresholds.reposts !== head.thresholds.reposts ||
      part.thresholds.views !== head.thresholds.views ||
      part.viewRate !== head.viewRate
    ) {
      throw new MonteCarloError("monte-carlo: partials come from different grids or counting rules.");
    }
  }
  const out = emptyPartial(
    head.from,
    sorted[sorted.length - 1].to,
    head.grid,
    head.thresholds,
    head.viewRate,
  );
  const G = head.grid.length;
  for (const part of sorted) {
    const at = part.from - head.from;
    out.finalReposts.set(part.finalReposts, at);
    out.finalViews.set(part.finalViews, at);
    out.repostCrossing.set(part.repostCrossing, at);
    out.viewCrossing.set(part.viewCrossing, at);
    out.first.set(part.first, at);
    out.gridReposts.set(part.gridReposts, at * G);
    out.gridViews.set(part.gridViews, at * G);
    out.capped += part.capped;
    out.edgesExamined += part.edgesExamined;
  }
  return out;
}

/** A share with its 95% Wilson score interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Quantiles of a distribution; null where no run gives a value (a line never crossed). */
export interface Quantiles {
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

export interface SizeDistribution {
  mean: number;
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
}

/** Quantile bands of a running total, one value per grid time. */
export interface FanBands {
  mean: Float64Array;
  p5: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p95: Float64Array;
}

/**
 * What R runs say about the post. Times are seconds after the source post.
 *
 * - `probability.reposts` / `.views`: share of runs that cross that prong by
 *   the horizon; `.either`: share that cross the line at all (either prong is
 *   enough in law). Each is an estimate with a 95% Wilson interval.
 * - `crossingTime.*`: quantiles of the crossing time among the runs that
 *   cross (null when none does); `either` is the earlier of the two prongs.
 * - `crossingTimes.*`: the same crossing times, sorted ascending, for a
 *   histogram or a CDF. Divide a count by `runs` (not by the array length)
 *   for "probability of having crossed by time t".
 * - `finalReposts` / `finalViews`: distribution over all runs of the totals
 *   at the end of the run.
 * - `first`: how many runs crossed reposts first, views first, or neither;
 *   `viewsFirst` is the share of all runs in which views cross first.
 * - `fan`: at each `fan.time[k]` (the grid), quantile bands over runs of the
 *   counted reposts and the views reached by then, for a fan chart.
 * - `samples`: per-run values in run order (for a histogram of final sizes).
 */
export interface MonteCarloSummary {
  runs: number;
  thresholds: Thresholds;
  viewRate: number;
  probability: { reposts: Interval; views: Interval; either: Interval };
  crossingTime: { reposts: Quantiles; views: Quantiles; either: Quantiles };
  crossingTimes: { reposts: Float64Array; views: Float64Array; either: Float64Array };
  finalReposts: SizeDistribution;
  finalViews: SizeDistribution;
  first: { reposts: number; views: number; neither: number };
  viewsFirst: Interval;
  fan: { time: Float64Array; reposts: FanBands; views: FanBands };
  samples: { finalReposts: Uint32Array; finalViews: Float64Array };
  /** Runs stopped by the repost cap before the horizon (their totals are lower bounds). */
  capped: number;
}

const Z95 = 1.959963984540054;

/** Wilson score interval for `successes` out of `trials` (Wilson 1927). */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (trials === 0) return { estimate: 0, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 or all successes the bound is exactly 0 or 1; rounding must not move it.
  return {
    estimate: p,
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}

/** Quantile of sorted values, linear between order statistics (R-7, as d3-array's quantileSorted). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (n === 1 || p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const low = Math.floor(h);
  return sorted[low] + (sorted[low + 1] - sorted[low]) * (h - low);
}

function quantiles(sorted: Float64Array): Quantiles {
  const q = (p: number) => (sorted.length === 0 ? null : quantileOfSorted(sorted, p));
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
}

function sizeDistribution(values: ArrayLike<number>): SizeDistribution {
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i];
  const q = (p: number) => quantileOfSorted(sorted, p);
  return {
    mean: sorted.length ? total / sorted.length : Number.NaN,
    min: q(0),
    p5: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    max: q(1),
  };
}

function crossed(times: Float64Array): Float64Array {
  return times.filter((t) => !Number.isNaN(t)).sort();
}

function fanBands(values: ArrayLike<number>, runs: number, points: number): FanBands {
  const bands: FanBands = {
    mean: new Float64Array(points),
    p5: new Float64Array(points),
    p25: new Float64Array(points),
    p50: new Float64Array(points),
    p75: new Float64Array(points),
    p95: new Float64Array(points),
  };
  const column = new Float64Array(runs);
  for (let k = 0; k < points; k++) {
    let total = 0;
    for (let r = 0; r < runs; r++) {
      column[r] = values[r * points + k];
      total += column[r];
    }
    column.sort();
    bands.mean[k] = runs ? total / runs : Number.NaN;
    bands.p5[k] = quantileOfSorted(column, 0.05);
    bands.p25[k] = quantileOfSorted(column, 0.25);
    bands.p50[k] = quantileOfSorted(column, 0.5);
    bands.p75[k] = quantileOfSorted(column, 0.75);
    bands.p95[k] = quantileOfSorted(column, 0.95);
  }
  return bands;
}

/** Probabilities, crossing-time quantiles, size distributions and fan bands of a (merged) batch. */
export function summarize(partial: BatchPartial): MonteCarloSummary {
  const runs = partial.to - partial.from;
  const either = new Float64Array(runs);
  const first = { reposts: 0, views: 0, neither: 0 };
  for (let r = 0; r < runs; r++) {
    either[r] = Math.min(
      Number.isNaN(partial.repostCrossing[r]) ? Number.POSITIVE_INFINITY : partial.repostCrossing[r],
      Number.isNaN(partial.viewCrossing[r]) ? Number.POSITIVE_INFINITY : partial.viewCrossing[r],
    );
    if (either[r] === Number.POSITIVE_INFINITY) either[r] = Number.NaN;
    if (partial.first[r] === FIRST_REPOSTS) first.reposts++;
    else if (partial.first[r] === FIRST_VIEWS) first.views++;
    else first.neither++;
  }
  const times = {
    reposts: crossed(partial.repostCrossing),
    views: crossed(partial.viewCrossing),
    either: crossed(either),
  };
  const points = partial.grid.length;
  return {
    runs,
    thresholds: { ...partial.thresholds },
    viewRate: partial.viewRate,
    probability: {
      reposts: wilsonInterval(times.reposts.length, runs),
      views: wilsonInterval(times.views.length, runs),
      either: wilsonInterval(times.either.length, runs),
    },
    crossingTime: {
      reposts: quantiles(times.reposts),
      views: quantiles(times.views),
      either: quantiles(times.either),
    },
    crossingTimes: times,
    finalReposts: sizeDistribution(partial.finalReposts),
    finalViews: sizeDistribution(partial.finalViews),
    first,
    viewsFirst: wilsonInterval(first.views, runs),
    fan: {
      time: Float64Array.from(partial.grid),
      reposts: fanBands(partial.gridReposts, runs, points),
      views: fanBands(partial.gridViews, runs, points),
    },
    samples: {
      finalReposts: Uint32Array.from(partial.finalReposts),
      finalViews: Float64Array.from(partial.finalViews),
    },
    capped: partial.capped,
  };
}

/** Everything a batch of a scenario needs, resolved once (model, parameters, source index, grid). */
export interface ScenarioBatch {
  graph: CompiledGraph;
  model: CascadeModel;
  params: Params;
  rules: CountingRules;
  seed: string;
  source: number;
  sourceId: string;
  horizon: number;
  grid: Float64Array;
  /** The scenario's interventions, compiled: every run is made with them. */
  intervention?: InterventionPlan;
}

/**
 * Resolves a scenario against its built graph, refusing bad input with the allowed range. With
 * `plans`, the interventions are compiled only when they (or the graph or source) changed.
 */
export function prepareScenarioBatch(
  scenario: Scenario,
  built: ScenarioGraph,
  gridPoints = 161,
  plans?: PlanCache,
): ScenarioBatch {
  validateScenario(scenario);
  const model = getModel(scenario.model);
  const params = validateParams(model, scenario.params, scenario.preset);
  const sourceId = scenario.source ?? defaultSource(built);
  const source = built.compiled.ids.indexOf(sourceId);
  if (source < 0) throw new ScenarioError("source", `no account '${sourceId}' in this graph.`);
  const interventions = scenario.interventions ?? [];
  const context = { source, facts: built.facts };
  return {
    graph: built.compiled,
    model,
    params,
    rules: scenario.rules,
    seed: scenario.seed,
    source,
    sourceId,
    horizon: scenario.horizon,
    grid: fanGrid(scenario.horizon, gridPoints),
    intervention:
      interventions.length === 0
        ? undefined
        : plans
          ? plans.compile(built.compiled, interventions, context)
          : compileInterventions(built.compiled, interventions, context),
  };
}

/** Runs [from, to) of a prepared scenario. */
export function runScenarioBatch(
  batch: ScenarioBatch,
  from: number,
  to: number,
  workspace?: Workspace,
): BatchPartial {
  return runBatch(batch.graph, batch.model, batch.params, batch.rules, {
    seed: batch.seed,
    from,
    to,
    source: batch.source,
    horizon: batch.horizon,
    grid: batch.grid,
    workspace,
    intervention: batch.intervention,
  });
}

/** Splits runs [0, runs) into `parts` adjacent ranges of near-equal size (empty ranges left out). */
export function splitRuns(runs: number, parts: number): Array<[number, number]> {
  if (!Number.isInteger(runs) || runs < 0) {
    throw new MonteCarloError(
      `monte-carlo: invalid number of runs ${runs}. Should be a whole number of at least 0.`,
    );
  }
  const k = Math.max(1, Math.min(Math.floor(parts) || 1, runs || 1));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < k; i++) {
    const from = Math.floor((runs * i) / k);
    const to = Math.floor((runs * (i + 1)) / k);
    if (to > from) ranges.push([from, to]);
  }
  return ranges;
}
