import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import { latestDeletionUnderLine, pruneCascade, subtreeSizes } from "../../src/core/interventions/index.ts";
import { DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";
import { readCascadeFile } from "../../src/io/index.ts";
import { skipWithoutPath } from "../shared-data.ts";

/**
 * A complete binary repost tree of the given depth in breadth-first order:
 * event i reposts event (i - 1) >> 1 at time 10 x i; every account has 10 followers.
 */
function binaryCascade(depth: number): Cascade {
  const n = 2 ** (depth + 1) - 1;
  const events: CascadeEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push({
      account: `u${i}`,
      parent: i === 0 ? -1 : (i - 1) >> 1,
      time: 10 * i,
      depth: Math.floor(Math.log2(i + 1)),
      audience: 10,
    });
  }
  return { id: "tree", events, format: "test", warnings: [] };
}

/** Indices of the subtree under event i in the binary layout. */
function subtreeOf(i: number, n: number): number[] {
  const out: number[] = [];
  const stack = [i];
  while (stack.length) {
    const j = stack.pop()!;
    if (j >= n) continue;
    out.push(j);
    stack.push(2 * j + 1, 2 * j + 2);
  }
  return out.sort((a, b) => a - b);
}

const rules = { ...DEFAULT_RULES, viewRate: 1 };

describe("pruneCascade", () => {
  const tree = binaryCascade(5); // 63 events, 62 reposts

  it("pruning a branch removes exactly its subtree", () => {
    for (const cut of [1, 2, 5, 12, 40]) {
      const result = pruneCascade(tree, { cutEvents: [cut] }, rules);
      const expected = subtreeOf(cut, 63);
      expect(Array.from(result.removed)).toEqual(expected);
      expect(result.kept.length + result.removed.length).toBe(63);
      expect(result.report.reposts).toBe(62 - expected.length);
      expect(result.removedShare).toBeCloseTo(expected.length / 62, 12);
    }
  });

  it("suspending an account removes its reposts and everything below them", () => {
    const result = pruneCascade(tree, { suspend: ["u2"] }, rules);
    expect(Array.from(result.removed)).toEqual(subtreeOf(2, 63));
    // The pruned tree is a valid cascade: parents re-indexed to kept events.
    for (const [k, event] of result.cascade.events.entries()) {
      if (k === 0) expect(event.parent).toBe(-1);
      else expect(event.parent).toBeLessThan(k);
    }
    expect(evaluateLine(result.cascade, rules)).toEqual(result.report);
  });

  it("deleting at time t keeps the events up to t", () => {
    const result = pruneCascade(tree, { deleteAt: 205 }, rules);
    expect(result.report.reposts).toBe(20);
    expect(result.report.views).toBe(210);
    expect(result.original.reposts).toBe(62);
  });

  it("deleting at N reposts keeps the first N", () => {
    const result = pruneCascade(tree, { deleteAtReposts: 7 }, rules);
    expect(result.report.reposts).toBe(7);
    expect(Array.from(result.kept)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("suspending the source removes everything; pruning nothing keeps everything", () => {
    const gone = pruneCascade(tree, { suspend: ["u0"] }, rules);
    expect(gone.kept.length).toBe(0);
    expect(gone.report.reposts).toBe(0);
    expect(gone.removedShare).toBe(1);
    const same = pruneCascade(tree, {}, rules);
    expect(same.report).toEqual(same.original);
    expect(same.removed.length).toBe(0);
  });

  it("refuses an event index out of range", () => {
    expect(() => pruneCascade(tree, { cutEvents: [99] })).toThrow(
      "cutEvents[0]: 99. Should be an event index from 0 to 62.",
    );
  });

  it("subtreeSizes counts each event with everything below it", () => {
    const sizes = subtreeSizes(tree.events);
    expect(sizes[0]).toBe(63);
    expect(sizes[1]).toBe(31);
    expect(sizes[62]).toBe(1);
    // File order does not matter.
    const reversed = binaryCascade(2);
    const order = [6, 5, 4, 3, 2, 1, 0];
    const shuffled = order.map((i) => ({
      ...reversed.events[i],
      parent: reversed.events[i].parent < 0 ? -1 : order.indexOf(reversed.events[i].parent),
    }));
    expect(Array.from(subtreeSizes(shuffled))).toEqual([1, 1, 1, 1, 3, 3, 7]);
  });
});

const DATA = "../shared/data/";
const TWITTER = "twitter15_16/twitter15/tree/501474962935648256.txt";

describe.skipIf(skipWithoutPath(DATA + TWITTER))(
  "pruneCascade on a real Twitter15 tree (needs ../shared/data)",
  () => {
    // MANIFEST.csv: 715 reposts, the 500th at 9748.2 s.
    const load = () => readCascadeFile(TWITTER, readFileSync(DATA + TWITTER, "utf8")).cascades[0];

    it("deleting just before the 500th repost keeps the record under the line", () => {
      const cascade = load();
      const time = latestDeletionUnderLine(cascade);
      expect(time).toBe(9748.2);
      const before = pruneCascade(cascade, { deleteAt: 9748.1 });
      expect(before.original.reposts).toBe(715);
      expect(before.report.reposts).toBeLessThan(500);
      expect(before.report.crossing.reposts).toBeNull();
    });

    it("cutting the biggest branch removes exactly its subtree", () => {
      const cascade = load();
      const sizes = subtreeSizes(cascade.events);
      let biggest = 1;
      for (let i = 1; i < sizes.length; i++) if (sizes[i] > sizes[biggest]) biggest = i;
      const result = pruneCascade(cascade, { cutEvents: [biggest] });
      expect(result.removed.length).toBe(sizes[biggest]);
      expect(result.report.reposts).toBe(715 - sizes[biggest]);
      expect(result.removedShare).toBeCloseTo(sizes[biggest] / 715, 12);
    });
  },
);
