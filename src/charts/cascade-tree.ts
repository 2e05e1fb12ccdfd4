/**
 * The repost tree of a cascade: who reposted from whom, one generation per
 * level, posts coloured by time, the tipping posts ringed. Laid out with
 * d3-hierarchy: `stratify` builds the tree from (id, parent) records, `tree`
 * places it tidily (Reingold & Tilford 1981, in Buchheim et al.'s linear-time
 * form) or, in radial mode, on concentric rings with the source at the centre.
 *
 * Large trees keep only the posts with the largest subtrees (the top of the
 * tree, plus the path to each tipping post) and say so in the caption.
 */
import { type HierarchyPointNode, stratify, tree } from "d3-hierarchy";
import { timeColour } from "./network.ts";
import {
  axisTitle,
  captionLines,
  chartFrame,
  closeChart,
  type LegendItem,
  legend,
  openChart,
  pointLabel,
} from "./parts.ts";
import { type ChartContext, round, svg, type Theme } from "./svg.ts";
import { type ChartText, ENGLISH_CHART_TEXT } from "./text.ts";

/** The parts of a cascade event the tree needs; `Cascade.events` fits as is. */
export interface TreeEvent {
  account: string;
  /** Index of the parent event; -1 for the source (events[0]). */
  parent: number;
  time: number;
}

export interface CascadeTreeData {
  events: readonly TreeEvent[];
  /** The tipping events (indices into `events`); `LineReport.crossing` fits as is. */
  crossings?: { reposts: { index: number } | null; views: { index: number } | null };
}

export interface CascadeTreeOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  text?: ChartText;
  title?: string;
  caption?: string;
  layout?: "tidy" | "radial";
  /** Events drawn faint, with everything below them: the branches an intervention cuts. */
  ghosted?: ReadonlySet<number>;
  /** Playback clock (seconds): later events are hidden; the layout stays put. */
  cursor?: number;
  /** Above this many events only the top of the tree is drawn. */
  maxEvents?: number;
  /** How many events the top of a large tree keeps. */
  summaryEvents?: number;
  /**
   * The layout from `layoutCascadeTree` for these events, kept by the caller so that a
   * playback redraw does not lay the tree out again. Ignored unless it fits (see `treeLayoutFits`).
   */
  precomputed?: CascadeTreeLayout;
}

export const DEFAULT_TREE_MAX_EVENTS = 5000;
export const DEFAULT_TREE_SUMMARY_EVENTS = 2000;

export class CascadeTreeError extends Error {
  override name = "CascadeTreeError";
}

interface Selection {
  /** Drawn events in breadth-first order from the source. */
  kept: number[];
  parentOf: Int32Array;
  total: number;
  summarised: boolean;
}

/**
 * Breadth-first from the source; an event whose parent is missing or out of
 * range hangs off the source, and events not reachable (cycles) are left out.
 */
function selectEvents(
  events: readonly TreeEvent[],
  maxEvents: number,
  summaryEvents: number,
  mustKeep: number[],
): Selection {
  const n = events.length;
  const parentOf = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 1; i < n; i++) {
    const p = events[i].parent;
    parentOf[i] = Number.isInteger(p) && p >= 0 && p < n && p !== i ? p : 0;
    children[parentOf[i]].push(i);
  }
  const order: number[] = [0];
  const seen = new Uint8Array(n);
  seen[0] = 1;
  for (let k = 0; k < order.length; k++) {
    for (const c of children[order[k]]) {
      if (!seen[c]) {
        seen[c] = 1;
        order.push(c);
      }
    }
  }
  if (order.length <= maxEvents) return { kept: order, parentOf, total: order.length, summarised: false };
  // Subtree sizes, leaves first; a parent's subtree is strictly bigger than any child's,
  // so the top K by size is a connected tree that contains the source.
  const size = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    size[i] += 1;
    if (k > 0) size[parentOf[i]] += size[i];
  }
  const bySize = order.slice().sort((a, b) => size[b] - size[a] || a - b);
  const keep = new Uint8Array(n);
  for (let k = 0; k < Math.min(summaryEvents, bySize.length); k++) keep[bySize[k]] = 1;
  for (let i of mustKeep) {
    if (!seen[i]) continue;
    while (i > 0 && !keep[i]) {
      keep[i] = 1;
      i = parentOf[i];
    }
    keep[0] = 1;
  }
  return { kept: order.filter((i) => keep[i]), parentOf, total: order.length, summarised: true };
}

/**
 * What only the cascade decides: which events are drawn, and where they sit
 * before the chart's size is applied (d3's tree in node units). The chart
 * scales it exactly as d3's `tree().size()` would, so a chart drawn from a
 * kept layout is the same, to the byte, as one laid out afresh.
 */
export interface CascadeTreeLayout {
  readonly events: readonly TreeEvent[];
  readonly layout: "tidy" | "radial";
  readonly maxEvents: number;
  readonly summaryEvents: number;
  /** The tipping events the layout keeps (drawn even in a summarised tree). */
  readonly tipping: readonly number[];
  readonly selection: Readonly<Selection>;
  /** Generations below the source. */
  readonly maxDepth: number;
  /** The latest time among the drawn events. */
  readonly tMax: number;
  /** Drawn events in drawing order (d3's `descendants()`: breadth-first). */
  readonly order: Int32Array;
  /** Per entry of `order`: its parent event (-1 for the source), depth and unscaled x. */
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly x: Float64Array;
  /** d3's extent terms: x is scaled as (x + shift) * (size / spread). */
  readonly shift: number;
  readonly spread: number;
}

type TreeLayoutOptions = Pick<CascadeTreeOptions, "layout" | "maxEvents" | "summaryEvents">;

function tippingEvents(data: CascadeTreeData): Array<{ kind: "reposts" | "views"; index: number }> {
  return (["reposts", "views"] as const).flatMap((kind) => {
    const crossing = data.crossings?.[kind];
    return crossing && crossing.index >= 0 && crossing.index < data.events.length
      ? [{ kind, index: crossing.index }]
      : [];
  });
}

/** Whether a kept layout was made for these events (the same array) and these options. */
export function treeLayoutFits(
  layout: CascadeTreeLayout,
  data: CascadeTreeData,
  options: TreeLayoutOptions,
): boolean {
  const tipping = tippingEvents(data);
  return (
    layout.events === data.events &&
    layout.layout === (options.layout ?? "tidy") &&
    layout.maxEvents === (options.maxEvents ?? DEFAULT_TREE_MAX_EVENTS) &&
    layout.summaryEvents === (options.summaryEvents ?? DEFAULT_TREE_SUMMARY_EVENTS) &&
    layout.tipping.length === tipping.length &&
    tipping.every((t, k) => layout.tipping[k] === t.index)
  );
}

/** Lays the tree out once; `cascadeTreeChart` draws it at any cursor, size or theme. */
export function layoutCascadeTree(data: CascadeTreeData, options: TreeLayoutOptions = {}): CascadeTreeLayout {
  const { events } = data;
  if (events.length === 0) throw new CascadeTreeError("cascade-tree: the cascade has no events.");
  const layout = options.layout ?? "tidy";
  const maxEvents = options.maxEvents ?? DEFAULT_TREE_MAX_EVENTS;
  const summaryEvents = options.summaryEvents ?? DEFAULT_TREE_SUMMARY_EVENTS;
  const tipping = tippingEvents(data).map((t) => t.index);
  const selection = selectEvents(events, maxEvents, summaryEvents, tipping);
  const { kept, parentOf } = selection;
  const root = stratify<number>()
    .id((i) => String(i))
    .parentId((i) => (i === 0 ? null : String(parentOf[i])))(kept);
  let tMax = 0;
  for (const i of kept) tMax = Math.max(tMax, events[i].time);
  const separation =
    layout === "radial"
      ? (a: HierarchyPointNode<number>, b: HierarchyPointNode<number>) =>
          (a.parent === b.parent ? 1 : 2) / Math.max(1, a.depth)
      : (a: HierarchyPointNode<number>, b: HierarchyPointNode<number>) => (a.parent === b.parent ? 1 : 2);
  // Node units (x is multiplied by 1), then d3's own extent terms, found in d3's order.
  const placed = tree<number>().nodeSize([1, 1]).separation(separation)(root);
  let left = placed;
  let right = placed;
  placed.eachBefore((node) => {
    if (node.x < left.x) left = node;
    if (node.x > right.x) right = node;
  });
  const s = left === right ? 1 : separation(left, right) / 2;
  const shift = s - left.x;
  const nodes = placed.descendants();
  const order = new Int32Array(nodes.length);
  const parent = new Int32Array(nodes.length);
  const depth = new Int32Array(nodes.length);
  const x = new Float64Array(nodes.length);
  nodes.forEach((node, k) => {
    order[k] = node.data;
    parent[k] = node.parent ? node.parent.data : -1;
    depth[k] = node.depth;
    x[k] = node.x;
  });
  return {
    events,
    layout,
    maxEvents,
    summaryEvents,
    tipping,
    selection,
    maxDepth: root.height,
    tMax,
    order,
    parent,
    depth,
    x,
    shift,
    spread: right.x + s + shift,
  };
}

export function cascadeTreeChart(
  data: CascadeTreeData,
  options: CascadeTreeOptions,
  context: ChartContext,
): SVGSVGElement {
  const { events } = data;
  if (events.length === 0) throw new CascadeTreeError("cascade-tree: the cascade has no events.");
  const layout = options.layout ?? "tidy";
  const cursor = options.cursor ?? Number.POSITIVE_INFINITY;
  const tipping = tippingEvents(data);
  const laid =
    options.precomputed && treeLayoutFits(options.precomputed, data, options)
      ? options.precomputed
      : layoutCascadeTree(data, options);
  const { selection, maxDepth, tMax } = laid;
  const { kept, parentOf } = selection;

  // Visibility and ghosting are inherited down the tree (kept is breadth-first).
  const visible = new Uint8Array(events.length);
  const ghost = new Uint8Array(events.length);
  for (const i of kept) {
    const p = i === 0 ? -1 : parentOf[i];
    visible[i] = events[i].time <= cursor && (p < 0 || visible[p] === 1) ? 1 : 0;
    ghost[i] = options.ghosted?.has(i) || (p >= 0 && ghost[p] === 1) ? 1 : 0;
  }

  // A summarised tree says so first in the caption.
  const summary = selection.summarised
    ? (options.text ?? ENGLISH_CHART_TEXT).tree.summary(kept.length, selection.total)
    : undefined;
  const frame = chartFrame({ ...options, caption: captionLines(summary, options.caption).join("\n") }, () =>
    layout === "radial" ? 760 : 520,
  );
  const { theme, text, width, baseHeight } = frame;
  const words = text.tree;
  const title = options.title ?? words.title;
  const svgRoot = openChart(context, frame, title, words.description(selection.total, maxDepth), 16);

  const items: LegendItem[] = [
    { label: words.early, colour: timeColour(0, 1), mark: "dot" },
    { label: words.late, colour: timeColour(1, 1), mark: "dot" },
    ...tipping.map((t) => ({ label: words.tipped(t.kind), colour: theme.crossing, mark: "ring" as const })),
  ];
  if (options.ghosted?.size) items.push({ label: words.ghosted, colour: theme.muted, mark: "outline" });
  const legendTop = theme.fontSize * 1.25 + 16;
  const { element: legendElement, height: legendHeight } = legend(
    context,
    items,
    16,
    legendTop,
    width - 32,
    theme,
  );
  svgRoot.appendChild(legendElement);

  const top = legendTop + legendHeight + 12;
  const bottom = baseHeight - 16;
  const left = layout === "tidy" ? theme.fontSize * 4 + 16 : 16;
  const right = width - 16;
  const dotRadius = Math.max(1.2, Math.min(5, 70 / Math.sqrt(kept.length)));
  // d3's tree().size([dx, dy]) applied to the layout's node units, term for term.
  let place: (x: number, y: number) => [number, number];
  let dx: number;
  let dy: number;
  const guides = svg(context, "g", { class: "generations", fill: theme.muted, "text-anchor": "end" });
  if (layout === "radial") {
    const radius = Math.max(10, Math.min(right - left, bottom - top) / 2 - theme.fontSize);
    const cx = (left + right) / 2;
    const cy = (top + bottom) / 2;
    dx = 2 * Math.PI;
    dy = radius;
    place = (x, y) => [cx + y * Math.sin(x), cy - y * Math.cos(x)];
    const step = Math.max(1, Math.ceil(maxDepth / 8));
    for (let d = step; d <= maxDepth; d += step) {
      const r = (radius * d) / maxDepth;
      guides.appendChild(
        svg(context, "circle", { cx, cy, r, fill: "none", stroke: theme.grid, "stroke-width": 1 }),
      );
      guides.appendChild(
        svg(context, "text", { x: cx - 4, y: cy - r - 3, "font-size": theme.fontSize * 0.85 }, String(d)),
      );
    }
  } else {
    dx = right - left - 2 * dotRadius;
    dy = Math.max(1, bottom - top);
    const levelHeight = maxDepth > 0 ? (bottom - top) / maxDepth : 0;
    place = (x, y) => [left + dotRadius + x, top + (maxDepth > 0 ? y : (bottom - top) / 2)];
    const step = Math.max(1, Math.ceil((maxDepth * (theme.fontSize + 4)) / Math.max(1, bottom - top)));
    for (let d = 0; d <= maxDepth; d += step) {
      const y = maxDepth > 0 ? top + d * levelHeight : (top + bottom) / 2;
      guides.appendChild(
        svg(context, "line", { x1: left, x2: right, y1: y, y2: y, stroke: theme.grid, "stroke-width": 1 }),
      );
      guides.appendChild(svg(context, "text", { x: left - 8, y: y + theme.fontSize * 0.35 }, String(d)));
    }
    svgRoot.appendChild(
      axisTitle(context, words.generation, theme.fontSize + 4, (top + bottom) / 2, theme, true),
    );
  }
  svgRoot.appendChild(guides);

  const kx = dx / laid.spread;
  const ky = dy / (maxDepth || 1);
  const position = new Map<number, [number, number]>();
  for (let k = 0; k < laid.order.length; k++) {
    position.set(laid.order[k], place((laid.x[k] + laid.shift) * kx, laid.depth[k] * ky));
  }
  const p1 = (v: number) => Math.round(v * 10) / 10;
  let links = "";
  let ghostLinks = "";
  const dots = svg(context, "g", { class: "events", stroke: theme.background, "stroke-width": 0.5 });
  const ghostDots = svg(context, "g", {
    class: "events-ghosted",
    "fill-opacity": 0.18,
    stroke: theme.muted,
    "stroke-width": 0.5,
    "stroke-opacity": 0.4,
  });
  for (let k = 0; k < laid.order.length; k++) {
    const i = laid.order[k];
    if (!visible[i]) continue;
    const [x, y] = position.get(i)!;
    if (laid.parent[k] >= 0) {
      const [px, py] = position.get(laid.parent[k])!;
      const segment = `M${p1(px)},${p1(py)}L${p1(x)},${p1(y)}`;
      if (ghost[i]) ghostLinks += segment;
      else links += segment;
    }
    const dot = svg(context, "circle", {
      cx: p1(x),
      cy: p1(y),
      r: i === 0 ? dotRadius * 1.6 : dotRadius,
      fill: i === 0 ? theme.foreground : timeColour(events[i].time, tMax),
    });
    (ghost[i] ? ghostDots : dots).appendChild(dot);
  }
  svgRoot.appendChild(
    svg(context, "path", {
      class: "links",
      d: links,
      fill: "none",
      stroke: theme.muted,
      "stroke-width": Math.max(0.5, dotRadius / 3),
      "stroke-opacity": 0.6,
    }),
  );
  if (ghostLinks) {
    svgRoot.appendChild(
      svg(context, "path", {
        class: "links-ghosted",
        d: ghostLinks,
        fill: "none",
        stroke: theme.muted,
        "stroke-width": Math.max(0.5, dotRadius / 3),
        "stroke-opacity": 0.2,
        "stroke-dasharray": "3 3",
      }),
    );
  }
  svgRoot.appendChild(ghostDots);
  svgRoot.appendChild(dots);

  const marks = svg(context, "g", { class: "tipping", fill: "none" });
  for (const { kind, index } of tipping) {
    const at = position.get(index);
    if (!at || !visible[index]) continue;
    const [x, y] = at;
    const ring = svg(context, "circle", {
      class: `tipping-${kind}`,
      cx: p1(x),
      cy: p1(y),
      r: round(dotRadius + 4),
      stroke: theme.crossing,
      "stroke-width": theme.strokeWidth,
    });
    marks.appendChild(ring);
    marks.appendChild(
      pointLabel(
        context,
        "tipping-label",
        x + dotRadius,
        y - dotRadius - 4 - (kind === "views" ? theme.fontSize + 2 : 0),
        words.tippedBy(kind, events[index].account, text.duration(events[index].time)),
        width - 4,
        theme,
      ),
    );
  }
  svgRoot.appendChild(marks);
  return closeChart(context, svgRoot, frame);
}

/** The tree as rows for "underlying data as CSV": one row per event. */
export function cascadeTreeRows(
  data: CascadeTreeData,
): Array<{ index: number; account: string; parent: number; time: number }> {
  return data.events.map((event, index) => ({
    index,
    account: event.account,
    parent: event.parent,
    time: event.time,
  }));
}
