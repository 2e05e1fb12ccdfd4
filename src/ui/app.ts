/**
 * The app: one store, the panels that draw from it, and the workers that do
 * the long work. Data flows one way: scenario -> worker -> results -> charts.
 */
import { cascadeOnGraph, networkChart } from "../charts/network.ts";
import { timeSeriesChart } from "../charts/time-series.ts";
import { indexById } from "../core/compiled-graph.ts";
import { PRESETS } from "../core/generators/presets.ts";
import { cumulativeSeries } from "../core/legal.ts";
import { getModel } from "../core/models/index.ts";
import { DEFAULT_SCENARIO, type Scenario, type ScenarioRun } from "../core/scenario.ts";
import type { GraphSnapshot, LayoutRequest, LayoutResponse } from "../worker/protocol.ts";
import { renderControls } from "./controls.ts";
import { clear, h } from "./dom.ts";
import { download, svgMarkup } from "./export.ts";
import { en, type Messages } from "./i18n.ts";
import { LabClient, LabError } from "./lab-client.ts";
import { type ManualItems, renderLaw, renderReport } from "./legal-panel.ts";
import { type NetworkCascade, NetworkView } from "./network-view.ts";
import { decodeScenario, encodeScenario } from "./scenario-url.ts";
import { createStore } from "./store.ts";

const STORAGE_KEY = "repost-threshold-lab/scenario";

export interface AppState {
  /** The last good scenario: what is on screen. */
  scenario: Scenario;
  status: "idle" | "running";
  error: string | null;
  graph: GraphSnapshot | null;
  run: ScenarioRun | null;
  positions: Float32Array | null;
  layoutProgress: number;
  millis: number;
  clock: number;
  manual: ManualItems;
  messages: Messages;
}

/** The scenario to start on: the URL's, else the saved one, else the default. */
function initialScenario(): { scenario: Scenario; error: string | null } {
  if (location.search.length > 1) {
    const { scenario, errors } = decodeScenario(location.search);
    if (errors.length === 0) return { scenario, error: null };
    return { scenario: DEFAULT_SCENARIO, error: `The link's scenario was refused: ${errors.join(" ")}` };
  }
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) {
      const { scenario, errors } = decodeScenario(saved);
      if (errors.length === 0) return { scenario, error: null };
      localStorage.removeItem(STORAGE_KEY);
      return {
        scenario: DEFAULT_SCENARIO,
        error: `The saved scenario was damaged and has been discarded: ${errors.join(" ")}`,
      };
    }
  } catch {
    // Storage may be unavailable (private mode); the default will do.
  }
  return { scenario: DEFAULT_SCENARIO, error: null };
}

export function startApp(root: HTMLElement): void {
  const start = initialScenario();
  const store = createStore<AppState>({
    scenario: start.scenario,
    status: "idle",
    error: start.error,
    graph: null,
    run: null,
    positions: null,
    layoutProgress: 0,
    millis: 0,
    clock: Number.POSITIVE_INFINITY,
    manual: { harm: false, prior: false },
    messages: en,
  });
  const lab = new LabClient();
  const layoutWorker = new Worker(new URL("../worker/layout.worker.ts", import.meta.url), { type: "module" });
  const m = () => store.get().messages;

  const network = new NetworkView(m(), (index) => {
    const { graph, scenario } = store.get();
    if (graph) apply({ ...scenario, source: graph.ids[index] });
  });

  // Layout.
  const controlsHost = h("div", { class: "controls-host" });
  const errorBox = h("div", { class: "error", role: "alert", hidden: true });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const findInput = h("input", {
    type: "search",
    id: "find-account",
    placeholder: "e.g. 123",
    autocomplete: "off",
  });
  const findMessage = h("span", { class: "find-message", role: "status" });
  const findForm = h(
    "form",
    { class: "find", role: "search" },
    h("label", { for: "find-account" }, m().findAccount),
    findInput,
    h("button", { type: "submit", class: "secondary" }, m().find),
    findMessage,
  );
  findForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const { graph } = store.get();
    const id = findInput.value.trim();
    const index = graph ? graph.ids.indexOf(id) : -1;
    findMessage.textContent = index < 0 ? m().noSuchAccount(id) : "";
    if (index >= 0) network.focus(index);
  });
  const networkExport = h("button", { type: "button", class: "secondary" }, `${m().exportSvg}`);
  const chartHost = h("div", { class: "chart-host", "data-testid": "time-series" });
  const chartExport = h("button", { type: "button", class: "secondary" }, `${m().exportSvg}`);
  const reportHost = h("div", { class: "report-host" });
  const lawHost = h("div", { class: "law-host" });
  const presetNote = h("p", { class: "help preset-note" });

  root.replaceChildren(
    h(
      "header",
      { class: "app-header" },
      h("h1", {}, m().appTitle),
      h("p", { class: "tagline" }, m().tagline),
    ),
    h(
      "div",
      { class: "layout" },
      h("aside", { class: "sidebar", "aria-label": "Scenario settings" }, errorBox, controlsHost, status),
      h(
        "main",
        { class: "main" },
        h(
          "section",
          { class: "panel panel-network", "aria-labelledby": "network-title" },
          h(
            "div",
            { class: "panel-head" },
            h("h2", { id: "network-title" }, m().network),
            findForm,
            networkExport,
          ),
          presetNote,
          network.element,
          h("p", { class: "help" }, m().networkHelp),
        ),
        h(
          "section",
          { class: "panel panel-series", "aria-labelledby": "series-title" },
          h("div", { class: "panel-head" }, h("h2", { id: "series-title" }, m().timeSeries), chartExport),
          chartHost,
        ),
        h(
          "section",
          { class: "panel panel-legal", "aria-labelledby": "legal-title" },
          h("h2", { id: "legal-title" }, m().summary),
          reportHost,
          lawHost,
        ),
      ),
    ),
  );

  function caption(state: AppState): string {
    const { scenario, run } = state;
    if (!run) return "";
    const params = Object.entries(run.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    const r = scenario.rules;
    return [
      `${PRESETS[scenario.preset].label}, ${scenario.nodes.toLocaleString("en-US")} accounts, seed '${scenario.seed}', source ${run.source}; ${getModel(scenario.model).label} (${params}).`,
      `Line: ${r.thresholds.reposts} reposts or ${r.thresholds.views} views at view rate ${r.viewRate}. Simulated with Repost Threshold Lab.`,
    ].join("\n");
  }

  function timeSeriesElement(state: AppState, forExport: boolean): SVGSVGElement | null {
    if (!state.run) return null;
    const { cascade, report } = state.run;
    return timeSeriesChart(
      { series: cumulativeSeries(cascade, state.scenario.rules), report },
      { caption: forExport ? caption(state) : undefined, cursor: state.clock, text: state.messages.chart },
      { document },
    );
  }

  function networkCascade(state: AppState): NetworkCascade | null {
    const { graph, run } = state;
    if (!graph || !run) return null;
    const { repostTime, parentOf } = cascadeOnGraph(graph.ids, run.cascade.events);
    const depthOf = new Int32Array(graph.n).fill(-1);
    const index = indexById(graph.ids);
    for (const event of run.cascade.events) {
      const i = index.get(event.account);
      if (i !== undefined && depthOf[i] < 0) depthOf[i] = event.depth;
    }
    return {
      repostTime,
      parentOf,
      depthOf,
      source: index.get(run.source) ?? 0,
      crossings: run.report.crossing,
    };
  }

  networkExport.addEventListener("click", () => {
    const state = store.get();
    const cascade = networkCascade(state);
    if (!state.graph || !state.positions || !cascade) return;
    const chart = networkChart(
      { ...state.graph, positions: state.positions, ...cascade },
      { caption: caption(state), cursor: state.clock },
      { document },
    );
    download(`network-${state.scenario.seed}.svg`, svgMarkup(chart));
  });
  chartExport.addEventListener("click", () => {
    const chart = timeSeriesElement(store.get(), true);
    if (chart) download(`time-series-${store.get().scenario.seed}.svg`, svgMarkup(chart));
  });

  layoutWorker.onmessage = (message: MessageEvent<LayoutResponse>) => {
    const response = message.data;
    if (response.key !== store.get().graph?.key) return;
    store.set({ positions: response.positions, layoutProgress: response.progress });
    network.setPositions(response.positions, response.done);
  };

  /** Runs a candidate scenario; on success it becomes the scenario on screen. */
  function apply(scenario: Scenario, keepNotice = false): void {
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
        store.set({
          scenario,
          graph,
          run: result.run,
          status: "idle",
          millis: result.millis,
          positions: result.graph ? null : store.get().positions,
        });
        const query = encodeScenario(scenario);
        history.replaceState(null, "", `?${query}`);
        try {
          localStorage.setItem(STORAGE_KEY, query);
        } catch {
          // Storage full or blocked: the URL still carries the scenario.
        }
      },
      (error: unknown) => {
        if (error instanceof LabError && error.superseded) return;
        const message = error instanceof Error ? error.message : String(error);
        store.set({ status: "idle", error: `${message} ${m().keptLastGood}` });
      },
    );
  }

  function renderAll(state: AppState, previous: AppState | null): void {
    errorBox.hidden = state.error === null;
    errorBox.textContent = state.error ?? "";
    status.textContent =
      state.status === "running"
        ? state.messages.running
        : state.layoutProgress < 1 && state.graph
          ? state.messages.layoutProgress(Math.round(state.layoutProgress * 100))
          : state.run
            ? state.messages.ranIn(Math.round(state.millis))
            : "";
    if (!previous || previous.scenario !== state.scenario || previous.messages !== state.messages) {
      controlsHost.replaceChildren(
        renderControls(state.scenario, state.messages, {
          onApply: apply,
          onInvalid: (message) => store.set({ error: `${message} ${m().keptLastGood}` }),
        }),
      );
      presetNote.textContent = PRESETS[state.scenario.preset].description;
    }
    if (
      !previous ||
      previous.run !== state.run ||
      previous.clock !== state.clock ||
      previous.messages !== state.messages
    ) {
      const chart = timeSeriesElement(state, false);
      clear(chartHost);
      if (chart) chartHost.appendChild(chart);
      if (state.run) reportHost.replaceChildren(renderReport(state.run.report, state.messages));
      const cascade = networkCascade(state);
      if (cascade) network.setCascade(cascade);
      network.setClock(state.clock);
    }
    if (!previous || previous.manual !== state.manual || previous.messages !== state.messages) {
      lawHost.replaceChildren(renderLaw(state.messages, state.manual, (manual) => store.set({ manual })));
    }
  }

  store.subscribe(renderAll);
  renderAll(store.get(), null);
  // A refused link's message stays until the user acts.
  apply(store.get().scenario, true);
}
