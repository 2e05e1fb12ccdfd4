/** A Monte Carlo worker: runs its share of the runs off the main thread (see monte-carlo-handler.ts). */
import { createMonteCarloHandler } from "./monte-carlo-handler.ts";
import type { MonteCarloRequest, MonteCarloResponse } from "./monte-carlo-protocol.ts";

const handle = createMonteCarloHandler((message, transfer) => self.postMessage(message, { transfer }));

self.onmessage = (event: MessageEvent<MonteCarloRequest>) => handle(event.data);
// A request that cannot be read (a huge graph's copy, out of memory): say so, or the run would wait forever.
self.onmessageerror = () => {
  const message: MonteCarloResponse = { type: "unreadable" };
  self.postMessage(message);
};
