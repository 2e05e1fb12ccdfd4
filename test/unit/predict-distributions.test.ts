import { describe, expect, it } from "vitest";
import {
  expectedPath,
  lagrangianPoissonCdf,
  mixtureDistribution,
} from "../../src/core/predict/branching-forecast.ts";
import {
  gammaP,
  gammaQuantile,
  logGamma,
  normalCdf,
  normalQuantile,
} from "../../src/core/predict/distributions.ts";
import { simulateHawkes } from "../../src/core/predict/hawkes-simulate.ts";
import { kernelCdf, normalisedKernel } from "../../src/core/predict/memory-kernel.ts";
import { createRng } from "../../src/core/random.ts";

describe("distribution functions", () => {
  it("match known values", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // P(1, x) = 1 − e^−x; P(½, x) = erf(√x).
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(gammaP(0.5, 1.5)).toBeCloseTo(2 * normalCdf(Math.sqrt(3)) - 1, 6);
    // Integer a: P(n, x) = 1 − e^−x Σ_{k<n} x^k/k! (here on the continued-fraction side, x > a + 1).
    let term = 1;
    let sum = 1;
    for (let k = 1; k < 30; k++) {
      term *= 45 / k;
      sum += term;
    }
    expect(gammaP(30, 45)).toBeCloseTo(1 - Math.exp(-45) * sum, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
  it("inverts the gamma CDF, shapes below and above one", () => {
    for (const [q, shape, rate] of [
      [0.05, 0.5, 3],
      [0.5, 2, 1],
      [0.95, 40, 0.01],
    ]) {
      expect(gammaP(shape, gammaQuantile(q, shape, rate) * rate)).toBeCloseTo(q, 9);
    }
  });
});

describe("Lagrangian Poisson law of a branching process's total progeny", () => {
  it("has mean μ / (1 − m) when subcritical", () => {
    const cdf = lagrangianPoissonCdf(3, 0.6);
    let mean = 0;
    for (let k = 0; k < cdf.length; k++) mean += 1 - cdf[k];
    expect(mean).toBeCloseTo(3 / 0.4, 3);
  });
  it("loses exactly the explosion probability when supercritical", () => {
    // Roots Poisson(1), offspring Poisson(2): extinction q = e^−2(1−q) ≈ 0.2032, all die out w.p. e^−(1−q).
    let q = 0.5;
    for (let i = 0; i < 200; i++) q = Math.exp(-2 * (1 - q));
    const cdf = lagrangianPoissonCdf(1, 2);
    expect(cdf[cdf.length - 1]).toBeCloseTo(Math.exp(-(1 - q)), 6);
    const law = mixtureDistribution([{ mu: 1, m: 2, weight: 1 }]);
    expect(law.quantile(0.9)).toBe(Number.POSITIVE_INFINITY);
    expect(law.survival(1_000)).toBeCloseTo(1 - Math.exp(-(1 - q)), 6);
  });
  it("is Poisson when nobody reposts a repost (m = 0)", () => {
    const law = mixtureDistribution([{ mu: 4, m: 0, weight: 1 }]);
    // P(N ≥ 1) = 1 − e^−4; the median of Poisson(4) is 4.
    expect(law.survival(1)).toBeCloseTo(1 - Math.exp(-4), 9);
    expect(law.quantile(0.5)).toBe(4);
  });
});

describe("expectedPath (renewal equation after T)", () => {
  const kernel = normalisedKernel(0.242);
  it("is p·w·(Φ(t) − Φ(T)) when reposts have no children (m = 0)", () => {
    const path = expectedPath(kernel, 600, Float64Array.of(0), Float64Array.of(50), 0.1, 0, 86_400);
    for (let i = 0; i < path.time.length; i += 25) {
      expect(path.mean[i]).toBeCloseTo(5 * (kernelCdf(kernel, path.time[i]) - kernelCdf(kernel, 600)), 9);
    }
  });
  it("matches the mean count of simulated Hawkes cascades (m = 0.5)", () => {
    const rng = createRng("renewal");
    const params = { kappa: 0.5, theta: 0.242, beta: 0, s0: 300, sourceFollowers: 6, followers: null };
    const path = expectedPath(kernel, 0, Float64Array.of(0), Float64Array.of(6), 0.5, 0.5, 86_400);
    const checkpoints = [3600, 86_400].map((t) => path.time.findIndex((x) => x >= t));
    const sums = checkpoints.map(() => [] as number[]);
    for (let i = 0; i < 3000; i++) {
      const events = simulateHawkes(params, rng.fork(i)).events;
      checkpoints.forEach((c, j) => {
        sums[j].push(events.filter((e) => e.parent >= 0 && e.time <= path.time[c]).length);
      });
    }
    checkpoints.forEach((c, j) => {
      const values = sums[j];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      // Four standard errors plus 2% for the grid's discretisation.
      expect(Math.abs(path.mean[c] - mean)).toBeLessThan((4 * sd) / Math.sqrt(values.length) + 0.02 * mean);
    });
  });
});
