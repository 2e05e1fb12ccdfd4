/**
 * The scenario panel. Controls are generated from the presets and the
 * model's parameter schema; the form is read back into a candidate scenario,
 * which is validated whole before anything changes.
 */
import { PRESET_IDS, PRESETS } from "../core/generators/presets.ts";
import { estimateGraphBytes, formatBytes, maxAccountsFor } from "../core/graph-size.ts";
import type { CountingRules } from "../core/legal.ts";
import { getModel, MODELS } from "../core/models/index.ts";
import { type Scenario, validateScenario } from "../core/scenario.ts";
import { h, uniqueId } from "./dom.ts";
import { type Messages, term } from "./i18n.ts";

export interface ControlsCallbacks {
  /** A candidate scenario the user asked for (already validated). */
  onApply(scenario: Scenario): void;
  /** What was wrong with the form (the error, to be worded in the current language). */
  onInvalid(error: unknown): void;
}

function field(label: string, input: HTMLElement, help?: string): HTMLElement {
  const id = input.id || uniqueId("field");
  input.id = id;
  const helpId = help ? `${id}-help` : undefined;
  if (helpId) input.setAttribute("aria-describedby", helpId);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    input,
    help ? h("p", { class: "help", id: helpId }, help) : null,
  );
}

function checkbox(label: string, name: string, checked: boolean, help: string): HTMLElement {
  const id = uniqueId(name);
  return h(
    "div",
    { class: "field checkbox" },
    h("input", { type: "checkbox", id, name, checked, "aria-describedby": `${id}-help` }),
    h("label", { for: id }, label),
    h("p", { class: "help", id: `${id}-help` }, help),
  );
}

export function renderControls(
  scenario: Scenario,
  m: Messages,
  callbacks: ControlsCallbacks,
): HTMLFormElement {
  const model = getModel(scenario.model);
  const params = { ...model.defaults(scenario.preset), ...scenario.params };
  const presetSelect = h(
    "select",
    { name: "preset" },
    ...PRESET_IDS.map((id) =>
      h(
        "option",
        { value: id, selected: id === scenario.preset },
        term(m, `preset.${id}.label`, PRESETS[id].label),
      ),
    ),
  );
  const modelSelect = h(
    "select",
    { name: "model" },
    ...Object.values(MODELS).map((mo) =>
      h(
        "option",
        { value: mo.id, selected: mo.id === scenario.model },
        term(m, `model.${mo.id}.label`, mo.label),
      ),
    ),
  );
  const seedInput = h("input", {
    type: "text",
    name: "seed",
    value: scenario.seed,
    maxlength: 100,
    autocomplete: "off",
  });
  const newSeed = h("button", { type: "button", class: "secondary" }, m.newSeed);
  newSeed.addEventListener("click", () => {
    // A fresh seed is the one place the UI wants entropy; the core stays seeded.
    seedInput.value = `seed-${Math.floor(Math.random() * 1e6)}`;
    form.requestSubmit();
  });
  const rules = scenario.rules;
  const scopeSelect = h(
    "select",
    { name: "scope" },
    h("option", { value: "tree", selected: rules.repostScope === "tree" }, m.repostScopeTree),
    h("option", { value: "direct", selected: rules.repostScope === "direct" }, m.repostScopeDirect),
  );
  const viewScopeSelect = h(
    "select",
    { name: "vscope" },
    h("option", { value: "all", selected: rules.viewScope === "all" }, m.viewScopeAll),
    h("option", { value: "original", selected: rules.viewScope === "original" }, m.viewScopeOriginal),
  );
  const form = h(
    "form",
    { class: "controls", "aria-label": m.scenario, novalidate: true },
    h(
      "fieldset",
      {},
      h("legend", {}, m.graph),
      field(
        m.preset,
        presetSelect,
        term(m, `preset.${scenario.preset}.description`, PRESETS[scenario.preset].description),
      ),
      field(
        m.accounts,
        h("input", {
          type: "number",
          name: "nodes",
          value: scenario.nodes,
          min: 10,
          max: maxAccountsFor(scenario.preset),
          step: 1,
        }),
        m.graphMemory(
          formatBytes(estimateGraphBytes(scenario.preset, scenario.nodes)),
          m.count(maxAccountsFor(scenario.preset)),
        ),
      ),
      h("div", { class: "field seed" }, field(m.seed, seedInput), newSeed),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, m.model),
      field(m.model, modelSelect, term(m, `model.${model.id}.description`, model.description)),
      ...model.params.map((spec) =>
        field(
          term(m, `${model.id}.${spec.key}.label`, spec.label),
          h("input", {
            type: "number",
            name: `param-${spec.key}`,
            value: params[spec.key],
            min: spec.min,
            max: spec.max,
            step: spec.step,
          }),
          term(m, `${model.id}.${spec.key}.description`, spec.description),
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, m.legalLine),
      field(
        m.repostThreshold,
        h("input", { type: "number", name: "reposts", value: rules.thresholds.reposts, min: 1, step: 1 }),
      ),
      field(
        m.viewThreshold,
        h("input", { type: "number", name: "views", value: rules.thresholds.views, min: 1, step: 1 }),
      ),
      field(
        m.viewRate,
        h("input", { type: "number", name: "rate", value: rules.viewRate, min: 0.01, max: 1, step: 0.01 }),
        m.viewRateHelp,
      ),
      field(m.repostScope, scopeSelect, m.repostScopeHelp),
      field(m.viewScope, viewScopeSelect, m.viewScopeHelp),
      checkbox(m.countRepeatViews, "repeat", rules.countRepeatViews, m.countRepeatViewsHelp),
      checkbox(m.countBots, "bots", rules.countBots, m.countBotsHelp),
    ),
    h("button", { type: "submit", class: "primary" }, m.run),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const candidate = readForm(form, scenario);
    try {
      callbacks.onApply(validateScenario(candidate));
    } catch (error) {
      callbacks.onInvalid(error);
    }
  });
  // Choosing another preset or model starts from that choice's defaults.
  presetSelect.addEventListener("change", () => {
    for (const input of form.querySelectorAll<HTMLInputElement>("input[name^='param-']"))
      input.dataset.reset = "1";
    form.requestSubmit();
  });
  modelSelect.addEventListener("change", () => form.requestSubmit());
  for (const element of form.querySelectorAll(
    "select[name='scope'], select[name='vscope'], input[type='checkbox']",
  )) {
    element.addEventListener("change", () => form.requestSubmit());
  }
  return form;
}

function readForm(form: HTMLFormElement, current: Scenario): Scenario {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  const num = (name: string) => {
    const raw = text(name).trim();
    return raw === "" ? Number.NaN : Number(raw);
  };
  const preset = text("preset") as Scenario["preset"];
  const modelId = text("model");
  const modelChanged = modelId !== current.model;
  const presetChanged = preset !== current.preset;
  const params: Record<string, number> = {};
  if (!modelChanged && !presetChanged) {
    const defaults = getModel(modelId).defaults(preset);
    for (const spec of getModel(modelId).params) {
      const value = num(`param-${spec.key}`);
      // Keep only what differs from the defaults, so links stay short.
      if (value !== defaults[spec.key]) params[spec.key] = value;
    }
  }
  const rules: CountingRules = {
    thresholds: { reposts: num("reposts"), views: num("views") },
    viewRate: num("rate"),
    repostScope: text("scope") === "direct" ? "direct" : "tree",
    viewScope: text("vscope") === "original" ? "original" : "all",
    countRepeatViews: data.get("repeat") !== null,
    countBots: data.get("bots") !== null,
  };
  const nodes = num("nodes");
  return {
    ...current,
    preset,
    nodes,
    seed: text("seed"),
    model: modelId,
    params,
    // Another graph has other accounts: go back to the preset's source.
    source: presetChanged || nodes !== current.nodes || text("seed") !== current.seed ? null : current.source,
    rules,
  };
}
