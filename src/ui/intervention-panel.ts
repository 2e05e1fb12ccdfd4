/**
 * The intervention lab: choose a strategy, apply it to the run (the charts
 * show where and when it acts), compare it over many paired runs, compare
 * centralities, and search for the latest safe deletion. The many-run work
 * happens in its own worker.
 */
import { strategyComparisonChart } from "../charts/strategy-comparison.ts";
import {
  CENTRALITIES,
  CENTRALITY_LIMITS,
  changeRows,
  type Intervention,
  type StrategyRow,
} from "../core/interventions/index.ts";
import type { Scenario } from "../core/scenario.ts";
import { h, restoreTypedFields, typedFields } from "./dom.ts";
import type { ExportItem } from "./export.ts";
import type { Messages } from "./i18n.ts";
import { LabClient, LabError } from "./lab-client.ts";
import { type ExportButtons, RebuiltPanel } from "./panel.ts";

const KINDS = [
  "none",
  "suspend-top",
  "suspend-next",
  "delete",
  "throttle",
  "label",
  "group-cap",
  "group-forward-limit",
  "counter-message",
  "suspend",
] as const;
type Kind = (typeof KINDS)[number];

const RUNS = 300;

export interface InterventionCallbacks {
  /** Apply these interventions to the scenario (an empty list removes them). */
  onApply(interventions: Intervention[]): void;
  /** Followers of the source, for the counter-message. */
  counterAccounts(): string[];
}

export class InterventionPanel extends RebuiltPanel {
  /** One worker for the panel's life: a language switch keeps it, and what it is computing. */
  private worker = new LabClient();
  private scenario: Scenario | null = null;
  private kind!: HTMLSelectElement;
  private fields!: HTMLElement;
  private results!: HTMLElement;
  /** The last answer, drawn in the current language (null: none yet). */
  private shownResults: (() => Array<Element | string>) | null = null;
  private target!: HTMLInputElement;
  private rows: StrategyRow[] | null = null;
  /** The rows' labels in a language (the core's are English). */
  private rowWords: ((m: Messages) => string[]) | null = null;
  private handPicked: string[] = [];
  private suspendsBox!: HTMLInputElement;
  private cutsBox!: HTMLInputElement;
  private cutLinks: Array<[string, string]> = [];
  private pendingCut: string | null = null;

  constructor(
    m: Messages,
    private callbacks: InterventionCallbacks,
    caption: () => string,
    exportButtons: ExportButtons,
  ) {
    super(m, caption, exportButtons, "panel-intervention", "iv-title");
    this.build();
  }

  /** Clicking an account in the network suspends it. */
  get clickSuspends(): HTMLInputElement {
    return this.suspendsBox;
  }

  /** Scissors: click a poster, then a follower, to cut the link between them. */
  get clickCuts(): HTMLInputElement {
    return this.cutsBox;
  }

  protected build(): void {
    const m = this.m;
    // What the user set survives a rebuild: the strategy, its fields, the click modes, the target.
    const kind = this.kind?.value ?? "none";
    const typed = this.fields ? typedFields(this.fields) : [];
    const suspends = this.suspendsBox?.checked ?? false;
    const cuts = this.cutsBox?.checked ?? false;
    const targetValue = this.target?.value ?? "0.1";

    this.kind = h(
      "select",
      { id: "iv-kind" },
      ...KINDS.map((k) => h("option", { value: k, selected: k === kind }, m.strategyNames[k] ?? k)),
    );
    this.kind.addEventListener("change", () => this.renderFields());
    this.fields = h("div", { class: "iv-fields" });
    this.suspendsBox = h("input", { type: "checkbox", id: "iv-click", checked: suspends });
    this.cutsBox = h("input", { type: "checkbox", id: "iv-cut", checked: cuts });
    // One click mode at a time.
    this.suspendsBox.addEventListener("change", () => {
      if (this.suspendsBox.checked) this.cutsBox.checked = false;
    });
    this.cutsBox.addEventListener("change", () => {
      if (this.cutsBox.checked) this.suspendsBox.checked = false;
      this.pendingCut = null;
    });
    const apply = h("button", { type: "button" }, m.applyIntervention);
    apply.addEventListener("click", () => {
      const intervention = this.read();
      this.callbacks.onApply(intervention ? [intervention] : []);
    });
    const clear = h("button", { type: "button", class: "secondary" }, m.clearIntervention);
    clear.addEventListener("click", () => {
      this.handPicked = [];
      this.cutLinks = [];
      this.pendingCut = null;
      this.kind.value = "none";
      this.renderFields();
      this.callbacks.onApply([]);
    });
    const compare = h("button", { type: "button" }, m.compareRuns(m.count(RUNS)));
    compare.addEventListener("click", () => void this.compare());
    const centralities = h("button", { type: "button" }, m.compareCentralitiesButton("5"));
    centralities.addEventListener("click", () => void this.compareCentralities());
    const target = h("input", {
      type: "number",
      id: "iv-target",
      min: 0.01,
      max: 0.99,
      step: 0.01,
      value: targetValue,
    });
    this.target = target;
    const targetLabel = () => `${Math.round(Number(target.value) * 100)}%`;
    const latest = h("button", { type: "button" }, m.latestDeleteButton(targetLabel()));
    target.addEventListener("input", () => {
      latest.textContent = m.latestDeleteButton(targetLabel());
    });
    latest.addEventListener("click", () => void this.latestDelete(Number(target.value)));
    const status = this.statusLine();
    this.results = h("div", { class: "iv-results", "data-testid": "intervention-results" });
    this.element.replaceChildren(
      h("div", { class: "panel-head" }, h("h2", { id: "iv-title" }, m.interventionLab)),
      h("div", { class: "field" }, h("label", { for: "iv-kind" }, m.strategy), this.kind),
      this.fields,
      h(
        "div",
        { class: "field checkbox" },
        this.suspendsBox,
        h("label", { for: "iv-click" }, m.clickSuspends),
      ),
      h("div", { class: "field checkbox" }, this.cutsBox, h("label", { for: "iv-cut" }, m.clickCuts)),
      h("div", { class: "iv-actions" }, apply, clear, compare, centralities),
      h("div", { class: "iv-actions" }, h("label", { for: "iv-target" }, m.target), target, latest),
      status,
      this.busyLine(),
      this.results,
    );
    this.renderFields();
    restoreTypedFields(this.fields, typed);
    this.showResults(this.shownResults);
  }

  private showResults(draw: (() => Array<Element | string>) | null): void {
    this.shownResults = draw;
    this.results.replaceChildren(...(draw ? draw() : []));
  }

  /** The panel's charts and data, for its buttons and the export-all zip. */
  exportItems(): ExportItem[] {
    return [
      {
        name: "strategies",
        chart: () => this.chart(true),
        json: () => this.rows,
      },
    ];
  }

  setScenario(scenario: Scenario): void {
    this.scenario = scenario;
  }

  /** A click in the network while "clicking suspends" is on. */
  toggleSuspended(account: string): Intervention[] {
    this.handPicked = this.handPicked.includes(account)
      ? this.handPicked.filter((a) => a !== account)
      : [...this.handPicked, account];
    this.kind.value = "suspend";
    this.renderFields();
    return this.byHand();
  }

  /**
   * A click in the network while the scissors are on: the first click picks a
   * poster, the second a follower; the link between them (both ways) is cut.
   * Returns null while waiting for the second click.
   */
  cutClick(account: string, linked: (a: string, b: string) => boolean): Intervention[] | null {
    if (this.pendingCut === null || this.pendingCut === account) {
      this.pendingCut = account;
      this.say((m) => m.cutPickSecond(account));
      return null;
    }
    const first = this.pendingCut;
    this.pendingCut = null;
    for (const [a, b] of [
      [first, account],
      [account, first],
    ] as const) {
      if (linked(a, b) && !this.cutLinks.some(([x, y]) => x === a && y === b)) this.cutLinks.push([a, b]);
    }
    const cut = this.cutLinks.length;
    this.say((m) => m.cutDone(cut));
    return this.byHand();
  }

  /** The interventions made by hand in the network: suspended accounts and cut links. */
  private byHand(): Intervention[] {
    const list: Intervention[] = [];
    if (this.handPicked.length) list.push({ kind: "suspend", accounts: this.handPicked });
    if (this.cutLinks.length) list.push({ kind: "cut-links", links: this.cutLinks });
    return list;
  }

  private input(
    id: string,
    label: string,
    value: number,
    attributes: Record<string, number> = {},
  ): HTMLElement {
    return h(
      "div",
      { class: "field" },
      h("label", { for: id }, label),
      h("input", { type: "number", id, value, ...attributes }),
    );
  }

  private renderFields(): void {
    const m = this.m;
    const kind = this.kind.value as Kind;
    const parts: HTMLElement[] = [];
    if (kind === "suspend-top") {
      parts.push(
        h(
          "div",
          { class: "field" },
          h("label", { for: "iv-centrality" }, m.centrality),
          h(
            "select",
            { id: "iv-centrality" },
            ...CENTRALITIES.map((c) =>
              h("option", { value: c, selected: c === "pagerank" }, m.centralityNames[c] ?? c),
            ),
          ),
        ),
        this.input("iv-count", m.howMany, 5, { min: 1, step: 1 }),
      );
    } else if (kind === "suspend-next") {
      parts.push(
        this.input("iv-count", m.howMany, 20, { min: 1, step: 1 }),
        this.input("iv-after", m.afterReposts, 100, { min: 0, step: 1 }),
      );
    } else if (kind === "delete" || kind === "throttle" || kind === "label") {
      parts.push(
        this.input("iv-minutes", m.atMinutes, 30, { min: 0, step: 1 }),
        this.input("iv-reposts", m.orAtReposts, 0, { min: 0, step: 1 }),
      );
      if (kind === "throttle")
        parts.push(this.input("iv-share", m.shareShown, 0.3, { min: 0, max: 1, step: 0.05 }));
      if (kind === "label")
        parts.push(this.input("iv-factor", m.factor, 0.5, { min: 0, max: 1, step: 0.05 }));
    } else if (kind === "group-cap") {
      parts.push(this.input("iv-size", m.maxSize, 100, { min: 2, max: 500, step: 1 }));
    } else if (kind === "group-forward-limit") {
      parts.push(this.input("iv-groups", m.maxGroups, 1, { min: 0, step: 1 }));
    } else if (kind === "counter-message") {
      parts.push(
        this.input("iv-minutes", m.atMinutes, 30, { min: 0, step: 1 }),
        this.input("iv-p", m.counterP, 0.2, { min: 0, max: 1, step: 0.05 }),
      );
    } else if (kind === "suspend") {
      parts.push(h("p", { class: "help" }, this.handPicked.join(", ") || m.clickSuspends));
    }
    this.fields.replaceChildren(...parts);
  }

  private value(id: string): number {
    return Number(
      (this.fields.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | null)?.value,
    );
  }

  /** The strategy as plain data; the core validates it field by field when it runs. */
  private read(): Intervention | null {
    const kind = this.kind.value as Kind;
    const when = () => {
      const reposts = this.value("iv-reposts");
      return reposts > 0 ? { reposts } : { time: this.value("iv-minutes") * 60 };
    };
    switch (kind) {
      case "none":
        return null;
      case "suspend-top": {
        const centrality = (this.fields.querySelector("#iv-centrality") as HTMLSelectElement)
          .value as (typeof CENTRALITIES)[number];
        return { kind, centrality, count: this.value("iv-count") };
      }
      case "suspend-next":
        return { kind, count: this.value("iv-count"), afterReposts: this.value("iv-after") };
      case "delete":
        return { kind, when: when() };
      case "throttle":
        return { kind, when: when(), share: this.value("iv-share") };
      case "label":
        return { kind, when: when(), factor: this.value("iv-factor") };
      case "group-cap":
        return { kind, maxSize: this.value("iv-size") };
      case "group-forward-limit":
        return { kind, maxGroups: this.value("iv-groups") };
      case "counter-message":
        return {
          kind,
          accounts: this.callbacks.counterAccounts(),
          time: this.value("iv-minutes") * 60,
          p: this.value("iv-p"),
          delayMinutes: 20,
        };
      case "suspend":
        return this.handPicked.length ? { kind, accounts: this.handPicked } : null;
    }
  }

  protected override cancelWork(): void {
    this.worker.cancel();
  }

  private async ask<T>(work: () => Promise<T>, show: (value: T) => void): Promise<void> {
    this.say((m) => m.computing);
    try {
      show(await this.working(work));
      this.say(null);
    } catch (error) {
      if (error instanceof LabError && error.superseded) return;
      if (this.isCancelled(error)) {
        this.say((m) => m.cancelled);
        return;
      }
      // The last answer was to another question: under this error it would read as this one's.
      this.rows = null;
      this.showResults(null);
      this.sayError(error);
    }
  }

  private async compare(): Promise<void> {
    if (!this.scenario) return;
    const intervention = this.read();
    const scenario = { ...this.scenario, interventions: intervention ? [intervention] : [] };
    await this.ask(
      () => this.worker.intervene(scenario, { kind: "compare", runs: RUNS }),
      (response) => {
        if (response.outcome.kind !== "compare") return;
        const { effect, baseline, intervention } = response.outcome.comparison;
        const points = (x: number) => (100 * x).toFixed(1);
        const threshold = scenario.rules.thresholds.reposts;
        const before = baseline.probability.reposts.estimate;
        const after = intervention.probability.reposts.estimate;
        this.showResults(() => {
          const m = this.m;
          return [
            h(
              "ul",
              {},
              h(
                "li",
                {},
                m.effectProbability(
                  m.count(threshold),
                  // From the chances as shown, so the sentence adds up (each is rounded on its own).
                  (Number(points(after)) - Number(points(before))).toFixed(1),
                  points(effect.probability.reposts.low),
                  points(effect.probability.reposts.high),
                  `${points(before)}%`,
                  `${points(after)}%`,
                ),
              ),
              effect.delay.reposts !== null
                ? h("li", {}, m.effectDelay(m.duration(effect.delay.reposts)))
                : null,
              h("li", {}, m.effectAverted(m.count(effect.avertedReposts), m.count(effect.avertedViews))),
            ),
          ];
        });
      },
    );
  }

  private async compareCentralities(): Promise<void> {
    if (!this.scenario) return;
    const scenario = { ...this.scenario, interventions: [] };
    await this.ask(
      () => this.worker.intervene(scenario, { kind: "centralities", runs: 200, count: 5 }),
      (response) => {
        if (response.outcome.kind !== "centralities") return;
        const { rows, count, centralities } = response.outcome;
        // The rows' words, in the language on screen when they are drawn: baseline first, then one per centrality.
        this.rowWords = (m) => [
          m.noIntervention,
          ...centralities.map((c) => m.topBy(m.count(count), m.centralityNames[c] ?? c)),
        ];
        this.rows = rows;
        const left = CENTRALITIES.filter((c) => scenario.nodes > CENTRALITY_LIMITS[c]);
        this.showResults(() => [
          ...left.map((c) =>
            h(
              "p",
              { class: "note" },
              this.m.centralityTooLarge(this.m.centralityNames[c] ?? c, this.m.count(CENTRALITY_LIMITS[c])),
            ),
          ),
          this.chartWithExports(this.chart(false), this.exportItems()[0], this.m.chart.strategies.title),
          this.table(),
        ]);
      },
    );
  }

  private async latestDelete(target: number): Promise<void> {
    if (!this.scenario) return;
    const scenario = { ...this.scenario, interventions: [] };
    await this.ask(
      () => this.worker.intervene(scenario, { kind: "latest-delete", runs: 200, target }),
      (response) => {
        if (response.outcome.kind !== "latest-delete") return;
        const { result } = response.outcome;
        const time = result.time;
        this.showResults(() => [
          h(
            "p",
            {},
            time === null ? this.m.latestDeleteNone : this.m.latestDeleteResult(this.m.duration(time)),
          ),
        ]);
      },
    );
  }

  /** The rows, labelled in the language on screen. */
  private wordedRows(): StrategyRow[] {
    const words = this.rowWords?.(this.m);
    return (this.rows ?? []).map((row, i) => ({ ...row, label: words?.[i] ?? row.label }));
  }

  /** The comparison as a table: chance of crossing, change with its interval, reposts averted. */
  private table(): HTMLElement {
    const m = this.m;
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    return h(
      "table",
      { class: "strategy-table" },
      h("caption", {}, m.chart.strategies.title),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...[m.strategy, m.strategyChance, m.strategyChange, m.strategyAverted].map((label) =>
            h("th", { scope: "col" }, label),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        ...this.wordedRows().map((row) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, row.label),
            h("td", {}, `${percent(row.estimate)} (${percent(row.low)}–${percent(row.high)})`),
            h(
              "td",
              {},
              `${(100 * row.change.change).toFixed(1)}${m.interval((100 * row.change.low).toFixed(1), (100 * row.change.high).toFixed(1))}`,
            ),
            h("td", {}, m.count(row.avertedReposts)),
          ),
        ),
      ),
    );
  }

  private chart(forExport: boolean): SVGSVGElement | null {
    if (!this.rows) return null;
    return strategyComparisonChart(
      changeRows(this.wordedRows()),
      {
        text: this.m.chart,
        theme: this.theme(),
        caption: forExport ? this.caption() : undefined,
        width: this.chartWidth(forExport, 1),
      },
      { document },
    );
  }

  protected override redrawCharts(): void {
    if (this.rows) this.showResults(this.shownResults);
  }
}
