/**
 * One interface for every cascade model. A model declares its parameters
 * (the panel and the CLI are generated from them) and its spreading rule;
 * `simulate()` owns the start, the stopping rule and the recording.
 */
import type { CompiledGraph } from "../compiled-graph.ts";
import { type CoreErrorDetail, describeRange, type NumberRange } from "../error-detail.ts";
import { EventQueue } from "../event-queue.ts";
import type { PresetId } from "../generators/presets.ts";
import type { Rng } from "../random.ts";

export interface ParamSpec {
  key: string;
  label: string;
  /** In words a student understands. */
  description: string;
  min: number;
  max: number;
  /** Whether the bounds themselves are allowed. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  step: number;
  unit?: string;
  integer?: boolean;
}

export type Params = Record<string, number>;

export interface RunLimits {
  /** Index of the source account. */
  source: number;
  /** Stop at this many seconds after the source post. */
  horizon: number;
  /** Stop after this many reposts (the source not counted). */
  maxReposts: number;
}

/** What a model calls while it runs; the recorder decides what is kept. */
export interface Recorder {
  /**
   * Marks the node as having reposted at `time`, as a child of event `parent`; returns the new event
   * index, or -1 when an intervention refuses the repost (the node stays inactive and may be reached again).
   * Every model must check the result and spread only from accepted reposts.
   */
  activate(node: number, time: number, parent: number): number;
  isActive(node: number): boolean;
  /** Whether the run should stop now (limit reached). */
  readonly done: boolean;
}

/**
 * A set of account indices that empties in O(1): membership is a stamp equal
 * to the current round, so a Monte Carlo run never clears an n-sized array.
 */
export class NodeSet {
  private stamps = new Uint32Array(0);
  private round = 0;

  /** Empties the set and makes room for accounts 0 .. n - 1. */
  reset(n: number): void {
    if (this.stamps.length < n) {
      this.stamps = new Uint32Array(n);
      this.round = 0;
    }
    if (this.round === 0xffffffff) {
      this.stamps.fill(0);
      this.round = 0;
    }
    this.round++;
  }

  has(node: number): boolean {
    return this.stamps[node] === this.round;
  }

  add(node: number): void {
    this.stamps[node] = this.round;
  }
}

/**
 * Per-account numbers a model keeps during one run (a threshold and a running
 * weight in Linear Threshold). Valid only for accounts marked in `touched`
 * this run: a model initialises an account's values when it first touches it.
 */
export class NodeScratch {
  readonly touched = new NodeSet();
  first = new Float64Array(0);
  second = new Float64Array(0);

  reset(n: number): void {
    this.touched.reset(n);
    if (this.first.length < n) {
      this.first = new Float64Array(n);
      this.second = new Float64Array(n);
    }
  }
}

/**
 * Per-account times that read Infinity until set in the current round: like
 * NodeSet, emptied in O(1), so a run pays only for the accounts it sets.
 */
export class NodeTimes {
  private readonly set = new NodeSet();
  private times = new Float64Array(0);

  /** Makes every time Infinity again, for accounts 0 .. n - 1. */
  reset(n: number): void {
    this.set.reset(n);
    if (this.times.length < n) this.times = new Float64Array(n);
  }

  get(node: number): number {
    return this.set.has(node) ? this.times[node] : Number.POSITIVE_INFINITY;
  }

  /** Keeps the earlier of the time held and `time`. */
  lower(node: number, time: number): void {
    if (!this.set.has(node)) {
      this.set.add(node);
      this.times[node] = time;
    } else if (time < this.times[node]) {
      this.times[node] = time;
    }
  }
}

/**
 * For geometric skipping with a miss probability 1 - q: `surelyPast[r]` is a
 * bound under which a uniform draw u surely gives a gap floor(ln u / ln(1 - q))
 * of at least r, i.e. past the last r followers. Most draws only end a follower
 * list, so a look-up replaces a logarithm; the bound sits a relative 1e-9 below
 * (1 - q)^r, far beyond rounding, so the skip is exactly the one the logarithm
 * gives and seeded runs are unchanged. Draws near the bound take the logarithm.
 */
export class SkipTable {
  static readonly SIZE = 512;
  readonly surelyPast = new Float64Array(SkipTable.SIZE);
  private logMiss = Number.NaN;

  /** Fills the table for `logMiss` = ln(1 - q), unless it already holds it. */
  prepare(logMiss: number): Float64Array {
    if (logMiss !== this.logMiss) {
      for (let r = 0; r < SkipTable.SIZE; r++) this.surelyPast[r] = Math.exp(r * logMiss) * (1 - 1e-9);
      this.logMiss = logMiss;
    }
    return this.surelyPast;
  }
}

/** Facts about a graph that cost a pass over all accounts: computed once per graph, not once per run. */
export interface ModelGraphFacts {
  hasBots: boolean;
  /** Median audience: the audience of a typical account, untouched by a few huge ones. */
  medianAudience: number;
}

/** Buffers a caller owns and reuses across runs (no module-level state). */
export interface Workspace {
  queue: EventQueue;
  /** Scratch for the model's own per-account state. */
  scratch: NodeScratch;
  /** For recorders: who has reposted, and who has been exposed. */
  active: NodeSet;
  exposed: NodeSet;
  /** For models that skip geometrically over follower lists. */
  skip: SkipTable;
  /** The last graph seen and its facts (see `modelGraphFacts`). */
  factsOf: { graph: CompiledGraph; facts: ModelGraphFacts } | null;
  /**
   * For counter-messages (interventions/counter-message.ts), spread before the run starts: when
   * each account first saw a correction, who posted the current one, and its own queue.
   */
  correction: { seen: NodeTimes; posted: NodeSet; queue: EventQueue };
}

export function createWorkspace(): Workspace {
  return {
    queue: new EventQueue(),
    scratch: new NodeScratch(),
    active: new NodeSet(),
    exposed: new NodeSet(),
    skip: new SkipTable(),
    factsOf: null,
    correction: { seen: new NodeTimes(), posted: new NodeSet(), queue: new EventQueue() },
  };
}

/**
 * The graph's facts, cached in the workspace on the graph's identity. A copy with links cut has
 * the facts of the graph it was cut from: an intervention must not move the median everyone is scaled by.
 */
export function modelGraphFacts(cut: CompiledGraph, workspace: Workspace): ModelGraphFacts {
  const graph = cut.cutFrom ?? cut;
  if (workspace.factsOf?.graph === graph) return workspace.factsOf.facts;
  const hasBots = graph.bot.includes(1);
  const sorted = Float64Array.from(graph.audience).sort();
  const half = sorted.length >> 1;
  const medianAudience =
    sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  const facts = { hasBots, medianAudience };
  workspace.factsOf = { graph, facts };
  return facts;
}

export interface CascadeModel {
  id: string;
  label: string;
  description: string;
  params: readonly ParamSpec[];
  /** Sensible defaults, per platform preset where they differ. */
  defaults(preset?: PresetId): Params;
  /**
   * Runs one cascade from limits.source, whose event (index 0) is already recorded at time 0.
   * Contract (checked by test/unit/model-conformance.test.ts): activations come in non-decreasing
   * time, each later than its parent and along a follower link, so recording order is counting order.
   */
  run(
    graph: CompiledGraph,
    params: Params,
    rng: Rng,
    limits: RunLimits,
    recorder: Recorder,
    workspace: Workspace,
  ): void;
}

/** `defaults` for a model: the preset's own values where it has them, else the generic ones (a fresh copy). */
export function presetDefaults(
  byPreset: Partial<Record<PresetId, Params>>,
  generic: Params,
): (preset?: PresetId) => Params {
  return (preset) => ({ ...((preset && byPreset[preset]) || generic) });
}

/** The delay parameters shared by the models whose reposts wait a log-normal delay. */
export function delayParams(medianDescription: string): ParamSpec[] {
  return [
    {
      key: "delayMinutes",
      label: "Median delay (minutes)",
      description: medianDescription,
      min: 0,
      max: 10_080,
      minExclusive: true,
      step: 1,
      unit: "min",
    },
    {
      key: "delaySpread",
      label: "Delay spread",
      description:
        "Spread of the log-normal delay (its sigma): 0 means every delay is the median; 1.5 is very uneven.",
      min: 0,
      max: 4,
      step: 0.1,
    },
  ];
}

export class ParamError extends Error {
  override name = "ParamError";
  constructor(
    message: string,
    /** The same, as data for a translated message. */
    readonly detail?: CoreErrorDetail,
  ) {
    super(message);
  }
}

export { describeRange };

/** The range part of a parameter's schema, as a plain object (it goes into error details). */
function rangeOf(spec: ParamSpec): NumberRange {
  const range: NumberRange = { min: spec.min, max: spec.max };
  if (spec.integer) range.integer = true;
  if (spec.minExclusive) range.minExclusive = true;
  if (spec.maxExclusive) range.maxExclusive = true;
  return range;
}

/** Checks every parameter against the model's schema; fills defaults; refuses unknown keys. */
export function validateParams(model: CascadeModel, raw: Partial<Params>, preset?: PresetId): Params {
  const params: Params = { ...model.defaults(preset) };
  for (const key of Object.keys(raw)) {
    const spec = model.params.find((s) => s.key === key);
    if (!spec) {
      const known = model.params.map((s) => s.key);
      throw new ParamError(`${model.id}: unknown parameter '${key}'. Parameters are ${known.join(", ")}.`, {
        code: "paramUnknown",
        model: model.id,
        key,
        known,
      });
    }
    const value = raw[key];
    if (value === undefined) continue;
    const tooLow = spec.minExclusive ? !(value > spec.min) : !(value >= spec.min);
    const tooHigh = spec.maxExclusive ? !(value < spec.max) : !(value <= spec.max);
    if (
      typeof value !== "number" ||
      Number.isNaN(value) ||
      tooLow ||
      tooHigh ||
      (spec.integer && !Number.isInteger(value))
    ) {
      throw new ParamError(`${model.id}: invalid '${key}' ${value}. Should be ${describeRange(spec)}.`, {
        code: "paramRange",
        model: model.id,
        key,
        value: String(value),
        range: rangeOf(spec),
      });
    }
    params[key] = value;
  }
  return params;
}
