import { describe, expect, it } from "vitest";
import { SkipTable } from "../../src/core/models/model.ts";
import { createRng } from "../../src/core/random.ts";

describe("SkipTable (geometric skipping without a logarithm)", () => {
  it("says 'past the last r followers' only when the logarithm says so, for every q", () => {
    const table = new SkipTable();
    const rng = createRng("skip-table");
    let shortcuts = 0;
    for (const q of [1e-9, 1e-4, 0.01, 0.065, 0.1, 0.5, 0.9, 0.999999]) {
      const logMiss = Math.log1p(-q);
      const surelyPast = table.prepare(logMiss);
      for (let k = 0; k < 20_000; k++) {
        const r = rng.int(SkipTable.SIZE);
        // Draws on and around the bound, where rounding would bite, and plain draws.
        const u = k % 2 === 0 ? surelyPast[r] * (1 + (rng.next() - 0.5) * 4e-9) : rng.nextOpen();
        if (!(u > 0 && u <= 1)) continue;
        const gap = Math.floor(Math.log(u) / logMiss);
        if (u < surelyPast[r]) {
          shortcuts++;
          expect(gap).toBeGreaterThanOrEqual(r);
        }
      }
    }
    expect(shortcuts).toBeGreaterThan(10_000);
  });

  it("is (1 - q)^r just below, and refills only when q changes", () => {
    const table = new SkipTable();
    const first = table.prepare(Math.log1p(-0.1));
    expect(first[0]).toBeCloseTo(1, 8);
    expect(first[3]).toBeCloseTo(0.9 ** 3, 8);
    expect(first[3]).toBeLessThan(0.9 ** 3);
    first[3] = 42;
    expect(table.prepare(Math.log1p(-0.1))[3]).toBe(42);
    expect(table.prepare(Math.log1p(-0.2))[3]).toBeCloseTo(0.8 ** 3, 8);
  });
});
