/** The benchmark graph of bench/ic.bench.ts, built the same way in the main thread and in pool workers. */
import { type CompiledGraph, compileGraph } from "../src/core/compiled-graph.ts";
import type { SocialGraph } from "../src/core/generators/types.ts";
import { weibo } from "../src/core/generators/weibo.ts";
import { createRng } from "../src/core/random.ts";

export const IC_BENCH_HORIZON = 72 * 3600;

/** 100,000 accounts, each following 5 earlier ones by preferential attachment: 500,000 follower links. */
export function icBenchGraph(): { graph: SocialGraph; compiled: CompiledGraph; hub: number } {
  const graph = weibo(
    {
      n: 100_000,
      follows: 5,
      reciprocity: 0,
      bigV: 0,
      bigVMaxFollowers: 1,
      medianFollowers: 120,
      botShare: 0,
    },
    createRng("bench").fork("graph"),
  );
  const compiled = compileGraph(graph);
  let hub = 0;
  const followers = (i: number) => compiled.offsets[i + 1] - compiled.offsets[i];
  for (let i = 1; i < compiled.n; i++) if (followers(i) > followers(hub)) hub = i;
  return { graph, compiled, hub };
}
