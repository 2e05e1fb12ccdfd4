import { describe, expect, it } from "vitest";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import {
  assumeAudience,
  CascadeError,
  combineCascades,
  depthStats,
  keySpreaders,
  structuralVirality,
  subtreeSizes,
  summarizeCascade,
} from "../../src/core/cascade-stats.ts";
import { evaluateLine } from "../../src/core/legal.ts";

/** A cascade from parent indices (times = index, depths from parents). */
function tree(parents: number[], audience: number | null = null, extra: Partial<Cascade> = {}): Cascade {
  const events: CascadeEvent[] = [];
  parents.forEach((parent, i) => {
    events.push({
      account: `u${i}`,
      parent,
      time: i,
      depth: parent === -1 ? 0 : events[parent].depth + 1,
      audience,
    });
  });
  return { id: "t", events, format: "test", warnings: [], ...extra };
}

/** Mean distance over all pairs, by brute force (BFS from every node), to check the O(n) formula. */
function bruteForceVirality(parents: number[]): number {
  const n = parents.length;
  const adjacent: number[][] = parents.map(() => []);
  parents.forEach((p, i) => {
    if (p >= 0) {
      adjacent[p].push(i);
      adjacent[i].push(p);
    }
  });
  let sum = 0;
  for (let s = 0; s < n; s++) {
    const dist = new Array(n).fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let k = 0; k < queue.length; k++) {
      for (const v of adjacent[queue[k]]) {
        if (dist[v] === -1) {
          dist[v] = dist[queue[k]] + 1;
          queue.push(v);
        }
      }
    }
    sum += dist.reduce((a: number, b: number) => a + b, 0);
  }
  return sum / (n * (n - 1));
}

describe("structuralVirality", () => {
  it("is 2(n-1)/n for a star (broadcast) and (n+1)/3 for a chain (viral)", () => {
    expect(structuralVirality(tree([-1, 0, 0, 0, 0]))).toBeCloseTo(1.6, 12);
    expect(structuralVirality(tree([-1, 0, 1, 2, 3, 4]))).toBeCloseTo(7 / 3, 12);
  });
  it("matches the all-pairs brute force on an irregular tree", () => {
    const parents = [-1, 0, 0, 1, 1, 3, 3, 6, 2, 8, 8, 8, 0];
    expect(structuralVirality(tree(parents))).toBeCloseTo(bruteForceVirality(parents), 12);
  });
  it("is null for a lone post", () => {
    expect(structuralVirality(tree([-1]))).toBeNull();
  });
});

describe("subtreeSizes, depthStats, keySpreaders", () => {
  const c = tree([-1, 0, 0, 1, 1, 3, 3, 6, 2, 8, 8, 8, 0]);
  it("counts each subtree, itself included", () => {
    expect([...subtreeSizes(c.events)]).toEqual([13, 6, 5, 4, 1, 1, 2, 1, 4, 1, 1, 1, 1]);
  });
  it("counts reposts per generation", () => {
    expect(depthStats(c)).toEqual({ perGeneration: [1, 3, 3, 5, 1], maxDepth: 4, meanDepth: 28 / 12 });
  });
  it("ranks reposters by the reposts that followed from them, ties by time", () => {
    expect(keySpreaders(c, 3).map((s) => [s.account, s.downstream, s.direct])).toEqual([
      ["u1", 5, 2],
      ["u2", 4, 1],
      ["u3", 3, 2],
    ]);
  });
});

describe("assumeAudience", () => {
  it("fills unknown audiences, marks the cascade, keeps the original unchanged", () => {
    const c = tree([-1, 0, 0]);
    const assumed = assumeAudience(c, 2000);
    expect(assumed.audienceAssumed).toBe(true);
    expect(assumed.events.map((e) => e.audience)).toEqual([2000, 2000, 2000]);
    expect(c.events[0].audience).toBeNull();
    expect(evaluateLine(c).views).toBeNull();
    expect(evaluateLine(assumed).views).toBeCloseTo(6000 * 0.35, 9);
    expect(assumed.warnings.at(-1)).toContain("Assumption");
  });
  it("refuses a negative audience", () => {
    expect(() => assumeAudience(tree([-1]), -1)).toThrow(CascadeError);
  });
});

describe("combineCascades", () => {
  it("puts posts on one time axis, each post a source, so reposts add up and no post counts as a repost", () => {
    const first = tree(
      Array.from({ length: 301 }, (_, i) => i - 1),
      null,
      { id: "a", startEpoch: 1000 },
    );
    const second = tree([-1, ...Array.from({ length: 250 }, () => 0)], null, { id: "b", startEpoch: 400 });
    expect(evaluateLine(first).reposts).toBe(300);
    expect(evaluateLine(second).reposts).toBe(250);
    const combined = combineCascades([first, second]);
    expect(combined.id).toBe("a+b");
    expect(combined.startEpoch).toBe(400);
    // b is earlier: it comes first, at 0; a is shifted by 600 s.
    expect(combined.events[0]).toMatchObject({ account: "u0", parent: -1, time: 0 });
    expect(combined.events[251]).toMatchObject({ account: "u0", parent: -1, time: 600 });
    expect(combined.events[252]).toMatchObject({ parent: 251, time: 601 });
    const report = evaluateLine(combined);
    expect(report.reposts).toBe(550);
    // Reposts of b at 1..250 s, then a's at 601.. s: the 500th is a's 250th, at 600 + 250.
    expect(report.crossing.reposts?.time).toBe(850);
    expect(combined.warnings.at(-1)).toContain("2 posts combined");
  });
  it("warns about undated posts, several authors and more than a year", () => {
    const year = 366 * 24 * 3600;
    const a = tree([-1, 0], 5, { id: "a", startEpoch: 0 });
    const b = tree([-1, 0], 5, { id: "b", startEpoch: year });
    const c = {
      ...tree([-1, 0], null, { id: "c" }),
      events: [{ account: "other", parent: -1, time: 0, depth: 0, audience: null }],
    };
    const warnings = combineCascades([a, b, c]).warnings.join(" ");
    expect(warnings).toContain("1 of the posts have no date");
    expect(warnings).toContain("2 different accounts");
    expect(warnings).toContain("more than one year");
    expect(warnings).toContain("views of the combined case cannot be counted");
  });
});

describe("summarizeCascade", () => {
  it("gives the card: counts, why views are unknown, the tipping account, shape", () => {
    const c = tree([-1, ...Array.from({ length: 600 }, () => 0)], null, { label: "<b>false</b>" });
    const s = summarizeCascade(c);
    expect(s.report.reposts).toBe(600);
    expect(s.viewsUnknown).toContain("no follower counts");
    expect(s.tipping).toEqual({ account: "u500", time: 500, depth: 1, prong: "reposts" });
    expect(s.label).toBe("<b>false</b>");
    expect(s.depth.maxDepth).toBe(1);
    expect(s.keySpreaders).toEqual([]);
  });
});
