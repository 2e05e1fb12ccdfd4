/**
 * Searches over strategies, all on the same R runs (common random numbers),
 * so comparing two candidates compares their effects, not their luck.
 *
 * - latestSafeTime: the latest deletion (or throttle) time that keeps the
 *   chance of crossing at or under a target, by bisection. For deletion the
 *   chance is exactly monotone in the time on fixed runs (a deleted run is
 *   the baseline run cut short), so bisection finds the boundary exactly.
 * - minimalSuspension: the smallest set of accounts whose suspension keeps
 *   the chance under the target, chosen greedily by marginal effect (the
 *   greedy heuristic of Kempe, Kleinberg and Tardos 2003, turned to blocking
 *   as in Kimura, Saito and Motoda, "Blocking links to minimize contamination
 *   spread", 2009). Candidates are the accounts whose reposts carry the
 *   largest subtrees in the baseline runs. Picking the best of many
 *   candidates on the same runs is optimistic, so a set counts as reaching
 *   the target only once it also does on as many held-out runs.
 * - compareStrategies / compareCentralities: one row per strategy
 *   (label, estimate, low, high) for the comparison chart.
 */
import type { GraphFacts } from "../graph-facts.ts";
import { centralitiesFor } from "./centrality.ts";
import {
  type Change,
  crossingProbability,
  type Interval,
  pairedDifference,
  pairedEffect,
} from "./compare.ts";
import { subtreeSizes } from "./counterfactual.ts";
import { compileInterventions } from "./plan.ts";
import { type InterventionSetup, type RunOutcomes, runOutcomes, simulateRun } from "./runs.ts";
import { type Centrality, type Intervention, InterventionError } from "./types.ts";

export type Prong = "reposts" | "views" | "either";

export interface SearchOptions {
  /** Highest acceptable chance of crossing, from 0 to 1. */
  target: number;
  runs: number;
  /** Which crossing counts (default "reposts"; the law's test is "either"). */
  prong?: Prong;
  /** "estimate": the estimate is at most the target; "upper": so is the top of its 95% interval. */
  criterion?: "estimate" | "upper";
  /** The graph before compiling, for strategies that need it (groups, communities). */
  facts?: GraphFacts;
}

function checkSearch(options: SearchOptions): Required<Omit<SearchOptions, "facts">> {
  if (!(options.target >= 0 && options.target <= 1)) {
    throw new InterventionError("target", `${options.target}. Should be a chance from 0 to 1.`, {
      code: "bound",
      field: "target",
      value: String(options.target),
      bound: "chance",
    });
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    throw new InterventionError("runs", `${options.runs}. Should be a whole number of at least 1.`, {
      code: "bound",
      field: "runs",
      value: String(options.runs),
      bound: "wholeAtLeastOne",
    });
  }
  return { prong: "reposts", criterion: "estimate", ...options };
}

function isSafe(probability: Interval, target: number, criterion: "estimate" | "upper"): boolean {
  return (criterion === "upper" ? probability.high : probability.estimate) <= target;
}

export interface LatestSafeResult {
  /** Latest safe time in seconds; null when even acting at time 0 is not enough. */
  time: number | null;
  /** Chance of crossing when acting at `time` (or at 0 when `time` is null). */
  probability: Interval;
  /** True when the post stays under the target without any intervention. */
  safeWithoutIntervention: boolean;
  /** Every time tried, in order. */
  steps: Array<{ time: number; probability: Interval }>;
}

export type TimedStrategy = { kind: "delete" } | { kind: "throttle"; share: number };

/** The latest time to delete (or throttle) that keeps the chance of crossing at or under the target. */
export function latestSafeTime(
  setup: InterventionSetup,
  strategy: TimedStrategy,
  options: SearchOptions & { resolution?: number },
): LatestSafeResult {
  const { target, runs, prong, criterion } = checkSearch(options);
  const resolution = options.resolution ?? 60;
  if (!(resolution > 0)) {
    throw new InterventionError("resolution", `${resolution}. Should be a number of seconds above 0.`, {
      code: "bound",
      field: "resolution",
      value: String(resolution),
      bound: "secondsAboveZero",
    });
  }
  const steps: LatestSafeResult["steps"] = [];
  const at = (time: number, plan = true): Interval => {
    const interventions: Intervention[] = plan
      ? [
          strategy.kind === "delete"
            ? { kind: "delete", when: { time } }
            : { kind: "throttle", when: { time }, share: strategy.share },
        ]
      : [];
    const compiled = compileInterventions(setup.graph, interventions, { source: setup.source });
    const probability = crossingProbability(runOutcomes(setup, runs, compiled), prong);
    steps.push({ time, probability });
    return probability;
  };
  const never = at(setup.horizon, false);
  if (isSafe(never, target, criterion)) {
    return { time: setup.horizon, probability: never, safeWithoutIntervention: true, steps };
  }
  const first = at(0);
  if (!isSafe(first, target, criterion)) {
    return { time: null, probability: first, safeWithoutIntervention: false, steps };
  }
  let low = 0;
  let lowProbability = first;
  let high = setup.horizon;
  while (high - low > resolution) {
    const mid = Math.floor((low + high) / 2);
    const probability = at(mid);
    if (isSafe(probability, target, criterion)) {
      low = mid;
      lowProbability = probability;
    } else {
      high = mid;
    }
  }
  return { time: low, probability: lowProbability, safeWithoutIntervention: false, steps };
}

export interface SuspensionStep {
  account: string;
  index: number;
  /** Chance of crossing with every account up to this one suspended. */
  probability: Interval;
  /** Mean counted reposts per run with them suspended. */
  meanReposts: number;
}

export interface SuspensionResult {
  /** Chosen account ids, in the order the greedy search added them. */
  accounts: string[];
  indices: number[];
  /** Whether the chance is at or under the target with them suspended. */
  reached: boolean;
  /**
   * Chance of crossing with `accounts` suspended, measured on held-out runs
   * (seed + "#holdout") when the search reached the target on its own runs.
   */
  probability: Interval;
  steps: SuspensionStep[];
  /** The candidates considered, best first. */
  candidates: string[];
}

/**
 * Accounts whose reposts carried the most of the baseline runs: the mean,
 * over runs, of the subtree hanging from each account's repost. The source
 * is left out (suspending it trivially stops everything).
 */
export function rankBySubtree(setup: InterventionSetup, runs: number, count: number): number[] {
  const weight = new Float64Array(setup.graph.n);
  const index = new Map(setup.graph.ids.map((id, i) => [id, i]));
  for (let run = 0; run < runs; run++) {
    const { events } = simulateRun(setup, run);
    const sizes = subtreeSizes(events);
    for (let i = 1; i < events.length; i++) weight[index.get(events[i].account)!] += sizes[i];
  }
  weight[setup.source] = 0;
  const order = Array.from({ length: setup.graph.n }, (_, i) => i)
    .filter((i) => weight[i] > 0)
    .sort((a, b) => weight[b] - weight[a] || a - b);
  return order.slice(0, count);
}

/** Greedy smallest suspension set keeping the chance of crossing at or under the target. */
export function minimalSuspension(
  setup: InterventionSetup,
  options: SearchOptions & { candidates?: number; maxSize?: number },
): SuspensionResult {
  const { target, runs, prong, criterion } = checkSearch(options);
  const poolSize = options.candidates ?? 12;
  const maxSize = options.maxSize ?? 10;
  const pool = rankBySubtree(setup, runs, poolSize);
  const evaluate = (chosen: number[]) => {
    const plan = compileInterventions(
      setup.graph,
      [{ kind: "suspend", accounts: chosen.map((i) => setup.graph.ids[i]) }],
      { source: setup.source },
    );
    const outcomes = runOutcomes(setup, runs, plan);
    const meanReposts = outcomes.finalReposts.reduce((a, b) => a + b, 0) / runs;
    return { probability: crossingProbability(outcomes, prong), meanReposts };
  };
  // Choosing among candidates on the same runs flatters the winner; a set is accepted only
  // when it also keeps the chance under the target on held-out runs (other seeds).
  const holdout: InterventionSetup = { ...setup, seed: `${setup.seed}#holdout` };
  const check = (chosen: number[]) => {
    const plan = compileInterventions(
      setup.graph,
      [{ kind: "suspend", accounts: chosen.map((i) => setup.graph.ids[i]) }],
      { source: setup.source },
    );
    return crossingProbability(runOutcomes(holdout, runs, plan), prong);
  };
  const chosen: number[] = [];
  const steps: SuspensionStep[] = [];
  let current = evaluate([]);
  let heldOut = isSafe(current.probability, target, criterion) ? check([]) : current.probability;
  while (!isSafe(heldOut, target, criterion) && chosen.length < maxSize) {
    let best: { index: number; probability: Interval; meanReposts: number } | null = null;
    for (const candidate of pool) {
      if (chosen.includes(candidate)) continue;
      const result = evaluate([...chosen, candidate]);
      if (
        !best ||
        result.probability.estimate < best.probability.estimate ||
        (result.probability.estimate === best.probability.estimate && result.meanReposts < best.meanReposts)
      ) {
        best = { index: candidate, ...result };
      }
    }
    if (!best) break;
    chosen.push(best.index);
    current = best;
    heldOut = isSafe(current.probability, target, criterion) ? check(chosen) : current.probability;
    steps.push({
      account: setup.graph.ids[best.index],
      index: best.index,
      probability: best.probability,
      meanReposts: best.meanReposts,
    });
  }
  return {
    accounts: chosen.map((i) => setup.graph.ids[i]),
    indices: chosen,
    reached: isSafe(heldOut, target, criterion),
    probability: heldOut,
    steps,
    candidates: pool.map((i) => setup.graph.ids[i]),
  };
}

/** One row of the strategy-comparison chart. */
export interface StrategyRow {
  label: string;
  /** Chance of crossing under this strategy, with its 95% Wilson interval. */
  estimate: number;
  low: number;
  high: number;
  /** Paired change against the baseline (0 for the baseline row). */
  change: Change;
  avertedReposts: number;
  avertedViews: number;
}

export interface Strategy {
  label: string;
  interventions: Intervention[];
}

/** Baseline first, then one row per strategy, all on the same runs. */
export function compareStrategies(
  setup: InterventionSetup,
  strategies: readonly Strategy[],
  options: { runs: number; prong?: Prong; facts?: GraphFacts; baselineLabel?: string },
  baseline: RunOutcomes = runOutcomes(setup, options.runs),
): StrategyRow[] {
  const prong = options.prong ?? "reposts";
  const flags = (o: RunOutcomes) => {
    const times =
      prong === "reposts"
        ? o.repostCrossing
        : prong === "views"
          ? o.viewCrossing
          : o.repostCrossing.map((t, i) => (Number.isNaN(t) ? o.viewCrossing[i] : t));
    return Array.from(times, (t) => !Number.isNaN(t));
  };
  const base = crossingProbability(baseline, prong);
  const rows: StrategyRow[] = [
    {
      label: options.baselineLabel ?? "no intervention",
      ...base,
      change: { change: 0, low: 0, high: 0 },
      avertedReposts: 0,
      avertedViews: 0,
    },
  ];
  for (const strategy of strategies) {
    const plan = compileInterventions(setup.graph, strategy.interventions, {
      source: setup.source,
      facts: options.facts,
    });
    const outcomes = runOutcomes(setup, options.runs, plan);
    const effect = pairedEffect(baseline, outcomes);
    rows.push({
      label: strategy.label,
      ...crossingProbability(outcomes, prong),
      change: pairedDifference(flags(outcomes), flags(baseline)),
      avertedReposts: effect.avertedReposts,
      avertedViews: effect.avertedViews,
    });
  }
  return rows;
}

/** Suspending the top `count` accounts by each centrality, as rows for one chart. */
export function compareCentralities(
  setup: InterventionSetup,
  options: { runs: number; count: number; centralities?: readonly Centrality[]; prong?: Prong },
): StrategyRow[] {
  // By default only the measures this graph is small enough for (a million accounts: no betweenness).
  const centralities = options.centralities ?? centralitiesFor(setup.graph.n);
  return compareStrategies(
    setup,
    centralities.map((centrality) => ({
      label: `top ${options.count} by ${centrality}`,
      interventions: [{ kind: "suspend-top", centrality, count: options.count }],
    })),
    options,
  );
}

/**
 * Rows of the change against the baseline (estimate = change in crossing
 * probability, a fraction), as the strategy-comparison chart plots by
 * default; the baseline row is left out.
 */
export function changeRows(
  rows: readonly StrategyRow[],
): Array<{ label: string; estimate: number; low: number; high: number }> {
  return rows.slice(1).map((row) => ({
    label: row.label,
    estimate: row.change.change,
    low: row.change.low,
    high: row.change.high,
  }));
}
