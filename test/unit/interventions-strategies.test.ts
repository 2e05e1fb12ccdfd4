import { describe, expect, it } from "vitest";
import { compileGraph } from "../../src/core/compiled-graph.ts";
import { groups } from "../../src/core/generators/groups.ts";
import { stochasticBlock } from "../../src/core/generators/stochastic-block.ts";
import { graphFactsOf } from "../../src/core/graph-facts.ts";
import {
  compileInterventions,
  coreNumbers,
  type Intervention,
  InterventionError,
  rankAccounts,
  simulateRun,
  validateInterventions,
} from "../../src/core/interventions/index.ts";
import { evaluateLine } from "../../src/core/legal.ts";
import { createRng } from "../../src/core/random.ts";
import { binaryTree, graphFrom, mutualStar, setupOn, star } from "./intervention-graphs.ts";

/** One run of the setup with and without the interventions (same stream). */
function pair(setup: ReturnType<typeof setupOn>, interventions: Intervention[], run = 0) {
  const plan = compileInterventions(setup.graph, interventions, { source: setup.source });
  return { baseline: simulateRun(setup, run), intervention: simulateRun(setup, run, plan), plan };
}

describe("interventions on simulated runs", () => {
  const tree = setupOn(binaryTree(7), 0.9, { spread: 1, seed: "tree" });

  it("suspending the source gives zero reposts and zero views", () => {
    const { baseline, intervention } = pair(tree, [{ kind: "suspend", accounts: ["0"] }]);
    expect(baseline.events.length).toBeGreaterThan(5);
    expect(intervention.events).toHaveLength(1);
    const report = evaluateLine(intervention, tree.rules);
    expect(report.reposts).toBe(0);
    expect(report.views).toBe(0);
  });

  it("deleting at time 0 gives zero reposts", () => {
    for (let run = 0; run < 20; run++) {
      const { intervention } = pair(tree, [{ kind: "delete", when: { time: 0 } }], run);
      expect(evaluateLine(intervention, tree.rules).reposts).toBe(0);
    }
  });

  it("deleting after the last event changes nothing", () => {
    for (let run = 0; run < 20; run++) {
      const baseline = simulateRun(tree, run);
      const last = Math.max(...baseline.events.map((e) => e.time));
      const plan = compileInterventions(tree.graph, [{ kind: "delete", when: { time: last } }], {
        source: 0,
      });
      expect(simulateRun(tree, run, plan).events).toEqual(baseline.events);
    }
  });

  it("deleting at N reposts keeps exactly the first N reposts of the same run", () => {
    for (let run = 0; run < 10; run++) {
      const { baseline, intervention } = pair(tree, [{ kind: "delete", when: { reposts: 5 } }], run);
      const keep = Math.min(5, baseline.events.length - 1);
      expect(intervention.events).toEqual(baseline.events.slice(0, keep + 1));
    }
  });

  it("a throttle to 100% or a label of factor 1 changes nothing", () => {
    for (let run = 0; run < 10; run++) {
      const { baseline, intervention } = pair(
        tree,
        [
          { kind: "throttle", when: { time: 0 }, share: 1 },
          { kind: "label", when: { time: 0 }, factor: 1 },
        ],
        run,
      );
      expect(intervention.events).toEqual(baseline.events);
    }
  });

  it("on a star, suspending the hub stops everything", () => {
    // Source is leaf 1; only the hub links the leaves.
    const setup = setupOn(mutualStar(50), 1, { source: 1 });
    const { baseline, intervention } = pair(setup, [{ kind: "suspend", accounts: ["0"] }]);
    expect(baseline.events).toHaveLength(50);
    expect(intervention.events).toHaveLength(1);
  });

  it("a throttle to share s lets through about s of the audience, and shrinks the views", () => {
    const setup = setupOn(star(401, 100), 1);
    const share = 0.3;
    let reposts = 0;
    const runs = 20;
    for (let run = 0; run < runs; run++) {
      const { intervention } = pair(setup, [{ kind: "throttle", when: { time: 0 }, share }], run);
      reposts += intervention.events.length - 1;
      expect(intervention.events[0].audience).toBe(30);
    }
    // Binomial(400, 0.3) per run: mean 120, sd of the mean over 20 runs sqrt(84 / 20) ≈ 2.05.
    expect(Math.abs(reposts / runs - 120)).toBeLessThan(4 * 2.05);
  });

  it("a label of factor f from time 0 multiplies the repost probability by f", () => {
    const setup = setupOn(star(401), 0.5);
    let reposts = 0;
    const runs = 20;
    for (let run = 0; run < runs; run++) {
      reposts +=
        pair(setup, [{ kind: "label", when: { time: 0 }, factor: 0.4 }], run).intervention.events.length - 1;
    }
    // Binomial(400, 0.2): mean 80, sd of the mean sqrt(64 / 20) ≈ 1.79.
    expect(Math.abs(reposts / runs - 80)).toBeLessThan(4 * 1.79);
  });

  it("a throttle from a repost count leaves the reposts before it alone", () => {
    // Chain 0 -> 1 -> 2 -> ... with p = 1: detection at the 3rd repost, share 0: nothing after.
    const chain = graphFrom(
      Array.from({ length: 9 }, (_, i) => [i, i + 1] as [number, number]),
      10,
    );
    const setup = setupOn(chain, 1);
    const { intervention } = pair(setup, [{ kind: "throttle", when: { reposts: 3 }, share: 0 }]);
    expect(intervention.events.map((e) => e.account)).toEqual(["0", "1", "2", "3"]);
    expect(intervention.events[3].audience).toBe(0);
    expect(intervention.events[2].audience).toBe(10);
  });

  it("suspends exactly the next N reposters once the count reaches K", () => {
    const setup = setupOn(star(201), 1);
    const { intervention } = pair(setup, [{ kind: "suspend-next", count: 30, afterReposts: 50 }]);
    expect(intervention.events.length - 1).toBe(170);
  });

  it("cutting a link removes that follower and one from the poster's audience", () => {
    const setup = setupOn(star(20), 1);
    const { intervention, plan } = pair(setup, [{ kind: "cut-links", links: [["0", "7"]] }]);
    expect(intervention.events.map((e) => e.account)).not.toContain("7");
    expect(intervention.events).toHaveLength(19);
    expect(plan.graph.audience[0]).toBe(9);
    expect(plan.graph.m).toBe(18);
  });

  it("cutting the links into a community keeps the cascade out of it", () => {
    const social = stochasticBlock(
      { n: 200, blocks: 4, meanDegreeIn: 8, meanDegreeOut: 3 },
      createRng("sbm"),
    );
    const compiled = compileGraph(social);
    const setup = { ...setupOn(social, 1), graph: compiled };
    const plan = compileInterventions(compiled, [{ kind: "cut-community", community: 2 }], {
      source: 0,
      facts: graphFactsOf(social, compiled),
    });
    const cascade = simulateRun(setup, 0, plan);
    const baseline = simulateRun(setup, 0);
    const inCommunity = (id: string) => social.getNodeAttribute(id, "community") === 2;
    expect(baseline.events.some((e) => inCommunity(e.account))).toBe(true);
    expect(cascade.events.some((e) => inCommunity(e.account))).toBe(false);
  });

  it("capping groups leaves only links between members of a capped group", () => {
    const social = groups(
      { n: 300, groupsPerAccount: 2, minSize: 3, maxSize: 60, sizeExponent: 1.5 },
      createRng("g"),
    );
    const compiled = compileGraph(social);
    const plan = compileInterventions(compiled, [{ kind: "group-cap", maxSize: 10 }], {
      source: 0,
      facts: graphFactsOf(social, compiled),
    });
    expect(plan.graph.m).toBeLessThan(compiled.m);
    // Every account now reaches at most (10 - 1) co-members per group it is in.
    for (let u = 0; u < plan.graph.n; u++) {
      const inGroups = social.getNodeAttribute(compiled.ids[u], "groups")?.length ?? 0;
      expect(plan.graph.offsets[u + 1] - plan.graph.offsets[u]).toBeLessThanOrEqual(9 * inGroups);
    }
  });

  it("limiting forwarding to one group leaves each account the members of one group", () => {
    const social = groups(
      { n: 300, groupsPerAccount: 3, minSize: 3, maxSize: 40, sizeExponent: 1.5 },
      createRng("f"),
    );
    const compiled = compileGraph(social);
    const plan = compileInterventions(compiled, [{ kind: "group-forward-limit", maxGroups: 1 }], {
      source: 0,
      facts: graphFactsOf(social, compiled),
    });
    const sizes = social.getAttribute("groupSizes") ?? [];
    for (let u = 0; u < plan.graph.n; u++) {
      const memberOf = social.getNodeAttribute(compiled.ids[u], "groups") ?? [];
      const largest = Math.max(0, ...memberOf.map((g) => sizes[g]));
      expect(plan.graph.offsets[u + 1] - plan.graph.offsets[u]).toBeLessThanOrEqual(Math.max(0, largest - 1));
    }
  });

  it("refuses group limits on a graph without groups", () => {
    const setup = setupOn(star(10), 1);
    const facts = graphFactsOf(star(10), setup.graph);
    expect(() =>
      compileInterventions(setup.graph, [{ kind: "group-cap", maxSize: 5 }], { source: 0, facts }),
    ).toThrow(/interventions\[0\]: this graph has no group chats/);
    expect(() =>
      compileInterventions(setup.graph, [{ kind: "cut-community", community: 0 }], { source: 0, facts }),
    ).toThrow(/interventions\[0\]\.community: this graph has no communities/);
  });

  it("a correction that reaches everyone first makes everyone immune", () => {
    const setup = setupOn(star(100), 1);
    const { intervention } = pair(setup, [
      { kind: "counter-message", accounts: ["0"], time: 0, p: 1, delayMinutes: 1 },
    ]);
    expect(intervention.events).toHaveLength(1);
    const late = pair(setup, [
      { kind: "counter-message", accounts: ["0"], time: 3600, p: 1, delayMinutes: 1 },
    ]);
    expect(late.intervention.events).toEqual(late.baseline.events);
  });
});

describe("centralities", () => {
  it("rank the hub of a star first by every measure", () => {
    const graph = compileGraph(mutualStar(30));
    for (const c of ["degree", "out-degree", "pagerank", "betweenness"] as const) {
      expect(rankAccounts(graph, c)[0]).toBe(0);
    }
  });

  it("k-core numbers: a 4-clique with a pendant", () => {
    const edges: Array<[number, number]> = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) edges.push([i, j]);
    edges.push([3, 4]);
    expect(Array.from(coreNumbers(compileGraph(graphFrom(edges, 5))))).toEqual([3, 3, 3, 3, 1]);
  });

  it("suspend-top never picks the source", () => {
    const graph = compileGraph(mutualStar(30));
    const plan = compileInterventions(graph, [{ kind: "suspend-top", centrality: "degree", count: 3 }], {
      source: 0,
    });
    expect(plan.suspendedAccounts).toHaveLength(3);
    expect(plan.suspendedAccounts).not.toContain(0);
  });
});

describe("validateInterventions", () => {
  it("names the field and the allowed range", () => {
    expect(() => validateInterventions([{ kind: "throttle", when: { time: 10 }, share: 1.5 }])).toThrow(
      "interventions[0].share: 1.5. Should be a number from 0 to 1.",
    );
    expect(() =>
      validateInterventions([
        { kind: "delete", when: { time: 1 } },
        { kind: "delete", when: {} as never },
      ]),
    ).toThrow("interventions[1].when: should have exactly one of 'time' (seconds) or 'reposts' (count).");
    expect(() => validateInterventions([{ kind: "nope" } as never])).toThrow(InterventionError);
    expect(() =>
      validateInterventions([{ kind: "suspend-top", centrality: "fame" as never, count: 3 }]),
    ).toThrow(/centrality: unknown centrality 'fame'/);
  });

  it("refuses unknown accounts when compiling", () => {
    const graph = compileGraph(star(5));
    expect(() => compileInterventions(graph, [{ kind: "suspend", accounts: ["zz"] }], { source: 0 })).toThrow(
      "interventions[0].accounts[0]: no account 'zz' in this graph.",
    );
  });
});
