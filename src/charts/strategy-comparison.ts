/**
 * Interventions compared: one row per strategy, a dot for the estimated
 * effect and a whisker for its interval, against a zero line ("no change").
 * The effect is the change in the probability of crossing the line (in
 * percentage points) or, with `measure: "averted"`, the reposts averted.
 */
import { scaleLinear } from "d3-scale";
import type { Comparison } from "../core/interventions/compare.ts";
import { axisTitle, chartFrame, closeChart, compactCount, openChart, textWidth } from "./parts.ts";
import { bottomAxis, type ChartContext, LIGHT_THEME, svg, type Theme } from "./svg.ts";
import type { ChartText } from "./text.ts";

export interface StrategyRow {
  /** E.g. "suspend top 5 by PageRank". */
  label: string;
  /** Change in crossing probability (a fraction: -0.12 is 12 points less), or reposts averted. */
  estimate: number;
  low: number;
  high: number;
}

export interface StrategyOptions {
  width?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
  measure?: "probability" | "averted";
}

export function strategyComparisonChart(
  rows: readonly StrategyRow[],
  options: StrategyOptions,
  context: ChartContext,
): SVGSVGElement {
  const theme = options.theme ?? LIGHT_THEME;
  const measure = options.measure ?? "probability";
  const rowHeight = Math.round(Math.max(28, theme.fontSize * 2.2));
  const top = Math.round(theme.fontSize * 1.25 + 28);
  const plotBottom = top + Math.max(1, rows.length) * rowHeight;
  // The rows set the height.
  const frame = chartFrame({ ...options, height: undefined }, () => plotBottom + theme.fontSize * 2 + 32);
  const { text, width } = frame;
  const words = text.strategies;
  const labelWidth = Math.min(
    width * 0.45,
    Math.max(60, ...rows.map((r) => textWidth(r.label, theme.fontSize))) + 16,
  );
  const left = labelWidth + 8;
  const right = width - 24;
  const title = options.title ?? words.title;
  const root = openChart(context, frame, title, words.description(rows.length), 16);
  let lo = 0;
  let hi = 0;
  for (const r of rows)
    for (const v of [r.low, r.high, r.estimate])
      if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const span = Math.max(hi - lo, measure === "probability" ? 0.1 : 10);
  const x = scaleLinear()
    .domain([lo - span * 0.05, hi + span * 0.05])
    .nice()
    .range([left, right]);
  const format =
    measure === "probability"
      ? (v: number) => `${v > 0 ? "+" : ""}${Math.round(v * 1000) / 10}`
      : (v: number) => `${v > 0 ? "+" : ""}${compactCount(v)}`;
  const ticks = x.ticks(6);
  const grid = svg(context, "g", { class: "grid", stroke: theme.grid });
  for (const t of ticks)
    grid.appendChild(svg(context, "line", { x1: x(t), x2: x(t), y1: top, y2: plotBottom }));
  root.appendChild(grid);
  const zero = svg(context, "g", { class: "zero" });
  zero.appendChild(
    svg(context, "line", {
      x1: x(0),
      x2: x(0),
      y1: top - 6,
      y2: plotBottom,
      stroke: theme.foreground,
      "stroke-width": theme.strokeWidth * 0.6,
    }),
  );
  zero.appendChild(
    svg(
      context,
      "text",
      { x: x(0), y: top - 10, "text-anchor": "middle", fill: theme.muted },
      words.noChange,
    ),
  );
  root.appendChild(zero);
  const body = svg(context, "g", { class: "strategies" });
  rows.forEach((r, i) => {
    const cy = top + (i + 0.5) * rowHeight;
    const g = svg(context, "g", { class: "strategy" });
    g.appendChild(
      svg(
        context,
        "text",
        { x: labelWidth, y: cy + theme.fontSize * 0.35, "text-anchor": "end", fill: theme.foreground },
        r.label,
      ),
    );
    const clampX = (v: number) =>
      x(Math.max(x.domain()[0], Math.min(x.domain()[1], Number.isFinite(v) ? v : 0)));
    g.appendChild(
      svg(context, "line", {
        class: "whisker",
        x1: clampX(r.low),
        x2: clampX(r.high),
        y1: cy,
        y2: cy,
        stroke: theme.reposts,
        "stroke-width": theme.strokeWidth,
        "stroke-linecap": "round",
      }),
    );
    g.appendChild(
      svg(context, "circle", {
        cx: clampX(r.estimate),
        cy,
        r: theme.strokeWidth * 2,
        fill: theme.reposts,
        stroke: theme.background,
        "stroke-width": 1.5,
      }),
    );
    g.appendChild(
      svg(context, "title", {}, words.rowTitle(r.label, format(r.estimate), format(r.low), format(r.high))),
    );
    body.appendChild(g);
  });
  root.appendChild(body);
  root.appendChild(bottomAxis(context, ticks, x, plotBottom, format, theme));
  root.appendChild(
    axisTitle(
      context,
      measure === "probability" ? words.probabilityAxis : words.avertedAxis,
      width / 2,
      plotBottom + theme.fontSize * 2 + 18,
      theme,
    ),
  );
  return closeChart(context, root, frame);
}

/**
 * Rows from the interventions module's comparisons: the paired change in the
 * probability of crossing (`prong`, default either prong) with its interval,
 * or, for `measure: "averted"`, the mean reposts averted per run (no interval
 * is computed for it, so the whisker is a point).
 */
export function strategyRowsFromComparisons(
  items: ReadonlyArray<{ label: string; comparison: Comparison }>,
  measure: "probability" | "averted" = "probability",
  prong: "reposts" | "views" | "either" = "either",
): StrategyRow[] {
  return items.map(({ label, comparison }) => {
    if (measure === "averted") {
      const averted = comparison.effect.avertedReposts;
      return { label, estimate: averted, low: averted, high: averted };
    }
    const { change, low, high } = comparison.effect.probability[prong];
    return { label, estimate: change, low, high };
  });
}
