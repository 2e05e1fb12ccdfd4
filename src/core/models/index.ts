import { hawkes } from "./hawkes.ts";
import { independentCascade } from "./independent-cascade.ts";
import { linearThreshold } from "./linear-threshold.ts";
import { type CascadeModel, ParamError } from "./model.ts";
import { rumour } from "./rumour.ts";

/** Every cascade model, by id. Later models register here. */
export const MODELS: Record<string, CascadeModel> = {
  [independentCascade.id]: independentCascade,
  [linearThreshold.id]: linearThreshold,
  [rumour.id]: rumour,
  [hawkes.id]: hawkes,
};

export function getModel(id: string): CascadeModel {
  const model = Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
  if (!model)
    throw new ParamError(`model: unknown model '${id}'. Use one of ${Object.keys(MODELS).join(", ")}.`);
  return model;
}
