/**
 * The network on a canvas: smooth at thousands of accounts where SVG is not.
 * Zoom and pan with d3-zoom, hover through a d3-quadtree, click to pick the
 * source. The exported picture comes from charts/network.ts instead.
 */
import { type Quadtree, quadtree } from "d3-quadtree";
import { select } from "d3-selection";
import { type ZoomTransform, zoom, zoomIdentity } from "d3-zoom";
import { nodeRadius, timeColour } from "../charts/network.ts";
import type { Crossing } from "../core/legal.ts";
import type { GraphSnapshot } from "../worker/protocol.ts";
import { h } from "./dom.ts";
import type { Messages } from "./i18n.ts";
import { placeLabels } from "./label-placement.ts";
import { WebglNetwork } from "./webgl-network.ts";

/** Above this many accounts the network is drawn with WebGL. */
export const WEBGL_THRESHOLD = 3000;

/** 256 viridis steps as RGBA bytes, so WebGL colours need no string parsing per account. */
const PALETTE = (() => {
  const bytes = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    const hex = timeColour(i, 255).slice(1);
    bytes[4 * i] = Number.parseInt(hex.slice(0, 2), 16);
    bytes[4 * i + 1] = Number.parseInt(hex.slice(2, 4), 16);
    bytes[4 * i + 2] = Number.parseInt(hex.slice(4, 6), 16);
    bytes[4 * i + 3] = 255;
  }
  return bytes;
})();

export interface NetworkCascade {
  repostTime: Float64Array;
  parentOf: Int32Array;
  depthOf: Int32Array;
  source: number;
  crossings: { reposts: Crossing | null; views: Crossing | null };
  /** Accounts an intervention suspends: crossed out. */
  suspended: ReadonlySet<number>;
  /** Accounts that reposted without the intervention but not with it: drawn as faint dashed rings. */
  ghosted: ReadonlySet<number>;
  /** Follow links cut by hand (poster, follower indices): drawn dashed red. */
  cutLinks: ReadonlyArray<readonly [number, number]>;
}

export class NetworkView {
  readonly element: HTMLElement;
  private canvas: HTMLCanvasElement;
  private glCanvas: HTMLCanvasElement;
  private webgl: WebglNetwork | null = null;
  private glDirty = true;
  /** Only the positions changed since the last WebGL upload. */
  private glMoved = false;
  /** Repost links drawn by WebGL as (parent, child) pairs, and their segment coordinates, reused across ticks. */
  private glLinks = new Int32Array(0);
  private glSegments = new Float32Array(0);
  private tooltip: HTMLElement;
  private graph: GraphSnapshot | null = null;
  private positions: Float32Array | null = null;
  private cascade: NetworkCascade | null = null;
  private transform: ZoomTransform = zoomIdentity;
  private tree: Quadtree<number> | null = null;
  private hovered = -1;
  private highlighted = -1;
  private frame = 0;
  private fitted = false;
  /** The user zoomed, panned or found an account: keep their view while the layout moves. */
  private userMoved = false;
  /** The hover index lags the positions; it is rebuilt when next needed, not on every layout tick. */
  private treeStale = false;
  clock = Number.POSITIVE_INFINITY;

  constructor(
    private messages: Messages,
    private onPick: (index: number) => void,
  ) {
    this.canvas = h("canvas", {
      class: "network-canvas",
      "aria-label": messages.networkHelp,
      role: "img",
      tabindex: "0",
    });
    this.tooltip = h("div", { class: "tooltip", role: "status", hidden: true });
    this.glCanvas = h("canvas", { class: "network-gl", "aria-hidden": "true" });
    this.element = h("div", { class: "network-view" }, this.glCanvas, this.canvas, this.tooltip);
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 40])
      .on("zoom", (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        this.transform = event.transform;
        // Once the user has zoomed or panned, a layout still moving must not take the view back.
        if (event.sourceEvent) this.userMoved = true;
        this.requestDraw();
      });
    select(this.canvas).call(behaviour);
    this.zoomBehaviour = behaviour;
    this.canvas.addEventListener("mousemove", (e) => this.hover(e));
    this.canvas.addEventListener("mouseleave", () => {
      this.hovered = -1;
      this.tooltip.hidden = true;
      this.requestDraw();
    });
    this.canvas.addEventListener("click", (e) => {
      const i = this.nodeAt(e);
      if (i >= 0) this.onPick(i);
    });
    new ResizeObserver(() => this.resize()).observe(this.canvas);
  }

  private zoomBehaviour;

  setMessages(messages: Messages): void {
    this.messages = messages;
    this.canvas.setAttribute("aria-label", messages.networkHelp);
  }

  /** Which renderer draws the accounts: for tests and the status line. */
  get renderer(): "webgl" | "canvas" {
    return this.webgl ? "webgl" : "canvas";
  }

  setGraph(graph: GraphSnapshot): void {
    this.graph = graph;
    this.glDirty = true;
    if (graph.n > WEBGL_THRESHOLD && !this.webgl) {
      try {
        this.webgl = new WebglNetwork(this.glCanvas);
      } catch {
        this.webgl = null;
      }
    }
    this.glCanvas.hidden = !this.webgl || graph.n <= WEBGL_THRESHOLD;
    this.positions = null;
    this.tree = null;
    this.fitted = false;
    this.userMoved = false;
    this.requestDraw();
  }

  setPositions(positions: Float32Array, final: boolean): void {
    // A layout tick only moves the picture: WebGL re-uploads positions, not colours (a second at 100,000 accounts).
    if (this.positions === null || this.positions.length !== positions.length) this.glDirty = true;
    else this.glMoved = true;
    this.positions = positions;
    this.treeStale = true;
    if (!this.userMoved && (!this.fitted || !final)) this.fit();
    if (final) this.fitted = true;
    this.requestDraw();
  }

  setCascade(cascade: NetworkCascade): void {
    this.cascade = cascade;
    this.glDirty = true;
    this.requestDraw();
  }

  setClock(clock: number): void {
    if (clock !== this.clock) this.glDirty = true;
    this.clock = clock;
    this.requestDraw();
  }

  /** Centres the view on an account and marks it. */
  focus(index: number): void {
    this.highlighted = index;
    if (this.positions) {
      this.userMoved = true;
      const rect = this.canvas.getBoundingClientRect();
      const k = Math.max(this.transform.k, 2);
      const x = this.positions[2 * index];
      const y = this.positions[2 * index + 1];
      const t = zoomIdentity.translate(rect.width / 2 - x * k, rect.height / 2 - y * k).scale(k);
      select(this.canvas).call(this.zoomBehaviour.transform, t);
    }
    this.requestDraw();
  }

  private fit(): void {
    const { positions, graph } = this;
    if (!positions || !graph) return;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < graph.n; i++) {
      minX = Math.min(minX, positions[2 * i]);
      maxX = Math.max(maxX, positions[2 * i]);
      minY = Math.min(minY, positions[2 * i + 1]);
      maxY = Math.max(maxY, positions[2 * i + 1]);
    }
    const rect = this.canvas.getBoundingClientRect();
    const k = Math.min(rect.width / Math.max(1, maxX - minX), rect.height / Math.max(1, maxY - minY)) * 0.92;
    const t = zoomIdentity
      .translate(rect.width / 2 - ((minX + maxX) / 2) * k, rect.height / 2 - ((minY + maxY) / 2) * k)
      .scale(k);
    select(this.canvas).call(this.zoomBehaviour.transform, t);
  }

  private rebuildTree(): void {
    const { positions, graph } = this;
    this.treeStale = false;
    if (!positions || !graph) return;
    this.tree = quadtree<number>()
      .x((i) => positions[2 * i])
      .y((i) => positions[2 * i + 1])
      .addAll(Array.from({ length: graph.n }, (_, i) => i));
  }

  private nodeAt(event: MouseEvent): number {
    if (this.treeStale) this.rebuildTree();
    if (!this.tree) return -1;
    const rect = this.canvas.getBoundingClientRect();
    const [x, y] = this.transform.invert([event.clientX - rect.left, event.clientY - rect.top]);
    const found = this.tree.find(x, y, 12 / this.transform.k);
    return found ?? -1;
  }

  private hover(event: MouseEvent): void {
    const i = this.nodeAt(event);
    if (i === this.hovered) return;
    this.hovered = i;
    const { graph, cascade } = this;
    if (i < 0 || !graph) {
      this.tooltip.hidden = true;
    } else {
      const m = this.messages;
      const label = graph.labels.find(([k]) => k === i)?.[1];
      const t = cascade?.repostTime[i];
      const status =
        cascade && i === cascade.source
          ? m.source
          : t !== undefined && !Number.isNaN(t) && t <= this.clock
            ? m.repostedAt(m.duration(t), cascade!.depthOf[i])
            : cascade?.suspended.has(i)
              ? m.suspendedByIntervention
              : cascade?.ghosted.has(i)
                ? m.stoppedByIntervention
                : m.didNotRepost;
      this.tooltip.replaceChildren(
        h("strong", {}, `account ${graph.ids[i]}${label ? ` (${label})` : ""}`),
        h("br"),
        `${m.count(graph.audience[i])} ${m.followers}${graph.bot[i] ? " · bot" : ""}`,
        h("br"),
        status,
        h("br"),
        h("small", {}, m.clickToMakeSource),
      );
      const rect = this.canvas.getBoundingClientRect();
      this.tooltip.style.left = `${Math.min(event.clientX - rect.left + 14, rect.width - 220)}px`;
      this.tooltip.style.top = `${event.clientY - rect.top + 14}px`;
      this.tooltip.hidden = false;
    }
    this.requestDraw();
  }

  private resize(): void {
    const rect = this.canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    for (const canvas of [this.canvas, this.glCanvas]) {
      canvas.width = Math.max(1, Math.round(rect.width * ratio));
      canvas.height = Math.max(1, Math.round(rect.height * ratio));
    }
    this.requestDraw();
  }

  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const context = this.canvas.getContext("2d");
    const { graph, positions, cascade } = this;
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!graph || !positions) return;
    const { k, x, y } = this.transform;
    context.setTransform(ratio * k, 0, 0, ratio * k, ratio * x, ratio * y);
    const reposted = (i: number) =>
      cascade !== null && !Number.isNaN(cascade.repostTime[i]) && cascade.repostTime[i] <= this.clock;
    const useGl = this.webgl !== null && graph.n > WEBGL_THRESHOLD;
    if (useGl) this.drawGl(graph, positions, reposted);
    // Follow links: faint, and skipped when there are too many to read.
    if (!useGl && graph.m <= 60_000) {
      context.strokeStyle = "rgba(120,120,120,0.12)";
      context.lineWidth = 0.5 / k;
      context.beginPath();
      for (let s = 0; s < graph.n; s++) {
        for (let j = graph.offsets[s]; j < graph.offsets[s + 1]; j++) {
          const t = graph.targets[j];
          if (s < t) {
            context.moveTo(positions[2 * s], positions[2 * s + 1]);
            context.lineTo(positions[2 * t], positions[2 * t + 1]);
          }
        }
      }
      context.stroke();
    }
    let tMax = 0;
    if (cascade && !useGl) {
      for (let i = 0; i < graph.n; i++) if (reposted(i)) tMax = Math.max(tMax, cascade.repostTime[i]);
      context.strokeStyle = "rgba(60,60,60,0.55)";
      context.lineWidth = 1 / k;
      context.beginPath();
      for (let i = 0; i < graph.n; i++) {
        const p = cascade.parentOf[i];
        if (p >= 0 && reposted(i)) {
          context.moveTo(positions[2 * p], positions[2 * p + 1]);
          context.lineTo(positions[2 * i], positions[2 * i + 1]);
        }
      }
      context.stroke();
    }
    const scale = Math.max(0.35, 1 / Math.sqrt(k));
    for (let i = 0; i < (useGl ? 0 : graph.n); i++) {
      const r = nodeRadius(graph.audience[i]) * scale;
      context.fillStyle =
        cascade && i === cascade.source
          ? "#1a1a1a"
          : reposted(i)
            ? timeColour(cascade!.repostTime[i], tMax)
            : "#c8c8c8";
      context.beginPath();
      context.arc(positions[2 * i], positions[2 * i + 1], r, 0, 2 * Math.PI);
      context.fill();
    }
    const ring = (i: number, colour: string, width: number) => {
      context.strokeStyle = colour;
      context.lineWidth = width / k;
      context.beginPath();
      context.arc(
        positions[2 * i],
        positions[2 * i + 1],
        nodeRadius(graph.audience[i]) * scale + 4 / k,
        0,
        2 * Math.PI,
      );
      context.stroke();
    };
    // Labels stay on screen so a projected view needs no hover.
    const labels: Array<[number, string]> = [];
    if (cascade) {
      ring(cascade.source, "#1a1a1a", 2.5);
      labels.push([cascade.source, `${this.messages.source} ${graph.ids[cascade.source]}`]);
      for (const kind of ["reposts", "views"] as const) {
        const crossing = cascade.crossings[kind];
        if (crossing && crossing.time <= this.clock) {
          const i = graph.ids.indexOf(crossing.account);
          if (i >= 0) {
            ring(i, "#cc79a7", 3);
            labels.push([
              i,
              `${kind === "reposts" ? this.messages.reposts : this.messages.views} ✓ ${crossing.account}`,
            ]);
          }
        }
      }
    }
    const fontSize = Number.parseFloat(getComputedStyle(this.canvas).fontSize) || 14;
    context.font = `600 ${fontSize / k}px system-ui, sans-serif`;
    context.lineWidth = 3 / k;
    context.strokeStyle = "rgba(255,255,255,0.9)";
    context.fillStyle = "#1a1a1a";
    // The visible part of the picture, in layout units: a label near the right edge goes left of its account.
    const viewLeft = -x / k;
    const viewRight = (this.canvas.width / ratio - x) / k;
    const placed = placeLabels(
      labels.map(([i, text]) => ({ account: i, text, x: positions[2 * i], y: positions[2 * i + 1] })),
      (text) => context.measureText(text).width,
      { left: viewLeft, right: viewRight, pixel: 1 / k, lineHeight: (fontSize * 1.25) / k },
    );
    for (const label of placed) {
      context.strokeText(label.text, label.x, label.y);
      context.fillText(label.text, label.x, label.y);
    }
    if (cascade && cascade.cutLinks.length > 0) {
      context.strokeStyle = "#d55e00";
      context.lineWidth = 2.5 / k;
      context.setLineDash([4 / k, 3 / k]);
      context.beginPath();
      for (const [a, b] of cascade.cutLinks) {
        context.moveTo(positions[2 * a], positions[2 * a + 1]);
        context.lineTo(positions[2 * b], positions[2 * b + 1]);
      }
      context.stroke();
      context.setLineDash([]);
    }
    if (cascade && cascade.ghosted.size > 0) {
      context.strokeStyle = "rgba(90,90,90,0.6)";
      context.lineWidth = 1 / k;
      context.setLineDash([2 / k, 2 / k]);
      for (const i of cascade.ghosted) {
        context.beginPath();
        context.arc(
          positions[2 * i],
          positions[2 * i + 1],
          nodeRadius(graph.audience[i]) * scale + 2 / k,
          0,
          2 * Math.PI,
        );
        context.stroke();
      }
      context.setLineDash([]);
    }
    if (cascade) {
      context.strokeStyle = "#000000";
      context.lineWidth = 2 / k;
      for (const i of cascade.suspended) {
        if (i < 0) continue;
        const r = (nodeRadius(graph.audience[i]) * scale + 3 / k) * 1.2;
        const x = positions[2 * i];
        const y = positions[2 * i + 1];
        context.beginPath();
        context.moveTo(x - r, y - r);
        context.lineTo(x + r, y + r);
        context.moveTo(x + r, y - r);
        context.lineTo(x - r, y + r);
        context.stroke();
      }
    }
    if (this.highlighted >= 0) ring(this.highlighted, "#e69f00", 3);
    if (this.hovered >= 0) ring(this.hovered, "#000000", 1.5);
  }

  /** Uploads colours and links when something changed, then draws the accounts with WebGL. */
  private drawGl(graph: GraphSnapshot, positions: Float32Array, reposted: (i: number) => boolean): void {
    const gl = this.webgl!;
    const { cascade } = this;
    if (!this.glDirty && this.glMoved) {
      this.glMoved = false;
      const links = this.glLinks;
      const segments = this.glSegments;
      for (let j = 0; j < links.length; j += 2) {
        const p = links[j];
        const i = links[j + 1];
        segments[2 * j] = positions[2 * p];
        segments[2 * j + 1] = positions[2 * p + 1];
        segments[2 * j + 2] = positions[2 * i];
        segments[2 * j + 3] = positions[2 * i + 1];
      }
      gl.moveTo(positions, segments);
    }
    if (this.glDirty) {
      this.glDirty = false;
      this.glMoved = false;
      let tMax = 0;
      if (cascade)
        for (let i = 0; i < graph.n; i++) if (reposted(i)) tMax = Math.max(tMax, cascade.repostTime[i]);
      const colours = new Uint8Array(graph.n * 4);
      const sizes = new Float32Array(graph.n);
      for (let i = 0; i < graph.n; i++) {
        sizes[i] = 2 * nodeRadius(graph.audience[i]) * 0.8;
        if (cascade && reposted(i)) {
          const step = Math.round(255 * (tMax > 0 ? cascade.repostTime[i] / tMax : 0)) * 4;
          colours.set(PALETTE.subarray(step, step + 4), 4 * i);
        } else colours.set([200, 200, 200, 255], 4 * i);
      }
      if (cascade) colours.set([26, 26, 26, 255], 4 * cascade.source);
      gl.setNodes(positions, colours, sizes);
      // Repost links only: half a million follow links would only be grey fog.
      const links: number[] = [];
      if (cascade) {
        for (let i = 0; i < graph.n; i++) {
          const p = cascade.parentOf[i];
          if (p >= 0 && reposted(i)) links.push(p, i);
        }
      }
      this.glLinks = Int32Array.from(links);
      const segments = new Float32Array(links.length * 2);
      for (let j = 0; j < links.length; j += 2) {
        segments.set([positions[2 * links[j]], positions[2 * links[j] + 1]], 2 * j);
        segments.set([positions[2 * links[j + 1]], positions[2 * links[j + 1] + 1]], 2 * j + 2);
      }
      this.glSegments = segments;
      const edgeColours = new Uint8Array((segments.length / 2) * 4);
      for (let j = 0; j < edgeColours.length; j += 4) edgeColours.set([60, 60, 60, 140], j);
      gl.setEdges(segments, edgeColours);
    }
    gl.draw(this.transform, window.devicePixelRatio || 1);
  }
}
