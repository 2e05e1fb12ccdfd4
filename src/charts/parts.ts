/**
 * Pieces shared by the charts beyond svg.ts: title, legend, caption, legal
 * line, markers and a count axis that stays readable when views dwarf the
 * line. Everything is text and plain shapes, so exports need no fonts or CSS.
 */
import { scaleLinear, scaleSymlog } from "d3-scale";
import { besideLabel } from "./label-box.ts";
import { bottomAxis, type ChartContext, chartRoot, LIGHT_THEME, svg, type Theme, timeTicks } from "./svg.ts";
import { type ChartText, ENGLISH_CHART_TEXT } from "./text.ts";

/** Okabe–Ito, without the yellow that vanishes on white: one colour per series (estimators, runs). */
export const SERIES_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

/** Approximate rendered width of a text: CJK characters are one em, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.6;
  return ems * fontSize;
}

/** The options every chart's frame takes. */
export interface FrameOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  caption?: string;
}

/** A chart's options resolved: the plot is `baseHeight` tall, the caption's lines go below it. */
export interface ChartFrame {
  theme: Theme;
  text: ChartText;
  width: number;
  baseHeight: number;
  lines: string[];
  /** The whole chart, caption included. */
  height: number;
}

/** Resolves the options every chart shares; the plot's height defaults to `defaultHeight(theme)`. */
export function chartFrame(options: FrameOptions, defaultHeight: (theme: Theme) => number): ChartFrame {
  const theme = options.theme ?? LIGHT_THEME;
  const text = options.text ?? ENGLISH_CHART_TEXT;
  const width = options.width ?? 760;
  const baseHeight = options.height ?? defaultHeight(theme);
  const lines = wrapCaption(captionLines(options.caption), width - 16, theme);
  return { theme, text, width, baseHeight, lines, height: baseHeight + captionHeight(lines, theme) };
}

/** The chart's root element with its title at `titleX`, the first thing every chart draws. */
export function openChart(
  context: ChartContext,
  frame: ChartFrame,
  title: string,
  description: string,
  titleX: number,
): SVGSVGElement {
  const root = chartRoot(context, frame.width, frame.height, frame.theme, title, description);
  root.appendChild(titleText(context, title, titleX, frame.theme));
  return root;
}

/** The last things a chart draws: the time axis when it has one, then the caption. */
export function closeChart(
  context: ChartContext,
  root: SVGSVGElement,
  frame: ChartFrame,
  timeAxis?: { x: (t: number) => number; maxTime: number; y: number; left: number; right: number },
): SVGSVGElement {
  const { theme, text, lines } = frame;
  if (timeAxis) {
    const { x, maxTime, y, left, right } = timeAxis;
    root.appendChild(timeAxisWithTitle(context, x, maxTime, y, { left, right }, text, theme));
  }
  if (lines.length) root.appendChild(captionBlock(context, lines, frame.baseHeight, theme));
  return root;
}

/** The chart's title, top left. */
function titleText(context: ChartContext, title: string, x: number, theme: Theme): SVGTextElement {
  return svg(
    context,
    "text",
    {
      class: "chart-title",
      x,
      y: theme.fontSize * 1.25 + 8,
      "font-weight": 600,
      "font-size": theme.fontSize * 1.25,
      fill: theme.foreground,
    },
    title,
  );
}

/** Caption lines (scenario, data source, notes), split on line breaks; empty pieces dropped. */
export function captionLines(...pieces: Array<string | undefined>): string[] {
  return pieces.flatMap((piece) => (piece ? piece.split("\n") : [])).filter((line) => line.length > 0);
}

export function captionHeight(lines: readonly string[], theme: Theme): number {
  return lines.length ? lines.length * (theme.fontSize + 4) + 8 : 0;
}

/** Caption block starting at `top` (the bottom strip of the chart). */
function captionBlock(
  context: ChartContext,
  lines: readonly string[],
  top: number,
  theme: Theme,
): SVGGElement {
  const g = svg(context, "g", { class: "caption", fill: theme.muted, "font-size": theme.fontSize * 0.9 });
  lines.forEach((line, i) => {
    g.appendChild(svg(context, "text", { x: 8, y: top + 4 + (i + 0.8) * (theme.fontSize + 4) }, line));
  });
  return g;
}

export type LegendMark = "line" | "dash" | "dotted" | "band" | "outline" | "dot" | "ring";

export interface LegendItem {
  label: string;
  colour: string;
  mark: LegendMark;
  /** Band opacity, for marks of kind "band". */
  opacity?: number;
}

/**
 * A legend laid out left to right, wrapping into rows within `maxWidth`.
 * Returns the element and its height so the caller can place the plot below.
 */
export function legend(
  context: ChartContext,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
  theme: Theme,
): { element: SVGGElement; height: number } {
  const g = svg(context, "g", { class: "legend", fill: theme.foreground });
  const swatch = Math.round(theme.fontSize * 1.8);
  const rowHeight = theme.fontSize + 10;
  let cx = x;
  let row = 0;
  for (const item of items) {
    const width = swatch + 6 + textWidth(item.label, theme.fontSize) + theme.fontSize * 1.2;
    if (cx > x && cx + width > x + maxWidth) {
      cx = x;
      row++;
    }
    const cy = y + row * rowHeight + rowHeight / 2;
    g.appendChild(legendSwatch(context, item, cx, cy, swatch, theme));
    g.appendChild(svg(context, "text", { x: cx + swatch + 6, y: cy + theme.fontSize * 0.35 }, item.label));
    cx += width;
  }
  return { element: g, height: items.length ? (row + 1) * rowHeight : 0 };
}

function legendSwatch(
  context: ChartContext,
  item: LegendItem,
  x: number,
  cy: number,
  size: number,
  theme: Theme,
): SVGElement {
  const half = theme.fontSize * 0.4;
  switch (item.mark) {
    case "band":
      return svg(context, "rect", {
        x,
        y: cy - half,
        width: size,
        height: 2 * half,
        fill: item.colour,
        "fill-opacity": item.opacity ?? 0.3,
      });
    case "outline":
      return svg(context, "rect", {
        x,
        y: cy - half,
        width: size,
        height: 2 * half,
        fill: "none",
        stroke: item.colour,
        "stroke-width": theme.strokeWidth * 0.6,
        "stroke-dasharray": "4 3",
      });
    case "dot":
      return svg(context, "circle", { cx: x + size / 2, cy, r: half, fill: item.colour });
    case "ring":
      return svg(context, "circle", {
        cx: x + size / 2,
        cy,
        r: half,
        fill: "none",
        stroke: item.colour,
        "stroke-width": theme.strokeWidth * 0.75,
      });
    default:
      return svg(context, "line", {
        x1: x,
        x2: x + size,
        y1: cy,
        y2: cy,
        stroke: item.colour,
        "stroke-width": theme.strokeWidth,
        "stroke-dasharray": item.mark === "dash" ? "6 4" : item.mark === "dotted" ? "1 4" : undefined,
        "stroke-linecap": item.mark === "dotted" ? "round" : undefined,
      });
  }
}

/** The legal line: a dashed horizontal rule with its label at the right end. */
export function thresholdRule(
  context: ChartContext,
  x1: number,
  x2: number,
  y: number,
  label: string,
  theme: Theme,
): SVGGElement {
  const g = svg(context, "g", { class: "threshold" });
  g.appendChild(
    svg(context, "line", {
      x1,
      x2,
      y1: y,
      y2: y,
      stroke: theme.threshold,
      "stroke-width": theme.strokeWidth * 0.75,
      "stroke-dasharray": "6 4",
    }),
  );
  g.appendChild(
    svg(context, "text", { x: x2 - 4, y: y - 5, "text-anchor": "end", fill: theme.threshold }, label),
  );
  return g;
}

/** A vertical rule with a label at its top: an intervention, the prediction time, a crossing. */
export function verticalMarker(
  context: ChartContext,
  className: string,
  x: number,
  y1: number,
  y2: number,
  label: string,
  colour: string,
  theme: Theme,
  anchorRight = false,
): SVGGElement {
  const g = svg(context, "g", { class: className });
  g.appendChild(
    svg(context, "line", { x1: x, x2: x, y1, y2, stroke: colour, "stroke-width": theme.strokeWidth * 0.6 }),
  );
  if (label) {
    g.appendChild(
      svg(
        context,
        "text",
        {
          x: anchorRight ? x - 5 : x + 5,
          y: y1 + theme.fontSize,
          "text-anchor": anchorRight ? "end" : "start",
          fill: colour,
          stroke: theme.background,
          "stroke-width": 3,
          "paint-order": "stroke",
          "font-weight": 600,
        },
        label,
      ),
    );
  }
  return g;
}

/** Axis title: centred under a horizontal axis, or rotated beside a vertical one. */
export function axisTitle(
  context: ChartContext,
  label: string,
  x: number,
  y: number,
  theme: Theme,
  vertical = false,
): SVGTextElement {
  return svg(
    context,
    "text",
    {
      class: "axis-title",
      x: vertical ? 0 : x,
      y: vertical ? 0 : y,
      transform: vertical ? `translate(${x},${y}) rotate(-90)` : undefined,
      "text-anchor": "middle",
      fill: theme.muted,
    },
    label,
  );
}

export interface CountScale {
  scale: (value: number) => number;
  ticks: number[];
  /** Top of the domain. */
  upper: number;
}

/**
 * Linear from 0 to a little above max(values, line); symlog when the values
 * dwarf the line (a big account's views), so the line stays visible.
 */
export function countScale(max: number, line: number, bottom: number, top: number): CountScale {
  const upper = Math.max(max, line, 1) * 1.08;
  if (upper > line * 20) {
    const scale = scaleSymlog()
      .constant(line / 50)
      .domain([0, upper])
      .range([bottom, top]);
    const ticks = [0];
    for (let v = 100; v <= upper; v *= 10) ticks.push(v);
    return { scale, ticks, upper };
  }
  const scale = scaleLinear().domain([0, upper]).range([bottom, top]);
  return { scale, ticks: scale.ticks(4), upper };
}

/** "1.2k", "35k", "4.1M": short counts for axis ticks. */
export function compactCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(0)}k`;
  if (abs >= 1e3) return `${+(value / 1e3).toFixed(1)}k`;
  return String(+value.toFixed(2));
}

/** The first index where values reach the line (a step series), or -1. */
export function firstReaching(values: ArrayLike<number>, line: number): number {
  for (let i = 0; i < values.length; i++) if (values[i] >= line) return i;
  return -1;
}

/** An area between two curves over x: upper left to right, lower back. */
export function bandPath(
  xs: ArrayLike<number>,
  low: ArrayLike<number>,
  high: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  const n = xs.length;
  if (n === 0) return "";
  let d = "";
  for (let i = 0; i < n; i++) d += `${i === 0 ? "M" : "L"}${r(x(xs[i]))},${r(y(high[i]))}`;
  for (let i = n - 1; i >= 0; i--) d += `L${r(x(xs[i]))},${r(y(low[i]))}`;
  return `${d}Z`;
}

/** A polyline over x. */
export function linePath(
  xs: ArrayLike<number>,
  values: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = "";
  for (let i = 0; i < xs.length; i++) d += `${i === 0 ? "M" : "L"}${r(x(xs[i]))},${r(y(values[i]))}`;
  return d;
}

/** A step curve: each value holds from its time until the next. */
export function stepPath(
  xs: ArrayLike<number>,
  values: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
  end?: number,
): string {
  let d = "";
  for (let i = 0; i < xs.length; i++) {
    if (i === 0) d += `M${r(x(xs[0]))},${r(y(values[0]))}`;
    else d += `L${r(x(xs[i]))},${r(y(values[i - 1]))}L${r(x(xs[i]))},${r(y(values[i]))}`;
  }
  if (xs.length && end !== undefined) d += `L${r(x(end))},${r(y(values[xs.length - 1]))}`;
  return d;
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * A bold label beside a point, with a halo so it stays legible over lines:
 * to the right of x when it fits before `right`, else to the left, else
 * as far right as it fits.
 */
export function pointLabel(
  context: ChartContext,
  className: string,
  x: number,
  y: number,
  label: string,
  right: number,
  theme: Theme,
): SVGTextElement {
  const place = besideLabel(x, y, {
    // Bold type runs a little wider than the estimate.
    width: textWidth(label, theme.fontSize) * 1.08,
    height: theme.fontSize,
    gap: 10,
    within: { left: 4, right },
  });
  return svg(
    context,
    "text",
    {
      class: className,
      x: place.x,
      y,
      "text-anchor": place.anchor,
      fill: theme.foreground,
      stroke: theme.background,
      "stroke-width": 3,
      "paint-order": "stroke",
      "font-weight": 600,
    },
    label,
  );
}

/** Room under the plot for tick labels and the axis title, growing with the type size. */
export function bottomMargin(theme: Theme): number {
  return theme.fontSize * 2 + 32;
}

/** Baseline of the axis title below the axis line. */
export function axisTitleOffset(theme: Theme): number {
  return theme.fontSize * 2 + 18;
}

/** Caption lines broken at spaces so each fits in `width` pixels (a word longer than that stays whole). */
export function wrapCaption(lines: readonly string[], width: number, theme: Theme): string[] {
  const fontSize = theme.fontSize * 0.9;
  const out: string[] = [];
  for (const line of lines) {
    let current = "";
    for (const word of line.split(" ")) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && textWidth(candidate, fontSize) > width) {
        out.push(current);
        current = word;
      } else current = candidate;
    }
    out.push(current);
  }
  return out;
}

/** The time axis under a chart: ticks in the chart's language and the axis title. */
function timeAxisWithTitle(
  context: ChartContext,
  x: (t: number) => number,
  maxTime: number,
  axisY: number,
  span: { left: number; right: number },
  text: ChartText,
  theme: Theme,
): DocumentFragment {
  // A fragment, not a group: the output stays what the charts drew before.
  const g = context.document.createDocumentFragment();
  g.appendChild(
    bottomAxis(context, timeTicks(maxTime), x, axisY, (t) => (t === 0 ? "0" : text.duration(t)), theme),
  );
  g.appendChild(
    axisTitle(context, text.timeAxis, (span.left + span.right) / 2, axisY + axisTitleOffset(theme), theme),
  );
  return g;
}
