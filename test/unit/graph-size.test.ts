import { describe, expect, it } from "vitest";
import {
  assertGraphFits,
  estimateGraphBytes,
  GraphTooLargeError,
  maxAccountsFor,
} from "../../src/core/graph-size.ts";
import { buildGraph, DEFAULT_SCENARIO, ScenarioError, validateScenario } from "../../src/core/scenario.ts";

describe("graph size guard", () => {
  it("grows linearly with accounts and ranks presets by edges per account", () => {
    expect(estimateGraphBytes("weibo", 20_000)).toBe(2 * estimateGraphBytes("weibo", 10_000));
    expect(estimateGraphBytes("groups", 1000)).toBeGreaterThan(estimateGraphBytes("moments", 1000));
    expect(estimateGraphBytes("moments", 1000)).toBeGreaterThan(estimateGraphBytes("ba", 1000));
  });

  it("lets the default scenario through and refuses a million group-chat accounts with a clear message", () => {
    expect(() => validateScenario(DEFAULT_SCENARIO)).not.toThrow();
    const big = { ...DEFAULT_SCENARIO, preset: "groups" as const, nodes: 1_000_000 };
    // validateScenario names the field, so the panel marks the accounts box.
    expect(() => validateScenario(big)).toThrow(ScenarioError);
    expect(() => validateScenario(big)).toThrow(/^nodes: core\/graph-size: 1,000,000 WeChat groups accounts/);
    expect(() => buildGraph(big)).toThrow(GraphTooLargeError);
    expect(() => buildGraph(big)).toThrow(
      /1,000,000 WeChat groups accounts need about \d+\.\d GB; this browser tab can hold about 2\.0 GB: choose at most [\d,]+ accounts/,
    );
  });

  it("maxAccountsFor is the boundary of assertGraphFits", () => {
    const budget = 100 * 1024 ** 2;
    const max = maxAccountsFor("weibo", budget);
    expect(max).toBeLessThan(1_000_000);
    expect(() => assertGraphFits("weibo", max, budget)).not.toThrow();
    expect(() => assertGraphFits("weibo", max + 1, budget)).toThrow(GraphTooLargeError);
  });

  it("lets a million accounts through for every preset but group chats, within 2 GB", () => {
    for (const preset of ["weibo", "moments", "public-account", "ba", "er", "ws", "sbm"] as const) {
      expect(maxAccountsFor(preset)).toBe(1_000_000);
      expect(() => validateScenario({ ...DEFAULT_SCENARIO, preset, nodes: 1_000_000 })).not.toThrow();
    }
    // About 3.9 kB per group-chat account (157 links each): half a million fit.
    expect(maxAccountsFor("groups")).toBeGreaterThan(400_000);
    expect(maxAccountsFor("groups")).toBeLessThan(600_000);
  });

  it("buildGraph honours a smaller budget passed by the app", () => {
    expect(() => buildGraph({ ...DEFAULT_SCENARIO, nodes: 2000 }, 256 * 1024)).toThrow(GraphTooLargeError);
  });
});
