import { describe, expect, it } from "vitest";
import { placeLabels } from "../../src/ui/label-placement.ts";

// Every character 10 units wide, one unit per pixel, lines 20 units high.
const measure = (text: string) => 10 * text.length;
const view = { left: 0, right: 1000, pixel: 1, lineHeight: 20 };

describe("placeLabels", () => {
  it("writes one label per account, to the right of it and a little above", () => {
    const placed = placeLabels(
      [
        { account: 8, text: "source 8", x: 100, y: 100 },
        { account: 8, text: "views ✓ 8", x: 100, y: 100 },
      ],
      measure,
      view,
    );
    expect(placed).toEqual([{ text: "source 8 · views ✓ 8", x: 110, y: 92 }]);
  });

  it("goes left of an account near the right edge, and never past the left edge", () => {
    const [right] = placeLabels([{ account: 1, text: "reposts ✓ 1", x: 950, y: 100 }], measure, view);
    expect(right.x).toBe(950 - 10 - 110);
    const [narrow] = placeLabels([{ account: 1, text: "reposts ✓ 1", x: 50, y: 100 }], measure, {
      ...view,
      right: 100,
    });
    expect(narrow.x).toBe(4);
  });

  it("moves a label down while it would cover one already placed", () => {
    const placed = placeLabels(
      [
        { account: 1, text: "source 1", x: 100, y: 100 },
        { account: 2, text: "reposts ✓ 2", x: 105, y: 102 },
        { account: 3, text: "views ✓ 3", x: 600, y: 100 },
      ],
      measure,
      view,
    );
    expect(placed[0].y).toBe(92);
    expect(placed[1].y).toBe(94 + 20);
    // Far away: stays where it is.
    expect(placed[2].y).toBe(92);
  });
});
