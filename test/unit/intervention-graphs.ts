/** Hand-built graphs and setups shared by the interventions-*.test.ts files. */
import { DirectedGraph } from "graphology";
import { compileGraph } from "../../src/core/compiled-graph.ts";
import type { AccountAttributes, GraphAttributes, SocialGraph } from "../../src/core/generators/types.ts";
import type { InterventionSetup } from "../../src/core/interventions/index.ts";
import { DEFAULT_RULES } from "../../src/core/legal.ts";
import { independentCascade } from "../../src/core/models/independent-cascade.ts";
import { validateParams } from "../../src/core/models/model.ts";

export function graphFrom(edges: Array<[number, number]>, n: number, followers = 10): SocialGraph {
  const g = new DirectedGraph<AccountAttributes, Record<string, never>, GraphAttributes>();
  g.replaceAttributes({ kind: "test" });
  for (let i = 0; i < n; i++) g.addNode(String(i), { followers, bot: false });
  for (const [s, t] of edges) g.mergeEdge(String(s), String(t));
  return g;
}

/** Account 0 followed by accounts 1 .. n-1 (one way). */
export const star = (n: number, followers = 10) =>
  graphFrom(
    Array.from({ length: n - 1 }, (_, i) => [0, i + 1] as [number, number]),
    n,
    followers,
  );

/** Hub 0 and leaves 1 .. n-1 following each other (both ways). */
export const mutualStar = (n: number) =>
  graphFrom(
    Array.from({ length: n - 1 }, (_, i) => [
      [0, i + 1] as [number, number],
      [i + 1, 0] as [number, number],
    ]).flat(),
    n,
  );

/** A complete binary tree of the given depth, edges from parent to child. */
export function binaryTree(depth: number): SocialGraph {
  const n = 2 ** (depth + 1) - 1;
  const edges: Array<[number, number]> = [];
  for (let i = 1; i < n; i++) edges.push([(i - 1) >> 1, i]);
  return graphFrom(edges, n);
}

export const icParams = (p: number, extra = {}) =>
  validateParams(independentCascade, { p, delaySpread: 0, delayMinutes: 1, ...extra });

/** A setup on a hand-built graph, counting with view rate 1 and a repost line of `line`. */
export function setupOn(
  graph: SocialGraph,
  p: number,
  options: { source?: number; line?: number; seed?: string; spread?: number; horizon?: number } = {},
): InterventionSetup {
  return {
    graph: compileGraph(graph),
    model: independentCascade,
    params: icParams(p, { delaySpread: options.spread ?? 0 }),
    rules: {
      ...DEFAULT_RULES,
      viewRate: 1,
      thresholds: { reposts: options.line ?? 500, views: 1e12 },
    },
    seed: options.seed ?? "test",
    source: options.source ?? 0,
    horizon: options.horizon ?? 72 * 3600,
  };
}
