/**
 * Shared pieces for charts: every chart is a function (data, options, context)
 * -> SVGSVGElement, with the document injected so the same call renders in the
 * browser, in jsdom for snapshot tests and in Node for the CLI.
 */

export const SVG_NS = "http://www.w3.org/2000/svg";

export interface ChartContext {
  document: Document;
}

export type Attributes = Record<string, string | number | undefined>;

/** Creates an SVG element; numbers are rounded to 3 decimals so output is stable and small. */
export function svg<K extends keyof SVGElementTagNameMap>(
  context: ChartContext,
  tag: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = context.document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    element.setAttribute(name, typeof value === "number" ? String(round(value)) : value);
  }
  // Text from data is set as text, never parsed as markup.
  if (text !== undefined) element.textContent = text;
  return element;
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A path "M x y L x y ..." from points, with rounded coordinates. */
export function pathData(points: ReadonlyArray<readonly [number, number]>): string {
  let d = "";
  for (let i = 0; i < points.length; i++) {
    d += `${i === 0 ? "M" : "L"}${round(points[i][0])},${round(points[i][1])}`;
  }
  return d;
}

export interface Theme {
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  reposts: string;
  views: string;
  threshold: string;
  crossing: string;
  fontFamily: string;
  fontSize: number;
  strokeWidth: number;
}

/** Okabe–Ito colours: distinguishable under the common colour-vision deficiencies. */
export const LIGHT_THEME: Theme = {
  background: "#ffffff",
  foreground: "#1a1a1a",
  muted: "#5f5f5f",
  grid: "#e3e3e3",
  reposts: "#0072b2",
  views: "#d55e00",
  threshold: "#1a1a1a",
  crossing: "#cc79a7",
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  fontSize: 12,
  strokeWidth: 2,
};

/** Projector theme: large type, thick lines, high contrast. */
export const PRESENTATION_THEME: Theme = {
  ...LIGHT_THEME,
  foreground: "#000000",
  muted: "#222222",
  grid: "#cccccc",
  fontSize: 18,
  strokeWidth: 4,
};

/** Root <svg> with an embedded style, title and description: standalone when exported. */
export function chartRoot(
  context: ChartContext,
  width: number,
  height: number,
  theme: Theme,
  title: string,
  description: string,
): SVGSVGElement {
  const root = svg(context, "svg", {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "font-family": theme.fontFamily,
    "font-size": theme.fontSize,
  });
  root.appendChild(svg(context, "title", {}, title));
  root.appendChild(svg(context, "desc", {}, description));
  root.appendChild(svg(context, "rect", { width, height, fill: theme.background }));
  return root;
}

/** Tick marks and labels for a horizontal axis at y, given tick values and a formatter. */
export function bottomAxis(
  context: ChartContext,
  ticks: readonly number[],
  x: (v: number) => number,
  y: number,
  format: (v: number) => string,
  theme: Theme,
): SVGGElement {
  const g = svg(context, "g", { class: "axis axis-x", fill: theme.muted, "text-anchor": "middle" });
  for (const tick of ticks) {
    g.appendChild(svg(context, "line", { x1: x(tick), x2: x(tick), y1: y, y2: y + 5, stroke: theme.muted }));
    g.appendChild(svg(context, "text", { x: x(tick), y: y + 8 + theme.fontSize * 0.8 }, format(tick)));
  }
  return g;
}

export function leftAxis(
  context: ChartContext,
  ticks: readonly number[],
  y: (v: number) => number,
  x: number,
  width: number,
  format: (v: number) => string,
  theme: Theme,
): SVGGElement {
  const g = svg(context, "g", { class: "axis axis-y", fill: theme.muted, "text-anchor": "end" });
  for (const tick of ticks) {
    g.appendChild(
      svg(context, "line", { x1: x, x2: x + width, y1: y(tick), y2: y(tick), stroke: theme.grid }),
    );
    g.appendChild(svg(context, "text", { x: x - 6, y: y(tick) + theme.fontSize * 0.35 }, format(tick)));
  }
  return g;
}

/** Nice tick values on a time axis: multiples of minutes, hours or days. */
export function timeTicks(max: number, count = 6): number[] {
  const steps = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];
  const step = steps.find((s) => max / s <= count) ?? Math.ceil(max / count / 604800) * 604800;
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(t);
  return ticks;
}
