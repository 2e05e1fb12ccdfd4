/**
 * A prediction in context: the cascade as observed up to T (solid), the
 * prediction after T (central line in its low–high band), what really
 * happened after T (dotted) when known, and the legal line, with both the
 * predicted and the actual crossing marked. Views get a second panel.
 */
import { scaleLinear } from "d3-scale";
import type { PredictionChartData } from "../core/predict/chart-data.ts";
import {
  bandPath,
  bottomMargin,
  chartFrame,
  closeChart,
  compactCount,
  countScale,
  firstReaching,
  type LegendItem,
  legend,
  linePath,
  openChart,
  pointLabel,
  stepPath,
  thresholdRule,
  verticalMarker,
} from "./parts.ts";
import { type ChartContext, leftAxis, svg, type Theme } from "./svg.ts";
import type { ChartText } from "./text.ts";

/** One count (reposts or views): observed before T, predicted and (optionally) true after. */
export interface PredictionPanel {
  /** Step series up to T: times (seconds) and cumulative values. */
  observed: { time: ArrayLike<number>; values: ArrayLike<number> };
  /** Prediction on a time grid after T. */
  predicted: {
    time: ArrayLike<number>;
    estimate: ArrayLike<number>;
    low: ArrayLike<number>;
    high: ArrayLike<number>;
  };
  /** What happened after T (step series), when known. */
  truth?: { time: ArrayLike<number>; values: ArrayLike<number> } | null;
  /** The legal line for this count (500 reposts, 5,000 views). */
  threshold: number;
}

export interface PredictionData {
  /** Seconds of the cascade observed when the prediction was made. */
  T: number;
  reposts: PredictionPanel;
  /** A second panel when views are given. */
  views?: PredictionPanel | null;
}

export interface PredictionOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
  maxTime?: number;
}

const MARGIN = { right: 24, left: 76 };

function lastOf(values: ArrayLike<number>): number {
  return values.length ? values[values.length - 1] : 0;
}

/** The panel's series up to `end` (one point past it is kept so lines reach the edge, then clipped there). */
function clipPanel(panel: PredictionPanel, end: number): PredictionPanel {
  const count = (time: ArrayLike<number>) => {
    let n = 0;
    while (n < time.length && time[n] <= end) n++;
    return n;
  };
  const slice = (values: ArrayLike<number>, n: number) =>
    Array.prototype.slice.call(values, 0, n) as number[];
  const p = panel.predicted;
  const n = count(p.time);
  const time = slice(p.time, n);
  const estimate = slice(p.estimate, n);
  const low = slice(p.low, n);
  const high = slice(p.high, n);
  if (n < p.time.length && n > 0 && time[n - 1] < end) {
    // Interpolate each curve at the edge.
    const f = (end - p.time[n - 1]) / (p.time[n] - p.time[n - 1]);
    const at = (values: ArrayLike<number>) => values[n - 1] + f * (values[n] - values[n - 1]);
    time.push(end);
    estimate.push(at(p.estimate));
    low.push(at(p.low));
    high.push(Number.isFinite(p.high[n]) ? at(p.high) : p.high[n]);
  }
  const truth = panel.truth
    ? {
        time: slice(panel.truth.time, count(panel.truth.time)),
        values: slice(panel.truth.values, count(panel.truth.time)),
      }
    : panel.truth;
  return { ...panel, predicted: { time, estimate, low, high }, truth };
}

/** When a curve has nearly stopped growing (95% of its last finite value), or its end. */
function settled(time: ArrayLike<number>, values: ArrayLike<number>): number {
  let last = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    if (Number.isFinite(values[i])) {
      last = values[i];
      break;
    }
  }
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i]) && values[i] >= 0.95 * last) return time[i];
  return lastOf(time);
}

/**
 * Where the time axis ends by default: after the record's last event and
 * after the prediction has nearly settled, not at the end of a month-long
 * forecast horizon.
 */
export function defaultPredictionEnd(data: PredictionData): number {
  let end = data.T * 1.5;
  for (const panel of [data.reposts, data.views]) {
    if (!panel) continue;
    end = Math.max(end, settled(panel.predicted.time, panel.predicted.estimate) * 1.1);
    if (panel.truth) end = Math.max(end, lastOf(panel.truth.time) * 1.05);
  }
  const pathEnd = Math.max(lastOf(data.reposts.predicted.time), lastOf(data.reposts.truth?.time ?? []));
  return pathEnd > data.T ? Math.min(end, pathEnd) : end;
}

export function predictionChart(
  data: PredictionData,
  options: PredictionOptions,
  context: ChartContext,
): SVGSVGElement {
  const panels = data.views ? (["reposts", "views"] as const) : (["reposts"] as const);
  const frame = chartFrame(options, (theme) =>
    panels.length === 2 ? 400 + theme.fontSize * 8 : 260 + theme.fontSize * 6,
  );
  const { theme, text, width, baseHeight } = frame;
  const words = text.prediction;
  const title = options.title ?? words.title;
  const T = data.T;
  const maxTime = options.maxTime ?? defaultPredictionEnd(data);
  const root = openChart(context, frame, title, words.description(text.duration(T)), MARGIN.left);
  const items: LegendItem[] = [
    { label: words.observed, colour: theme.foreground, mark: "line" },
    { label: words.predicted, colour: theme.foreground, mark: "dash" },
    { label: words.interval, colour: theme.foreground, mark: "band", opacity: 0.2 },
  ];
  if (data.reposts.truth || data.views?.truth)
    items.push({ label: words.truth, colour: theme.foreground, mark: "dotted" });
  const legendTop = theme.fontSize * 1.25 + 14;
  const legendBox = legend(context, items, MARGIN.left, legendTop, width - MARGIN.left - MARGIN.right, theme);
  root.appendChild(legendBox.element);
  const top = legendTop + legendBox.height + theme.fontSize + 12;
  const plotHeight = baseHeight - top - bottomMargin(theme);
  const gap = theme.fontSize + 22;
  const panelHeight = panels.length === 2 ? (plotHeight - gap) / 2 : plotHeight;
  const x = scaleLinear()
    .domain([0, maxTime])
    .range([MARGIN.left, width - MARGIN.right]);

  panels.forEach((kind, k) => {
    const panel = clipPanel(data[kind]!, maxTime);
    const panelTop = top + k * (panelHeight + gap);
    const colour = kind === "reposts" ? theme.reposts : theme.views;
    const g = svg(context, "g", { class: `panel panel-${kind}` });
    root.appendChild(g);
    g.appendChild(
      svg(
        context,
        "text",
        { x: MARGIN.left, y: panelTop - 6, fill: colour, "font-weight": 600 },
        kind === "reposts" ? text.reposts : text.views,
      ),
    );
    let max = lastOf(panel.observed.values);
    for (let i = 0; i < panel.predicted.high.length; i++)
      if (Number.isFinite(panel.predicted.high[i])) max = Math.max(max, panel.predicted.high[i]);
    max = Math.max(max, lastOf(panel.truth?.values ?? []));
    const { scale: y, ticks, upper } = countScale(max, panel.threshold, panelTop + panelHeight, panelTop);
    g.appendChild(
      leftAxis(context, ticks, y, MARGIN.left, width - MARGIN.left - MARGIN.right, compactCount, theme),
    );
    // Non-finite highs (an unbounded interval) are drawn at the top of the panel.
    const yClamped = (v: number) => y(Number.isFinite(v) ? Math.min(v, upper) : upper);
    g.appendChild(
      svg(context, "path", {
        class: "interval",
        d: bandPath(panel.predicted.time, panel.predicted.low, panel.predicted.high, x, yClamped),
        fill: colour,
        "fill-opacity": 0.2,
      }),
    );
    g.appendChild(
      svg(context, "path", {
        class: "observed",
        d: stepPath(panel.observed.time, panel.observed.values, x, y, T),
        fill: "none",
        stroke: colour,
        "stroke-width": theme.strokeWidth,
        "stroke-linejoin": "round",
      }),
    );
    g.appendChild(
      svg(context, "path", {
        class: "predicted",
        d: linePath(panel.predicted.time, panel.predicted.estimate, x, y),
        fill: "none",
        stroke: colour,
        "stroke-width": theme.strokeWidth,
        "stroke-dasharray": "8 5",
      }),
    );
    if (panel.truth) {
      g.appendChild(
        svg(context, "path", {
          class: "truth",
          d: stepPath(panel.truth.time, panel.truth.values, x, y, maxTime),
          fill: "none",
          stroke: theme.foreground,
          "stroke-width": theme.strokeWidth,
          "stroke-dasharray": "1 5",
          "stroke-linecap": "round",
        }),
      );
    }
    g.appendChild(
      thresholdRule(
        context,
        MARGIN.left,
        width - MARGIN.right,
        y(panel.threshold),
        kind === "reposts" ? text.repostLine(panel.threshold) : text.viewLine(panel.threshold),
        theme,
      ),
    );
    // Crossings: observed (before T) or true (after), and predicted.
    const marks: Array<{ time: number; label: string; cls: string }> = [];
    const seen = firstReaching(panel.observed.values, panel.threshold);
    const trueAt = panel.truth ? firstReaching(panel.truth.values, panel.threshold) : -1;
    if (seen >= 0) {
      const time = panel.observed.time[seen];
      marks.push({ time, label: words.actualCrossing(text.duration(time)), cls: "crossing-actual" });
    } else {
      if (trueAt >= 0 && panel.truth) {
        const time = panel.truth.time[trueAt];
        marks.push({ time, label: words.actualCrossing(text.duration(time)), cls: "crossing-actual" });
      }
      const predictedAt = firstReaching(panel.predicted.estimate, panel.threshold);
      if (predictedAt >= 0) {
        const time = panel.predicted.time[predictedAt];
        marks.push({ time, label: words.predictedCrossing(text.duration(time)), cls: "crossing-predicted" });
      }
    }
    marks.forEach((mark) => {
      if (mark.time > maxTime) return;
      const cx = x(mark.time);
      const cy = y(panel.threshold);
      const mg = svg(context, "g", { class: `crossing ${mark.cls}` });
      mg.appendChild(
        svg(context, "circle", {
          cx,
          cy,
          r: theme.strokeWidth * 2.5,
          fill: mark.cls === "crossing-actual" ? theme.crossing : theme.background,
          stroke: theme.crossing,
          "stroke-width": theme.strokeWidth,
        }),
      );
      // The predicted crossing is labelled above the line, the actual one below.
      const above = mark.cls === "crossing-predicted";
      mg.appendChild(
        pointLabel(
          context,
          "crossing-label",
          cx,
          above ? cy - 10 : cy + theme.fontSize + 8,
          mark.label,
          width - 4,
          theme,
        ),
      );
      g.appendChild(mg);
    });
  });
  if (T <= maxTime) {
    const tx = x(T);
    root.appendChild(
      verticalMarker(
        context,
        "prediction-time",
        tx,
        top,
        top + plotHeight,
        words.predictedAt(text.duration(T)),
        theme.muted,
        theme,
        tx > width * 0.6,
      ),
    );
  }
  const axisY = top + plotHeight;
  return closeChart(context, root, frame, {
    x,
    maxTime,
    y: axisY,
    left: MARGIN.left,
    right: width - MARGIN.right,
  });
}

/**
 * The chart's data from the early-warning module's `predictionChartData`:
 * the record after T starts at T with the count observed then, so the dotted
 * line joins the solid one.
 */
export function predictionDataFromForecast(d: PredictionChartData): PredictionData {
  const lastOf = (values: readonly number[]) => (values.length ? values[values.length - 1] : 0);
  const truthFrom = (values: readonly number[] | null, observed: readonly number[] | null) =>
    d.truth.time.length && values && observed
      ? { time: [d.at, ...d.truth.time], values: [lastOf(observed), ...values] }
      : null;
  return {
    T: d.at,
    reposts: {
      observed: { time: d.observed.time, values: d.observed.reposts },
      predicted: d.reposts,
      truth: truthFrom(d.truth.reposts, d.observed.reposts),
      threshold: d.thresholds.reposts,
    },
    views:
      d.views && d.observed.views
        ? {
            observed: { time: d.observed.time, values: d.observed.views },
            predicted: d.views,
            truth: truthFrom(d.truth.views, d.observed.views),
            threshold: d.thresholds.views,
          }
        : null,
  };
}
