/**
 * The scenario in the URL's query string, so a teacher can share a link.
 * Decoding is strict and field by field: a bad field is named and the whole
 * scenario is refused, never half-applied.
 */
import { DEFAULT_RULES } from "../core/legal.ts";
import { getModel, MODELS } from "../core/models/index.ts";
import { DEFAULT_SCENARIO, type Scenario, validateScenario } from "../core/scenario.ts";
import { carriedDetail } from "../worker/error-detail.ts";
import { type AppErrorDetail, appDetailEnglish, type ScenarioProblem } from "./app-errors.ts";

export interface DecodeResult {
  scenario: Scenario;
  errors: string[];
}

/** The same, with each error's problem as data (`problems[i]` is `errors[i]`), for a translated notice. */
export interface DecodeProblems extends DecodeResult {
  problems: ScenarioProblem[];
}

const RULE_KEYS = ["reposts", "views", "rate", "scope", "vscope", "repeat", "bots"] as const;
const BASE_KEYS = ["preset", "n", "seed", "model", "src", "hours", "iv", ...RULE_KEYS] as const;

export function encodeScenario(scenario: Scenario): string {
  const q = new URLSearchParams();
  q.set("preset", scenario.preset);
  q.set("n", String(scenario.nodes));
  q.set("seed", scenario.seed);
  q.set("model", scenario.model);
  for (const [key, value] of Object.entries(scenario.params))
    if (value !== undefined) q.set(key, String(value));
  if (scenario.source !== null) q.set("src", scenario.source);
  if (scenario.horizon !== DEFAULT_SCENARIO.horizon) q.set("hours", String(scenario.horizon / 3600));
  const r = scenario.rules;
  if (r.thresholds.reposts !== DEFAULT_RULES.thresholds.reposts)
    q.set("reposts", String(r.thresholds.reposts));
  if (r.thresholds.views !== DEFAULT_RULES.thresholds.views) q.set("views", String(r.thresholds.views));
  if (r.viewRate !== DEFAULT_RULES.viewRate) q.set("rate", String(r.viewRate));
  if (r.repostScope !== DEFAULT_RULES.repostScope) q.set("scope", r.repostScope);
  if (r.viewScope !== DEFAULT_RULES.viewScope) q.set("vscope", r.viewScope);
  if (r.countRepeatViews !== DEFAULT_RULES.countRepeatViews) q.set("repeat", r.countRepeatViews ? "1" : "0");
  if (r.countBots !== DEFAULT_RULES.countBots) q.set("bots", r.countBots ? "1" : "0");
  if (scenario.interventions && scenario.interventions.length > 0)
    q.set("iv", JSON.stringify(scenario.interventions));
  return q.toString();
}

/** Reads a scenario from a query string; unknown keys, wrong types and out-of-range values are errors. */
export function decodeScenario(query: string): DecodeResult {
  const { scenario, errors } = decodeScenarioProblems(query);
  return { scenario, errors };
}

/** decodeScenario, with the problems as data. */
export function decodeScenarioProblems(query: string): DecodeProblems {
  const q = new URLSearchParams(query);
  const errors: string[] = [];
  const problems: ScenarioProblem[] = [];
  const refuse = (detail: AppErrorDetail) => {
    errors.push(appDetailEnglish(detail, () => ""));
    problems.push(detail);
  };
  const number = (key: string, fallback: number): number => {
    const raw = q.get(key);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value)) {
      refuse({ code: "urlNumber", key, raw: raw.slice(0, 40) });
      return fallback;
    }
    return value;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = q.get(key);
    if (raw === null) return fallback;
    if (raw !== "0" && raw !== "1") refuse({ code: "urlFlag", key });
    return raw === "1";
  };
  const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = q.get(key);
    if (raw === null) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      refuse({ code: "urlChoice", key, raw: raw.slice(0, 40), allowed: [...allowed] });
      return fallback;
    }
    return raw as T;
  };
  const modelId = q.get("model") ?? DEFAULT_SCENARIO.model;
  const model = Object.hasOwn(MODELS, modelId) ? getModel(modelId) : null;
  if (!model) refuse({ code: "urlModel", model: modelId.slice(0, 40) });
  const allowed = new Set<string>([...BASE_KEYS, ...(model ? model.params.map((p) => p.key) : [])]);
  for (const key of q.keys()) if (!allowed.has(key)) refuse({ code: "urlSetting", key: key.slice(0, 40) });
  const params: Record<string, number> = {};
  for (const spec of model?.params ?? []) if (q.has(spec.key)) params[spec.key] = number(spec.key, 0);
  // Interventions travel as JSON; validateScenario checks them field by field.
  let interventions: Scenario["interventions"];
  const iv = q.get("iv");
  if (iv !== null) {
    try {
      const parsed: unknown = JSON.parse(iv);
      if (Array.isArray(parsed)) interventions = parsed as Scenario["interventions"];
      else refuse({ code: "urlInterventions" });
    } catch {
      refuse({ code: "urlJson" });
    }
  }
  const scenario: Scenario = {
    preset: (q.get("preset") ?? DEFAULT_SCENARIO.preset) as Scenario["preset"],
    nodes: number("n", DEFAULT_SCENARIO.nodes),
    seed: q.get("seed") ?? DEFAULT_SCENARIO.seed,
    model: model ? modelId : DEFAULT_SCENARIO.model,
    params,
    source: q.get("src"),
    horizon: number("hours", DEFAULT_SCENARIO.horizon / 3600) * 3600,
    rules: {
      thresholds: {
        reposts: number("reposts", DEFAULT_RULES.thresholds.reposts),
        views: number("views", DEFAULT_RULES.thresholds.views),
      },
      viewRate: number("rate", DEFAULT_RULES.viewRate),
      repostScope: choice("scope", ["tree", "direct"] as const, DEFAULT_RULES.repostScope),
      viewScope: choice("vscope", ["all", "original"] as const, DEFAULT_RULES.viewScope),
      countRepeatViews: flag("repeat", DEFAULT_RULES.countRepeatViews),
      countBots: flag("bots", DEFAULT_RULES.countBots),
    },
  };
  if (interventions) scenario.interventions = interventions;
  if (errors.length === 0) {
    try {
      validateScenario(scenario);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(message);
      problems.push(carriedDetail(error) ?? { code: "text", text: message });
    }
  }
  return { scenario: errors.length ? DEFAULT_SCENARIO : scenario, errors, problems };
}
