/**
 * Cumulative reposts and views over time, each in its own panel with its
 * legal line, and the crossing moments marked and labelled.
 */
import { bisectRight } from "d3-array";
import { scaleLinear, scaleSymlog } from "d3-scale";
import type { Crossing, CumulativeSeries, LineReport } from "../core/legal.ts";
import { besideLabel, type LabelPlace, labelsOverlap } from "./label-box.ts";
import { captionHeight, chartFrame, textWidth } from "./parts.ts";
import {
  bottomAxis,
  type ChartContext,
  chartRoot,
  leftAxis,
  pathData,
  round,
  svg,
  type Theme,
  timeTicks,
} from "./svg.ts";
import type { ChartText } from "./text.ts";

export interface TimeSeriesData {
  series: CumulativeSeries;
  report: LineReport;
  /** The same run without an intervention, drawn dashed behind the curve. */
  baseline?: { series: CumulativeSeries; label: string };
}

export interface TimeSeriesOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  title?: string;
  /** Scenario and data source, printed under the chart. */
  caption?: string;
  /** Playback clock: only what happened up to this time is drawn. */
  cursor?: number;
  /** Right end of the time axis (seconds); defaults to the last event. */
  maxTime?: number;
  /** A vertical marker, e.g. an intervention. */
  marker?: { time: number; label: string };
  text?: ChartText;
  /**
   * A curve with more points than 4 per pixel of plot width is drawn with at
   * most 4 per pixel column (see `stepOutline`): the same outline, a fraction
   * of the work for the browser. False draws every event.
   */
  thin?: boolean;
}

const MARGIN = { top: 44, right: 24, bottom: 48, left: 72 };

export function timeSeriesChart(
  data: TimeSeriesData,
  options: TimeSeriesOptions,
  context: ChartContext,
): SVGSVGElement {
  // The shared frame's options, but not its title, caption or time axis: drawn here a few pixels apart.
  const frame = chartFrame(options, () => 440);
  const { theme, text, width, height, lines } = frame;
  const capHeight = captionHeight(lines, theme);
  const { series, report } = data;
  const maxTime =
    options.maxTime ?? Math.max(defaultMaxTime(series, report), (options.marker?.time ?? 0) * 1.1);
  const cursor = options.cursor ?? Number.POSITIVE_INFINITY;
  const title = options.title ?? text.timeSeriesTitle;
  const root = chartRoot(context, width, height, theme, title, text.timeSeriesDescription(report));
  root.appendChild(
    svg(
      context,
      "text",
      {
        x: MARGIN.left,
        y: 24,
        "font-weight": 600,
        "font-size": theme.fontSize * 1.25,
        fill: theme.foreground,
      },
      title,
    ),
  );

  const plotHeight = height - capHeight - MARGIN.top - MARGIN.bottom;
  const gap = 28;
  const panelHeight = (plotHeight - gap) / 2;
  const x = scaleLinear()
    .domain([0, maxTime])
    .range([MARGIN.left, width - MARGIN.right]);
  const clip = (t: number) => Math.min(t, cursor, maxTime);

  const panels: Array<{ kind: "reposts" | "views"; top: number }> = [
    { kind: "reposts", top: MARGIN.top },
    { kind: "views", top: MARGIN.top + panelHeight + gap },
  ];
  for (const { kind, top } of panels) {
    const g = svg(context, "g", { class: `panel panel-${kind}` });
    root.appendChild(g);
    const colour = kind === "reposts" ? theme.reposts : theme.views;
    const threshold = report.thresholds[kind];
    const label = kind === "reposts" ? text.reposts : text.views;
    g.appendChild(
      svg(context, "text", { x: MARGIN.left, y: top - 6, fill: colour, "font-weight": 600 }, label),
    );
    if (kind === "views" && !series.hasViews) {
      g.appendChild(
        svg(
          context,
          "text",
          { x: MARGIN.left + 8, y: top + panelHeight / 2, fill: theme.muted },
          text.viewsUnknown,
        ),
      );
      continue;
    }
    const values = kind === "reposts" ? series.reposts : series.views;
    const baselineValues = data.baseline
      ? kind === "reposts"
        ? data.baseline.series.reposts
        : data.baseline.series.views
      : null;
    const last = (v: ArrayLike<number> | null) => (v?.length ? v[v.length - 1] : 0);
    const max = Math.max(last(values), last(baselineValues));
    const top2 = Math.max(max, threshold) * 1.08;
    // A symlog axis keeps the line visible when a big account's views dwarf it.
    const y = (top2 > threshold * 20 ? scaleSymlog().constant(threshold / 50) : scaleLinear())
      .domain([0, top2])
      .range([top + panelHeight, top]);
    const ticks = top2 > threshold * 20 ? symlogTicks(top2) : y.ticks(4);
    g.appendChild(
      leftAxis(context, ticks, y, MARGIN.left, width - MARGIN.left - MARGIN.right, compact, theme),
    );
    // The legal line.
    g.appendChild(
      svg(context, "line", {
        class: "threshold",
        x1: MARGIN.left,
        x2: width - MARGIN.right,
        y1: y(threshold),
        y2: y(threshold),
        stroke: theme.threshold,
        "stroke-width": theme.strokeWidth * 0.75,
        "stroke-dasharray": "6 4",
      }),
    );
    const lineLabel = kind === "reposts" ? text.repostLine(threshold) : text.viewLine(threshold);
    const lineLabelLeft = width - MARGIN.right - 4 - textWidth(lineLabel, theme.fontSize);
    const shownCrossing = report.crossing[kind];
    // Where the curve stops (the clock, or the axis's end) and its count there.
    const curveEndTime = Math.min(maxTime, cursor);
    const shownIndex = bisectRight(series.time, curveEndTime) - 1;
    const shownCount = shownIndex >= 0 ? values[shownIndex] : 0;
    // Above the line, unless the curve runs through it there (just past the line at the end) or the
    // crossing's label does (a late crossing near a top-heavy line): then below, where the curve is not.
    const curveThroughLabel =
      x(curveEndTime) > lineLabelLeft &&
      shownCount >= threshold &&
      y(threshold) - y(shownCount) < theme.fontSize + 6;
    const lineLabelBelow =
      curveThroughLabel ||
      (shownCrossing !== null &&
        shownCrossing.time <= cursor &&
        labelsOverlap(
          crossingLabelBox(
            text.crossingLabel(kind, shownCrossing, threshold),
            x(shownCrossing.time),
            top,
            width,
            theme,
          ),
          {
            left: lineLabelLeft,
            right: width - MARGIN.right - 4,
            top: y(threshold) - 5 - theme.fontSize,
            bottom: y(threshold) - 5,
          },
          // Nor nearly touch.
          theme.fontSize / 2,
          2,
        ));
    g.appendChild(
      svg(
        context,
        "text",
        {
          x: width - MARGIN.right - 4,
          y: lineLabelBelow ? y(threshold) + theme.fontSize + 3 : y(threshold) - 5,
          "text-anchor": "end",
          fill: theme.threshold,
        },
        lineLabel,
      ),
    );
    // Step curves up to the playback clock.
    const end = x(clip(Math.min(maxTime, cursor === Number.POSITIVE_INFINITY ? maxTime : cursor)));
    const stepPoints = (times: ArrayLike<number>, counts: ArrayLike<number>) =>
      stepOutline(times, counts, {
        cursor,
        x: (t) => x(clip(t)),
        y,
        end,
        threshold,
        maxPoints:
          options.thin === false ? Number.POSITIVE_INFINITY : 4 * (width - MARGIN.left - MARGIN.right),
      });
    if (data.baseline && baselineValues) {
      g.appendChild(
        svg(context, "path", {
          class: `curve-baseline curve-baseline-${kind}`,
          d: pathData(stepPoints(data.baseline.series.time, baselineValues)),
          fill: "none",
          stroke: colour,
          "stroke-opacity": 0.55,
          "stroke-width": theme.strokeWidth * 0.75,
          "stroke-dasharray": "4 3",
        }),
      );
      g.appendChild(
        svg(
          context,
          "text",
          { x: MARGIN.left + 60, y: top - 6, fill: theme.muted },
          `- - ${data.baseline.label}`,
        ),
      );
    }
    const points = stepPoints(series.time, values);
    g.appendChild(
      svg(context, "path", {
        class: `curve curve-${kind}`,
        d: pathData(points),
        fill: "none",
        stroke: colour,
        "stroke-width": theme.strokeWidth,
        "stroke-linejoin": "round",
      }),
    );
    const crossing = report.crossing[kind];
    if (crossing && crossing.time <= cursor) {
      g.appendChild(
        crossingMark(
          context,
          crossing,
          kind,
          x(crossing.time),
          y(threshold),
          top,
          panelHeight,
          width,
          theme,
          text,
          report,
        ),
      );
    }
  }
  if (options.marker && options.marker.time <= maxTime) {
    const mx = x(options.marker.time);
    root.appendChild(
      svg(context, "line", {
        class: "marker",
        x1: mx,
        x2: mx,
        y1: MARGIN.top,
        y2: MARGIN.top + plotHeight,
        stroke: theme.muted,
        "stroke-width": 1.5,
      }),
    );
    root.appendChild(
      svg(context, "text", { x: mx + 4, y: MARGIN.top + 12, fill: theme.muted }, options.marker.label),
    );
  }
  if (Number.isFinite(cursor) && cursor <= maxTime) {
    const cx = x(cursor);
    root.appendChild(
      svg(context, "line", {
        class: "cursor",
        x1: cx,
        x2: cx,
        y1: MARGIN.top,
        y2: MARGIN.top + plotHeight,
        stroke: theme.foreground,
        "stroke-opacity": 0.4,
      }),
    );
  }
  const axisY = MARGIN.top + plotHeight;
  root.appendChild(
    bottomAxis(context, timeTicks(maxTime), x, axisY, (t) => (t === 0 ? "0" : text.duration(t)), theme),
  );
  root.appendChild(
    svg(
      context,
      "text",
      {
        x: (MARGIN.left + width - MARGIN.right) / 2,
        y: axisY + 40,
        "text-anchor": "middle",
        fill: theme.muted,
      },
      text.timeAxis,
    ),
  );
  lines.forEach((line, i) => {
    root.appendChild(
      svg(
        context,
        "text",
        {
          class: "caption",
          x: 8,
          y: height - capHeight + 8 + (i + 0.8) * (theme.fontSize + 4),
          fill: theme.muted,
          "font-size": theme.fontSize * 0.9,
        },
        line,
      ),
    );
  });
  return root;
}

interface StepOutlineOptions {
  /** Playback clock: events after it are left out. */
  cursor: number;
  /** Time to horizontal position (already clipped to the axis). */
  x: (time: number) => number;
  /** Count to vertical position, and back (a d3 scale). */
  y: { (count: number): number; invert(y: number): number };
  /** Horizontal position where the last flat stretch ends. */
  end: number;
  /** The legal line: the rise that crosses it is always kept. */
  threshold: number;
  /** Above this many points (2 per event + 1) the outline is thinned. */
  maxPoints: number;
  /** In a thinned outline, how far (pixels of y) the count may climb between drawn rises; default 1. */
  tolerance?: number;
}

/**
 * The points of a cumulative count's step curve: per event a rise at its time,
 * flat in between, then flat to `end`.
 *
 * A long curve (more than `maxPoints`) keeps, per pixel column (events whose
 * rounded x lies in (c - 1, c]), the first rise and the last, the rise that
 * crosses the legal line, and a rise wherever the count has moved `tolerance`
 * pixels since the last one kept: at most 4 points per column plus 2 per pixel
 * of height. As the count never falls, the rises left out lie in a box less
 * than a pixel wide and high between two kept ones: the outline is the same at
 * every whole pixel x, the flat stretches between columns are exact, the final
 * value is kept, and the curve meets the line exactly at the crossing marker.
 */
function stepOutline(
  times: ArrayLike<number>,
  counts: ArrayLike<number>,
  options: StepOutlineOptions,
): Array<[number, number]> {
  const { cursor, x, y, end, threshold } = options;
  let n = 0;
  while (n < times.length && times[n] <= cursor) n++;
  const points: Array<[number, number]> = [];
  if (n === 0) return points;
  if (2 * n + 1 <= options.maxPoints) {
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const t = x(times[i]);
      points.push([t, y(previous)], [t, y(counts[i])]);
      previous = counts[i];
    }
  } else {
    const tolerance = options.tolerance ?? 1;
    // The count at which the curve has climbed `tolerance` pixels above the last rise drawn.
    let climbed = 0;
    const rise = (i: number, at: number) => {
      const top = y(counts[i]);
      climbed = y.invert(top - tolerance);
      points.push([at, y(i > 0 ? counts[i - 1] : 0)], [at, top]);
    };
    let column = Number.NaN;
    // The column's last event, not yet drawn.
    let waiting = -1;
    let waitingX = 0;
    for (let i = 0; i < n; i++) {
      const at = x(times[i]);
      const c = Math.ceil(round(at));
      const crosses = counts[i] >= threshold && (i > 0 ? counts[i - 1] : 0) < threshold;
      if (c !== column) {
        if (waiting >= 0) rise(waiting, waitingX);
        column = c;
        waiting = -1;
        rise(i, at);
      } else if (crosses || counts[i] >= climbed) {
        rise(i, at);
        waiting = -1;
      } else {
        waiting = i;
        waitingX = at;
      }
    }
    if (waiting >= 0) rise(waiting, waitingX);
  }
  points.push([end, y(counts[n - 1])]);
  return points;
}

function crossingMark(
  context: ChartContext,
  crossing: Crossing,
  kind: "reposts" | "views",
  cx: number,
  cy: number,
  top: number,
  panelHeight: number,
  width: number,
  theme: Theme,
  text: ChartText,
  report: LineReport,
): SVGGElement {
  const g = svg(context, "g", { class: `crossing crossing-${kind}` });
  g.appendChild(
    svg(context, "line", {
      x1: cx,
      x2: cx,
      y1: top,
      y2: top + panelHeight,
      stroke: theme.crossing,
      "stroke-width": theme.strokeWidth * 0.75,
    }),
  );
  g.appendChild(
    svg(context, "circle", {
      cx,
      cy,
      r: theme.strokeWidth * 2.5,
      fill: theme.crossing,
      stroke: theme.background,
      "stroke-width": 1.5,
    }),
  );
  const label = text.crossingLabel(kind, crossing, report.thresholds[kind]);
  const box = crossingLabelBox(label, cx, top, width, theme);
  g.appendChild(
    svg(
      context,
      "text",
      {
        class: "crossing-label",
        x: box.x,
        y: box.baseline,
        "text-anchor": box.anchor,
        fill: theme.foreground,
        "font-weight": 600,
      },
      label,
    ),
  );
  return g;
}

/**
 * Where `crossingMark` puts its label: right of the marker, or left of it in the right part of the chart;
 * on the other side when it would leave the plot there (large type), and within the plot when neither fits.
 */
function crossingLabelBox(label: string, cx: number, top: number, width: number, theme: Theme): LabelPlace {
  return besideLabel(cx, top + theme.fontSize + 4, {
    // Bold text runs a little wider than `textWidth`'s estimate.
    width: textWidth(label, theme.fontSize) * 1.1,
    height: theme.fontSize,
    gap: 8,
    within: { left: MARGIN.left + 4, right: width - MARGIN.right },
    prefer: cx > width * 0.6 ? "left" : "right",
  });
}

/** 0, 1k, 10k, 100k ... up to max: ticks for a symlog axis. */
function symlogTicks(max: number): number[] {
  const ticks = [0];
  for (let v = 100; v <= max; v *= 10) ticks.push(v);
  return ticks;
}

export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(0)}k`;
  if (abs >= 1e3) return `${+(value / 1e3).toFixed(1)}k`;
  return String(+value.toFixed(2));
}

/**
 * Most of a cascade happens early and a long tail follows: show up to the
 * 95th percentile of events, but always the crossings with room after them.
 */
export function defaultMaxTime(series: CumulativeSeries, report: LineReport): number {
  const count = series.time.length;
  if (count === 0) return 3600;
  const p95 = series.time[Math.min(count - 1, Math.floor(count * 0.95))];
  const crossings = [report.crossing.reposts?.time ?? 0, report.crossing.views?.time ?? 0];
  return Math.max(60, p95 * 1.05, ...crossings.map((t) => t * 1.25));
}
