/**
 * The network's force layout (d3-force), shared by the app's layout worker
 * and the CLI, so an exported network looks like the one on screen.
 * d3-force is deterministic: its start positions (a phyllotaxis spiral) and
 * jiggle are seeded. Pure: no DOM.
 */
import {
  forceCenter,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationNodeDatum,
} from "d3-force";
import type { CompiledGraph } from "../core/compiled-graph.ts";

export type LayoutGraph = Pick<CompiledGraph, "n" | "offsets" | "targets">;

export interface ForceLayout {
  simulation: Simulation<SimulationNodeDatum, undefined>;
  nodes: SimulationNodeDatum[];
  /** Ticks until the simulation cools down. */
  totalTicks: number;
}

/** A stopped simulation; call `simulation.tick(k)` and read positions with `layoutPositions`. */
export function createForceLayout({ n, offsets, targets }: LayoutGraph): ForceLayout {
  const nodes: SimulationNodeDatum[] = Array.from({ length: n }, () => ({}));
  const links: Array<{ source: number; target: number }> = [];
  const forward = new Set<number>();
  for (let s = 0; s < n; s++) {
    for (let j = offsets[s]; j < offsets[s + 1]; j++) if (s < targets[j]) forward.add(s * n + targets[j]);
  }
  for (let s = 0; s < n; s++) {
    for (let j = offsets[s]; j < offsets[s + 1]; j++) {
      const t = targets[j];
      // A mutual link pulls once.
      if (s < t || !forward.has(t * n + s)) links.push({ source: s, target: t });
    }
  }
  // Dense graphs (group chats) get weaker links so the layout does not collapse.
  const meanDegree = links.length / Math.max(1, n);
  const simulation = forceSimulation(nodes)
    .force("charge", forceManyBody().strength(-18).theta(0.95).distanceMax(400))
    .force(
      "link",
      forceLink(links)
        .distance(18)
        .strength(Math.min(0.5, 1 / Math.max(1, meanDegree))),
    )
    .force("x", forceX(0).strength(0.06))
    .force("y", forceY(0).strength(0.06))
    .force("center", forceCenter(0, 0))
    .stop();
  // Large graphs get a shorter schedule: a rough layout that settles in seconds beats a perfect one in minutes.
  if (n > 20_000) simulation.alphaDecay(0.08);
  else if (n > 5_000) simulation.alphaDecay(0.04);
  const totalTicks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  return { simulation, nodes, totalTicks };
}

export function layoutPositions(nodes: readonly SimulationNodeDatum[]): Float32Array {
  const positions = new Float32Array(2 * nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    positions[2 * i] = nodes[i].x ?? 0;
    positions[2 * i + 1] = nodes[i].y ?? 0;
  }
  return positions;
}

/** The whole layout at once (CLI, tests). */
export function forceLayout(graph: LayoutGraph, ticks = 300): Float32Array {
  const { simulation, nodes } = createForceLayout(graph);
  simulation.tick(ticks);
  return layoutPositions(nodes);
}
