import { describe, expect, it } from "vitest";
import { barabasiAlbert } from "../../src/core/generators/barabasi-albert.ts";
import { erdosRenyi } from "../../src/core/generators/erdos-renyi.ts";
import { groups, WECHAT_GROUP_CAP } from "../../src/core/generators/groups.ts";
import { generatePreset, PRESET_IDS } from "../../src/core/generators/presets.ts";
import { stochasticBlock } from "../../src/core/generators/stochastic-block.ts";
import { GeneratorError } from "../../src/core/generators/types.ts";
import { wattsStrogatz } from "../../src/core/generators/watts-strogatz.ts";
import { createRng } from "../../src/core/random.ts";

const edgesOf = (g: { forEachEdge: (cb: (e: string, a: unknown, s: string, t: string) => void) => void }) => {
  const list: string[] = [];
  g.forEachEdge((_e, _a, s, t) => list.push(`${s}>${t}`));
  return list;
};

describe("generatePreset", () => {
  it.each(PRESET_IDS)("%s is the same graph for the same seed and differs for another", (preset) => {
    const a = generatePreset(preset, 300, createRng("x"));
    const b = generatePreset(preset, 300, createRng("x"));
    const c = generatePreset(preset, 300, createRng("y"));
    expect(edgesOf(a)).toEqual(edgesOf(b));
    expect(a.getNodeAttribute("5", "followers")).toBe(b.getNodeAttribute("5", "followers"));
    expect(edgesOf(a)).not.toEqual(edgesOf(c));
  });

  it("refuses a size out of range", () => {
    expect(() => generatePreset("weibo", 3, createRng(1))).toThrow(/from 10 to 1000000/);
  });
});

describe("degree statistics", () => {
  it("Erdős–Rényi mean degree is near the asked value", () => {
    const g = erdosRenyi({ n: 4000, meanDegree: 8 }, createRng("er"));
    // Mutual links: out-degree = friends. Standard error of the mean ~ sqrt(8/4000).
    expect(g.size / g.order).toBeGreaterThan(8 - 0.3);
    expect(g.size / g.order).toBeLessThan(8 + 0.3);
  });

  it("Barabási–Albert has mean degree 2m and a heavy tail", () => {
    const m = 3;
    const g = barabasiAlbert({ n: 5000, m }, createRng("ba"));
    expect(g.size / g.order).toBeCloseTo(2 * m, 1);
    let max = 0;
    g.forEachNode((node) => {
      max = Math.max(max, g.outDegree(node));
    });
    // Expected maximum grows like m * sqrt(n) ≈ 212; an ER graph of the same mean would stay near 16.
    expect(max).toBeGreaterThan(60);
  });

  it("Watts–Strogatz keeps exactly k links per account on average", () => {
    const g = wattsStrogatz({ n: 1000, k: 10, beta: 0.2 }, createRng("ws"));
    // Rewiring can merge a few links onto existing ones; never more than n k.
    expect(g.size).toBeLessThanOrEqual(1000 * 10);
    expect(g.size).toBeGreaterThan(1000 * 10 * 0.97);
    expect(() => wattsStrogatz({ n: 10, k: 3, beta: 0 }, createRng(1))).toThrow(GeneratorError);
  });

  it("the stochastic block model puts most links inside communities", () => {
    const g = stochasticBlock({ n: 2000, blocks: 4, meanDegreeIn: 9, meanDegreeOut: 1 }, createRng("sbm"));
    let inside = 0;
    g.forEachEdge((_e, _a, s, t) => {
      if (g.getNodeAttribute(s, "community") === g.getNodeAttribute(t, "community")) inside++;
    });
    expect(inside / g.size).toBeGreaterThan(0.85);
    expect(inside / g.size).toBeLessThan(0.95);
  });

  it("groups never exceed 500 members", () => {
    const g = groups(
      { n: 3000, groupsPerAccount: 2, minSize: 3, maxSize: 500, sizeExponent: 1.5 },
      createRng("g"),
    );
    const sizes = g.getAttribute("groupSizes") ?? [];
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(WECHAT_GROUP_CAP);
    expect(() =>
      groups({ n: 100, groupsPerAccount: 1, minSize: 3, maxSize: 501, sizeExponent: 2 }, createRng(1)),
    ).toThrow(/from 2 to 500/);
  });

  it("the Weibo preset has a big V with 12 million followers", () => {
    const g = generatePreset("weibo", 1000, createRng("w"));
    expect(g.getNodeAttribute("0", "followers")).toBe(12_000_000);
  });
});
