/**
 * Force layout of the network (d3-force) off the main thread. Positions are
 * posted every few ticks so the network settles on screen while it computes.
 * d3-force is deterministic: its start positions and jiggle are seeded.
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
import type { LayoutRequest, LayoutResponse } from "./protocol.ts";

let currentKey = "";

self.onmessage = (message: MessageEvent<LayoutRequest>) => {
  const { key, n, offsets, targets } = message.data;
  currentKey = key;
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
  const total = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  const batch = n > 20_000 ? 1 : n > 3000 ? 5 : 10;
  let done = 0;
  const step = () => {
    if (currentKey !== key) return;
    simulation.tick(batch);
    done += batch;
    const positions = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      positions[2 * i] = nodes[i].x ?? 0;
      positions[2 * i + 1] = nodes[i].y ?? 0;
    }
    const finished = done >= total;
    const response: LayoutResponse = {
      type: "positions",
      key,
      positions,
      done: finished,
      progress: Math.min(1, done / total),
    };
    self.postMessage(response, { transfer: [positions.buffer] });
    // Yield between batches so a newer graph's request is read promptly.
    if (!finished) setTimeout(step, 0);
  };
  step();
};
