/** A Monte Carlo worker: runs its share of the runs off the main thread (see monte-carlo-handler.ts). */
import { createMonteCarloHandler } from "./monte-carlo-handler.ts";
import type { MonteCarloRequest } from "./monte-carlo-protocol.ts";

const handle = createMonteCarloHandler((message, transfer) => self.postMessage(message, { transfer }));

self.onmessage = (event: MessageEvent<MonteCarloRequest>) => handle(event.data);
