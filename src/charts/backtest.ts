/**
 * Backtest errors: the median absolute percentage error of each estimator's
 * final-size prediction, grouped by how much of the cascade was observed
 * ("10 min", "1 h", "6 h"). Bars, each labelled with its value.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import type { BacktestSummary } from "../core/predict/backtest.ts";
import {
  axisTitle,
  axisTitleOffset,
  bottomMargin,
  chartFrame,
  closeChart,
  type LegendItem,
  legend,
  openChart,
  seriesColour,
} from "./parts.ts";
import { type ChartContext, leftAxis, svg, type Theme } from "./svg.ts";
import type { ChartText } from "./text.ts";

export interface BacktestRow {
  estimator: string;
  /** Observation time (seconds). */
  T: number;
  /** Median absolute percentage error, in percent (25 means 25%). */
  medianAPE: number;
  /** Cascades behind the median. */
  n: number;
}

export interface BacktestOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
}

const MARGIN = { right: 24, left: 84 };

export function backtestChart(
  rows: readonly BacktestRow[],
  options: BacktestOptions,
  context: ChartContext,
): SVGSVGElement {
  const frame = chartFrame(options, () => 400);
  const { theme, text, width, baseHeight } = frame;
  const words = text.backtest;
  const title = options.title ?? words.title;
  const estimators = [...new Set(rows.map((r) => r.estimator))];
  const times = [...new Set(rows.map((r) => r.T))].sort((a, b) => a - b);
  const root = openChart(context, frame, title, words.description(rows.length), MARGIN.left);
  const items: LegendItem[] = estimators.map((name, i) => ({
    label: name,
    colour: seriesColour(i),
    mark: "band",
    opacity: 1,
  }));
  const legendTop = theme.fontSize * 1.25 + 14;
  const legendBox = legend(context, items, MARGIN.left, legendTop, width - MARGIN.left - MARGIN.right, theme);
  root.appendChild(legendBox.element);
  const top = legendTop + legendBox.height + theme.fontSize + 12;
  const bottom = baseHeight - bottomMargin(theme);
  let most = 0;
  for (const r of rows) if (Number.isFinite(r.medianAPE)) most = Math.max(most, r.medianAPE);
  const y = scaleLinear()
    .domain([0, Math.max(1, most * 1.1)])
    .nice()
    .range([bottom, top]);
  root.appendChild(
    leftAxis(context, y.ticks(5), y, MARGIN.left, width - MARGIN.left - MARGIN.right, (v) => `${v}%`, theme),
  );
  const group = scaleBand<number>()
    .domain(times)
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const bar = scaleBand<string>().domain(estimators).range([0, group.bandwidth()]).padding(0.08);
  const axis = svg(context, "g", { class: "axis axis-x", fill: theme.muted, "text-anchor": "middle" });
  for (const t of times) {
    axis.appendChild(
      svg(
        context,
        "text",
        { x: (group(t) ?? 0) + group.bandwidth() / 2, y: bottom + theme.fontSize + 8 },
        text.duration(t),
      ),
    );
  }
  root.appendChild(axis);
  const bars = svg(context, "g", { class: "bars" });
  for (const r of rows) {
    const x0 = (group(r.T) ?? 0) + (bar(r.estimator) ?? 0);
    const value = Number.isFinite(r.medianAPE) ? r.medianAPE : 0;
    const g = svg(context, "g", { class: "bar", fill: seriesColour(estimators.indexOf(r.estimator)) });
    g.appendChild(
      svg(
        context,
        "title",
        {},
        `${r.estimator}, ${text.duration(r.T)}: ${round1(value)}% (${words.cases(r.n)})`,
      ),
    );
    g.appendChild(
      svg(context, "rect", {
        x: x0,
        y: y(value),
        width: bar.bandwidth(),
        height: Math.max(0, bottom - y(value)),
      }),
    );
    g.appendChild(
      svg(
        context,
        "text",
        {
          x: x0 + bar.bandwidth() / 2,
          y: y(value) - 4,
          "text-anchor": "middle",
          fill: theme.foreground,
          "font-size": theme.fontSize * (bar.bandwidth() < theme.fontSize * 2.5 ? 0.75 : 0.9),
        },
        Number.isFinite(r.medianAPE) ? `${Math.round(value)}%` : "–",
      ),
    );
    bars.appendChild(g);
  }
  root.appendChild(bars);
  root.appendChild(
    svg(context, "line", {
      x1: MARGIN.left,
      x2: width - MARGIN.right,
      y1: bottom,
      y2: bottom,
      stroke: theme.muted,
    }),
  );
  root.appendChild(
    axisTitle(
      context,
      words.observedAxis,
      (MARGIN.left + width - MARGIN.right) / 2,
      bottom + axisTitleOffset(theme),
      theme,
    ),
  );
  root.appendChild(axisTitle(context, words.errorAxis, theme.fontSize + 2, (top + bottom) / 2, theme, true));
  return closeChart(context, root, frame);
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * Rows from the early-warning backtest's summary: its median APE is a
 * fraction, the chart's is in percent; cells with no prediction are left out.
 * `common` picks the median over the cascades every estimator could predict.
 */
export function backtestRowsFromSummary(
  summary: readonly BacktestSummary[],
  label: (estimator: string) => string = (id) => id,
  common = false,
): BacktestRow[] {
  const rows: BacktestRow[] = [];
  for (const cell of summary) {
    const ape = common ? cell.medianApeCommon : cell.medianApe;
    if (ape === null) continue;
    rows.push({ estimator: label(cell.estimator), T: cell.at, medianAPE: ape * 100, n: cell.cascades });
  }
  return rows;
}
