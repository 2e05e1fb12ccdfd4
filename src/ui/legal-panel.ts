/** The report against the legal line, and the article's words in Chinese and English. */
import type { LineReport } from "../core/legal.ts";
import { h } from "./dom.ts";
import { LAW_TEXT, type Messages } from "./i18n.ts";

export interface ManualItems {
  harm: boolean;
  prior: boolean;
}

export function renderReport(report: LineReport, m: Messages): HTMLElement {
  const { thresholds } = report;
  const meter = (label: string, value: number | null, threshold: number, kind: string) =>
    h(
      "div",
      { class: `meter meter-${kind}` },
      h("span", { class: "meter-label" }, label),
      h(
        "span",
        { class: "meter-value", "data-testid": `total-${kind}` },
        value === null ? "—" : m.count(value),
      ),
      h("span", { class: "meter-threshold" }, `/ ${m.count(threshold)}`),
      h("meter", {
        min: 0,
        max: threshold,
        value: Math.min(value ?? 0, threshold),
        "aria-label": `${label} / ${threshold}`,
      }),
    );
  const r = report.crossing.reposts;
  const v = report.crossing.views;
  const crossed = r !== null || v !== null;
  return h(
    "div",
    { class: "report" },
    h(
      "div",
      { class: "meters" },
      meter(m.reposts, report.reposts, thresholds.reposts, "reposts"),
      meter(m.views, report.views, thresholds.views, "views"),
    ),
    report.views === null ? h("p", { class: "note" }, m.viewsUnknown) : null,
    h(
      "ul",
      { class: "crossings" },
      h(
        "li",
        { class: "crossing-reposts" },
        r
          ? m.crossedReposts(m.ordinal(thresholds.reposts), m.duration(r.time), r.account, r.depth)
          : m.notCrossed(`${m.count(thresholds.reposts)} ${m.reposts.toLowerCase()}`),
      ),
      h(
        "li",
        { class: "crossing-views" },
        v
          ? m.crossedViews(m.count(thresholds.views), m.duration(v.time), v.account, v.depth)
          : m.notCrossed(`${m.count(thresholds.views)} ${m.views.toLowerCase()}`),
      ),
      h(
        "li",
        {},
        report.first
          ? m.firstCrossed(report.first === "reposts" ? m.reposts.toLowerCase() : m.views.toLowerCase())
          : m.neitherCrossed,
      ),
    ),
    h(
      "p",
      { class: crossed ? "verdict serious" : "verdict", role: "status" },
      crossed ? m.serious : m.notSerious,
    ),
  );
}

export function renderLaw(
  m: Messages,
  items: ManualItems,
  onItems: (items: ManualItems) => void,
): HTMLElement {
  const toggle = (key: keyof ManualItems, label: string) => {
    const input = h("input", { type: "checkbox", id: `item-${key}`, checked: items[key] });
    input.addEventListener("change", () => onItems({ ...items, [key]: input.checked }));
    return h("div", { class: "field checkbox" }, input, h("label", { for: `item-${key}` }, label));
  };
  const other = items.harm || items.prior;
  return h(
    "div",
    { class: "law" },
    h("p", { class: "help" }, m.otherItems),
    toggle("harm", m.itemHarm),
    toggle("prior", m.itemPrior),
    other ? h("p", { class: "verdict serious" }, m.serious.replace("1", items.harm ? "2" : "3")) : null,
    h(
      "details",
      { open: true },
      h("summary", {}, m.lawTitle),
      h("blockquote", { lang: "zh-CN" }, ...LAW_TEXT.zh.map((line) => h("p", {}, line))),
      // The Chinese text is the law; the English translation is for readers of the English page.
      m.language === "en"
        ? h("blockquote", { lang: "en" }, ...LAW_TEXT.en.map((line) => h("p", {}, line)))
        : null,
      h("p", { class: "help" }, m.lawCitation),
    ),
  );
}
