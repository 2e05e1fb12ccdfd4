import { describe, expect, it } from "vitest";
import { accountLookup } from "../../src/core/compiled-graph.ts";

describe("accountLookup", () => {
  it("reads preset ids as their own index", () => {
    const lookUp = accountLookup(["0", "1", "2", "3"]);
    expect(["3", "0", "2"].map(lookUp)).toEqual([3, 0, 2]);
    expect(lookUp("4")).toBe(-1);
  });

  it("finds any other id, including ids that only look like an index", () => {
    // "1" sits at index 2 and "07" is not index 7: a numeric shortcut alone would answer wrongly.
    const ids = ["alice", "07", "1", "bob", "x", "y", "z", "w"];
    const lookUp = accountLookup(ids);
    expect(lookUp("1")).toBe(2);
    expect(lookUp("07")).toBe(1);
    expect(lookUp("bob")).toBe(3);
    expect(lookUp(" 3")).toBe(-1);
    expect(lookUp("-0")).toBe(-1);
    expect(lookUp("carol")).toBe(-1);
    expect(ids.map(lookUp)).toEqual(ids.map((_, i) => i));
  });
});
