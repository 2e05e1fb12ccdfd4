/**
 * How a prediction of the final cascade size settles as more of the cascade
 * is observed: per estimator, the estimate and its interval at each
 * observation time T, with the true final size as a horizontal line.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import type { ConvergencePoint } from "../core/predict/backtest.ts";
import {
  axisTitle,
  axisTitleOffset,
  bottomMargin,
  chartFrame,
  closeChart,
  compactCount,
  type LegendItem,
  legend,
  openChart,
  seriesColour,
  thresholdRule,
} from "./parts.ts";
import { bottomAxis, type ChartContext, leftAxis, svg, type Theme } from "./svg.ts";
import type { ChartText } from "./text.ts";

export interface ConvergenceSeries {
  name: string;
  /** Observation times (seconds), increasing. */
  T: readonly number[];
  estimate: readonly number[];
  low: readonly number[];
  /** May be Infinity (an unbounded interval): drawn to the top with an open end. */
  high: readonly number[];
}

export interface ConvergenceData {
  estimators: readonly ConvergenceSeries[];
  /** The final size that really happened, when known. */
  truth: number | null;
}

export interface ConvergenceOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
  /** Draws the legal line (e.g. 500 reposts) when given. */
  threshold?: number;
}

const MARGIN = { right: 24, left: 84 };

export function convergenceChart(
  data: ConvergenceData,
  options: ConvergenceOptions,
  context: ChartContext,
): SVGSVGElement {
  const frame = chartFrame(options, () => 420);
  const { theme, text, width, baseHeight } = frame;
  const words = text.convergence;
  const title = options.title ?? words.title;
  const root = openChart(context, frame, title, words.description(data.estimators.length), MARGIN.left);
  const items: LegendItem[] = data.estimators.map((e, i) => ({
    label: e.name,
    colour: seriesColour(i),
    mark: "dot",
  }));
  const legendTop = theme.fontSize * 1.25 + 14;
  const legendBox = legend(context, items, MARGIN.left, legendTop, width - MARGIN.left - MARGIN.right, theme);
  root.appendChild(legendBox.element);
  const top = legendTop + legendBox.height + 12;
  const bottom = baseHeight - bottomMargin(theme);

  const allT = [...new Set(data.estimators.flatMap((e) => e.T))].sort((a, b) => a - b);
  const minT = allT[0] ?? 1;
  const maxT = allT[allT.length - 1] ?? 1;
  const useLog = minT > 0 && maxT / minT >= 4;
  const x = (
    useLog ? scaleLog().domain([minT / 1.4, maxT * 1.4]) : scaleLinear().domain([0, maxT * 1.05 || 1])
  ).range([MARGIN.left, width - MARGIN.right]);
  // The axis ends near the biggest estimate or the truth; wild interval ends are clipped.
  let central = data.truth ?? 0;
  for (const e of data.estimators)
    for (const v of e.estimate) if (Number.isFinite(v)) central = Math.max(central, v);
  let upper = central;
  for (const e of data.estimators)
    for (const v of [...e.high, ...e.low])
      if (Number.isFinite(v)) upper = Math.max(upper, Math.min(v, central * 3));
  if (options.threshold) upper = Math.max(upper, options.threshold);
  const y = scaleLinear()
    .domain([0, Math.max(1, upper * 1.08)])
    .nice()
    .range([bottom, top]);
  const yTop = y.domain()[1];
  root.appendChild(
    leftAxis(context, y.ticks(5), y, MARGIN.left, width - MARGIN.left - MARGIN.right, compactCount, theme),
  );
  // The observation times themselves, thinned to at most 8: a log axis's own ticks crowd (1..9 per decade).
  const step = Math.ceil(allT.length / 8);
  const xTicks = allT.filter((_, i) => i % step === 0 || i === allT.length - 1);
  root.appendChild(bottomAxis(context, xTicks, x, bottom, (t) => text.duration(t), theme));
  root.appendChild(
    axisTitle(
      context,
      words.observedAxis,
      (MARGIN.left + width - MARGIN.right) / 2,
      bottom + axisTitleOffset(theme),
      theme,
    ),
  );
  root.appendChild(axisTitle(context, words.sizeAxis, theme.fontSize + 2, (top + bottom) / 2, theme, true));
  if (options.threshold) {
    root.appendChild(
      thresholdRule(
        context,
        MARGIN.left,
        width - MARGIN.right,
        y(options.threshold),
        text.repostLine(options.threshold),
        theme,
      ),
    );
  }
  if (data.truth !== null) {
    const g = svg(context, "g", { class: "truth" });
    g.appendChild(
      svg(context, "line", {
        x1: MARGIN.left,
        x2: width - MARGIN.right,
        y1: y(data.truth),
        y2: y(data.truth),
        stroke: theme.crossing,
        "stroke-width": theme.strokeWidth,
      }),
    );
    g.appendChild(
      svg(
        context,
        "text",
        { x: MARGIN.left + 6, y: y(data.truth) - 6, fill: theme.foreground, "font-weight": 600 },
        words.truth(text.count(data.truth)),
      ),
    );
    root.appendChild(g);
  }
  const count = data.estimators.length;
  const dodge = Math.min(10, 40 / Math.max(1, count));
  data.estimators.forEach((e, i) => {
    const colour = seriesColour(i);
    const offset = (i - (count - 1) / 2) * dodge;
    const g = svg(context, "g", { class: "estimator", stroke: colour, fill: colour });
    g.appendChild(svg(context, "title", {}, e.name));
    let d = "";
    e.T.forEach((t, k) => {
      const v = e.estimate[k];
      if (!Number.isFinite(v)) return;
      d += `${d ? "L" : "M"}${Math.round((x(t) + offset) * 100) / 100},${Math.round(y(Math.min(v, yTop)) * 100) / 100}`;
    });
    g.appendChild(
      svg(context, "path", {
        d,
        fill: "none",
        "stroke-width": theme.strokeWidth * 0.6,
        "stroke-opacity": 0.6,
      }),
    );
    e.T.forEach((t, k) => {
      const cx = x(t) + offset;
      const low = Number.isFinite(e.low[k]) ? Math.max(0, e.low[k]) : 0;
      const open = !Number.isFinite(e.high[k]) || e.high[k] > yTop;
      const high = open ? yTop : e.high[k];
      g.appendChild(
        svg(context, "line", {
          class: open ? "whisker whisker-open" : "whisker",
          x1: cx,
          x2: cx,
          y1: y(low),
          y2: y(high),
          "stroke-width": theme.strokeWidth * 0.75,
          "stroke-dasharray": open ? "3 2" : undefined,
        }),
      );
      if (Number.isFinite(e.estimate[k]))
        g.appendChild(
          svg(context, "circle", {
            cx,
            cy: y(Math.min(e.estimate[k], yTop)),
            r: theme.strokeWidth * 1.6,
            stroke: theme.background,
            "stroke-width": 1,
          }),
        );
    });
    root.appendChild(g);
  });
  return closeChart(context, root, frame);
}

/** One estimator's series from the early-warning module's `convergence` (unavailable points left out). */
export function convergenceSeriesFromPoints(
  name: string,
  points: readonly ConvergencePoint[],
): ConvergenceSeries {
  const series: ConvergenceSeries & { T: number[]; estimate: number[]; low: number[]; high: number[] } = {
    name,
    T: [],
    estimate: [],
    low: [],
    high: [],
  };
  for (const { at, result } of points) {
    if ("unavailable" in result) continue;
    const band = result.predicted.finalReposts;
    series.T.push(at);
    series.estimate.push(band.estimate);
    series.low.push(band.low);
    series.high.push(band.high);
  }
  return series;
}

/** The record's final size, from any point that knows it; null when none does. */
export function convergenceTruth(points: readonly ConvergencePoint[]): number | null {
  for (const { result } of points)
    if (!("unavailable" in result) && result.truth) return result.truth.finalReposts;
  return null;
}
