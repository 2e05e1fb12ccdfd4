/**
 * The app: one store, the panels that draw from it, and the workers that do
 * the long work. Data flows one way: scenario -> worker -> results -> charts.
 */

import {
  type CascadeTreeData,
  type CascadeTreeLayout,
  cascadeTreeChart,
  layoutCascadeTree,
  treeLayoutFits,
} from "../charts/cascade-tree.ts";
import { cascadeOnGraph, networkChart } from "../charts/network.ts";
import { LIGHT_THEME, PRESENTATION_THEME } from "../charts/svg.ts";
import { defaultMaxTime, timeSeriesChart } from "../charts/time-series.ts";
import type { Cascade } from "../core/cascade.ts";
import { assumeAudience, combineCascades, summarizeCascade } from "../core/cascade-stats.ts";
import { indexById } from "../core/compiled-graph.ts";
import { PRESETS } from "../core/generators/presets.ts";
import { diffCascades, type Pruning, pruneCascade } from "../core/interventions/index.ts";
import { type CumulativeSeries, cumulativeSeries, evaluateLine, type LineReport } from "../core/legal.ts";
import { getModel } from "../core/models/index.ts";
import type { Note } from "../core/notes.ts";
import { DEFAULT_SCENARIO, type Scenario, type ScenarioRun } from "../core/scenario.ts";
import type { FormatId, ReadOptions } from "../io/types.ts";
import type { GraphSnapshot, LayoutRequest, LayoutResponse } from "../worker/protocol.ts";
import { AppError, type AppErrorDetail } from "./app-errors.ts";
import { renderControls } from "./controls.ts";
import { h, restoreTypedFields, type TypedField, typedFields } from "./dom.ts";
import { detailText, errorText } from "./error-text.ts";

import { download, type ExportItem, exportAll, svgMarkup, svgToPng, toCsv } from "./export.ts";
import { GUIDED_SCENARIOS, type GuidedScenario } from "./guided.ts";
import { type Language, MESSAGES, type Messages, term } from "./i18n.ts";
import { InterventionPanel } from "./intervention-panel.ts";
import { LabClient, LabError } from "./lab-client.ts";
import { type ManualItems, renderLaw, renderReport } from "./legal-panel.ts";
import { MonteCarloPanel } from "./monte-carlo-panel.ts";
import { type NetworkCascade, NetworkView } from "./network-view.ts";
import {
  renderCascadePicker,
  renderOpenBar,
  renderSummaryCard,
  type SampleEntry,
  sampleWords,
} from "./observed.ts";
import { Playback } from "./playback.ts";
import { PredictionPanel } from "./prediction-panel.ts";
import { decodeScenarioProblems, encodeScenario } from "./scenario-url.ts";
import { createStore } from "./store.ts";

const STORAGE_KEY = "repost-threshold-lab/scenario";
const LANGUAGE_KEY = "repost-threshold-lab/language";

export interface AppState {
  /** The last good scenario: what is on screen. */
  scenario: Scenario;
  status: "idle" | "running";
  /** The message in the error box, in whatever language is current (null: none). */
  error: ((m: Messages) => string) | null;
  graph: GraphSnapshot | null;
  run: ScenarioRun | null;
  positions: Float32Array | null;
  layoutProgress: number;
  millis: number;
  clock: number;
  manual: ManualItems;
  messages: Messages;
  presentation: boolean;
  guide: GuidedScenario | null;
  /** A real cascade opened from a file or a sample; null while simulating. */
  observed: ObservedState | null;
  /** A file being read or parsed. */
  loading: { name: string; percent: number | null } | null;
  samples: SampleEntry[];
  /** Accounts the current intervention suspends. */
  suspended: string[];
}

export interface ObservedState {
  name: string;
  format: string;
  cascades: Cascade[];
  /** One index to show a cascade; several to add them up (article 4). */
  selected: number[];
  /** Assumed audience per account where the file has none. */
  assumed: number | null;
  /** The file's own notes, as data: worded in the language of the moment. */
  notes: Note[];
  /** The bundled sample it came from (its attribution is shown), or null. */
  sample: SampleEntry | null;
  /** A counterfactual pruning of the record (deleted at, accounts suspended), or null. */
  pruning: Pruning | null;
}

/** What the charts show: the simulated run or the observed cascade. */
interface Shown {
  cascade: Cascade;
  report: LineReport;
  source: string;
  /** With a counterfactual pruning of a record: the record itself and what the pruning removed. */
  counterfactual?: { original: Cascade; removed: Uint32Array; removedShare: number };
  /** What it is compared with: the record before pruning, or the run without its interventions. */
  baseline?: { cascade: Cascade; report: LineReport };
}

function storageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: the URL still carries the scenario.
  }
}

/** The scenario to start on: the URL's, else the saved one, else the default. */
function initialScenario(): { scenario: Scenario; error: AppErrorDetail | null } {
  const query = new URLSearchParams(location.search);
  query.delete("sample");
  if (query.size > 0) {
    const { scenario, problems } = decodeScenarioProblems(query.toString());
    if (problems.length === 0) return { scenario, error: null };
    return { scenario: DEFAULT_SCENARIO, error: { code: "scenarioRefused", from: "link", problems } };
  }
  const saved = storageGet(STORAGE_KEY);
  if (saved) {
    const { scenario, problems } = decodeScenarioProblems(saved);
    if (problems.length === 0) return { scenario, error: null };
    storageSet(STORAGE_KEY, null);
    return { scenario: DEFAULT_SCENARIO, error: { code: "scenarioRefused", from: "saved", problems } };
  }
  return { scenario: DEFAULT_SCENARIO, error: null };
}

function initialLanguage(): Language {
  const saved = storageGet(LANGUAGE_KEY);
  if (saved === "en" || saved === "zh") return saved;
  return navigator.language?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function startApp(root: HTMLElement): void {
  const start = initialScenario();
  const store = createStore<AppState>({
    scenario: start.scenario,
    status: "idle",
    error:
      start.error === null
        ? null
        : (
            (detail: AppErrorDetail) => (m: Messages) =>
              detailText(detail, m)
          )(start.error),
    graph: null,
    run: null,
    positions: null,
    layoutProgress: 0,
    millis: 0,
    clock: Number.POSITIVE_INFINITY,
    manual: { harm: false, prior: false },
    messages: MESSAGES[initialLanguage()],
    presentation: false,
    guide: null,
    observed: null,
    loading: null,
    samples: [],
    suspended: [],
  });
  const lab = new LabClient();
  const layoutWorker = new Worker(new URL("../worker/layout.worker.ts", import.meta.url), { type: "module" });
  const network = new NetworkView(store.get().messages, (index) => {
    const { graph, scenario, observed } = store.get();
    if (!graph || observed) return;
    if (interventionPanel?.clickSuspends.checked) {
      apply({ ...scenario, interventions: interventionPanel.toggleSuspended(graph.ids[index]) });
    } else if (interventionPanel?.clickCuts.checked) {
      const linked = (a: string, b: string) => {
        const from = graph.ids.indexOf(a);
        const to = graph.ids.indexOf(b);
        for (let j = graph.offsets[from]; j < graph.offsets[from + 1]; j++)
          if (graph.targets[j] === to) return true;
        return false;
      };
      const interventions = interventionPanel.cutClick(graph.ids[index], linked);
      if (interventions) apply({ ...scenario, interventions });
    } else apply({ ...scenario, source: graph.ids[index] });
  });
  const playback = new Playback(store.get().messages, (clock) => store.set({ clock }));

  let monteCarlo: MonteCarloPanel | null = null;
  let prediction: PredictionPanel | null = null;
  let interventionPanel: InterventionPanel | null = null;
  let treeLayout: "tidy" | "radial" = "tidy";
  /** What the last search for an account found: its note (in any language) and whether it can be the source. */
  let found: { note: ((m: Messages) => string) | null; canBeSource: boolean } | null = null;
  /** Elements the render step fills; rebuilt when the language changes. */
  let shell = buildShell(store.get().messages);

  function buildShell(m: Messages) {
    const controlsHost = h("div", { class: "controls-host" });
    const errorBox = h("div", { class: "error", role: "alert", hidden: true });
    const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    const findInput = h("input", {
      type: "search",
      id: "find-account",
      placeholder: "123",
      autocomplete: "off",
    });
    const findMessage = h("span", { class: "find-message", role: "status" }, found?.note?.(m) ?? "");
    const findForm = h(
      "form",
      { class: "find", role: "search" },
      h("label", { for: "find-account" }, m.findAccount),
      findInput,
      h("button", { type: "submit", class: "secondary" }, m.find),
      findMessage,
    );
    findForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const { graph } = store.get();
      const id = findInput.value.trim();
      const index = graph ? graph.ids.indexOf(id) : -1;
      // In a partial view a preset account ("0" .. "n-1") exists though it is not drawn: it can still be the source.
      const exists = index >= 0 || (graph?.whole != null && /^\d+$/.test(id) && Number(id) < graph.whole.n);
      found = {
        note: index >= 0 ? null : exists ? (m) => m.accountNotDrawn(id) : (m) => m.noSuchAccount(id),
        canBeSource: exists && store.get().observed === null,
      };
      findMessage.textContent = found.note?.(m) ?? "";
      makeSource.hidden = !found.canBeSource;
      if (index >= 0) network.focus(index);
    });
    // The keyboard's way to do what a click on the network does.
    const makeSource = h(
      "button",
      { type: "button", class: "secondary", hidden: !found?.canBeSource },
      m.makeSource,
    );
    makeSource.addEventListener("click", () => {
      const { graph, scenario } = store.get();
      const id = findInput.value.trim();
      const inWhole = graph?.whole != null && /^\d+$/.test(id) && Number(id) < graph.whole.n;
      if (graph?.ids.includes(id) || inWhole) apply({ ...scenario, source: id });
    });
    findForm.append(makeSource);
    const networkExport = exportButtons(m, m.network, exportItems()[0]);
    const chartHost = h("div", { class: "chart-host", "data-testid": "time-series" });
    const chartExport = exportButtons(m, m.timeSeries, exportItems()[1]);
    const reportHost = h("div", { class: "report-host" });
    const lawHost = h("div", { class: "law-host" });
    const presetNote = h("p", { class: "help preset-note" });
    const networkNote = h("p", { class: "note", "data-testid": "network-note", hidden: true });
    const openHost = h("section", { class: "open-host", "aria-label": m.openFile });
    // The Monte Carlo, prediction and intervention panels, with their workers, settings, results and
    // work in progress, outlive a language switch.
    const panelExports = (item: ExportItem, what: string) => exportButtons(m, what, item);
    if (monteCarlo) monteCarlo.setMessages(m, panelExports);
    else
      monteCarlo = new MonteCarloPanel(
        m,
        () => caption(store.get()),
        panelExports,
        (scenario) => lab.graph(scenario),
      );
    if (prediction) prediction.setMessages(m, panelExports);
    else prediction = new PredictionPanel(m, () => caption(store.get()), panelExports);
    if (interventionPanel) interventionPanel.setMessages(m, panelExports);
    else
      interventionPanel = new InterventionPanel(
        m,
        {
          onApply: (interventions) => apply({ ...store.get().scenario, interventions }),
          counterAccounts: () => {
            // The correction starts from a few of the source's followers.
            const { graph, run } = store.get();
            if (!graph || !run) return [];
            const source = graph.ids.indexOf(run.source);
            const followers: string[] = [];
            for (let j = graph.offsets[source]; j < graph.offsets[source + 1] && followers.length < 5; j++) {
              followers.push(graph.ids[graph.targets[j]]);
            }
            return followers;
          },
        },
        () => caption(store.get()),
        panelExports,
      );
    const lab6 = interventionPanel;
    const treeHost = h("div", { class: "chart-host", "data-testid": "cascade-tree" });
    const layoutSelect = h(
      "select",
      { id: "tree-layout" },
      h("option", { value: "tidy", selected: treeLayout === "tidy" }, m.tidy),
      h("option", { value: "radial", selected: treeLayout === "radial" }, m.radial),
    );
    layoutSelect.addEventListener("change", () => {
      treeLayout = layoutSelect.value === "radial" ? "radial" : "tidy";
      renderTree(store.get());
    });
    const treeSection = h(
      "section",
      { class: "panel panel-tree", "aria-labelledby": "tree-title" },
      h(
        "div",
        { class: "panel-head" },
        h("h2", { id: "tree-title" }, m.cascadeTree),
        h("label", { for: "tree-layout" }, m.treeLayout),
        layoutSelect,
        exportButtons(m, m.cascadeTree, exportItems()[2]),
      ),
      treeHost,
    );
    const observedHost = h("section", {
      class: "panel panel-observed",
      "aria-label": m.observed,
      hidden: true,
    });
    const loadingHost = h("div", { class: "loading", hidden: true });
    const guideHost = h("div", {
      class: "guide",
      role: "region",
      "aria-label": m.scenarios,
      "aria-live": "polite",
    });

    const language = h(
      "select",
      { id: "language", "aria-label": m.languageLabel },
      h("option", { value: "en", selected: m.language === "en", lang: "en" }, "English"),
      h("option", { value: "zh", selected: m.language === "zh", lang: "zh-CN" }, "简体中文"),
    );
    language.addEventListener("change", () => setLanguage(language.value === "zh" ? "zh" : "en"));
    const presentation = h(
      "button",
      { type: "button", "aria-pressed": String(store.get().presentation), "aria-keyshortcuts": "P" },
      m.presentation,
    );
    presentation.addEventListener("click", () => togglePresentation());
    const fullScreen = h("button", { type: "button" }, m.fullScreen);
    fullScreen.addEventListener("click", () => {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen?.();
    });
    const everything = h("button", { type: "button" }, m.exportAll);
    everything.addEventListener("click", () => {
      const state = store.get();
      // Every chart on screen, the panels' included (those not computed yet are left out).
      const everyItem = [
        ...exportItems(),
        ...(monteCarlo?.exportItems() ?? []),
        ...(interventionPanel?.exportItems() ?? []),
        ...(prediction?.exportItems() ?? []),
      ];
      void exportAll(everyItem, state.scenario, `${caption(state)}\n\n${state.messages.exportedFrom}\n`).then(
        (zip) => download(`repost-threshold-${state.scenario.seed}.zip`, zip),
      );
    });
    const reset = h("button", { type: "button" }, m.reset);
    reset.addEventListener("click", () => {
      storageSet(STORAGE_KEY, null);
      store.set({ guide: null });
      apply(DEFAULT_SCENARIO);
    });
    const guided = h(
      "nav",
      { class: "guided", "aria-label": m.scenarios },
      h("span", { class: "guided-title" }, m.scenarios),
      ...GUIDED_SCENARIOS.map((g) => {
        const button = h(
          "button",
          { type: "button", "aria-keyshortcuts": g.key },
          `${g.key}. ${g.title[m.language]}`,
        );
        button.addEventListener("click", () => startGuide(g));
        return button;
      }),
    );

    root.replaceChildren(
      h(
        "header",
        { class: "app-header" },
        h("h1", {}, m.appTitle),
        h("p", { class: "tagline" }, m.tagline),
        h("div", { class: "header-actions" }, language, presentation, fullScreen, everything, reset),
      ),
      guided,
      guideHost,
      h(
        "div",
        { class: "layout" },
        h(
          "aside",
          { class: "sidebar", "aria-label": m.legalLine },
          errorBox,
          loadingHost,
          openHost,
          controlsHost,
          status,
        ),
        h(
          "main",
          { class: "main" },
          observedHost,
          h(
            "section",
            { class: "panel panel-network", id: "network-panel", "aria-labelledby": "network-title" },
            h(
              "div",
              { class: "panel-head" },
              h("h2", { id: "network-title" }, m.network),
              findForm,
              networkExport,
            ),
            presetNote,
            networkNote,
            network.element,
            h("p", { class: "help" }, m.networkHelp),
          ),
          h(
            "section",
            { class: "panel panel-series", "aria-labelledby": "series-title" },
            h("div", { class: "panel-head" }, h("h2", { id: "series-title" }, m.timeSeries), chartExport),
            chartHost,
          ),
          h(
            "section",
            { class: "panel panel-playback", "aria-label": m.timeline },
            playback.element,
            h("p", { class: "help" }, m.shortcuts),
          ),
          treeSection,
          monteCarlo.element,
          lab6.element,
          prediction.element,
          h(
            "section",
            { class: "panel panel-legal", "aria-labelledby": "legal-title" },
            h("h2", { id: "legal-title" }, m.summary),
            reportHost,
            lawHost,
          ),
        ),
      ),
    );
    return {
      findForm,
      controlsHost,
      errorBox,
      status,
      chartHost,
      reportHost,
      lawHost,
      presetNote,
      networkNote,
      guideHost,
      openHost,
      observedHost,
      loadingHost,
      treeHost,
    };
  }

  function setLanguage(language: Language): void {
    storageSet(LANGUAGE_KEY, language);
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
    const messages = MESSAGES[language];
    document.title = messages.appTitle;
    // The timeline keeps its clock, speed and playing state; only its words change.
    playback.setMessages(messages);
    network.setMessages(messages);
    const typed = typedValues();
    store.set({ messages });
    shell = buildShell(messages);
    renderAll(store.get(), null);
    restoreTypedValues(typed);
    document.getElementById("language")?.focus();
  }

  /** The parts of the shell where a user types or chooses something before running it. */
  const FORM_HOSTS = ["controlsHost", "openHost", "observedHost", "findForm"] as const;

  /**
   * What was typed or chosen and not yet run, which a rebuilt shell would lose: the scenario form's
   * fields, the account search, the open bar's choices, the assumed audience and the what-if fields.
   */
  function typedValues(): TypedField[][] {
    return FORM_HOSTS.map((host) => typedFields(shell[host]));
  }

  function restoreTypedValues(typed: TypedField[][]): void {
    FORM_HOSTS.forEach((host, k) => {
      restoreTypedFields(shell[host], typed[k]);
    });
  }

  function togglePresentation(): void {
    const presentation = !store.get().presentation;
    document.body.classList.toggle("presentation", presentation);
    store.set({ presentation });
    root
      .querySelector(".header-actions button[aria-pressed]")
      ?.setAttribute("aria-pressed", String(presentation));
  }

  /** The worker for a guided scenario's side-by-side run: started the first time one is asked for. */
  let compareLab: LabClient | null = null;
  /** The guide's side-by-side run, kept so that a language switch redraws it instead of running it again. */
  let compared: { guide: GuidedScenario; run: ScenarioRun } | null = null;

  /** The guide's title and text, and its comparison chart once run, in the current language. */
  function renderGuide(state: AppState): void {
    const { guide, messages: m } = state;
    const run = guide && compared?.guide === guide ? compared.run : null;
    const compare = guide?.compare;
    shell.guideHost.replaceChildren(
      ...(guide ? [h("h2", {}, guide.title[m.language]), h("p", {}, guide.text[m.language])] : []),
      ...(run && compare
        ? [
            h(
              "div",
              { class: "chart-host compare-chart", "data-testid": "compare-chart" },
              timeSeriesChart(
                { series: cumulativeSeries(run.cascade, compare.scenario.rules), report: run.report },
                {
                  title: compare.title[m.language],
                  text: m.chart,
                  // Large type needs room: at 560 px the presentation labels run into each other.
                  width: state.presentation ? 960 : 560,
                  height: state.presentation ? 560 : 360,
                  theme: state.presentation ? PRESENTATION_THEME : LIGHT_THEME,
                },
                { document },
              ),
            ),
          ]
        : []),
    );
    shell.guideHost.hidden = guide === null;
  }

  function startGuide(guide: GuidedScenario): void {
    // Started again: its comparison is run again, and shown once, when it arrives.
    compared = null;
    store.set({ guide });
    renderGuide(store.get());
    const sample = guide.sample ? store.get().samples.find((s) => s.id === guide.sample) : undefined;
    if (sample) {
      void openSample(sample).then(() => {
        store.set({ guide });
        if (guide.play) playback.play(true);
      });
      return;
    }
    if (store.get().observed) store.set({ observed: null, graph: null });
    apply(guide.scenario, false, () => {
      if (guide.play) playback.play(true);
      else playback.toEnd();
    });
    if (guide.compare) {
      compareLab ??= new LabClient();
      compareLab.run(guide.compare.scenario).then(
        (result) => {
          // The shell of the moment: a language switch while it ran has built a new one.
          if (store.get().guide !== guide) return;
          compared = { guide, run: result.run };
          renderGuide(store.get());
        },
        () => undefined,
      );
    }
  }

  let shownCache: {
    run: ScenarioRun | null;
    observed: ObservedState | null;
    rules: unknown;
    value: Shown | null;
  } | null = null;

  function shown(state: AppState): Shown | null {
    if (
      shownCache &&
      shownCache.run === state.run &&
      shownCache.observed === state.observed &&
      shownCache.rules === state.scenario.rules
    ) {
      return shownCache.value;
    }
    let value: Shown | null = null;
    if (state.observed) {
      const { cascades, selected, assumed } = state.observed;
      let cascade =
        selected.length === 1 ? cascades[selected[0]] : combineCascades(selected.map((i) => cascades[i]));
      if (assumed !== null) cascade = assumeAudience(cascade, assumed);
      const pruning = state.observed.pruning;
      if (pruning) {
        const pruned = pruneCascade(cascade, pruning, state.scenario.rules);
        value = {
          cascade: pruned.cascade,
          report: pruned.report,
          source: cascade.events[0]?.account ?? "",
          counterfactual: { original: cascade, removed: pruned.removed, removedShare: pruned.removedShare },
          baseline: { cascade, report: evaluateLine(cascade, state.scenario.rules) },
        };
      } else {
        value = {
          cascade,
          report: evaluateLine(cascade, state.scenario.rules),
          source: cascade.events[0]?.account ?? "",
        };
      }
    } else if (state.run) {
      value = {
        cascade: state.run.cascade,
        report: state.run.report,
        source: state.run.source,
        baseline: state.run.withoutInterventions,
      };
    }
    shownCache = { run: state.run, observed: state.observed, rules: state.scenario.rules, value };
    return value;
  }

  /** The exported charts' caption: the scenario (or the file) and the legal line, in the language on screen. */
  function caption(state: AppState): string {
    const { scenario, run } = state;
    const m = state.messages;
    const r = scenario.rules;
    const line = m.captionRules(r.thresholds.reposts, r.thresholds.views, r.viewRate);
    if (state.observed) {
      const { observed } = state;
      const cascade = shown(state)?.cascade;
      return [
        m.captionObserved(
          cascade?.id ?? "",
          observed.name,
          m.formatNames[observed.format] ?? observed.format,
          cascade?.platform ? (m.platformNames[cascade.platform] ?? cascade.platform) : null,
          observed.assumed,
        ),
        m.captionData(line, observed.sample ? sampleWords(m, observed.sample).attribution : observed.name),
      ].join("\n");
    }
    if (!run) return "";
    const params = Object.entries(run.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    const model = getModel(scenario.model);
    return [
      m.captionSimulation(
        term(m, `preset.${scenario.preset}.label`, PRESETS[scenario.preset].label),
        scenario.nodes,
        scenario.seed,
        run.source,
        term(m, `model.${model.id}.label`, model.label),
        params,
      ),
      m.captionSimulated(line),
    ].join("\n");
  }

  /** The counts over time of what is shown (and of the run without the intervention), kept like the tree's input. */
  let seriesCache: {
    current: Shown;
    series: CumulativeSeries;
    baseline: CumulativeSeries | undefined;
  } | null = null;

  function seriesOf(state: AppState, current: Shown) {
    if (seriesCache?.current === current) return seriesCache;
    const { baseline } = current;
    seriesCache = {
      current,
      series: cumulativeSeries(current.cascade, state.scenario.rules),
      baseline: baseline ? cumulativeSeries(baseline.cascade, state.scenario.rules) : undefined,
    };
    return seriesCache;
  }

  function timeSeriesElement(state: AppState, forExport: boolean): SVGSVGElement | null {
    const current = shown(state);
    if (!current) return null;
    const { series, baseline } = seriesOf(state, current);
    return timeSeriesChart(
      {
        series,
        report: current.report,
        baseline: baseline ? { series: baseline, label: state.messages.withoutIntervention } : undefined,
      },
      {
        caption: forExport ? caption(state) : undefined,
        cursor: state.clock,
        marker: interventionMarker(state),
        text: state.messages.chart,
        theme: state.presentation ? PRESENTATION_THEME : LIGHT_THEME,
      },
      { document },
    );
  }

  /** The moment a timed intervention acts, for a vertical marker. */
  function interventionMarker(state: AppState): { time: number; label: string } | undefined {
    if (state.observed) return undefined;
    for (const iv of state.scenario.interventions ?? []) {
      if ("when" in iv && "time" in iv.when)
        return { time: iv.when.time, label: state.messages.interventionMarker(iv.kind) };
      if (iv.kind === "counter-message")
        return { time: iv.time, label: state.messages.interventionMarker(iv.kind) };
    }
    return undefined;
  }

  function playbackModel(state: AppState) {
    const current = shown(state);
    if (!current)
      return {
        times: new Float64Array(0),
        maxTime: 1,
        repostCrossing: null,
        viewCrossing: null,
        thresholds: state.scenario.rules.thresholds,
      };
    const { series } = seriesOf(state, current);
    const { report } = current;
    return {
      times: series.time,
      maxTime: defaultMaxTime(series, report),
      repostCrossing: report.crossing.reposts?.time ?? null,
      viewCrossing: report.crossing.views?.time ?? null,
      thresholds: report.thresholds,
    };
  }

  function networkCascade(state: AppState): NetworkCascade | null {
    const { graph } = state;
    const run = shown(state);
    if (!graph || !run) return null;
    const { repostTime, parentOf } = cascadeOnGraph(graph.ids, run.cascade.events);
    const depthOf = new Int32Array(graph.n).fill(-1);
    const index = indexById(graph.ids);
    for (const event of run.cascade.events) {
      const i = index.get(event.account);
      if (i !== undefined && depthOf[i] < 0) depthOf[i] = event.depth;
    }
    const suspended = new Set<number>();
    if (!state.observed) for (const id of state.suspended) suspended.add(index.get(id) ?? -1);
    // Where the intervention acted: accounts that would have reposted without it.
    const ghosted = new Set<number>();
    const without = state.observed ? undefined : state.run?.withoutInterventions;
    if (without) {
      const reposted = new Set(run.cascade.events.map((e) => e.account));
      for (const e of without.cascade.events) {
        const i = index.get(e.account);
        if (i !== undefined && !reposted.has(e.account)) ghosted.add(i);
      }
    }
    return {
      repostTime,
      parentOf,
      depthOf,
      source: index.get(run.source) ?? 0,
      crossings: run.report.crossing,
      suspended,
      ghosted,
      cutLinks: (state.observed ? [] : (state.scenario.interventions ?? []))
        .flatMap((iv) => (iv.kind === "cut-links" ? iv.links : []))
        .map(([a, b]) => [index.get(a) ?? -1, index.get(b) ?? -1] as const)
        .filter(([a, b]) => a >= 0 && b >= 0),
    };
  }

  function networkElement(state: AppState): SVGSVGElement | null {
    const cascade = networkCascade(state);
    if (!state.graph || !state.positions || !cascade) return null;
    return networkChart(
      { ...state.graph, positions: state.positions, ...cascade },
      {
        caption: caption(state),
        cursor: state.clock,
        theme: state.presentation ? PRESENTATION_THEME : LIGHT_THEME,
      },
      { document },
    );
  }

  /** Every chart with its data, for the export buttons and the zip. */
  function exportItems(): ExportItem[] {
    return [
      {
        name: "network",
        chart: () => networkElement(store.get()),
        csv: () => {
          const run = shown(store.get());
          if (!run) return null;
          return toCsv(
            ["index", "account", "parent", "time_s", "depth", "audience", "bot"],
            run.cascade.events.map((e, i) => [
              i,
              e.account,
              e.parent,
              e.time,
              e.depth,
              e.audience,
              e.bot ? 1 : 0,
            ]),
          );
        },
        json: () => shown(store.get())?.cascade ?? null,
      },
      {
        name: "time-series",
        chart: () => timeSeriesElement(store.get(), true),
        csv: () => {
          const state = store.get();
          const current = shown(state);
          if (!current) return null;
          const { series } = seriesOf(state, current);
          return toCsv(
            ["time_s", "reposts", "views"],
            Array.from(series.time, (t, i) => [
              t,
              series.reposts[i],
              series.hasViews ? series.views[i] : null,
            ]),
          );
        },
        json: () => shown(store.get())?.report ?? null,
      },
      {
        name: "cascade-tree",
        chart: () => treeElement(store.get(), true),
        csv: () => {
          const current = shown(store.get());
          if (!current) return null;
          return toCsv(
            ["index", "account", "parent", "time_s", "depth"],
            current.cascade.events.map((e, i) => [i, e.account, e.parent, e.time, e.depth]),
          );
        },
      },
    ];
  }

  /**
   * What the tree draws for what is shown, kept while the shown result stays (a Shown is
   * remade whenever the run, the record or the rules change): with an intervention, the run
   * without it with the branches the intervention cut ghosted. Playback redraws reuse it.
   */
  let treeInputCache: {
    current: Shown;
    data: CascadeTreeData;
    ghosted: Set<number> | undefined;
    baselineReport: LineReport | undefined;
  } | null = null;
  /** The tree's layout, kept while its events and layout mode stay: a playback redraw only moves the clock. */
  let treeLayoutCache: CascadeTreeLayout | null = null;

  function treeInput(current: Shown) {
    if (treeInputCache?.current === current) return treeInputCache;
    const { counterfactual, baseline } = current;
    const ghosted = counterfactual
      ? new Set(counterfactual.removed)
      : baseline
        ? new Set(diffCascades(baseline.cascade, current.cascade).ghosted)
        : undefined;
    const data = baseline
      ? { events: baseline.cascade.events, crossings: baseline.report.crossing }
      : { events: current.cascade.events, crossings: current.report.crossing };
    treeInputCache = { current, data, ghosted, baselineReport: baseline?.report };
    return treeInputCache;
  }

  function treeElement(state: AppState, forExport: boolean): SVGSVGElement | null {
    const current = shown(state);
    if (!current) return null;
    const { data, ghosted } = treeInput(current);
    if (!treeLayoutCache || !treeLayoutFits(treeLayoutCache, data, { layout: treeLayout })) {
      treeLayoutCache = layoutCascadeTree(data, { layout: treeLayout });
    }
    return cascadeTreeChart(
      data,
      {
        ghosted,
        layout: treeLayout,
        precomputed: treeLayoutCache,
        cursor: state.clock,
        text: state.messages.chart,
        theme: state.presentation ? PRESENTATION_THEME : LIGHT_THEME,
        caption: forExport ? caption(state) : undefined,
      },
      { document },
    );
  }

  let lastTreeRender = 0;
  let trailingTree: ReturnType<typeof setTimeout> | null = null;
  function renderTree(state: AppState, throttle = false): void {
    if (trailingTree !== null) clearTimeout(trailingTree);
    trailingTree = null;
    // During playback the tree redraws a few times a second, not every frame; the last clock is always drawn.
    const wait = 250 - (performance.now() - lastTreeRender);
    if (throttle && wait > 0) {
      trailingTree = setTimeout(() => renderTree(store.get()), wait);
      return;
    }
    lastTreeRender = performance.now();
    const tree = treeElement(state, false);
    shell.treeHost.replaceChildren(...(tree ? [tree] : []));
  }

  function exportButtons(m: Messages, what: string, item: ExportItem): HTMLElement {
    const stem = () => `${item.name}-${store.get().scenario.seed}`;
    const svgButton = h(
      "button",
      { type: "button", class: "secondary", "aria-label": `${m.exportSvg}: ${what}` },
      m.exportSvg,
    );
    svgButton.addEventListener("click", () => {
      const chart = item.chart?.();
      if (chart) download(`${stem()}.svg`, svgMarkup(chart));
    });
    const pngButton = h(
      "button",
      { type: "button", class: "secondary", "aria-label": `${m.exportPng}: ${what}` },
      m.exportPng,
    );
    pngButton.addEventListener("click", () => {
      const chart = item.chart?.();
      if (chart) void svgToPng(chart).then((png) => download(`${stem()}.png`, png));
    });
    const csvButton = h(
      "button",
      { type: "button", class: "secondary", "aria-label": `${m.exportCsv}: ${what}` },
      m.exportCsv,
    );
    csvButton.addEventListener("click", () => {
      const csv = item.csv?.();
      if (csv) download(`${stem()}.csv`, csv, "text/csv");
    });
    return h(
      "div",
      { class: "export-buttons", role: "group", "aria-label": what },
      svgButton,
      pngButton,
      csvButton,
    );
  }

  layoutWorker.onmessage = (message: MessageEvent<LayoutResponse>) => {
    const response = message.data;
    if (response.key !== store.get().graph?.key) return;
    store.set({ positions: response.positions, layoutProgress: response.progress });
    network.setPositions(response.positions, response.done);
  };

  /** Largest file a browser tab can reasonably hold as text plus parsed events. */
  const MAX_FILE_BYTES = 400 * 1024 * 1024;

  function sameSimulation(a: Scenario, b: Scenario): boolean {
    return encodeScenario({ ...a, rules: b.rules }) === encodeScenario(b);
  }

  function readText(file: File): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onprogress = (event) => {
        if (event.lengthComputable)
          store.set({
            loading: { name: file.name, percent: Math.round((100 * event.loaded) / event.total) },
          });
      };
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new AppError({ code: "fileUnreadable", file: file.name }));
      reader.readAsText(file);
    });
  }

  /** Reads files into a real cascade; a failure leaves the current scenario as it was. */
  async function openFiles(files: File[], format: FormatId | null): Promise<void> {
    const tooLarge = files.find((f) => f.size > MAX_FILE_BYTES);
    if (tooLarge) {
      store.set({ error: (m) => m.fileTooLarge(tooLarge.name, Math.round(tooLarge.size / 1048576)) });
      return;
    }
    try {
      const texts: Array<{ name: string; text: string }> = [];
      for (const file of files) texts.push({ name: file.name, text: await readText(file) });
      await openTexts(texts, format, null);
    } catch (error) {
      store.set({
        loading: null,
        error: (m: Messages) => m.loadFailed(errorText(error, m)),
      });
    }
  }

  /** Picks the main file and its companions (CED original microblog, Twitter label.txt). */
  async function openTexts(
    texts: Array<{ name: string; text: string }>,
    format: FormatId | null,
    sample: SampleEntry | null,
    line?: number,
  ): Promise<void> {
    const options: ReadOptions = format ? { format } : {};
    if (line !== undefined) options.line = line;
    const labels = texts.find((t) => /label\.txt$/i.test(t.name));
    if (labels && texts.length > 1) options.labels = labels;
    const rest = texts.filter((t) => t !== labels);
    // A JSON object beside a JSON array: the object is the original microblog, the array its reposts.
    const original = rest.length > 1 ? rest.find((t) => t.text.trimStart().startsWith("{")) : undefined;
    if (original) options.original = original;
    const main = rest.find((t) => t !== original) ?? texts[0];
    store.set({ loading: { name: main.name, percent: null }, error: null });
    try {
      const response = await lab.read(main.name, main.text, options);
      const { outcome } = response;
      if (outcome.cascades.length === 0) throw new AppError({ code: "noCascade", file: main.name });
      playback.pause();
      // The simulation's graph is no longer on screen: the next run must send it again.
      lab.knownGraph = null;
      if (outcome.graph) {
        network.setGraph(outcome.graph);
        layoutWorker.postMessage({
          type: "layout",
          key: outcome.graph.key,
          n: outcome.graph.n,
          offsets: outcome.graph.offsets,
          targets: outcome.graph.targets,
        } satisfies LayoutRequest);
      }
      store.set({
        loading: null,
        guide: null,
        graph: outcome.graph,
        positions: null,
        layoutProgress: outcome.graph ? 0 : 1,
        clock: Number.POSITIVE_INFINITY,
        observed: {
          name: main.name,
          format: outcome.format,
          cascades: outcome.cascades,
          selected: [0],
          assumed: null,
          notes: outcome.notes,
          sample,
          pruning: null,
        },
      });
      playback.setModel(playbackModel(store.get()));
    } catch (error) {
      if (error instanceof LabError && error.superseded) return;
      store.set({
        loading: null,
        error: (m: Messages) => m.loadFailed(errorText(error, m)),
      });
    }
  }

  async function openSample(sample: SampleEntry): Promise<void> {
    try {
      const fetchText = async (file: string) => {
        const response = await fetch(new URL(`samples/${file}`, document.baseURI));
        if (!response.ok)
          throw new AppError({
            code: "sampleHttp",
            file,
            status: response.status,
            statusText: response.statusText,
          });
        return { name: file.split("/").pop() ?? file, text: await response.text() };
      };
      const texts = [await fetchText(sample.file)];
      if (sample.original) texts.push(await fetchText(sample.original));
      await openTexts(texts, sample.format, sample, sample.line);
      const query = `${encodeScenario(store.get().scenario)}&sample=${encodeURIComponent(sample.id)}`;
      history.replaceState(null, "", `?${query}`);
    } catch (error) {
      store.set({
        loading: null,
        error: (m: Messages) => m.loadFailed(errorText(error, m)),
      });
    }
  }

  function backToSimulation(): void {
    store.set({ observed: null, graph: null });
    apply(store.get().scenario);
  }

  /** Counterfactual pruning of the record: delete at a time, suspend accounts. */
  function renderWhatIf(m: Messages, observed: ObservedState, current: Shown): HTMLElement {
    const minutes = h("input", {
      type: "number",
      id: "whatif-delete",
      min: 0,
      step: 1,
      value: observed.pruning?.deleteAt !== undefined ? observed.pruning.deleteAt / 60 : "",
    });
    const accounts = h("input", {
      type: "text",
      id: "whatif-suspend",
      value: observed.pruning?.suspend?.join(", ") ?? "",
    });
    const button = h("button", { type: "button" }, m.applyWhatIf);
    button.addEventListener("click", () => {
      const pruning: Pruning = {};
      if (minutes.value.trim() !== "" && Number(minutes.value) >= 0)
        pruning.deleteAt = Number(minutes.value) * 60;
      const ids = accounts.value
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean);
      if (ids.length) pruning.suspend = ids;
      store.set({ observed: { ...observed, pruning: Object.keys(pruning).length ? pruning : null } });
    });
    const result = current.counterfactual
      ? h(
          "p",
          { class: "note", "data-testid": "whatif-result" },
          m.whatIfResult(
            m.count(current.report.reposts),
            m.count(treeInput(current).baselineReport?.reposts ?? 0),
            `${(100 * current.counterfactual.removedShare).toFixed(0)}%`,
          ),
        )
      : null;
    return h(
      "div",
      { class: "whatif" },
      h("h3", {}, m.whatIf),
      h("div", { class: "field" }, h("label", { for: "whatif-delete" }, m.deleteAtMinutes), minutes),
      h("div", { class: "field" }, h("label", { for: "whatif-suspend" }, m.suspendAccounts), accounts),
      button,
      result,
    );
  }

  function renderLoading(state: AppState): void {
    const host = shell.loadingHost;
    if (!state.loading) {
      host.hidden = true;
      host.replaceChildren();
      return;
    }
    const m = state.messages;
    const cancel = h("button", { type: "button" }, m.cancel);
    cancel.addEventListener("click", () => {
      lab.cancel();
      store.set({ loading: null });
    });
    const progress = h("progress", { max: 100, "aria-label": state.loading.name });
    if (state.loading.percent !== null) progress.value = state.loading.percent;
    host.hidden = false;
    host.replaceChildren(
      h(
        "p",
        { role: "status" },
        state.loading.percent === null
          ? m.parsing(state.loading.name)
          : m.reading(state.loading.name, state.loading.percent),
      ),
      progress,
      cancel,
    );
  }

  /** Runs a candidate scenario; on success it becomes the scenario on screen. */
  function apply(scenario: Scenario, keepNotice = false, then?: () => void): void {
    store.set({ status: "running", error: keepNotice ? store.get().error : null });
    lab.run(scenario).then(
      (result) => {
        const graph = result.graph ?? store.get().graph;
        if (result.graph) {
          network.setGraph(result.graph);
          const request: LayoutRequest = {
            type: "layout",
            key: result.graph.key,
            n: result.graph.n,
            offsets: result.graph.offsets,
            targets: result.graph.targets,
          };
          layoutWorker.postMessage(request);
        }
        playback.pause();
        store.set({
          scenario,
          graph,
          run: result.run,
          suspended: result.suspended,
          status: "idle",
          millis: result.millis,
          clock: Number.POSITIVE_INFINITY,
          positions: result.graph ? null : store.get().positions,
          layoutProgress: result.graph ? 0 : store.get().layoutProgress,
        });
        playback.setModel(playbackModel(store.get()));
        const query = encodeScenario(scenario);
        history.replaceState(null, "", `?${query}`);
        storageSet(STORAGE_KEY, query);
        then?.();
      },
      (error: unknown) => {
        if (error instanceof LabError && error.superseded) return;
        store.set({ status: "idle", error: (m) => `${errorText(error, m)} ${m.keptLastGood}` });
      },
    );
  }

  function renderAll(state: AppState, previous: AppState | null): void {
    const m = state.messages;
    shell.errorBox.hidden = state.error === null;
    shell.errorBox.textContent = state.error?.(m) ?? "";
    renderLoading(state);
    shell.status.textContent =
      state.status === "running"
        ? m.running
        : state.layoutProgress < 1 && state.graph
          ? m.layoutProgress(Math.round(state.layoutProgress * 100))
          : state.run
            ? m.ranIn(Math.round(state.millis))
            : "";
    if (!previous || previous.scenario !== state.scenario) {
      shell.controlsHost.replaceChildren(
        renderControls(state.scenario, m, {
          onApply: (scenario) => {
            const current = store.get();
            // With a real cascade open, the counting rules apply to it; anything else goes back to simulating.
            if (current.observed && sameSimulation(current.scenario, scenario)) {
              store.set({ scenario, error: null });
              playback.setModel(playbackModel(store.get()));
              return;
            }
            store.set({ guide: null, observed: null });
            apply(scenario);
          },
          onInvalid: (error) => store.set({ error: (m) => `${errorText(error, m)} ${m.keptLastGood}` }),
        }),
      );
      shell.presetNote.textContent = term(
        m,
        `preset.${state.scenario.preset}.description`,
        PRESETS[state.scenario.preset].description,
      );
    }
    if (!previous || previous.graph !== state.graph || previous.messages !== state.messages) {
      // A graph too large to lay out arrives as the cascade's part of it: say so beside the picture.
      const whole = state.graph?.whole;
      shell.networkNote.hidden = !whole;
      shell.networkNote.textContent =
        whole && state.graph ? m.networkPartial(m.count(state.graph.n), m.count(whole.n)) : "";
    }
    if (!previous || previous.guide !== state.guide || previous.presentation !== state.presentation)
      renderGuide(state);
    const resultChanged =
      !previous ||
      previous.run !== state.run ||
      previous.observed !== state.observed ||
      previous.scenario.rules !== state.scenario.rules ||
      previous.presentation !== state.presentation;
    if (!previous || previous.samples !== state.samples || previous.observed !== state.observed) {
      shell.openHost.replaceChildren(
        renderOpenBar(m, state.samples, { onFiles: openFiles, onSample: openSample }),
        ...(state.observed
          ? [
              (() => {
                const back = h("button", { type: "button", class: "secondary" }, m.backToSimulation);
                back.addEventListener("click", backToSimulation);
                return back;
              })(),
            ]
          : []),
      );
    }
    if (resultChanged || previous.clock !== state.clock) {
      const chart = timeSeriesElement(state, false);
      shell.chartHost.replaceChildren(...(chart ? [chart] : []));
      renderTree(state, !resultChanged && Number.isFinite(state.clock));
      network.setClock(state.clock);
    }
    if (resultChanged) {
      const current = shown(state);
      if (current) shell.reportHost.replaceChildren(renderReport(current.report, m));
      const without = state.observed ? undefined : state.run?.withoutInterventions;
      if (current && without) {
        shell.reportHost.append(
          h(
            "p",
            { class: "note", "data-testid": "intervention-effect" },
            m.withIntervention(m.count(current.report.reposts), m.count(without.report.reposts)),
          ),
        );
      }
      if (interventionPanel) {
        interventionPanel.setPresentation(state.presentation);
        interventionPanel.setScenario(state.scenario);
        interventionPanel.element.hidden = state.observed !== null;
      }
      if (state.observed && current) {
        const observed = state.observed;
        const picker = renderCascadePicker(m, observed.cascades, observed.selected, (selected) =>
          store.set({ observed: { ...observed, selected } }),
        );
        shell.observedHost.replaceChildren(
          h("h2", {}, m.observedTitle(observed.name)),
          ...(picker ? [picker] : []),
          renderSummaryCard(m, summarizeCascade(current.cascade, state.scenario.rules), (assumed) =>
            store.set({ observed: { ...observed, assumed } }),
          ),
          renderWhatIf(m, observed, current),
          ...(state.graph ? [] : [h("p", { class: "note" }, m.noNetworkInFile)]),
          ...(observed.sample
            ? [h("p", { class: "help" }, sampleWords(m, observed.sample).attribution)]
            : []),
        );
      }
      shell.observedHost.hidden = state.observed === null;
      if (prediction && current) {
        prediction.setPresentation(state.presentation);
        const others = state.observed
          ? state.observed.cascades.filter((_, i) => !state.observed?.selected.includes(i))
          : [];
        prediction.setCascade(current.cascade, others, state.scenario.rules);
      }
      if (monteCarlo) {
        monteCarlo.setPresentation(state.presentation);
        monteCarlo.setScenario(state.scenario);
        monteCarlo.element.hidden = state.observed !== null;
      }
      const networkPanel = root.querySelector<HTMLElement>("#network-panel");
      if (networkPanel) networkPanel.hidden = state.observed !== null && state.graph === null;
      const cascade = networkCascade(state);
      if (cascade) network.setCascade(cascade);
    }
    if (!previous || previous.manual !== state.manual) {
      shell.lawHost.replaceChildren(renderLaw(m, state.manual, (manual) => store.set({ manual })));
    }
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target?.closest("input, select, textarea, [contenteditable]")) return;
    const guide = GUIDED_SCENARIOS.find((g) => g.key === event.key);
    if (guide) startGuide(guide);
    else if (event.key === " " && !target?.closest("button")) playback.toggle();
    else if (event.key === "ArrowRight") playback.step(1);
    else if (event.key === "ArrowLeft") playback.step(-1);
    else if (event.key === "Home") playback.jumpTo(0);
    else if (event.key === "End") playback.toEnd();
    else if (event.key === "p" || event.key === "P") togglePresentation();
    else return;
    event.preventDefault();
  });

  // Memory in use, where the browser reports it (Chromium's performance.memory), with the network's typed arrays.
  const memoryLine = h("p", { class: "help memory", "data-testid": "memory" });
  const reportMemory = () => {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    const graph = store.get().graph;
    // The whole compiled graph, held by the lab worker, even when only the cascade's part is on the page.
    const graphBytes = graph ? graph.bytes : 0;
    if (!memoryLine.isConnected) root.querySelector(".sidebar")?.append(memoryLine);
    memoryLine.textContent = memory
      ? store
          .get()
          .messages.memoryInUse(
            (memory.usedJSHeapSize / 1048576).toFixed(0),
            (graphBytes / 1048576).toFixed(1),
          )
      : "";
  };
  setInterval(reportMemory, 3000);

  // Files dropped anywhere on the page open as a real cascade.
  document.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    event.preventDefault();
    void openFiles([...files], null);
  });

  const requestedSample = new URLSearchParams(location.search).get("sample");
  fetch(new URL("samples/index.json", document.baseURI))
    .then((response) => (response.ok ? (response.json() as Promise<SampleEntry[]>) : []))
    .then((samples) => {
      store.set({ samples: Array.isArray(samples) ? samples : [] });
      const sample = store.get().samples.find((s) => s.id === requestedSample);
      if (sample) void openSample(sample);
    })
    .catch(() => store.set({ samples: [] }));

  document.documentElement.lang = store.get().messages.language === "zh" ? "zh-CN" : "en";
  document.title = store.get().messages.appTitle;
  store.subscribe(renderAll);
  renderAll(store.get(), null);
  // A refused link's message stays until the user acts.
  apply(store.get().scenario, true);
}
