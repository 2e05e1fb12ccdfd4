/**
 * Real cascades on screen: the file picker and drop zone, the bundled
 * samples, the cascade picker and the summary card. Everything from a file
 * is shown as text (textContent), never as markup.
 */
import type { Cascade } from "../core/cascade.ts";
import type { CascadeSummary } from "../core/cascade-stats.ts";
import { FORMAT_IDS, type FormatId } from "../io/types.ts";
import { h } from "./dom.ts";
import type { Messages } from "./i18n.ts";
import { noteWords } from "./note-text.ts";

export interface SampleEntry {
  id: string;
  title: string;
  format: FormatId;
  file: string;
  attribution: string;
  /** Cascade on this 1-based line of a many-cascade file. */
  line?: number;
  /** Files that belong with it (CED's original microblog). */
  original?: string;
  /** Title and attribution in Chinese. */
  zh?: { title: string; attribution: string };
}

/** A sample's title and attribution in the language of `m`. */
export function sampleWords(m: Messages, sample: SampleEntry): { title: string; attribution: string } {
  return m.language === "zh" && sample.zh
    ? sample.zh
    : { title: sample.title, attribution: sample.attribution };
}

export interface OpenCallbacks {
  onFiles(files: File[], format: FormatId | null): void;
  onSample(sample: SampleEntry): void;
}

export function renderOpenBar(
  m: Messages,
  samples: readonly SampleEntry[],
  callbacks: OpenCallbacks,
): HTMLElement {
  const formatSelect = h(
    "select",
    { id: "file-format" },
    h("option", { value: "" }, m.autoDetect),
    ...FORMAT_IDS.map((id) => h("option", { value: id }, m.formatNames[id] ?? id)),
  );
  const format = () => (formatSelect.value === "" ? null : (formatSelect.value as FormatId));
  const input = h("input", { type: "file", id: "open-file", multiple: true, class: "visually-hidden" });
  input.addEventListener("change", () => {
    if (input.files && input.files.length > 0) callbacks.onFiles([...input.files], format());
    input.value = "";
  });
  const openButton = h("button", { type: "button" }, m.openFile);
  openButton.addEventListener("click", () => input.click());
  const sampleSelect = h(
    "select",
    { id: "sample" },
    ...samples.map((sample) => h("option", { value: sample.id }, sampleWords(m, sample).title)),
  );
  const sampleButton = h("button", { type: "button", disabled: samples.length === 0 }, m.open);
  sampleButton.addEventListener("click", () => {
    const sample = samples.find((s) => s.id === sampleSelect.value);
    if (sample) callbacks.onSample(sample);
  });
  return h(
    "div",
    { class: "open-bar" },
    h(
      "div",
      { class: "open-file" },
      openButton,
      input,
      h("label", { for: "file-format" }, m.format),
      formatSelect,
    ),
    h("p", { class: "help" }, m.openFileHelp),
    h(
      "div",
      { class: "open-sample" },
      h("label", { for: "sample" }, m.openSample),
      sampleSelect,
      sampleButton,
    ),
  );
}

export function renderCascadePicker(
  m: Messages,
  cascades: readonly Cascade[],
  selected: readonly number[],
  onSelect: (indices: number[]) => void,
): HTMLElement | null {
  if (cascades.length < 2) return null;
  const select = h(
    "select",
    { id: "cascade-pick", multiple: true, size: Math.min(6, cascades.length) },
    ...cascades.map((cascade, i) =>
      h(
        "option",
        { value: i, selected: selected.includes(i) },
        `${cascade.id} · ${(cascade.events.length - 1).toLocaleString()} ${m.reposts.toLowerCase()}`,
      ),
    ),
  );
  select.addEventListener("change", () => {
    const chosen = [...select.selectedOptions].map((o) => Number(o.value));
    if (chosen.length === 1) onSelect(chosen);
  });
  const combine = h("button", { type: "button" }, m.combine);
  combine.addEventListener("click", () => {
    const chosen = [...select.selectedOptions].map((o) => Number(o.value));
    if (chosen.length > 0) onSelect(chosen);
  });
  return h(
    "div",
    { class: "cascade-picker" },
    h("label", { for: "cascade-pick" }, m.cascadeInFile),
    select,
    combine,
    h("p", { class: "help" }, m.combineHelp),
  );
}

export function renderSummaryCard(
  m: Messages,
  summary: CascadeSummary,
  onAssume: (perAccount: number) => void,
): HTMLElement {
  const row = (label: string, value: string | Node) => [h("dt", {}, label), h("dd", {}, value)];
  const { report } = summary;
  const crossing = (kind: "reposts" | "views") => {
    const c = report.crossing[kind];
    return c ? `${m.duration(c.time)} · ${c.account}` : "—";
  };
  const assumeInput = h("input", { type: "number", id: "assume-audience", min: 1, step: 1, value: 100 });
  const assumeButton = h("button", { type: "button" }, m.assumeApply);
  assumeButton.addEventListener("click", () => {
    const value = Number(assumeInput.value);
    if (Number.isFinite(value) && value >= 1) onAssume(Math.round(value));
  });
  const generations = summary.depth.perGeneration
    .map((count, depth) => `${depth}: ${m.count(count)}`)
    .slice(1, 12)
    .join(" · ");
  return h(
    "div",
    { class: "summary-card", "data-testid": "summary-card" },
    h(
      "dl",
      {},
      ...row(m.summaryFormat, m.formatNames[summary.format] ?? summary.format),
      ...(summary.platform
        ? row(m.summaryPlatform, m.platformNames[summary.platform] ?? summary.platform)
        : []),
      ...(summary.label ? row(m.summaryLabel, summary.label) : []),
      ...row(m.summaryEvents, m.count(summary.events)),
      ...row(m.reposts, m.count(report.reposts)),
      ...row(m.views, report.views === null ? m.viewsUnknown : m.count(report.views)),
      ...row(`${m.ordinal(report.thresholds.reposts)} ${m.reposts.toLowerCase()}`, crossing("reposts")),
      ...row(`${m.count(report.thresholds.views)} ${m.views.toLowerCase()}`, crossing("views")),
      ...row(
        m.tippingAccount,
        summary.tipping ? m.tippingValue(summary.tipping.account, summary.tipping.prong) : "—",
      ),
      ...row(m.maxDepth, String(summary.depth.maxDepth)),
      ...row(m.perGeneration, generations || "—"),
      ...row(m.virality, summary.structuralVirality === null ? "—" : summary.structuralVirality.toFixed(2)),
    ),
    h("p", { class: "help" }, m.viralityHelp),
    summary.audienceAssumed ? h("p", { class: "assumed", role: "note" }, m.assumedNote) : null,
    report.views === null
      ? h(
          "div",
          { class: "field assume" },
          h("label", { for: "assume-audience" }, m.assumeAudience),
          assumeInput,
          assumeButton,
        )
      : null,
    h("h3", {}, m.keySpreaders),
    h(
      "ol",
      { class: "spreaders" },
      ...summary.keySpreaders.map((s) => h("li", {}, `${s.account}: ${m.count(s.downstream)}`)),
    ),
    summary.notes.length
      ? h(
          "details",
          { class: "file-notes" },
          h("summary", {}, m.warnings),
          h("ul", {}, ...summary.notes.slice(0, 50).map((note) => h("li", {}, noteWords(note, m)))),
        )
      : null,
  );
}
