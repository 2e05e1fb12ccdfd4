/**
 * The network with the cascade on it: accounts placed by a layout, reposters
 * coloured by time, the source ringed, the tipping accounts marked. The
 * screen draws the same picture on a canvas (fast at thousands of accounts);
 * this SVG is the export and the snapshot.
 */
import { interpolateViridis } from "d3-scale-chromatic";
import { indexById } from "../core/compiled-graph.ts";
import type { Crossing } from "../core/legal.ts";
import { captionLines, textWidth, wrapCaption } from "./parts.ts";
import { type ChartContext, chartRoot, LIGHT_THEME, svg, type Theme } from "./svg.ts";
import { type ChartText, ENGLISH_CHART_TEXT } from "./text.ts";

export interface NetworkData {
  n: number;
  ids: readonly string[];
  /** x, y per account (layout units). */
  positions: Float32Array;
  offsets: Uint32Array;
  targets: Uint32Array;
  audience: Float64Array;
  /** Repost time per account (seconds), NaN if it did not repost. */
  repostTime: Float64Array;
  /** Parent account index per account in the cascade, -1 if none. */
  parentOf: Int32Array;
  source: number;
  crossings: { reposts: Crossing | null; views: Crossing | null };
  /** Accounts crossed out by an intervention. */
  suspended?: ReadonlySet<number>;
}

export interface NetworkOptions {
  width?: number;
  height?: number;
  theme?: Theme;
  title?: string;
  caption?: string;
  /** Playback clock: reposts after it are not shown. */
  cursor?: number;
  /** Above this many accounts only the cascade's accounts are drawn (readable and small). */
  maxAccounts?: number;
  text?: ChartText;
}

export const DEFAULT_MAX_ACCOUNTS = 3000;

/** Colour for a repost at time t when the last one is at tMax. */
export function timeColour(t: number, tMax: number): string {
  return interpolateViridis(0.9 * (tMax > 0 ? 1 - t / tMax : 1));
}

export function nodeRadius(audience: number): number {
  return 1.5 + Math.log10(1 + audience) * 0.9;
}

export function networkChart(
  data: NetworkData,
  options: NetworkOptions,
  context: ChartContext,
): SVGSVGElement {
  const theme = options.theme ?? LIGHT_THEME;
  const words = (options.text ?? ENGLISH_CHART_TEXT).network;
  const width = options.width ?? 760;
  const height = options.height ?? 560;
  const cursor = options.cursor ?? Number.POSITIVE_INFINITY;
  const maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
  const { n, positions, repostTime, parentOf } = data;
  const reposted = (i: number) => !Number.isNaN(repostTime[i]) && repostTime[i] <= cursor;
  const summary = n > maxAccounts;
  const shown: number[] = [];
  for (let i = 0; i < n; i++) if (!summary || reposted(i)) shown.push(i);
  let tMax = 0;
  for (let i = 0; i < n; i++) if (reposted(i)) tMax = Math.max(tMax, repostTime[i]);
  const captionText = wrapCaption(
    captionLines(summary ? words.summary(shown.length, n) : undefined, options.caption),
    width - 16,
    theme,
  );
  const captionHeight = captionText.length * (theme.fontSize + 4) + 8;
  const title = options.title ?? words.title;
  const root = chartRoot(
    context,
    width,
    height + captionHeight,
    theme,
    title,
    words.description(shown.length),
  );
  root.appendChild(
    svg(
      context,
      "text",
      { x: 12, y: 24, "font-weight": 600, "font-size": theme.fontSize * 1.25, fill: theme.foreground },
      title,
    ),
  );
  // Fit the layout into the plot area.
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const i of shown) {
    minX = Math.min(minX, positions[2 * i]);
    maxX = Math.max(maxX, positions[2 * i]);
    minY = Math.min(minY, positions[2 * i + 1]);
    maxY = Math.max(maxY, positions[2 * i + 1]);
  }
  const top = 40;
  const legendHeight = 30;
  const plotH = height - top - legendHeight - 10;
  const spanX = Math.max(1e-9, maxX - minX);
  const spanY = Math.max(1e-9, maxY - minY);
  const scale = shown.length > 1 ? Math.min((width - 24) / spanX, plotH / spanY) : 1;
  const ox = 12 + (width - 24 - spanX * scale) / 2;
  const oy = top + (plotH - spanY * scale) / 2;
  const px = (i: number) => ox + (positions[2 * i] - (Number.isFinite(minX) ? minX : 0)) * scale;
  const py = (i: number) => oy + (positions[2 * i + 1] - (Number.isFinite(minY) ? minY : 0)) * scale;

  if (!summary) {
    // Follow links, faint; one path keeps the file small.
    let d = "";
    for (let s = 0; s < n; s++) {
      for (let j = data.offsets[s]; j < data.offsets[s + 1]; j++) {
        const t = data.targets[j];
        if (s < t) d += `M${r1(px(s))},${r1(py(s))}L${r1(px(t))},${r1(py(t))}`;
      }
    }
    root.appendChild(
      svg(context, "path", { class: "links", d, stroke: theme.grid, "stroke-width": 0.4, fill: "none" }),
    );
  }
  // Repost links: who reposted from whom.
  let cascadePath = "";
  for (const i of shown) {
    const p = parentOf[i];
    if (p >= 0 && reposted(i)) cascadePath += `M${r1(px(p))},${r1(py(p))}L${r1(px(i))},${r1(py(i))}`;
  }
  root.appendChild(
    svg(context, "path", {
      class: "repost-links",
      d: cascadePath,
      stroke: theme.muted,
      "stroke-width": 0.8,
      fill: "none",
      "stroke-opacity": 0.7,
    }),
  );
  const nodes = svg(context, "g", { class: "accounts", stroke: theme.background, "stroke-width": 0.5 });
  for (const i of shown) {
    const fill =
      i === data.source ? theme.foreground : reposted(i) ? timeColour(repostTime[i], tMax) : "#c8c8c8";
    const circle = svg(context, "circle", {
      cx: r1(px(i)),
      cy: r1(py(i)),
      r: r1(nodeRadius(data.audience[i])),
      fill,
    });
    circle.appendChild(svg(context, "title", {}, words.account(data.ids[i])));
    nodes.appendChild(circle);
    if (data.suspended?.has(i)) {
      const s = nodeRadius(data.audience[i]) + 2;
      nodes.appendChild(
        svg(context, "path", {
          d: `M${r1(px(i) - s)},${r1(py(i) - s)}L${r1(px(i) + s)},${r1(py(i) + s)}M${r1(px(i) + s)},${r1(py(i) - s)}L${r1(px(i) - s)},${r1(py(i) + s)}`,
          stroke: theme.foreground,
          "stroke-width": 1.5,
        }),
      );
    }
  }
  root.appendChild(nodes);
  const marks = svg(context, "g", { class: "marks", fill: "none" });
  const ring = (i: number, colour: string, label: string) => {
    marks.appendChild(
      svg(context, "circle", {
        cx: r1(px(i)),
        cy: r1(py(i)),
        r: r1(nodeRadius(data.audience[i]) + 4),
        stroke: colour,
        "stroke-width": 2.5,
      }),
    );
    marks.appendChild(
      svg(
        context,
        "text",
        {
          x: r1(px(i) + 10),
          y: r1(py(i) - 8),
          fill: theme.foreground,
          stroke: theme.background,
          "stroke-width": 3,
          "paint-order": "stroke",
          "font-weight": 600,
        },
        label,
      ),
    );
  };
  ring(data.source, theme.foreground, words.source(data.ids[data.source]));
  const index = indexById(data.ids);
  for (const kind of ["reposts", "views"] as const) {
    const crossing = data.crossings[kind];
    if (!crossing || crossing.time > cursor) continue;
    const i = index.get(crossing.account);
    if (i !== undefined) ring(i, theme.crossing, words.tipped(kind, crossing.account));
  }
  root.appendChild(marks);
  // Legend: time colour ramp.
  const legend = svg(context, "g", { class: "legend", "font-size": theme.fontSize * 0.9, fill: theme.muted });
  const ly = height - legendHeight + 4;
  for (let k = 0; k < 10; k++) {
    legend.appendChild(
      svg(context, "rect", {
        x: 12 + k * 14,
        y: ly,
        width: 14,
        height: 10,
        fill: timeColour((k / 9) * tMax, tMax),
      }),
    );
  }
  legend.appendChild(svg(context, "text", { x: 12, y: ly + 24 }, words.early));
  legend.appendChild(svg(context, "text", { x: 152, y: ly + 24, "text-anchor": "end" }, words.late));
  // Entries placed by the width of their words, so larger type or another language does not overlap.
  const legendFont = theme.fontSize * 0.9;
  const gray = Math.max(
    180,
    12 + textWidth(words.early, legendFont) + textWidth(words.late, legendFont) + 28,
  );
  legend.appendChild(svg(context, "circle", { cx: gray, cy: ly + 5, r: 4, fill: "#c8c8c8" }));
  legend.appendChild(svg(context, "text", { x: gray + 10, y: ly + 9 }, words.notReposted));
  const ringX = gray + 10 + textWidth(words.notReposted, legendFont) + 24;
  legend.appendChild(
    svg(context, "circle", {
      cx: ringX,
      cy: ly + 5,
      r: 6,
      fill: "none",
      stroke: theme.crossing,
      "stroke-width": 2.5,
    }),
  );
  legend.appendChild(svg(context, "text", { x: ringX + 12, y: ly + 9 }, words.tippedLegend));
  root.appendChild(legend);
  captionText.forEach((line, k) => {
    root.appendChild(
      svg(
        context,
        "text",
        {
          class: "caption",
          x: 8,
          y: height + 8 + (k + 0.8) * (theme.fontSize + 4),
          fill: theme.muted,
          "font-size": theme.fontSize * 0.9,
        },
        line,
      ),
    );
  });
  return root;
}

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Per-account repost time and parent from a cascade whose accounts are graph ids. */
export function cascadeOnGraph(
  ids: readonly string[],
  events: ReadonlyArray<{ account: string; parent: number; time: number }>,
): { repostTime: Float64Array; parentOf: Int32Array } {
  const index = indexById(ids);
  const repostTime = new Float64Array(ids.length).fill(Number.NaN);
  const parentOf = new Int32Array(ids.length).fill(-1);
  for (const event of events) {
    const i = index.get(event.account);
    if (i === undefined || !Number.isNaN(repostTime[i])) continue;
    repostTime[i] = event.time;
    const parent = event.parent >= 0 ? index.get(events[event.parent].account) : undefined;
    parentOf[i] = parent ?? -1;
  }
  return { repostTime, parentOf };
}
