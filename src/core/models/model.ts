/**
 * One interface for every cascade model. A model declares its parameters
 * (the panel and the CLI are generated from them) and its spreading rule;
 * `simulate()` owns the start, the stopping rule and the recording.
 */
import type { CompiledGraph } from "../compiled-graph.ts";
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

/** Buffers a caller owns and reuses across runs (no module-level state). */
export interface Workspace {
  queue: EventQueue;
}

export function createWorkspace(): Workspace {
  return { queue: new EventQueue() };
}

export interface CascadeModel {
  id: string;
  label: string;
  description: string;
  params: readonly ParamSpec[];
  /** Sensible defaults, per platform preset where they differ. */
  defaults(preset?: PresetId): Params;
  /** Runs one cascade from limits.source, whose event (index 0) is already recorded at time 0. */
  run(
    graph: CompiledGraph,
    params: Params,
    rng: Rng,
    limits: RunLimits,
    recorder: Recorder,
    workspace: Workspace,
  ): void;
}

export class ParamError extends Error {
  override name = "ParamError";
}

/** Range in words, for messages: "from 0 to 1", "above 0 and below 1". */
export function describeRange(spec: ParamSpec): string {
  const low = spec.minExclusive ? `above ${spec.min}` : `from ${spec.min}`;
  const high = spec.maxExclusive
    ? `below ${spec.max}`
    : `${spec.minExclusive ? "and at most" : "to"} ${spec.max}`;
  return `${spec.integer ? "a whole number " : "a number "}${low} ${high}`.replace(" from", " from");
}

/** Checks every parameter against the model's schema; fills defaults; refuses unknown keys. */
export function validateParams(model: CascadeModel, raw: Partial<Params>, preset?: PresetId): Params {
  const params: Params = { ...model.defaults(preset) };
  for (const key of Object.keys(raw)) {
    const spec = model.params.find((s) => s.key === key);
    if (!spec) {
      throw new ParamError(
        `${model.id}: unknown parameter '${key}'. Parameters are ${model.params.map((s) => s.key).join(", ")}.`,
      );
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
      throw new ParamError(`${model.id}: invalid '${key}' ${value}. Should be ${describeRange(spec)}.`);
    }
    params[key] = value;
  }
  return params;
}
