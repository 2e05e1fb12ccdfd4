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

/** Export buttons for one chart, made by the app so that panels need not know how exports work. */
export type ExportButtons = (item: ExportItem, what: string) => HTMLElement;

export abstract class RebuiltPanel {
  /** The panel; it stays on a language switch, only its contents are rebuilt. */
  readonly element: HTMLElement;
  presentation = false;

  /** Subclasses call `build()` at the end of their constructor, once their own fields exist. */
  constructor(
    protected m: Messages,
    protected caption: () => string,
    protected exportButtons: ExportButtons,
    className: string,
    titleId: string,
  ) {
    this.element = h("section", { class: `panel ${className}`, "aria-labelledby": titleId });
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
