/**
 * Scenario options on the command line (--preset --nodes --seed --model, each
 * model parameter by its name, --hours, --reposts, --views, --view-rate),
 * parsed and checked once for every command that runs a scenario.
 */
import { isPresetId, PRESET_IDS } from "../core/generators/presets.ts";
import { getModel, MODELS } from "../core/models/index.ts";
import { DEFAULT_SCENARIO, type Scenario, validateScenario } from "../core/scenario.ts";
import { numberOption, UsageError } from "./args.ts";

export const SCENARIO_OPTION_NAMES = [
  "preset",
  "nodes",
  "seed",
  "model",
  "source",
  "hours",
  "reposts",
  "views",
  "view-rate",
] as const;

/** `parseArgs` option specs: the scenario options plus every model parameter, all strings. */
export function scenarioOptionSpecs(): Record<string, { type: "string" }> {
  const specs: Record<string, { type: "string" }> = {};
  for (const model of Object.values(MODELS))
    for (const spec of model.params) specs[spec.key] = { type: "string" };
  for (const name of SCENARIO_OPTION_NAMES) specs[name] = { type: "string" };
  return specs;
}

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** A string option's value; a bare flag where a value is needed is an error. */
export function stringValue(values: Values, key: string): string | undefined {
  const v = values[key];
  if (v === true) throw new UsageError(`--${key} needs a value.`);
  if (Array.isArray(v)) return String(v[v.length - 1]);
  return v === undefined || v === false ? undefined : String(v);
}

/**
 * Builds and validates the scenario; refuses options that are neither
 * scenario options, the model's parameters nor in `extra`.
 */
export function scenarioFromValues(values: Values, extra: readonly string[], usage: string): Scenario {
  const str = (key: string) => stringValue(values, key);
  const preset = str("preset") ?? DEFAULT_SCENARIO.preset;
  if (!isPresetId(preset))
    throw new UsageError(`--preset: unknown preset '${preset}'. Use one of ${PRESET_IDS.join(", ")}.`);
  const modelId = str("model") ?? DEFAULT_SCENARIO.model;
  const model = getModel(modelId);
  const params: Record<string, number> = {};
  for (const spec of model.params) {
    const value = numberOption(spec.key, str(spec.key));
    if (value !== undefined) params[spec.key] = value;
  }
  const known = new Set<string>([...SCENARIO_OPTION_NAMES, ...extra, ...model.params.map((s) => s.key)]);
  for (const key of Object.keys(values)) {
    if (!known.has(key)) throw new UsageError(`unknown option --${key}.\n\n${usage}`);
  }
  const rules = DEFAULT_SCENARIO.rules;
  return validateScenario({
    ...DEFAULT_SCENARIO,
    preset,
    model: modelId,
    params,
    nodes: numberOption("nodes", str("nodes"), DEFAULT_SCENARIO.nodes),
    seed: str("seed") ?? DEFAULT_SCENARIO.seed,
    source: str("source") ?? null,
    horizon: numberOption("hours", str("hours"), DEFAULT_SCENARIO.horizon / 3600) * 3600,
    rules: {
      ...rules,
      viewRate: numberOption("view-rate", str("view-rate"), rules.viewRate),
      thresholds: {
        reposts: numberOption("reposts", str("reposts"), rules.thresholds.reposts),
        views: numberOption("views", str("views"), rules.thresholds.views),
      },
    },
  });
}
