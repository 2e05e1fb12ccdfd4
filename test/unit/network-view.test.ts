import { describe, expect, it } from "vitest";
import { CASCADE_VIEW_LIMIT, cascadeViewAccounts, inducedSubgraph } from "../../src/core/network-view.ts";
import { compiledFromFollowers } from "./compiled-graphs.ts";

// 0 -> 1, 2, 3; 1 -> 2; 2 -> 0, 4; 3 -> nobody; 4 -> 1.
const graph = compiledFromFollowers([[1, 2, 3], [2], [0, 4], [], [1]]);

describe("inducedSubgraph", () => {
  it("keeps only links among the chosen accounts, renumbered in the order given", () => {
    const part = inducedSubgraph(graph, [2, 0, 4]);
    expect(part.ids).toEqual(["2", "0", "4"]);
    expect(part.n).toBe(3);
    // 2 -> 0 and 2 -> 4 become 0 -> 1 and 0 -> 2; 0 -> 2 becomes 1 -> 0; 4 -> 1 leaves the part.
    expect(part.m).toBe(3);
    expect([...part.offsets]).toEqual([0, 2, 3, 3]);
    expect([...part.targets]).toEqual([1, 2, 0]);
    expect([...part.inOffsets]).toEqual([0, 1, 2, 3]);
    expect([...part.inSources]).toEqual([1, 0, 0]);
    expect([...part.audience]).toEqual([2, 3, 1]);
  });
});

describe("cascadeViewAccounts", () => {
  it("puts the source first, then the cascade without repeats, then the source's followers", () => {
    expect(cascadeViewAccounts(graph, 2, [2, 4, 1, 4])).toEqual([2, 4, 1, 0]);
  });

  it("stops at CASCADE_VIEW_LIMIT accounts", () => {
    const big = compiledFromFollowers(Array.from({ length: CASCADE_VIEW_LIMIT + 50 }, () => []));
    const all = Array.from({ length: big.n }, (_, i) => i);
    const chosen = cascadeViewAccounts(big, 7, all);
    expect(chosen).toHaveLength(CASCADE_VIEW_LIMIT);
    expect(chosen.slice(0, 3)).toEqual([7, 0, 1]);
  });
});
