/**
 * Monte Carlo fan chart: cumulative reposts and views over time across many
 * runs, as bands (5–95% and 25–75% of runs) around the median, one panel per
 * count with its legal line. A baseline fan (e.g. without the intervention)
 * can be drawn as outlines for comparison, and a marker shows when the
 * intervention starts.
 */
import { quantileSorted } from "d3-array";
import { scaleLinear } from "d3-scale";
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
  thresholdRule,
  verticalMarker,
} from "./parts.ts";
import { type ChartContext, leftAxis, svg, type Theme } from "./svg.ts";
import type { ChartText } from "./text.ts";

/** Per grid time, the 5th, 25th, 50th, 75th and 95th percentile over runs. */
export interface FanQuantiles {
  p5: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p95: Float64Array;
}

export interface FanData {
  /** Time grid (seconds), increasing. */
  time: Float64Array;
  reposts: FanQuantiles;
  /** Null when views cannot be counted. */
  views: FanQuantiles | null;
  thresholds: { reposts: number; views: number };
  runs: number;
}

export interface FanOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
  /** A second fan drawn as outlines (5–95% and median): the comparison without the intervention. */
  baseline?: { time: Float64Array; reposts: FanQuantiles; views: FanQuantiles | null };
  /** A vertical marker, e.g. when the intervention starts. */
  marker?: { time: number; label: string };
  /** Right end of the time axis (seconds); defaults to `defaultFanEnd(data)`. */
  maxTime?: number;
}

const MARGIN = { right: 24, left: 76 };

export function fanChart(data: FanData, options: FanOptions, context: ChartContext): SVGSVGElement {
  const frame = chartFrame(options, (theme) => 400 + theme.fontSize * 8);
  const { theme, text, width, baseHeight } = frame;
  const words = text.fan;
  const title = options.title ?? words.title;
  const maxTime = options.maxTime ?? defaultFanEnd(data);
  const root = openChart(context, frame, title, words.description(data.runs), MARGIN.left);
  const items: LegendItem[] = [
    { label: words.outer, colour: theme.foreground, mark: "band", opacity: 0.15 },
    { label: words.inner, colour: theme.foreground, mark: "band", opacity: 0.35 },
    { label: words.median, colour: theme.foreground, mark: "line" },
  ];
  if (options.baseline) items.push({ label: words.baseline, colour: theme.muted, mark: "outline" });
  const legendTop = theme.fontSize * 1.25 + 14;
  const legendBox = legend(context, items, MARGIN.left, legendTop, width - MARGIN.left - MARGIN.right, theme);
  root.appendChild(legendBox.element);

  const top = legendTop + legendBox.height + theme.fontSize + 12;
  const plotHeight = baseHeight - top - bottomMargin(theme);
  const gap = theme.fontSize + 22;
  const panelHeight = (plotHeight - gap) / 2;
  const x = scaleLinear()
    .domain([0, maxTime])
    .range([MARGIN.left, width - MARGIN.right]);
  const inRange = (values: Float64Array) => {
    let end = 0;
    while (end < data.time.length && data.time[end] <= maxTime) end++;
    return { time: data.time.subarray(0, end), values: values.subarray(0, end) };
  };

  for (const [k, kind] of (["reposts", "views"] as const).entries()) {
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
    const fan = data[kind];
    if (!fan) {
      g.appendChild(
        svg(
          context,
          "text",
          { x: MARGIN.left + 8, y: panelTop + panelHeight / 2, fill: theme.muted },
          text.viewsUnknown,
        ),
      );
      continue;
    }
    const threshold = data.thresholds[kind];
    const baseFan = options.baseline?.[kind] ?? null;
    let max = 0;
    for (const q of [fan.p95, baseFan?.p95 ?? new Float64Array()]) for (const v of q) max = Math.max(max, v);
    const { scale: y, ticks } = countScale(max, threshold, panelTop + panelHeight, panelTop);
    g.appendChild(
      leftAxis(context, ticks, y, MARGIN.left, width - MARGIN.left - MARGIN.right, compactCount, theme),
    );
    const t = inRange(fan.p50).time;
    const cut = (values: Float64Array) => values.subarray(0, t.length);
    g.appendChild(
      svg(context, "path", {
        class: "band band-outer",
        d: bandPath(t, cut(fan.p5), cut(fan.p95), x, y),
        fill: colour,
        "fill-opacity": 0.15,
      }),
    );
    g.appendChild(
      svg(context, "path", {
        class: "band band-inner",
        d: bandPath(t, cut(fan.p25), cut(fan.p75), x, y),
        fill: colour,
        "fill-opacity": 0.35,
      }),
    );
    g.appendChild(
      svg(context, "path", {
        class: "median",
        d: linePath(t, cut(fan.p50), x, y),
        fill: "none",
        stroke: colour,
        "stroke-width": theme.strokeWidth,
        "stroke-linejoin": "round",
      }),
    );
    if (baseFan && options.baseline) {
      let end = 0;
      while (end < options.baseline.time.length && options.baseline.time[end] <= maxTime) end++;
      const bt = options.baseline.time.subarray(0, end);
      const b = (values: Float64Array) => values.subarray(0, end);
      const outline = svg(context, "g", {
        class: "baseline",
        fill: "none",
        stroke: theme.muted,
        "stroke-width": theme.strokeWidth * 0.6,
      });
      outline.appendChild(
        svg(context, "path", {
          d: bandPath(bt, b(baseFan.p5), b(baseFan.p95), x, y),
          "stroke-dasharray": "4 3",
        }),
      );
      outline.appendChild(
        svg(context, "path", { d: linePath(bt, b(baseFan.p50), x, y), "stroke-dasharray": "8 4" }),
      );
      g.appendChild(outline);
    }
    g.appendChild(
      thresholdRule(
        context,
        MARGIN.left,
        width - MARGIN.right,
        y(threshold),
        kind === "reposts" ? text.repostLine(threshold) : text.viewLine(threshold),
        theme,
      ),
    );
    // When the median curve reaches the line: by then half of all runs have crossed.
    const at = firstReaching(cut(fan.p50), threshold);
    if (at >= 0) {
      // Between grid times the median is drawn as a straight line: cross it where the line does.
      const m = fan.p50;
      const when =
        at > 0 && m[at] > m[at - 1]
          ? t[at - 1] + ((threshold - m[at - 1]) / (m[at] - m[at - 1])) * (t[at] - t[at - 1])
          : t[at];
      const cx = x(when);
      const mark = svg(context, "g", { class: `crossing crossing-${kind}` });
      mark.appendChild(
        svg(context, "circle", {
          cx,
          cy: y(threshold),
          r: theme.strokeWidth * 2.5,
          fill: theme.crossing,
          stroke: theme.background,
          "stroke-width": 1.5,
        }),
      );
      mark.appendChild(
        pointLabel(
          context,
          "crossing-label",
          cx,
          y(threshold) + theme.fontSize + 6,
          words.medianCrosses(kind, text.duration(when)),
          width - 4,
          theme,
        ),
      );
      g.appendChild(mark);
    }
  }
  if (options.marker && options.marker.time <= maxTime) {
    const mx = x(options.marker.time);
    root.appendChild(
      verticalMarker(
        context,
        "marker",
        mx,
        top,
        top + plotHeight,
        options.marker.label,
        theme.foreground,
        theme,
        mx > width * 0.6,
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
 * Where the time axis ends by default: once the 95th percentile of every
 * count has reached 99% of its final value (plus 10%), so a quiet tail up to
 * a 72-hour horizon does not squeeze the part where things happen.
 */
export function defaultFanEnd(data: Pick<FanData, "time" | "reposts" | "views">): number {
  const { time } = data;
  if (time.length === 0) return 3600;
  let end = Math.min(60, time[time.length - 1]);
  for (const fan of [data.reposts, data.views]) {
    if (!fan) continue;
    const band = fan.p95;
    const last = band[band.length - 1];
    const k = band.findIndex((v) => v >= 0.99 * last);
    if (k >= 0) end = Math.max(end, time[k] * 1.1);
  }
  return Math.max(Math.min(end, time[time.length - 1]), time[Math.min(1, time.length - 1)]);
}

/** The fan as rows for "underlying data as CSV": one row per grid time. */
export function fanChartRows(data: FanData): Array<Record<string, number | null>> {
  const rows: Array<Record<string, number | null>> = [];
  for (let i = 0; i < data.time.length; i++) {
    const row: Record<string, number | null> = { time: data.time[i] };
    for (const kind of ["reposts", "views"] as const) {
      const fan = data[kind];
      for (const q of ["p5", "p25", "p50", "p75", "p95"] as const)
        row[`${kind}_${q}`] = fan ? fan[q][i] : null;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Percentiles over runs at each grid point, from values laid out run by run:
 * `values[r * length + k]` is run r's value at grid time k (the layout of the
 * Monte Carlo batch's `gridReposts` / `gridViews`). Linear interpolation
 * between order statistics (d3's quantileSorted, R-7).
 */
export function fanQuantiles(values: ArrayLike<number>, runs: number, length: number): FanQuantiles {
  const out: FanQuantiles = {
    p5: new Float64Array(length),
    p25: new Float64Array(length),
    p50: new Float64Array(length),
    p75: new Float64Array(length),
    p95: new Float64Array(length),
  };
  const column: number[] = new Array(runs);
  for (let k = 0; k < length; k++) {
    for (let r = 0; r < runs; r++) column[r] = values[r * length + k];
    column.sort((a, b) => a - b);
    out.p5[k] = quantileSorted(column, 0.05) ?? 0;
    out.p25[k] = quantileSorted(column, 0.25) ?? 0;
    out.p50[k] = quantileSorted(column, 0.5) ?? 0;
    out.p75[k] = quantileSorted(column, 0.75) ?? 0;
    out.p95[k] = quantileSorted(column, 0.95) ?? 0;
  }
  return out;
}
