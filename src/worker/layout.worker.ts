/**
 * Force layout of the network off the main thread. Positions are posted every
 * few ticks so the network settles on screen while it computes.
 */
import { createForceLayout, layoutPositions } from "../charts/force-layout.ts";
import type { LayoutRequest, LayoutResponse } from "./protocol.ts";

let currentKey = "";

self.onmessage = (message: MessageEvent<LayoutRequest>) => {
  const { key, n } = message.data;
  currentKey = key;
  const { simulation, nodes, totalTicks } = createForceLayout(message.data);
  const batch = n > 20_000 ? 1 : n > 3000 ? 5 : 10;
  let done = 0;
  const step = () => {
    if (currentKey !== key) return;
    simulation.tick(batch);
    done += batch;
    const positions = layoutPositions(nodes);
    const finished = done >= totalTicks;
    const response: LayoutResponse = {
      type: "positions",
      key,
      positions,
      done: finished,
      progress: Math.min(1, done / totalTicks),
    };
    self.postMessage(response, { transfer: [positions.buffer] });
    // Yield between batches so a newer graph's request is read promptly.
    if (!finished) setTimeout(step, 0);
  };
  step();
};
