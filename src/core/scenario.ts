/**
 * A scenario is everything needed to reproduce what is on screen: graph,
 * model, parameters, seed, counting rules. It is plain data, so it lives in
 * the URL, in local storage and on the command line alike.
 */
import type { Cascade } from "./cascade.ts";
import { compilePreset } from "./compiled-builder.ts";
import type { CompiledGraph } from "./compiled-graph.ts";
import type { CoreErrorDetail } from "./error-detail.ts";
import { isPresetId, MAX_NODES, MIN_NODES, PRESET_IDS, type PresetId } from "./generators/presets.ts";
import type { GraphFacts } from "./graph-facts.ts";
import { assertGraphFits, DEFAULT_MEMORY_BUDGET, GraphTooLargeError } from "./graph-size.ts";
import { compileInterventions, type InterventionPlan, type PlanCache } from "./interventions/plan.ts";
import { type Intervention, InterventionError, validateInterventions } from "./interventions/types.ts";
import { type CountingRules, DEFAULT_RULES, evaluateLine, type LineReport, validateRules } from "./legal.ts";
import { getModel, MODELS } from "./models/index.ts";
import { type Params, validateParams } from "./models/model.ts";
import { createRng, Rng } from "./random.ts";
import { DEFAULT_HORIZON, simulate } from "./simulate.ts";

export interface Scenario {
  preset: PresetId;
  nodes: number;
  seed: string;
  model: string;
  /** Only the parameters that differ from the model's defaults for the preset need be given. */
  params: Partial<Params>;
  /** Source account id; null picks the preset's default source. */
  source: string | null;
  /** Seconds of simulated time. */
  horizon: number;
  rules: CountingRules;
  /** What the platform does (interventions/types.ts); missing or [] for none. */
  interventions?: Intervention[];
}

export const DEFAULT_SCENARIO: Scenario = {
  preset: "weibo",
  nodes: 2000,
  seed: "rumour-1",
  model: "ic",
  params: {},
  source: null,
  horizon: DEFAULT_HORIZON,
  rules: DEFAULT_RULES,
};

export class ScenarioError extends Error {
  override name = "ScenarioError";
  constructor(
    readonly field: string,
    message: string,
    /** The same, as data for a translated message. */
    readonly detail?: CoreErrorDetail,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Refuses a scenario field by field; returns a complete, valid scenario. Never half-applies. */
export function validateScenario(input: Scenario): Scenario {
  if (!isPresetId(input.preset)) {
    throw new ScenarioError(
      "preset",
      `unknown preset '${input.preset}'. Use one of ${PRESET_IDS.join(", ")}.`,
      {
        code: "unknownChoice",
        field: "preset",
        what: "preset",
        value: String(input.preset),
        choices: [...PRESET_IDS],
      },
    );
  }
  if (!Number.isInteger(input.nodes) || input.nodes < MIN_NODES || input.nodes > MAX_NODES) {
    throw new ScenarioError(
      "nodes",
      `${input.nodes} accounts. Should be a whole number from ${MIN_NODES} to ${MAX_NODES}.`,
      {
        code: "range",
        field: "nodes",
        value: String(input.nodes),
        range: { min: MIN_NODES, max: MAX_NODES, integer: true },
        unit: "accounts",
      },
    );
  }
  try {
    assertGraphFits(input.preset, input.nodes);
  } catch (error) {
    // Named as a nodes error so the panel marks the accounts field.
    if (error instanceof GraphTooLargeError)
      throw new ScenarioError("nodes", error.message, { ...error.detail, field: "nodes" });
    throw error;
  }
  if (typeof input.seed !== "string" || input.seed.length === 0 || input.seed.length > 100) {
    throw new ScenarioError("seed", "should be a text of 1 to 100 characters.", {
      code: "seedText",
      field: "seed",
    });
  }
  if (!Object.hasOwn(MODELS, input.model)) {
    throw new ScenarioError(
      "model",
      `unknown model '${input.model}'. Use one of ${Object.keys(MODELS).join(", ")}.`,
      {
        code: "unknownChoice",
        field: "model",
        what: "model",
        value: String(input.model),
        choices: Object.keys(MODELS),
      },
    );
  }
  if (!(input.horizon > 0 && input.horizon <= 365 * 86400)) {
    throw new ScenarioError("horizon", `${input.horizon} s. Should be above 0 and at most a year.`, {
      code: "horizon",
      field: "horizon",
      value: String(input.horizon),
    });
  }
  validateParams(getModel(input.model), input.params, input.preset);
  validateRules(input.rules);
  try {
    validateInterventions(input.interventions ?? []);
  } catch (error) {
    if (error instanceof InterventionError) {
      throw new ScenarioError(error.field, error.message.slice(error.field.length + 2), error.detail);
    }
    throw error;
  }
  return input;
}

/** A scenario's graph: compiled arrays plus the facts they leave out; never a graphology graph, so a million accounts fit. */
export interface ScenarioGraph {
  compiled: CompiledGraph;
  facts: GraphFacts;
}

/** The graph depends only on (preset, nodes, seed): cache it on that key. */
export function graphKey(scenario: Scenario): string {
  return `${scenario.preset}|${scenario.nodes}|${scenario.seed}`;
}

/**
 * Builds the graph; refuses with GraphTooLargeError, before allocating
 * anything, a graph estimated above `memoryBudget` bytes (the app passes what
 * the tab reports it can hold).
 */
export function buildGraph(scenario: Scenario, memoryBudget = DEFAULT_MEMORY_BUDGET): ScenarioGraph {
  assertGraphFits(scenario.preset, scenario.nodes, memoryBudget);
  return compilePreset(scenario.preset, scenario.nodes, createRng(scenario.seed).fork("graph"));
}

/**
 * The default source when none is chosen: the preset's suggested account
 * (the public account) or else the non-bot account with most in-graph
 * followers that is not a big V, so the default post starts ordinary.
 */
export function defaultSource(built: ScenarioGraph): string {
  const { compiled, facts } = built;
  if (facts.suggestedSource && facts.kind === "public-account") return facts.suggestedSource;
  let best = 0;
  let bestDegree = -1;
  for (let i = 0; i < compiled.n; i++) {
    const degree = compiled.offsets[i + 1] - compiled.offsets[i];
    const ordinary = compiled.bot[i] === 0 && !facts.labels.has(i);
    if (ordinary && degree > bestDegree) {
      best = i;
      bestDegree = degree;
    }
  }
  return compiled.ids[best];
}

export interface ScenarioRun {
  source: string;
  params: Params;
  cascade: Cascade;
  report: LineReport;
  /**
   * With interventions: the same run (same random stream) without them, so
   * the screen can ghost the branches the intervention removed.
   */
  withoutInterventions?: { cascade: Cascade; report: LineReport };
}

/** With `plans`, the interventions are compiled only when they (or the graph or source) changed. */
export function runScenario(
  scenario: Scenario,
  built: ScenarioGraph = buildGraph(scenario),
  plans?: PlanCache,
): ScenarioRun {
  validateScenario(scenario);
  const model = getModel(scenario.model);
  const params = validateParams(model, scenario.params, scenario.preset);
  const source = scenario.source ?? defaultSource(built);
  const sourceIndex = built.compiled.ids.indexOf(source);
  if (sourceIndex < 0) {
    throw new ScenarioError("source", `no account '${source}' in this graph.`, {
      code: "noAccount",
      field: "source",
      account: source,
    });
  }
  const interventions = scenario.interventions ?? [];
  const context = { source: sourceIndex, facts: built.facts };
  const plan =
    interventions.length === 0
      ? undefined
      : plans
        ? plans.compile(built.compiled, interventions, context)
        : compileInterventions(built.compiled, interventions, context);
  const run = (intervention: InterventionPlan | undefined) =>
    simulate(built.compiled, model, params, new Rng(scenario.seed).fork("cascade"), {
      source: sourceIndex,
      horizon: scenario.horizon,
      intervention,
    });
  const cascade = run(plan);
  const result: ScenarioRun = { source, params, cascade, report: evaluateLine(cascade, scenario.rules) };
  if (interventions.length > 0) {
    const baseline = run(undefined);
    result.withoutInterventions = { cascade: baseline, report: evaluateLine(baseline, scenario.rules) };
  }
  return result;
}
