/**
 * Watts–Strogatz small world (Watts and Strogatz, Nature 1998): a ring where
 * each account is linked to its k nearest neighbours, each link rewired to a
 * random account with probability beta. Links are mutual.
 */
import type { Rng } from "../random.ts";
import { addMutual, audienceFromDegree, emptySocialGraph } from "./social-graph.ts";
import { GeneratorError, requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export interface WattsStrogatzOptions {
  n: number;
  /** Even number of ring neighbours. */
  k: number;
  beta: number;
}

export function wattsStrogatz(options: WattsStrogatzOptions, rng: Rng): SocialGraph {
  const { n, k, beta } = options;
  const module = "generators/watts-strogatz";
  requireInteger(module, "n", n, 3, 2_000_000);
  requireInteger(module, "k", k, 2, n - 1);
  if (k % 2 !== 0) throw new GeneratorError(`${module}: invalid 'k' ${k}. Should be an even number.`);
  requireNumber(module, "beta", beta, 0, 1);
  const graph = emptySocialGraph(n, "ws");
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= k / 2; j++) {
      let target = (i + j) % n;
      if (rng.next() < beta) {
        // Rewire to a uniform account that is neither i nor already linked.
        for (let tries = 0; tries < 32; tries++) {
          const candidate = rng.int(n);
          if (candidate !== i && !graph.hasEdge(String(i), String(candidate))) {
            target = candidate;
            break;
          }
        }
      }
      addMutual(graph, String(i), String(target));
    }
  }
  return audienceFromDegree(graph);
}
