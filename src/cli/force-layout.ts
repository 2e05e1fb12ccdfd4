/**
 * The network's force layout computed synchronously in Node, with the same
 * forces as the app's layout worker (src/worker/layout.worker.ts), so an
 * exported network looks like the one on screen. d3-force is deterministic:
 * its start positions (a phyllotaxis spiral) and jiggle are seeded.
 */
import {
  forceCenter,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";
import type { CompiledGraph } from "../core/compiled-graph.ts";

export function forceLayout(
  graph: Pick<CompiledGraph, "n" | "offsets" | "targets">,
  ticks = 300,
): Float32Array {
  const { n, offsets, targets } = graph;
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
  simulation.tick(ticks);
  const positions = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    positions[2 * i] = nodes[i].x ?? 0;
    positions[2 * i + 1] = nodes[i].y ?? 0;
  }
  return positions;
}
