import { describe, expect, it } from "vitest";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import {
  type CountingRules,
  cumulativeSeries,
  DEFAULT_RULES,
  evaluateLine,
  exposuresNeeded,
  RulesError,
} from "../../src/core/legal.ts";

/** A source with `audience` followers and reposts at the given times, all children of the source. */
function star(
  times: number[],
  audience: number | null = 10,
  sourceAudience: number | null = audience,
): Cascade {
  const events: CascadeEvent[] = [
    { account: "src", parent: -1, time: 0, depth: 0, audience: sourceAudience },
  ];
  times.forEach((time, i) => {
    events.push({ account: `a${i + 1}`, parent: 0, time, depth: 1, audience });
  });
  return { id: "star", events, format: "test", warnings: [] };
}

function rules(overrides: Partial<CountingRules> = {}): CountingRules {
  return { ...DEFAULT_RULES, viewRate: 1, ...overrides };
}

describe("evaluateLine", () => {
  it("crosses reposts exactly at the 500th repost", () => {
    const times = Array.from({ length: 600 }, (_, i) => (i + 1) * 10);
    const report = evaluateLine(star(times, 0), rules());
    expect(report.reposts).toBe(600);
    expect(report.crossing.reposts).toEqual({ time: 5000, index: 500, account: "a500", depth: 1 });
    expect(report.crossing.views).toBeNull();
    expect(report.first).toBe("reposts");
  });

  it("crosses when the count is exactly at the threshold, and not one below", () => {
    const exactly = evaluateLine(
      star(
        Array.from({ length: 500 }, (_, i) => i + 1),
        0,
      ),
      rules(),
    );
    expect(exactly.crossing.reposts?.time).toBe(500);
    const below = evaluateLine(
      star(
        Array.from({ length: 499 }, (_, i) => i + 1),
        0,
      ),
      rules(),
    );
    expect(below.crossing.reposts).toBeNull();
    expect(below.first).toBeNull();
  });

  it("orders by time, ties in input order", () => {
    // Input out of time order; three reposts at t = 5 tie.
    const cascade = star([9, 5, 5, 5, 1], 0);
    const report = evaluateLine(cascade, rules({ thresholds: { reposts: 3, views: 1e9 } }));
    // Counting order: a5 (1), a2 (5), a3 (5), a4 (5), a1 (9): the 3rd is a3.
    expect(report.crossing.reposts).toMatchObject({ account: "a3", time: 5, index: 3 });
  });

  it("lets a big account cross the view line at time 0 with no repost", () => {
    const report = evaluateLine(star([], 1, 12_000_000), DEFAULT_RULES);
    expect(report.reposts).toBe(0);
    expect(report.crossing.views).toEqual({ time: 0, index: 0, account: "src", depth: 0 });
    expect(report.first).toBe("views");
    expect(report.views).toBeCloseTo(12_000_000 * 0.35);
  });

  it("crosses views when the running total times the rate reaches the threshold", () => {
    // 100 per event at rate 0.5: 50 views each; 5,000 views need 100 events = source + 99 reposts.
    const report = evaluateLine(
      star(
        Array.from({ length: 150 }, (_, i) => i + 1),
        100,
      ),
      rules({ viewRate: 0.5 }),
    );
    expect(report.crossing.views).toMatchObject({ time: 99, account: "a99" });
  });

  it("applies custom thresholds", () => {
    const report = evaluateLine(star([1, 2, 3, 4], 10), rules({ thresholds: { reposts: 2, views: 30 } }));
    expect(report.crossing.reposts?.time).toBe(2);
    expect(report.crossing.views?.time).toBe(2);
    // Same event tips both: reposts is reported first.
    expect(report.first).toBe("reposts");
  });

  it("counts direct reposts only when asked", () => {
    const cascade = star([1, 2], 0);
    cascade.events.push({ account: "b", parent: 1, time: 3, depth: 2, audience: 0 });
    expect(evaluateLine(cascade, rules()).reposts).toBe(3);
    expect(evaluateLine(cascade, rules({ repostScope: "direct" })).reposts).toBe(2);
  });

  it("counts only the original's views when asked", () => {
    const report = evaluateLine(star([1, 2], 10, 7), rules({ viewScope: "original" }));
    expect(report.exposures).toBe(7);
  });

  it("leaves bots out when asked", () => {
    const cascade = star([1, 2, 3], 10);
    cascade.events[2].bot = true;
    expect(evaluateLine(cascade, rules({ countBots: false })).reposts).toBe(2);
    expect(evaluateLine(cascade, rules({ countBots: false })).exposures).toBe(30);
    expect(evaluateLine(cascade, rules()).reposts).toBe(3);
  });

  it("counts repeated views once when asked and the cascade knows who was new", () => {
    const cascade = star([1], 10);
    cascade.events[1].newAudience = 4;
    expect(evaluateLine(cascade, rules({ countRepeatViews: false })).exposures).toBe(14);
    expect(evaluateLine(cascade, rules()).exposures).toBe(20);
  });

  it("reports views as unknown without audiences", () => {
    const report = evaluateLine(star([1, 2], null), rules());
    expect(report.views).toBeNull();
    expect(report.crossing.views).toBeNull();
  });

  it("refuses invalid thresholds with the allowed range", () => {
    expect(() => evaluateLine(star([]), rules({ thresholds: { reposts: 0, views: 5 } }))).toThrow(RulesError);
    expect(() => evaluateLine(star([]), rules({ viewRate: 1.5 }))).toThrow(/at most 1/);
  });
});

describe("exposuresNeeded", () => {
  it("finds the smallest whole number of exposures without float fudges", () => {
    expect(exposuresNeeded(5000, 0.35)).toBe(14286);
    expect(exposuresNeeded(5000, 0.5)).toBe(10000);
    expect(exposuresNeeded(5000, 0.1)).toBe(50000);
    expect(exposuresNeeded(5000, 1)).toBe(5000);
    for (const rate of [0.07, 0.3, 0.35, 0.7, 0.9]) {
      const needed = exposuresNeeded(5000, rate);
      expect(needed * rate).toBeGreaterThanOrEqual(5000);
      expect((needed - 1) * rate).toBeLessThan(5000);
    }
  });
});

describe("cumulativeSeries", () => {
  it("gives running totals in counting order", () => {
    const series = cumulativeSeries(star([3, 1], 10), rules());
    expect([...series.time]).toEqual([0, 1, 3]);
    expect([...series.reposts]).toEqual([0, 1, 2]);
    expect([...series.views]).toEqual([10, 20, 30]);
  });
});
