/**
 * When the legal line is crossed, over many runs: the empirical distribution
 * of crossing times for each prong. The CDF is drawn over all runs, so it
 * levels off at the crossing probability instead of reaching 1; the legend
 * states that probability as a count ("crossed in 712 of 1,000 runs").
 */
import { bin, quantileSorted } from "d3-array";
import { scaleLinear } from "d3-scale";
import {
  axisTitle,
  bottomMargin,
  chartFrame,
  closeChart,
  compactCount,
  type LegendItem,
  legend,
  openChart,
  stepPath,
} from "./parts.ts";
import { type ChartContext, leftAxis, svg, type Theme, timeTicks } from "./svg.ts";
import type { ChartText } from "./text.ts";

export interface CrossingTimesData {
  /** Crossing times (seconds) of the runs that crossed the repost line. */
  reposts: Float64Array;
  /** Same for views; null when views cannot be counted. */
  views: Float64Array | null;
  /** All runs, crossed or not. */
  runs: number;
}

export interface CrossingTimesOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
  kind?: "cdf" | "histogram";
  /** Right end of the time axis (seconds). */
  maxTime?: number;
}

const MARGIN = { right: 24, left: 76 };

export function crossingTimesChart(
  data: CrossingTimesData,
  options: CrossingTimesOptions,
  context: ChartContext,
): SVGSVGElement {
  const frame = chartFrame(options, () => 420);
  const { theme, text, width, baseHeight } = frame;
  const words = text.crossingTimes;
  const kind = options.kind ?? "cdf";
  const title = options.title ?? words.title;
  const runs = Math.max(0, data.runs);
  const series = (
    [
      ["reposts", data.reposts, theme.reposts],
      ["views", data.views, theme.views],
    ] as const
  ).flatMap(([prong, times, colour]) =>
    times ? [{ prong, sorted: Float64Array.from(times).sort(), colour }] : [],
  );
  let latest = 0;
  for (const s of series) if (s.sorted.length) latest = Math.max(latest, s.sorted[s.sorted.length - 1]);
  const maxTime = options.maxTime ?? Math.max(60, latest * 1.05);

  const root = openChart(context, frame, title, words.description(runs), MARGIN.left);
  const items: LegendItem[] = series.map((s) => ({
    label: words.crossedIn(s.prong, s.sorted.length, runs),
    colour: s.colour,
    mark: kind === "cdf" ? "line" : "band",
    opacity: 0.5,
  }));
  const legendTop = theme.fontSize * 1.25 + 14;
  const legendBox = legend(context, items, MARGIN.left, legendTop, width - MARGIN.left - MARGIN.right, theme);
  root.appendChild(legendBox.element);
  const top = legendTop + legendBox.height + 12;
  const bottom = baseHeight - bottomMargin(theme);
  const x = scaleLinear()
    .domain([0, maxTime])
    .range([MARGIN.left, width - MARGIN.right]);
  const ticks = timeTicks(maxTime);
  const plot = svg(context, "g", { class: `plot plot-${kind}` });
  root.appendChild(plot);

  if (kind === "cdf") {
    const y = scaleLinear().domain([0, 1]).range([bottom, top]);
    plot.appendChild(
      leftAxis(
        context,
        [0, 0.25, 0.5, 0.75, 1],
        y,
        MARGIN.left,
        width - MARGIN.left - MARGIN.right,
        (v) => `${Math.round(v * 100)}%`,
        theme,
      ),
    );
    for (const s of series) {
      const xs = [0];
      const ys = [0];
      // Steps closer than half a pixel are merged: same picture, a fraction of the file.
      const halfPixel = (0.5 * maxTime) / (width - MARGIN.left - MARGIN.right);
      s.sorted.forEach((t, i) => {
        if (t > maxTime) return;
        const share = runs > 0 ? (i + 1) / runs : 0;
        if (xs.length > 1 && t - xs[xs.length - 1] < halfPixel) ys[ys.length - 1] = share;
        else {
          xs.push(t);
          ys.push(share);
        }
      });
      plot.appendChild(
        svg(context, "path", {
          class: `cdf cdf-${s.prong}`,
          d: stepPath(xs, ys, x, y, maxTime),
          fill: "none",
          stroke: s.colour,
          "stroke-width": theme.strokeWidth,
          "stroke-linejoin": "round",
        }),
      );
    }
    plot.appendChild(
      axisTitle(context, words.shareAxis, theme.fontSize + 2, (top + bottom) / 2, theme, true),
    );
  } else {
    // Bins on the axis's own ticks, subdivided, so bars line up with the labels.
    const step = ticks.length > 1 ? (ticks[1] - ticks[0]) / 2 : maxTime / 10;
    const edges: number[] = [];
    for (let t = 0; t < maxTime - 1e-9; t += step) edges.push(t);
    const histograms = series.map((s) => ({
      ...s,
      bins: bin().domain([0, maxTime]).thresholds(edges.slice(1))(
        Array.from(s.sorted).filter((t) => t <= maxTime),
      ),
    }));
    let most = 1;
    for (const h of histograms) for (const b of h.bins) most = Math.max(most, b.length);
    const y = scaleLinear().domain([0, most]).nice().range([bottom, top]);
    plot.appendChild(
      leftAxis(
        context,
        y.ticks(5).filter(Number.isInteger),
        y,
        MARGIN.left,
        width - MARGIN.left - MARGIN.right,
        compactCount,
        theme,
      ),
    );
    histograms.forEach((h, k) => {
      const g = svg(context, "g", { class: `bars bars-${h.prong}`, fill: h.colour, "fill-opacity": 0.75 });
      for (const b of h.bins) {
        if (!b.length) continue;
        const x0 = x(b.x0 ?? 0);
        const x1 = x(b.x1 ?? 0);
        const w = (x1 - x0 - 2) / histograms.length;
        g.appendChild(
          svg(context, "rect", {
            x: x0 + 1 + k * w,
            y: y(b.length),
            width: Math.max(0.5, w),
            height: bottom - y(b.length),
          }),
        );
      }
      plot.appendChild(g);
    });
    plot.appendChild(axisTitle(context, words.runsAxis, theme.fontSize + 2, (top + bottom) / 2, theme, true));
  }
  // The median crossing time among the runs that crossed.
  series.forEach((s, k) => {
    if (!s.sorted.length) return;
    const median = quantileSorted(Array.from(s.sorted), 0.5) ?? 0;
    if (median > maxTime) return;
    const mx = x(median);
    const g = svg(context, "g", { class: `median median-${s.prong}` });
    g.appendChild(
      svg(context, "line", {
        x1: mx,
        x2: mx,
        y1: top,
        y2: bottom,
        stroke: s.colour,
        "stroke-width": theme.strokeWidth * 0.6,
        "stroke-dasharray": "5 4",
      }),
    );
    g.appendChild(
      svg(
        context,
        "text",
        {
          x: mx > width * 0.6 ? mx - 5 : mx + 5,
          y: top + theme.fontSize + k * (theme.fontSize + 4),
          "text-anchor": mx > width * 0.6 ? "end" : "start",
          fill: s.colour,
          // A halo, as on the other charts' labels: the label often sits on a steep curve.
          stroke: theme.background,
          "stroke-width": 3,
          "paint-order": "stroke",
          "font-weight": 600,
        },
        words.median(text.duration(median)),
      ),
    );
    plot.appendChild(g);
  });
  return closeChart(context, root, frame, {
    x,
    maxTime,
    y: bottom,
    left: MARGIN.left,
    right: width - MARGIN.right,
  });
}

/** Rows for "underlying data as CSV": one row per run that crossed, per prong. */
export function crossingTimesRows(data: CrossingTimesData): Array<{ prong: string; time: number }> {
  const rows: Array<{ prong: string; time: number }> = [];
  for (const time of data.reposts) rows.push({ prong: "reposts", time });
  for (const time of data.views ?? []) rows.push({ prong: "views", time });
  return rows;
}
