/**
 * What the Monte Carlo, prediction and intervention panels share: an element
 * that lives as long as the page and contents rebuilt in the current language,
 * so a language switch keeps their workers, settings, results and any run in
 * progress.
 */
import { LIGHT_THEME, PRESENTATION_THEME, type Theme } from "../charts/svg.ts";
import { h } from "./dom.ts";
import { errorText } from "./error-text.ts";
import type { ExportItem } from "./export.ts";
import type { Messages } from "./i18n.ts";
import { LabError } from "./lab-client.ts";

/** Export buttons for one chart, made by the app so that panels need not know how exports work. */
export type ExportButtons = (item: ExportItem, what: string) => HTMLElement;

export abstract class RebuiltPanel {
  /** The panel; it stays on a language switch, only its contents are rebuilt. */
  readonly element: HTMLElement;
  protected presentation = false;

  /** Subclasses call `build()` at the end of their constructor, once their own fields exist. */
  constructor(
    protected m: Messages,
    protected caption: () => string,
    protected exportButtons: ExportButtons,
    className: string,
    titleId: string,
  ) {
    this.element = h("section", { class: `panel ${className}`, "aria-labelledby": titleId });
    // Charts are drawn at the width they get on screen (see chartWidth): draw again when it changes much.
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => {
        const width = this.element.clientWidth;
        // Next frame: drawing inside the observer would resize the panel within its own notification.
        if (width > 0 && Math.abs(width - this.drawnFor) > 0.1 * this.drawnFor)
          requestAnimationFrame(() => this.redrawCharts());
      }).observe(this.element);
    }
  }

  /** The panel width the charts on screen were last drawn for (0: none yet). */
  private drawnFor = 0;

  /** Draws the panel's charts again from its state (after a resize or a change of presentation mode). */
  protected redrawCharts(): void {}

  /** Presentation mode on or off: the charts are drawn again in its theme and widths. */
  setPresentation(on: boolean): void {
    if (on === this.presentation) return;
    this.presentation = on;
    this.redrawCharts();
  }

  /**
   * The width to draw a chart at: on screen, the width of its column in a two-column chart grid
   * (`.mc-charts`: columns of at least 30rem), so its type shows at the theme's size instead of
   * shrunk with the picture; for a file, or in presentation mode, the chart's own width (undefined).
   */
  protected chartWidth(forExport: boolean, charts = 2): number | undefined {
    if (forExport || this.presentation) return undefined;
    const panel = this.element.clientWidth;
    if (panel <= 0) return undefined;
    this.drawnFor = panel;
    const style = getComputedStyle(this.element);
    const inner =
      panel - (Number.parseFloat(style.paddingLeft) || 0) - (Number.parseFloat(style.paddingRight) || 0);
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const columns = Math.max(1, Math.min(charts, Math.floor((inner + rem) / (31 * rem))));
    const column = (inner - (columns - 1) * rem) / columns;
    return Math.round(Math.min(1000, Math.max(420, column)));
  }

  /** Another language: the same panel, worker, settings and results, in new words. */
  setMessages(m: Messages, exportButtons: ExportButtons): void {
    this.m = m;
    this.exportButtons = exportButtons;
    this.build();
  }

  /** The status line of the current build; what it says is kept as words, so a rebuild says it anew. */
  private status: HTMLElement | null = null;
  private statusText: ((m: Messages) => string) | null = null;

  /** A new status line for `build()`, saying what the last one said, in the current language. */
  protected statusLine(): HTMLElement {
    this.status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    this.say(this.statusText);
    return this.status;
  }

  protected say(text: ((m: Messages) => string) | null): void {
    this.statusText = text;
    if (this.status) this.status.textContent = text ? text(this.m) : "";
  }

  /** A chart with its own export buttons under it; nothing (and no buttons) while there is no chart. */
  protected chartWithExports(chart: SVGSVGElement | null, item: ExportItem, what: string): HTMLElement | "" {
    if (!chart) return "";
    return h("figure", { class: "chart-figure" }, chart, this.exportButtons(item, what));
  }

  /** Requests in flight; while there is any, the activity bar and Cancel show. */
  private busy = 0;
  private busyBox: HTMLElement | null = null;

  /**
   * An activity bar and a Cancel button for `build()` to place: shown while `working` waits for the
   * panel's worker, which can take seconds (a backtest, centralities on a big graph).
   */
  protected busyLine(): HTMLElement {
    const cancel = h("button", { type: "button", class: "secondary" }, this.m.cancel);
    cancel.addEventListener("click", () => {
      // Whatever waits is let go at once, even between two requests to the worker.
      for (const controller of this.inFlight) controller.abort();
      this.cancelWork();
    });
    this.busyBox = h(
      "div",
      { class: "busy", hidden: this.busy === 0 },
      h("progress", { "aria-label": this.m.computing }),
      cancel,
    );
    return this.busyBox;
  }

  /** Stops the panel's worker (subclasses restart it); what waited is rejected as cancelled. */
  protected cancelWork(): void {}

  private readonly inFlight = new Set<AbortController>();

  /**
   * Waits for `work` with the activity bar and Cancel shown. Cancel rejects at once as cancelled and aborts
   * `signal`, so work between two requests to the worker (fetching the samples) stops there too.
   */
  protected async working<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    this.busy++;
    if (this.busyBox) this.busyBox.hidden = false;
    const cancelled = new Promise<never>((_, reject) =>
      controller.signal.addEventListener("abort", () =>
        reject(new LabError("Cancelled.", null, false, { code: "cancelled" })),
      ),
    );
    try {
      return await Promise.race([work(controller.signal), cancelled]);
    } finally {
      this.inFlight.delete(controller);
      this.busy--;
      if (this.busyBox) this.busyBox.hidden = this.busy === 0;
    }
  }

  /** A cancelled request keeps what is on screen and says so. */
  protected isCancelled(error: unknown): boolean {
    return error instanceof LabError && error.detail?.code === "cancelled";
  }

  /** An error on the status line, worded in the current language when it carries a detail. */
  protected sayError(error: unknown): void {
    this.say((m) => errorText(error, m));
  }

  /** The charts' theme: large type in presentation mode. */
  protected theme(): Theme {
    return this.presentation ? PRESENTATION_THEME : LIGHT_THEME;
  }

  /** Fills `element` in the current language from the panel's state. */
  protected abstract build(): void;
}
