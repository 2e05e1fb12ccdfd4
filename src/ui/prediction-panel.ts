/**
 * Early warning: cut the cascade at T, predict the rest with an estimator
 * (in a worker: Hawkes fits take seconds), and show the prediction beside
 * what really happened, plus how the prediction converges as T grows.
 */
import { backtestChart, backtestRowsFromSummary } from "../charts/backtest.ts";
import { convergenceChart } from "../charts/convergence.ts";
import { type PredictionData, predictionChart } from "../charts/prediction.ts";
import type { Cascade } from "../core/cascade.ts";
import { type CountingRules, DEFAULT_RULES } from "../core/legal.ts";
import type { BacktestSummary } from "../core/predict/backtest.ts";
import { ESTIMATOR_IDS } from "../core/predict/index.ts";
import type { FormatId } from "../io/types.ts";
import type { PredictOutcome } from "../worker/protocol.ts";
import { h } from "./dom.ts";
import type { ExportItem } from "./export.ts";
import type { Messages } from "./i18n.ts";
import { LabClient, LabError } from "./lab-client.ts";
import { type ExportButtons, RebuiltPanel } from "./panel.ts";

/** Observed time the panel starts at: 10 minutes, the backtest's first T and twice SEISMIC's shortest window. */
const DEFAULT_OBSERVATION = 600;

/** Observation times for the convergence chart: 10 min, then roughly doubling up to the record's end. */
export function convergenceTimes(end: number): number[] {
  const times: number[] = [];
  for (let t = 600; t < end; t *= 2) times.push(t);
  if (end > 0) times.push(end);
  return times;
}

export class PredictionPanel extends RebuiltPanel {
  /** One worker for the panel's life: a language switch keeps it, and what it is computing. */
  private worker = new LabClient();
  /**
   * The backtest's own worker, made at its first use: on the prediction's worker a slider move would
   * replace the backtest's request (the newest request wins) and the backtest would stop without a word.
   */
  private backtestWorker: LabClient | null = null;
  private cascade: Cascade | null = null;
  private training: Cascade[] = [];
  private rules: CountingRules | null = null;
  private outcome: PredictOutcome | null = null;
  private slider!: HTMLInputElement;
  /** Until the user moves the slider, each new cascade starts at DEFAULT_OBSERVATION. */
  private sliderMoved = false;
  private readout!: HTMLOutputElement;
  private estimatorSelect!: HTMLSelectElement;
  private results!: HTMLElement;
  private timer = 0;
  private backtestSummary: BacktestSummary[] | null = null;
  private backtestHost!: HTMLElement;

  constructor(m: Messages, caption: () => string, exportButtons: ExportButtons) {
    super(m, caption, exportButtons, "panel-prediction", "prediction-title");
    this.build();
  }

  protected build(): void {
    const m = this.m;
    const at = this.slider?.value ?? "200";
    const estimator = this.estimatorSelect?.value ?? ESTIMATOR_IDS[0];
    this.slider = h("input", { type: "range", id: "predict-at", min: 0, max: 1000, step: 1, value: at });
    this.readout = h("output", { for: "predict-at", class: "readout" });
    this.slider.addEventListener("input", () => {
      this.sliderMoved = true;
      this.renderReadout();
      // Predict when the slider rests, not on every pixel.
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.predict(), 300);
    });
    this.estimatorSelect = h(
      "select",
      { id: "predict-estimator" },
      ...ESTIMATOR_IDS.map((id) =>
        h("option", { value: id, selected: id === estimator }, m.estimatorNames[id] ?? id),
      ),
    );
    this.estimatorSelect.addEventListener("change", () => void this.predict());
    const button = h("button", { type: "button" }, m.predict);
    button.addEventListener("click", () => void this.predict());
    const status = this.statusLine();
    this.results = h("div", { class: "prediction-results", "data-testid": "prediction" });
    this.backtestHost = h("div", { class: "backtest", "data-testid": "backtest" });
    const backtestButton = h("button", { type: "button" }, m.backtestButton);
    backtestButton.addEventListener("click", () => void this.backtest());
    this.element.replaceChildren(
      h("div", { class: "panel-head" }, h("h2", { id: "prediction-title" }, m.earlyWarning)),
      h(
        "div",
        { class: "prediction-controls" },
        h("label", { for: "predict-at" }, m.observeUpTo),
        this.slider,
        this.readout,
        h("label", { for: "predict-estimator" }, m.estimator),
        this.estimatorSelect,
        button,
      ),
      status,
      this.busyLine(),
      this.results,
      backtestButton,
      this.backtestHost,
    );
    if (this.cascade) this.renderReadout();
    this.render();
    this.renderBacktest();
  }

  /** The panel's charts and data, for its buttons and the export-all zip. */
  exportItems(): ExportItem[] {
    return [
      { name: "backtest", chart: () => this.backtestElement(true), json: () => this.backtestSummary },
      {
        name: "prediction",
        chart: () => this.predictionElement(true),
        json: () => this.outcome?.prediction ?? null,
      },
      {
        name: "convergence",
        chart: () => this.convergenceElement(true),
        json: () => this.outcome?.convergence ?? null,
      },
    ];
  }

  /** The cascade to predict (loaded or simulated), the others to learn from, and the counting rules. */
  setCascade(cascade: Cascade, training: Cascade[], rules: CountingRules): void {
    const changed = cascade !== this.cascade || rules !== this.rules;
    this.cascade = cascade;
    this.training = training;
    this.rules = rules;
    if (!changed) return;
    this.outcome = null;
    this.results.replaceChildren();
    if (!this.sliderMoved) this.slider.value = String(this.sliderFor(DEFAULT_OBSERVATION));
    this.renderReadout();
  }

  /** The slider position for T (seconds), within the record: the inverse of `at`. */
  private sliderFor(seconds: number): number {
    const end = Math.max(this.end(), 61);
    const T = Math.min(Math.max(seconds, 60), end / 2);
    if (T <= 60) return 0;
    return Math.round((1000 * Math.log(T / 60)) / Math.log(end / 60));
  }

  /** T on a log scale from 1 minute to the end of the record. */
  private at(): number {
    const end = this.end();
    const fraction = Number(this.slider.value) / 1000;
    return Math.round(60 * (Math.max(end, 61) / 60) ** fraction);
  }

  private end(): number {
    const events = this.cascade?.events ?? [];
    let end = 0;
    for (const e of events) end = Math.max(end, e.time);
    return end;
  }

  private renderReadout(): void {
    this.readout.textContent = `T = ${this.m.duration(this.at())}`;
  }

  async predict(): Promise<void> {
    if (!this.cascade || !this.rules) return;
    this.say((m) => m.predicting);
    try {
      const { cascade, rules } = this;
      const response = await this.working(() =>
        this.worker.predict({
          cascade,
          at: this.at(),
          estimator: this.estimatorSelect.value,
          rules,
          training: this.training,
          convergenceTimes: convergenceTimes(this.end()),
        }),
      );
      // The cascade or the rules changed while it ran: this answer is to another question.
      if (cascade !== this.cascade || rules !== this.rules) return;
      this.outcome = response.outcome;
      this.say(null);
      this.render();
    } catch (error) {
      if (error instanceof LabError && error.superseded) return;
      if (this.isCancelled(error)) this.say((m) => m.cancelled);
      else this.sayError(error);
    }
  }

  protected override cancelWork(): void {
    // A slider move just before Cancel must not start a prediction after it.
    clearTimeout(this.timer);
    this.worker.cancel();
    this.backtestWorker?.cancel();
  }

  /** Reads every bundled sample in the worker and backtests the estimators at 10 min, 1 h and 6 h. */
  async backtest(): Promise<void> {
    this.say((m) => m.predicting);
    try {
      this.backtestWorker ??= new LabClient();
      const backtestWorker = this.backtestWorker;
      const response = await this.working(async (signal) => {
        const index = (await (
          await fetch(new URL("samples/index.json", document.baseURI), { signal })
        ).json()) as Array<{
          file: string;
          format: FormatId;
        }>;
        const files = [...new Map(index.map((entry) => [entry.file, entry.format])).entries()];
        const cascades: Cascade[] = [];
        for (const [file, format] of files) {
          const text = await (await fetch(new URL(`samples/${file}`, document.baseURI), { signal })).text();
          signal.throwIfAborted();
          cascades.push(...(await backtestWorker.read(file, text, { format })).outcome.cascades);
        }
        signal.throwIfAborted();
        return backtestWorker.backtest(cascades, [600, 3600, 21600], this.rules ?? DEFAULT_RULES);
      });
      this.backtestSummary = response.summary;
      this.say(null);
      this.renderBacktest();
    } catch (error) {
      if (error instanceof LabError && error.superseded) return;
      if (this.isCancelled(error)) this.say((m) => m.cancelled);
      else this.sayError(error);
    }
  }

  private backtestElement(forExport: boolean): SVGSVGElement | null {
    if (!this.backtestSummary) return null;
    return backtestChart(
      backtestRowsFromSummary(this.backtestSummary, (id) => this.m.estimatorNames[id] ?? id),
      {
        text: this.m.chart,
        theme: this.theme(),
        caption: forExport ? this.caption() : undefined,
        width: this.chartWidth(forExport, 1),
      },
      { document },
    );
  }

  private renderBacktest(): void {
    const summary = this.backtestSummary;
    if (!summary) return;
    const m = this.m;
    const times = [...new Set(summary.map((s) => s.at))].sort((a, b) => a - b);
    const estimators = [...new Set(summary.map((s) => s.estimator))];
    const cell = (estimator: string, at: number) => {
      const s = summary.find((x) => x.estimator === estimator && x.at === at);
      return s && s.medianApe !== null ? `${(100 * s.medianApe).toFixed(1)}% (${s.cascades})` : "—";
    };
    this.backtestHost.replaceChildren(
      h(
        "table",
        {},
        h("caption", {}, m.backtestTable),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, m.backtestEstimator),
            ...times.map((t) => h("th", { scope: "col" }, m.duration(t))),
          ),
        ),
        h(
          "tbody",
          {},
          ...estimators.map((e) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, m.estimatorNames[e] ?? e),
              ...times.map((t) => h("td", {}, cell(e, t))),
            ),
          ),
        ),
      ),
      this.chartWithExports(this.backtestElement(false), this.exportItems()[0], m.chart.backtest.title),
    );
  }

  private predictionElement(forExport: boolean): SVGSVGElement | null {
    const chart = this.outcome?.chart;
    if (!chart) return null;
    const panel = (kind: "reposts" | "views"): PredictionData["reposts"] | null => {
      const observed = chart.observed[kind];
      const predicted = chart[kind];
      if (!observed || !predicted) return null;
      const truth = chart.truth[kind];
      return {
        observed: { time: chart.observed.time, values: observed },
        predicted,
        truth: truth && chart.truth.time.length ? { time: chart.truth.time, values: truth } : null,
        threshold: chart.thresholds[kind],
      };
    };
    const reposts = panel("reposts");
    if (!reposts) return null;
    // Show the near future, not the whole month of a long record: 4 T, or past the predicted crossing.
    const crossing = this.outcome?.prediction?.predicted.crossing.reposts?.time ?? 0;
    const pathEnd = reposts.predicted.time.length
      ? reposts.predicted.time[reposts.predicted.time.length - 1]
      : chart.at;
    const maxTime = Math.min(
      pathEnd,
      Math.max(4 * chart.at, 1.5 * (Number.isFinite(crossing) ? crossing : 0), 3600),
    );
    return predictionChart(
      { T: chart.at, reposts, views: panel("views") },
      {
        text: this.m.chart,
        theme: this.theme(),
        caption: forExport ? this.caption() : undefined,
        maxTime,
        width: this.chartWidth(forExport, this.gridCharts()),
      },
      { document },
    );
  }

  private convergenceElement(forExport: boolean): SVGSVGElement | null {
    const outcome = this.outcome;
    if (!outcome || outcome.convergence.length === 0 || !this.cascade || !this.rules) return null;
    const truth = this.cascade.events.length - 1;
    return convergenceChart(
      {
        estimators: outcome.convergence.map((c) => ({ ...c, name: this.m.estimatorNames[c.name] ?? c.name })),
        truth,
      },
      {
        text: this.m.chart,
        theme: this.theme(),
        threshold: this.rules.thresholds.reposts,
        caption: forExport ? this.caption() : undefined,
        width: this.chartWidth(forExport, this.gridCharts()),
      },
      { document },
    );
  }

  /** How many charts the prediction's grid holds: one chart alone takes the grid's whole width. */
  private gridCharts(): number {
    const outcome = this.outcome;
    if (!outcome) return 2;
    return (outcome.chart ? 1 : 0) + (outcome.convergence.length > 0 && this.cascade && this.rules ? 1 : 0);
  }

  protected override redrawCharts(): void {
    this.render();
    this.renderBacktest();
  }

  render(): void {
    const outcome = this.outcome;
    const m = this.m;
    if (!outcome) return;
    const [, prediction, convergence] = this.exportItems();
    const p = outcome.prediction;
    const lines: HTMLElement[] = [];
    if (!p)
      lines.push(
        h(
          "p",
          { class: "note" },
          m.unavailable(
            outcome.unavailableReason
              ? m.unavailableReason(outcome.unavailableReason, outcome.unavailable ?? "")
              : (outcome.unavailable ?? ""),
          ),
        ),
      );
    else {
      const band = p.predicted.finalReposts;
      const big = (x: number) => (Number.isFinite(x) ? m.count(x) : "∞");
      lines.push(
        h(
          "p",
          {},
          m.predictionSummary(m.count(p.observedReposts), big(band.estimate), big(band.low), big(band.high)),
        ),
      );
      lines.push(h("p", {}, m.predictedProbability(`${(100 * p.probability.reposts).toFixed(0)}%`)));
      const c = p.predicted.crossing.reposts;
      if (c)
        lines.push(
          h(
            "p",
            {},
            m.predictedCrossingAt(
              m.duration(c.time),
              m.duration(c.low),
              Number.isFinite(c.high) ? m.duration(c.high) : "∞",
            ),
          ),
        );
      if (p.truth) {
        const report = p.truth;
        lines.push(
          h(
            "p",
            { class: "truth" },
            m.truthAfter(
              m.count(report.finalReposts),
              report.crossing.reposts === null
                ? m.notCrossed(m.count(this.rules?.thresholds.reposts ?? 500))
                : m.duration(report.crossing.reposts),
            ),
          ),
        );
      }
    }
    this.results.replaceChildren(
      ...lines,
      h(
        "div",
        { class: "mc-charts" },
        this.chartWithExports(this.predictionElement(false), prediction, m.earlyWarning),
        this.chartWithExports(this.convergenceElement(false), convergence, m.chart.convergence.title),
      ),
    );
  }
}
