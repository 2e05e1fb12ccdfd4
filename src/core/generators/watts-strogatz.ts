/**
 * Watts–Strogatz small world (Watts and Strogatz, Nature 1998): a ring where
 * each account is linked to its k nearest neighbours, each link rewired to a
 * random account with probability beta. Links are mutual.
 */
import type { Rng } from "../random.ts";
import { addMutual, audienceFromDegree, type GraphSink, toSocialGraph } from "./sink.ts";
import { GeneratorError, requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export interface WattsStrogatzOptions {
  n: number;
  /** Even number of ring neighbours. */
  k: number;
  beta: number;
}

export function wattsStrogatz(options: WattsStrogatzOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => wattsStrogatzInto(options, rng, sink));
}

/** Returns each account's out-degree (its in-graph audience). */
export function wattsStrogatzInto(options: WattsStrogatzOptions, rng: Rng, graph: GraphSink): Uint32Array {
  const { n, k, beta } = options;
  const module = "generators/watts-strogatz";
  requireInteger(module, "n", n, 3, 2_000_000);
  requireInteger(module, "k", k, 2, n - 1);
  if (k % 2 !== 0) throw new GeneratorError(`${module}: invalid 'k' ${k}. Should be an even number.`);
  requireNumber(module, "beta", beta, 0, 1);
  graph.begin("ws");
  const half = k / 2;
  // Where link j of account i went, so "already linked?" needs no graph look-up (the sink may not answer one).
  const linked = new Uint32Array(n * half);
  const hasLink = (i: number, j: number, candidate: number) => {
    for (let l = 0; l < j - 1; l++) if (linked[i * half + l] === candidate) return true;
    // Accounts before i have placed all their links; those after have placed none.
    if (candidate < i) {
      for (let l = 0; l < half; l++) if (linked[candidate * half + l] === i) return true;
    }
    return false;
  };
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= half; j++) {
      let target = (i + j) % n;
      if (rng.next() < beta) {
        // Rewire to a uniform account that is neither i nor already linked.
        for (let tries = 0; tries < 32; tries++) {
          const candidate = rng.int(n);
          if (candidate !== i && !hasLink(i, j, candidate)) {
            target = candidate;
            break;
          }
        }
      }
      linked[i * half + j - 1] = target;
      addMutual(graph, i, target);
    }
  }
  return audienceFromDegree(graph);
}
