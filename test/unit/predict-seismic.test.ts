import { describe, expect, it } from "vitest";
import { loadCascadeFile } from "../../src/cli/load-series.ts";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import {
  kernelCdf,
  kernelDensity,
  kernelMass,
  SEISMIC_KERNEL,
} from "../../src/core/predict/memory-kernel.ts";
import { isUnavailable, type Prediction } from "../../src/core/predict/prediction.ts";
import {
  estimateInfectiousness,
  predictSeismic,
  triangularExposure,
} from "../../src/core/predict/seismic.ts";
import { skipWithoutPath } from "../shared-data.ts";

/** A source with `audience` followers and reposts at the given times. */
function star(
  times: number[],
  audience: number | null = 100,
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

function available(result: ReturnType<typeof predictSeismic>): Prediction {
  if (isUnavailable(result)) throw new Error(result.unavailable);
  return result;
}

/** Midpoint rule, fine enough for smooth integrands. */
function integrate(f: (x: number) => number, a: number, b: number, n = 200_000): number {
  const h = (b - a) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f(a + (i + 0.5) * h);
  return sum * h;
}

describe("SEISMIC memory kernel (Zhao et al. 2015)", () => {
  it("has the paper's constants and integrates to one up to the rounding of c", () => {
    expect(SEISMIC_KERNEL).toEqual({ s0: 300, theta: 0.242, c: 6.49e-4 });
    expect(kernelMass(SEISMIC_KERNEL)).toBeCloseTo(0.242 / 0.242 - 0.00079, 3);
    expect(kernelDensity(SEISMIC_KERNEL, 600)).toBeCloseTo(6.49e-4 * 2 ** -1.242, 12);
  });
  it("has a CDF equal to the integral of the density", () => {
    for (const s of [100, 300, 1000, 20_000]) {
      expect(kernelCdf(SEISMIC_KERNEL, s)).toBeCloseTo(
        integrate((x) => kernelDensity(SEISMIC_KERNEL, x), 0, s),
        6,
      );
    }
  });
  it("weights exposures with the triangular kernel in closed form", () => {
    for (const [b, w] of [
      [200, 300],
      [1000, 300],
      [5000, 1800],
      [900, 3600],
    ]) {
      const numeric = integrate(
        (u) => Math.max(0, (u - b + w) / w) * kernelDensity(SEISMIC_KERNEL, u),
        Math.max(0, b - w),
        b,
      );
      expect(triangularExposure(SEISMIC_KERNEL, b, w)).toBeCloseTo(numeric, 8);
    }
  });
});

describe("predictSeismic", () => {
  it("estimates p̂ as the triangular-weighted count over the weighted exposure", () => {
    const times = Float64Array.from([0, 60, 120, 400, 900]);
    const followers = Float64Array.from([1000, 50, 20, 10, 5]);
    const inf = estimateInfectiousness(times, followers, 1000);
    // T = 1000 s: window max(300, T/2) = 500, widened to hold the last 5 reposts: T - 0 ... (only 4 reposts) = T.
    const w = inf.window;
    expect(w).toBeCloseTo(1000, 3);
    let count = 0;
    let exposure = 0;
    for (let i = 0; i < times.length; i++) {
      if (i > 0) count += Math.max(0, 1 - (1000 - times[i]) / w);
      exposure += followers[i] * triangularExposure(SEISMIC_KERNEL, 1000 - times[i], w);
    }
    expect(inf.p).toBeCloseTo(count / exposure, 12);
  });

  it("widens a window holding fewer than 5 reposts so that exactly the last 5 carry weight", () => {
    // T = 1000 s: window T/2 = 500 holds one repost (900). As in the authors' R package, the far
    // edge moves to the 6th most recent event (20 s), which gets weight 0: w = 980 and the
    // weights of 900, 60, 50, 40, 30 are (t − 20)/980, summing to (880 + 40 + 30 + 20 + 10)/980 = 1.
    const times = Float64Array.from([0, 10, 20, 30, 40, 50, 60, 900]);
    const followers = Float64Array.from([1000, 10, 10, 10, 10, 10, 10, 10]);
    const inf = estimateInfectiousness(times, followers, 1000);
    expect(inf.window).toBeCloseTo(980, 9);
    expect(inf.count).toBeCloseTo(1, 12);
    expect(inf.countSquares).toBeCloseTo((880 ** 2 + 40 ** 2 + 30 ** 2 + 20 ** 2 + 10 ** 2) / 980 ** 2, 12);
    let exposure = 0;
    for (let i = 0; i < times.length; i++) {
      exposure += followers[i] * triangularExposure(SEISMIC_KERNEL, 1000 - times[i], 980);
    }
    expect(inf.p).toBeCloseTo(1 / exposure, 15);
    // Exactly 5 reposts, none in the default window: the edge is the source, w = T.
    const five = estimateInfectiousness(Float64Array.from([0, 10, 20, 30, 40, 50]), followers, 1000);
    expect(five.window).toBe(1000);
    expect(five.count).toBeCloseTo((10 + 20 + 30 + 40 + 50) / 1000, 12);
    // 5 or more reposts inside the default window: it stays T/2.
    const busy = estimateInfectiousness(Float64Array.from([0, 600, 700, 800, 900, 950]), followers, 1000);
    expect(busy.window).toBe(500);
  });

  it("keeps weight on each of the last 5 reposts when the one before them ties with the earliest", () => {
    // The 6th most recent repost (100 s) ties with the 5th: an edge there would weigh both 0 and
    // leave 4. The edge passes over the tie to the source: w = T, and all six reposts weigh.
    const times = Float64Array.from([0, 100, 100, 110, 120, 130, 140]);
    const followers = new Float64Array(times.length).fill(10);
    const inf = estimateInfectiousness(times, followers, 10_000);
    expect(inf.window).toBe(10_000);
    const weights = Array.from(times.subarray(1), (t) => 1 - (10_000 - t) / inf.window);
    expect(weights.every((w) => w > 0)).toBe(true);
    expect(inf.count).toBeCloseTo(
      weights.reduce((a, b) => a + b, 0),
      12,
    );
    // Untied, the edge stays on the 6th most recent as before.
    const untied = estimateInfectiousness(
      Float64Array.from([0, 99, 100, 110, 120, 130, 140]),
      followers,
      10_000,
    );
    expect(untied.window).toBe(10_000 - 99);
  });

  it("predicts with the final-size formula R + p̂ N^e / (1 − p̂ n*)", () => {
    const cascade = star([30, 90, 200, 260, 400, 800, 1500, 2400], 200, 5000);
    const p = available(predictSeismic(cascade, 3000, { nStar: 100 }));
    const pHat = p.parameters.infectiousness;
    expect(p.parameters.branchingRatio).toBeCloseTo(pHat * 100, 12);
    const ne = p.parameters.effectiveFollowers;
    expect(p.predicted.finalReposts.estimate).toBeCloseTo(8 + (pHat * ne) / (1 - pHat * 100), 9);
    expect(p.predicted.finalReposts.low).toBeLessThanOrEqual(p.predicted.finalReposts.estimate);
    expect(p.predicted.finalReposts.high).toBeGreaterThanOrEqual(p.predicted.finalReposts.estimate);
    expect(p.truth).toBeUndefined(); // T is after the last event
  });

  it("says it is unavailable without follower counts", () => {
    const result = predictSeismic(star([10, 20], null), 100);
    expect(isUnavailable(result)).toBe(true);
    if (isUnavailable(result)) expect(result.unavailable).toMatch(/follower/);
  });

  it("handles T before any repost: no reposts, p̂ = 0, a band above 0", () => {
    const p = available(predictSeismic(star([5000, 6000]), 600));
    expect(p.observedReposts).toBe(0);
    expect(p.predicted.finalReposts.estimate).toBe(0);
    expect(p.predicted.finalReposts.high).toBeGreaterThan(0);
    expect(p.truth?.finalReposts).toBe(2);
  });

  it("handles a single-event cascade: a large audience that did not repost in an hour", () => {
    const p = available(predictSeismic(star([], 100, 20_000), 3600));
    expect(p.observedReposts).toBe(0);
    expect(p.probability.reposts).toBeLessThan(0.01);
    expect(p.truth).toBeUndefined();
  });

  it("reports a line already crossed before T as certain, at its observed time", () => {
    const times = Array.from({ length: 600 }, (_, i) => (i + 1) * 2);
    const p = available(predictSeismic(star(times, 10), 1100));
    expect(p.observedReposts).toBe(550);
    expect(p.probability.reposts).toBe(1);
    expect(p.predicted.crossing.reposts).toEqual({ time: 1000, low: 1000, high: 1000, observed: true });
  });

  it("says it is unavailable before 5 minutes of observation (its shortest window)", () => {
    const result = predictSeismic(star([10, 20]), 120);
    expect(isUnavailable(result) && result.unavailable).toMatch(/5 minutes/);
  });

  it("keeps the point estimate inside its band", () => {
    const p = available(predictSeismic(star([4000], 100, 50), 300));
    const band = p.predicted.finalReposts;
    expect(band.low).toBeLessThanOrEqual(band.estimate);
    expect(band.estimate).toBeLessThanOrEqual(band.high);
  });

  it("refuses a negative observation time", () => {
    expect(() => predictSeismic(star([10]), -5)).toThrow(/observation time/);
  });
});

const TWEET = "../shared/data/seismic_tweet/tweet.csv";
describe.skipIf(skipWithoutPath(TWEET))("SEISMIC on the paper's example tweet (needs ../shared/data)", () => {
  it("predicts the crossing of 500 reposts from the first 30 minutes", () => {
    const [cascade] = loadCascadeFile(TWEET);
    const p = available(predictSeismic(cascade, 1800));
    // The record crosses at 2,787 s with 15,562 reposts in all.
    expect(p.truth?.crossing.reposts).toBe(2787);
    expect(p.probability.reposts).toBeGreaterThan(0.9);
    const crossing = p.predicted.crossing.reposts;
    expect(crossing).not.toBeNull();
    expect(crossing!.time).toBeGreaterThan(1800);
    expect(crossing!.time).toBeLessThan(3 * 3600);
  });
});
