import { describe, expect, it } from "vitest";
import { barabasiAlbert } from "../../src/core/generators/barabasi-albert.ts";
import { erdosRenyi } from "../../src/core/generators/erdos-renyi.ts";
import {
  changeRows,
  compareCentralities,
  compileInterventions,
  crossingProbability,
  latestSafeTime,
  minimalSuspension,
  runOutcomes,
} from "../../src/core/interventions/index.ts";
import { createRng } from "../../src/core/random.ts";
import { setupOn } from "./intervention-graphs.ts";

describe("latestSafeTime", () => {
  const social = erdosRenyi({ n: 300, meanDegree: 8 }, createRng("er-search"));
  const setup = setupOn(social, 0.18, { spread: 1, line: 40, seed: "search" });
  setup.params.delayMinutes = 20;
  const runs = 100;

  it("finds the deletion time given by the baseline crossing times", () => {
    const target = 0.1;
    const resolution = 30;
    const result = latestSafeTime(setup, { kind: "delete" }, { target, runs, resolution });
    // A run deleted at t crosses exactly when its baseline run crossed by t, so the boundary is the
    // (floor(target x R) + 1)-th earliest baseline crossing time.
    const crossings = Array.from(runOutcomes(setup, runs).repostCrossing)
      .filter((t) => !Number.isNaN(t))
      .sort((a, b) => a - b);
    expect(crossings.length).toBeGreaterThan(target * runs + 1);
    const boundary = crossings[Math.floor(target * runs)];
    expect(result.time).not.toBeNull();
    expect(result.safeWithoutIntervention).toBe(false);
    expect(result.time!).toBeLessThan(boundary);
    expect(result.time!).toBeGreaterThanOrEqual(boundary - resolution - 1);
    expect(result.probability.estimate).toBeLessThanOrEqual(target);
  });

  it("says when no intervention is needed, and when even time 0 is too late", () => {
    const quiet = latestSafeTime(
      { ...setup, params: { ...setup.params, p: 0 } },
      { kind: "delete" },
      {
        target: 0.1,
        runs: 20,
      },
    );
    expect(quiet.safeWithoutIntervention).toBe(true);
    const impossible = latestSafeTime(setup, { kind: "throttle", share: 1 }, { target: 0.01, runs: 30 });
    expect(impossible.time).toBeNull();
  });

  it("a throttle search returns a time whose chance is under the target", () => {
    const result = latestSafeTime(
      setup,
      { kind: "throttle", share: 0.2 },
      { target: 0.2, runs: 60, resolution: 120 },
    );
    expect(result.time).not.toBeNull();
    expect(result.probability.estimate).toBeLessThanOrEqual(0.2);
  });

  it("refuses a target outside 0..1", () => {
    expect(() => latestSafeTime(setup, { kind: "delete" }, { target: 2, runs: 10 })).toThrow(
      "target: 2. Should be a chance from 0 to 1.",
    );
  });
});

describe("minimalSuspension", () => {
  const social = barabasiAlbert({ n: 300, m: 2 }, createRng("ba-search"));
  const setup = setupOn(social, 0.25, { spread: 1, line: 40, seed: "greedy", source: 5 });
  setup.params.delayMinutes = 20;

  it("keeps the chance under the target, also on fresh seeds", () => {
    const target = 0.15;
    const runs = 80;
    const result = minimalSuspension(setup, { target, runs, candidates: 8, maxSize: 6 });
    expect(runOutcomes(setup, runs).repostCrossing.some((t) => !Number.isNaN(t))).toBe(true);
    expect(result.reached).toBe(true);
    expect(result.accounts.length).toBeGreaterThan(0);
    expect(result.accounts).not.toContain("5");
    expect(result.probability.estimate).toBeLessThanOrEqual(target);
    // Steps only ever add accounts, and the last step is the reported chance.
    expect(result.steps.map((s) => s.account)).toEqual(result.accounts);
    // Rerun with fresh seeds: within Monte Carlo error of the target.
    const fresh = { ...setup, seed: "fresh-seeds" };
    const plan = compileInterventions(setup.graph, [{ kind: "suspend", accounts: result.accounts }], {
      source: setup.source,
    });
    const check = crossingProbability(runOutcomes(fresh, 200, plan), "reposts");
    expect(check.low).toBeLessThanOrEqual(target);
  });

  it("returns the empty set when the post is already under the target", () => {
    const result = minimalSuspension(
      { ...setup, params: { ...setup.params, p: 0 } },
      { target: 0.1, runs: 10 },
    );
    expect(result.accounts).toEqual([]);
    expect(result.reached).toBe(true);
  });
});

describe("compareCentralities", () => {
  it("gives a baseline row, then one row per centrality, each an interval", () => {
    const social = barabasiAlbert({ n: 200, m: 2 }, createRng("ba-rows"));
    const setup = setupOn(social, 0.3, { spread: 1, line: 30, seed: "rows", source: 7 });
    const rows = compareCentralities(setup, {
      runs: 40,
      count: 3,
      centralities: ["degree", "pagerank", "k-core"],
    });
    expect(rows.map((r) => r.label)).toEqual([
      "no intervention",
      "top 3 by degree",
      "top 3 by pagerank",
      "top 3 by k-core",
    ]);
    for (const row of rows) {
      expect(row.low).toBeLessThanOrEqual(row.estimate);
      expect(row.high).toBeGreaterThanOrEqual(row.estimate);
    }
    // Suspending the hubs of a preferential-attachment graph cuts the reposts.
    expect(rows[1].avertedReposts).toBeGreaterThan(0);
    const changes = changeRows(rows);
    expect(changes.map((r) => r.label)).toEqual(rows.slice(1).map((r) => r.label));
    expect(changes[0].estimate).toBeCloseTo(rows[1].estimate - rows[0].estimate, 12);
  });
});
