/**
 * Many runs of the scenario in a pool of workers: a progress bar, a cancel
 * button, the probability of crossing each line and when, a fan chart and
 * the distribution of crossing times. A cancelled run keeps the previous results.
 */
import { crossingTimesChart } from "../charts/crossing-times.ts";
import { fanChart } from "../charts/fan-chart.ts";
import type { Interval, MonteCarloSummary, Quantiles } from "../core/monte-carlo.ts";
import type { Scenario } from "../core/scenario.ts";
import type { KeyedGraph } from "../worker/monte-carlo-protocol.ts";
import { runMonteCarlo } from "../worker/pool.ts";
import { h } from "./dom.ts";
import type { ExportItem } from "./export.ts";
import type { Messages } from "./i18n.ts";
import { type ExportButtons, RebuiltPanel } from "./panel.ts";

export const DEFAULT_RUNS = 1000;

export class MonteCarloPanel extends RebuiltPanel {
  private summary: MonteCarloSummary | null = null;
  private summaryScenario: Scenario | null = null;
  /** The run in progress, if any: a language switch keeps it going. */
  private controller: AbortController | null = null;
  private runsInput!: HTMLInputElement;
  private runButton!: HTMLButtonElement;
  private cancelButton!: HTMLButtonElement;
  private progress!: HTMLProgressElement;
  private results!: HTMLElement;
  private scenario: Scenario | null = null;

  constructor(
    m: Messages,
    caption: () => string,
    exportButtons: ExportButtons,
    /** The graph as the app's lab worker holds it: big graphs are then not built again in every worker. */
    private readonly sharedGraph?: (scenario: Scenario) => Promise<KeyedGraph | null>,
  ) {
    super(m, caption, exportButtons, "panel-mc", "mc-title");
    this.build();
  }

  protected build(): void {
    const m = this.m;
    const runs = this.runsInput?.value ?? String(DEFAULT_RUNS);
    const running = this.controller !== null;
    this.runsInput = h("input", {
      type: "number",
      id: "mc-runs",
      min: 10,
      max: 100_000,
      step: 10,
      value: runs,
    });
    this.runButton = h("button", { type: "button", class: "primary-inline", disabled: running }, m.run);
    this.showRuns();
    this.runsInput.addEventListener("input", () => {
      this.showRuns();
      this.say(validRuns(Number(this.runsInput.value)) ? null : (words) => words.runsRange);
    });
    this.runButton.addEventListener("click", () => void this.run());
    this.cancelButton = h("button", { type: "button", disabled: !running }, m.cancel);
    this.cancelButton.addEventListener("click", () => this.controller?.abort());
    this.progress = h("progress", {
      max: 1,
      value: this.progress?.value ?? 0,
      "aria-label": m.monteCarlo,
      hidden: !running,
    });
    const status = this.statusLine();
    this.results = h("div", { class: "mc-results" });
    this.element.replaceChildren(
      h("div", { class: "panel-head" }, h("h2", { id: "mc-title" }, m.monteCarlo)),
      h(
        "div",
        { class: "mc-controls" },
        h("label", { for: "mc-runs" }, m.runs),
        this.runsInput,
        this.runButton,
        this.cancelButton,
        this.progress,
      ),
      status,
      this.results,
    );
    this.render();
  }

  /** The panel's charts and data, for its buttons and the export-all zip. */
  exportItems(): ExportItem[] {
    return [
      { name: "fan", chart: () => this.fan(true), json: () => this.summary?.fan ?? null },
      {
        name: "crossing-times",
        chart: () => this.crossing(true),
        csv: () => this.crossingCsv(),
        json: () => this.summary ?? null,
      },
    ];
  }

  /** The scenario the next run is for; results of another scenario are marked stale. */
  setScenario(scenario: Scenario): void {
    this.scenario = scenario;
    this.render();
  }

  get current(): MonteCarloSummary | null {
    return this.summary;
  }

  /** The run button says how many runs it starts, and is off while the number is not one it can run. */
  private showRuns(): void {
    const runs = Number(this.runsInput.value);
    const valid = validRuns(runs);
    this.runButton.textContent = valid ? this.m.runMany(this.m.count(runs)) : this.m.run;
    this.runButton.disabled = this.controller !== null || !valid;
  }

  async run(): Promise<void> {
    if (!this.scenario) return;
    const runs = Number(this.runsInput.value);
    if (!validRuns(runs)) {
      this.say((m) => m.runsRange);
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const scenario = this.scenario;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.cancelButton.disabled = false;
    this.runButton.disabled = true;
    this.say((m) => m.runsProgress("0", m.count(runs)));
    try {
      const summary = await runMonteCarlo(scenario, runs, {
        signal: controller.signal,
        sharedGraph: this.sharedGraph,
        onProgress: (done, total) => {
          this.progress.value = done / total;
          this.say((m) => m.runsProgress(m.count(done), m.count(total)));
        },
      });
      this.summary = summary;
      this.summaryScenario = scenario;
      this.say(null);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") this.say((m) => m.cancelled);
      else {
        this.sayError(error);
      }
    } finally {
      if (this.controller === controller) this.controller = null;
      this.progress.hidden = true;
      this.cancelButton.disabled = true;
      this.showRuns();
      this.render();
    }
  }

  private fan(forExport: boolean): SVGSVGElement | null {
    const s = this.summary;
    if (!s) return null;
    const hasViews = s.finalViews.max > 0;
    return fanChart(
      {
        time: s.fan.time,
        reposts: s.fan.reposts,
        views: hasViews ? s.fan.views : null,
        thresholds: s.thresholds,
        runs: s.runs,
      },
      {
        text: this.m.chart,
        theme: this.theme(),
        caption: forExport ? this.caption() : undefined,
        width: this.chartWidth(forExport),
      },
      { document },
    );
  }

  private crossing(forExport: boolean): SVGSVGElement | null {
    const s = this.summary;
    if (!s) return null;
    return crossingTimesChart(
      {
        reposts: s.crossingTimes.reposts,
        views: s.finalViews.max > 0 ? s.crossingTimes.views : null,
        runs: s.runs,
      },
      {
        text: this.m.chart,
        theme: this.theme(),
        caption: forExport ? this.caption() : undefined,
        width: this.chartWidth(forExport),
      },
      { document },
    );
  }

  private crossingCsv(): string | null {
    const s = this.summary;
    if (!s) return null;
    const rows = [
      ...Array.from(s.crossingTimes.reposts, (t) => `reposts,${t}`),
      ...Array.from(s.crossingTimes.views, (t) => `views,${t}`),
    ];
    return `line,crossing_time_s\n${rows.join("\n")}\n`;
  }

  protected override redrawCharts(): void {
    if (this.summary) this.render();
  }

  render(): void {
    const s = this.summary;
    const m = this.m;
    if (!s) {
      this.results.replaceChildren();
      return;
    }
    const [fanItem, crossingItem] = this.exportItems();
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    const probability = (what: string, p: Interval) =>
      m.probabilityOf(what, percent(p.estimate), percent(p.low), percent(p.high));
    const median = (what: string, q: Quantiles) =>
      q.p50 === null
        ? m.notCrossed(what)
        : m.medianCrossing(what, m.duration(q.p50), m.duration(q.p25 ?? 0), m.duration(q.p75 ?? 0));
    const reposts = m.reposts.toLowerCase();
    const views = m.views.toLowerCase();
    const stale = this.summaryScenario !== this.scenario;
    const interventions = this.summaryScenario?.interventions ?? [];
    this.results.replaceChildren(
      stale ? h("p", { class: "note" }, m.mcStale) : "",
      interventions.length > 0
        ? h(
            "p",
            { class: "note", "data-testid": "mc-interventions" },
            m.mcWithInterventions(interventions.map((i) => m.strategyNames[i.kind] ?? i.kind).join(", ")),
          )
        : "",
      h(
        "ul",
        { class: "mc-summary", "data-testid": "mc-summary" },
        h("li", {}, probability(reposts, s.probability.reposts)),
        h("li", {}, probability(views, s.probability.views)),
        h("li", {}, median(reposts, s.crossingTime.reposts)),
        h("li", {}, median(views, s.crossingTime.views)),
        h(
          "li",
          {},
          m.finalRepostsSummary(
            m.count(s.finalReposts.mean),
            m.count(s.finalReposts.p50),
            m.count(s.finalReposts.p95),
          ),
        ),
        h("li", {}, m.viewsFirstShare(percent(s.viewsFirst.estimate))),
      ),
      h(
        "div",
        { class: "mc-charts" },
        this.chartWithExports(this.fan(false), fanItem, m.chart.fan.title),
        this.chartWithExports(this.crossing(false), crossingItem, m.chart.crossingTimes.title),
      ),
    );
  }
}

/** Whole numbers from 10 to 100,000: a fraction or a typo is not rounded into some other number of runs. */
function validRuns(runs: number): boolean {
  return Number.isInteger(runs) && runs >= 10 && runs <= 100_000;
}
