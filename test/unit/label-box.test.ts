import { describe, expect, it } from "vitest";
import { besideLabel, labelsOverlap } from "../../src/charts/label-box.ts";

// A label 50 wide and 20 high, 10 from its point, in a plot from 0 to 300.
const rule = { width: 50, height: 20, gap: 10, within: { left: 0, right: 300 } };

describe("besideLabel", () => {
  it("goes right of the point when it fits there", () => {
    expect(besideLabel(100, 40, rule)).toEqual({
      left: 110,
      right: 160,
      top: 20,
      bottom: 40,
      x: 110,
      baseline: 40,
      anchor: "start",
    });
  });

  it("flips to the left at the right edge, written from its right end", () => {
    const place = besideLabel(260, 40, rule);
    expect(place).toMatchObject({ left: 200, right: 250, x: 250, anchor: "end" });
  });

  it("flips to the right at the left edge when the left is preferred", () => {
    expect(besideLabel(40, 40, { ...rule, prefer: "left" })).toMatchObject({
      left: 50,
      x: 50,
      anchor: "start",
    });
    expect(besideLabel(200, 40, { ...rule, prefer: "left" })).toMatchObject({
      left: 140,
      x: 190,
      anchor: "end",
    });
  });

  it("is slid inside the plot when it fits on neither side", () => {
    const narrow = { ...rule, within: { left: 0, right: 100 } };
    // Right of 50 runs to 110, left of it from -10: the preferred box ends at the plot's right edge.
    expect(besideLabel(50, 40, narrow)).toMatchObject({ left: 50, right: 100, x: 50, anchor: "start" });
    // The other box slid instead: it starts at the left edge.
    expect(besideLabel(50, 40, { ...narrow, slide: "other" })).toMatchObject({ left: 0, right: 50, x: 0 });
    // Wider than the plot: from its left edge.
    expect(besideLabel(50, 40, { ...narrow, width: 150 })).toMatchObject({ left: 0, right: 150 });
    // A point beyond the plot: the label still lands inside it.
    expect(besideLabel(400, 40, rule)).toMatchObject({ left: 250, right: 300, anchor: "start" });
  });

  it("moves down a step at a time while it would overlap a label already placed", () => {
    const placed = [{ left: 100, right: 200, top: 20, bottom: 40 }];
    const avoid = { placed, step: 20, tries: 8 };
    expect(besideLabel(95, 40, { ...rule, avoid }).baseline).toBe(60);
    // Far enough away: it stays.
    expect(besideLabel(230, 40, { ...rule, avoid }).baseline).toBe(40);
    // At most `tries` steps.
    const stack = [...placed, { left: 100, right: 200, top: 40, bottom: 60 }];
    expect(besideLabel(95, 40, { ...rule, avoid: { placed: stack, step: 20, tries: 1 } }).baseline).toBe(60);
    expect(besideLabel(95, 40, { ...rule, avoid: { placed: stack, step: 20, tries: 8 } }).baseline).toBe(80);
    // Without labels to avoid it stays on its baseline.
    expect(besideLabel(95, 40, rule).baseline).toBe(40);
  });
});

describe("labelsOverlap", () => {
  const a = { left: 0, right: 50, top: 0, bottom: 20 };
  it("needs the boxes to share area, or to come within the margins", () => {
    expect(labelsOverlap(a, { left: 40, right: 90, top: 10, bottom: 30 })).toBe(true);
    expect(labelsOverlap(a, { left: 50, right: 90, top: 0, bottom: 20 })).toBe(false);
    expect(labelsOverlap(a, { left: 53, right: 90, top: 0, bottom: 20 }, 4)).toBe(true);
    expect(labelsOverlap(a, { left: 0, right: 50, top: 21, bottom: 41 })).toBe(false);
    expect(labelsOverlap(a, { left: 0, right: 50, top: 21, bottom: 41 }, 0, 2)).toBe(true);
  });
});
