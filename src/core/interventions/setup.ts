/** From a scenario to the resolved setup every comparison and search runs on. */
import { getModel } from "../models/index.ts";
import { validateParams } from "../models/model.ts";
import {
  defaultSource,
  type Scenario,
  ScenarioError,
  type ScenarioGraph,
  validateScenario,
} from "../scenario.ts";
import type { InterventionSetup } from "./runs.ts";

export function interventionSetup(scenario: Scenario, built: ScenarioGraph): InterventionSetup {
  validateScenario(scenario);
  const model = getModel(scenario.model);
  const sourceId = scenario.source ?? defaultSource(built);
  const source = built.compiled.ids.indexOf(sourceId);
  if (source < 0) throw new ScenarioError("source", `no account '${sourceId}' in this graph.`);
  return {
    graph: built.compiled,
    model,
    params: validateParams(model, scenario.params, scenario.preset),
    rules: scenario.rules,
    seed: scenario.seed,
    source,
    horizon: scenario.horizon,
  };
}
