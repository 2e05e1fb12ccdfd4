import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import { type CountingRules, cumulativeSeries, DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";

/** Random valid cascades: each repost's parent is an earlier event and its time is not before the parent's. */
const cascadeArbitrary = fc
  .array(
    fc.record({
      parentPick: fc.nat(),
      delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })),
      audience: fc.integer({ min: 0, max: 3000 }),
      bot: fc.boolean(),
    }),
    { maxLength: 300 },
  )
  .chain((reposts) =>
    fc.integer({ min: 0, max: 20_000 }).map((sourceAudience) => {
      const events: CascadeEvent[] = [
        { account: "s", parent: -1, time: 0, depth: 0, audience: sourceAudience },
      ];
      reposts.forEach((r, i) => {
        const parent = r.parentPick % events.length;
        events.push({
          account: `a${i}`,
          parent,
          time: events[parent].time + r.delay,
          depth: events[parent].depth + 1,
          audience: r.audience,
          bot: r.bot,
        });
      });
      const cascade: Cascade = { id: "random", events, format: "test", warnings: [] };
      return cascade;
    }),
  );

const rulesArbitrary = fc.record({
  reposts: fc.integer({ min: 1, max: 200 }),
  views: fc.integer({ min: 1, max: 50_000 }),
  viewRate: fc.constantFrom(0.1, 0.35, 0.5, 1),
  repostScope: fc.constantFrom("tree" as const, "direct" as const),
  countBots: fc.boolean(),
});

type RuleChoice = typeof rulesArbitrary extends fc.Arbitrary<infer T> ? T : never;

function rulesFrom(r: RuleChoice): CountingRules {
  return {
    ...DEFAULT_RULES,
    thresholds: { reposts: r.reposts, views: r.views },
    viewRate: r.viewRate,
    repostScope: r.repostScope,
    countBots: r.countBots,
  };
}

describe("crossing computation, for any valid cascade", () => {
  it("agrees with a brute-force count over time order", () => {
    fc.assert(
      fc.property(cascadeArbitrary, rulesArbitrary, (cascade, r) => {
        const rules = rulesFrom(r);
        const report = evaluateLine(cascade, rules);
        // Brute force: stable sort by time, count one by one.
        const order = cascade.events
          .map((e, i) => ({ e, i }))
          .sort((a, b) => a.e.time - b.e.time || a.i - b.i);
        let reposts = 0;
        let tipping: number | null = null;
        for (const { e, i } of order) {
          const counts =
            e.parent !== -1 &&
            (rules.countBots || !e.bot) &&
            (rules.repostScope === "tree" || e.parent === 0);
          if (counts) reposts++;
          if (counts && reposts === rules.thresholds.reposts && tipping === null) tipping = i;
        }
        expect(report.reposts).toBe(reposts);
        expect(report.crossing.reposts?.index ?? null).toBe(tipping);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps its counts when the events are shuffled (times are what order them)", () => {
    fc.assert(
      fc.property(cascadeArbitrary, rulesArbitrary, (cascade, r) => {
        const rules = rulesFrom(r);
        const before = evaluateLine(cascade, rules);
        // Reverse the reposts but keep parent links valid by remapping indices.
        const n = cascade.events.length;
        const map = (i: number) => (i <= 0 ? i : n - i);
        const events = cascade.events.map((_, j) => {
          const original = cascade.events[map(j)];
          return { ...original, parent: original.parent <= 0 ? original.parent : map(original.parent) };
        });
        const after = evaluateLine({ ...cascade, events }, rules);
        expect(after.reposts).toBe(before.reposts);
        expect(after.views).toBe(before.views);
        expect(after.crossing.reposts?.time ?? null).toBe(before.crossing.reposts?.time ?? null);
        expect(after.crossing.views?.time ?? null).toBe(before.crossing.views?.time ?? null);
      }),
      { numRuns: 150 },
    );
  });

  it("gives a monotone running total whose crossing matches the report", () => {
    fc.assert(
      fc.property(cascadeArbitrary, rulesArbitrary, (cascade, r) => {
        const rules = rulesFrom(r);
        const series = cumulativeSeries(cascade, rules);
        const report = evaluateLine(cascade, rules);
        for (let i = 1; i < series.time.length; i++) {
          expect(series.time[i]).toBeGreaterThanOrEqual(series.time[i - 1]);
          expect(series.reposts[i]).toBeGreaterThanOrEqual(series.reposts[i - 1]);
          expect(series.views[i]).toBeGreaterThanOrEqual(series.views[i - 1]);
        }
        const firstAt = series.reposts.findIndex((v) => v >= rules.thresholds.reposts);
        expect(firstAt >= 0 ? series.time[firstAt] : null).toBe(report.crossing.reposts?.time ?? null);
      }),
      { numRuns: 200 },
    );
  });
});
