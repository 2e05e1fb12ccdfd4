import { describe, expect, it } from "vitest";
import { lagrangianPoissonCdf, mixtureDistribution } from "../../src/core/predict/branching-forecast.ts";
import {
  gammaP,
  gammaQuantile,
  logGamma,
  normalCdf,
  normalQuantile,
} from "../../src/core/predict/distributions.ts";

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
