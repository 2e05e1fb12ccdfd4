/**
 * Stochastic block model (Holland, Laskey and Leinhardt 1983): echo chambers.
 * Accounts fall into `blocks` communities of equal size; two accounts are
 * friends with probability pIn inside a community and pOut across.
 * Pairs are visited by geometric skipping, so sparse graphs cost O(n + m).
 */
import type { Rng } from "../random.ts";
import { addMutual, audienceFromDegree, type GraphSink, toSocialGraph } from "./sink.ts";
import { requireInteger, requireNumber, type SocialGraph } from "./types.ts";

export interface StochasticBlockOptions {
  n: number;
  blocks: number;
  /** Mean friends inside one's community. */
  meanDegreeIn: number;
  /** Mean friends outside it. */
  meanDegreeOut: number;
}

export function stochasticBlock(options: StochasticBlockOptions, rng: Rng): SocialGraph {
  return toSocialGraph(options.n, (sink) => stochasticBlockInto(options, rng, sink));
}

export function stochasticBlockInto(options: StochasticBlockOptions, rng: Rng, graph: GraphSink): void {
  const { n, blocks, meanDegreeIn, meanDegreeOut } = options;
  const module = "generators/stochastic-block";
  requireInteger(module, "n", n, 2, 2_000_000);
  requireInteger(module, "blocks", blocks, 1, n);
  const blockSize = Math.ceil(n / blocks);
  requireNumber(module, "meanDegreeIn", meanDegreeIn, 0, Math.max(0, blockSize - 1));
  requireNumber(module, "meanDegreeOut", meanDegreeOut, 0, n - blockSize);
  const pIn = blockSize > 1 ? meanDegreeIn / (blockSize - 1) : 0;
  const pOut = blocks > 1 ? meanDegreeOut / (n - blockSize) : 0;
  graph.begin("sbm");
  const community = (i: number) => Math.floor(i / blockSize);
  for (let i = 0; i < n; i++) graph.mergeAccount(i, { community: community(i) });
  // Visit pairs (i < j) in one linear order; skip geometric gaps per probability class.
  for (let i = 0; i < n; i++) {
    const blockEnd = Math.min(n, (community(i) + 1) * blockSize);
    linkRange(graph, rng, i, i + 1, blockEnd, pIn);
    linkRange(graph, rng, i, blockEnd, n, pOut);
  }
  audienceFromDegree(graph);
}

function linkRange(graph: GraphSink, rng: Rng, i: number, from: number, to: number, p: number): void {
  if (p <= 0) return;
  let j = from + rng.geometric(p);
  while (j < to) {
    addMutual(graph, i, j);
    j += 1 + rng.geometric(p);
  }
}
