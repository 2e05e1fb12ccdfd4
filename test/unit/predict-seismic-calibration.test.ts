import { describe, expect, it } from "vitest";
import { loadCascades } from "../../src/cli/load-series.ts";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import { backtest } from "../../src/core/predict/backtest.ts";
import { type HawkesSimulation, simulateHawkes } from "../../src/core/predict/hawkes-simulate.ts";
import { logLinearEstimator } from "../../src/core/predict/loglinear.ts";
import {
  DEFAULT_PREDICT_OPTIONS,
  isUnavailable,
  type Prediction,
  trainingFor,
} from "../../src/core/predict/prediction.ts";
import {
  calibrateSeismic,
  predictSeismic,
  seismicEstimator,
  seismicTrainingPoints,
} from "../../src/core/predict/seismic.ts";
import {
  correctedFinalSize,
  fitSeismicCorrection,
  type Jackknife,
  jackknifeMinimum,
  jackknifeQuantile,
  jackknifeSurvival,
  MIN_CALIBRATION,
  type SeismicPoint,
  totalApe,
} from "../../src/core/predict/seismic-calibration.ts";
import { createRng, type Rng } from "../../src/core/random.ts";
import { skipWithoutPath } from "../shared-data.ts";

function available(result: ReturnType<typeof predictSeismic>): Prediction {
  if (isUnavailable(result)) throw new Error(result.unavailable);
  return result;
}

/** A source and reposts at the given times, all with the same audience; `id` tells copies apart. */
function star(id: string, times: number[], audience = 200, sourceAudience = 5000): Cascade {
  const events: CascadeEvent[] = [
    { account: "src", parent: -1, time: 0, depth: 0, audience: sourceAudience },
  ];
  times.forEach((time, i) => {
    events.push({ account: `a${i + 1}`, parent: 0, time, depth: 1, audience });
  });
  return { id, events, format: "test", warnings: [] };
}

/** Cascades from SEISMIC's own process (kernel θ = 0.242, weights = 1 + followers). */
const PROCESS: HawkesSimulation = {
  kappa: 0.004,
  theta: 0.242,
  beta: 1,
  s0: 300,
  sourceFollowers: 20_000,
  followers: (rng: Rng) => rng.logNormal(4, 1),
};

function simulated(count: number, seed: string): Cascade[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => ({
    ...simulateHawkes(PROCESS, rng.fork(i)),
    id: `sim-${i}`,
  }));
}

describe("fitting SEISMIC's α, γ (least absolute percentage error)", () => {
  const features = [
    { observed: 10, direct: 20, branching: 0.2 },
    { observed: 50, direct: 80, branching: 0.6 },
    { observed: 5, direct: 3, branching: 0.1 },
    { observed: 200, direct: 150, branching: 0.9 },
    { observed: 30, direct: 40, branching: 0.4 },
    { observed: 1, direct: 0, branching: 0 },
  ];

  it("recovers the α, γ that generated noise-free final sizes", () => {
    const truth = { alpha: 2.5, gamma: 0.5 };
    const points: SeismicPoint[] = features.map((f) => ({
      ...f,
      truth: Math.max(1, correctedFinalSize(f, truth)),
    }));
    const fit = fitSeismicCorrection(points);
    expect(fit.gamma).toBeCloseTo(0.5, 12);
    expect(fit.alpha).toBeCloseTo(2.5, 9);
    expect(totalApe(points, fit)).toBeCloseTo(0.0, 9);
  });

  it("finds an error no grid point beats (α exact by weighted median)", () => {
    const rng = createRng("ape-fit");
    const points: SeismicPoint[] = Array.from({ length: 12 }, () => {
      const observed = Math.floor(rng.next() * 100);
      const direct = 1 + rng.next() * 100;
      return {
        observed,
        direct,
        branching: rng.next() * 0.5,
        truth: observed + direct * rng.logNormal(1, 1),
      };
    });
    const fit = fitSeismicCorrection(points);
    const best = totalApe(points, fit);
    for (let a = 0; a <= 400; a++) {
      for (let g = 0; g <= 60; g++) {
        expect(best).toBeLessThanOrEqual(
          totalApe(points, { alpha: 10 ** (-1 + a / 100), gamma: g / 20 }) + 1e-9,
        );
      }
    }
  });

  it("never picks a γ that makes a training cascade supercritical", () => {
    const points: SeismicPoint[] = [
      { observed: 10, direct: 10, branching: 0.8, truth: 500 },
      { observed: 10, direct: 10, branching: 0.1, truth: 15 },
      { observed: 10, direct: 10, branching: 0.2, truth: 30 },
    ];
    const fit = fitSeismicCorrection(points);
    expect(fit.gamma * 0.8).toBeLessThan(1);
  });
});

describe("jackknife+ bounds", () => {
  const jk: Jackknife = {
    lower: [1, 2, 3, 4, 5, 6, 7, 8, 9].map(Math.log1p),
    upper: [10, 20, 30, 40, 50, 60, 70, 80, 90].map(Math.log1p),
    samples: [5, 10, 15, 20, 25, 30, 35, 40, 45].map(Math.log1p),
  };

  it("needs 9 training cascades for a 90% band and 4 for 80%", () => {
    expect(jackknifeMinimum(0.9)).toBe(9);
    expect(jackknifeMinimum(0.8)).toBe(4);
  });

  it("takes the ⌊a(n+1)⌋-th lower and ⌈(1−a)(n+1)⌉-th upper value", () => {
    // n = 9, a = 0.1: the 1st lower and the 9th upper.
    expect(jackknifeQuantile(jk, 0.05, 0)).toBeCloseTo(1, 9);
    expect(jackknifeQuantile(jk, 0.95, 0)).toBeCloseTo(90, 9);
    // a = 0.4: the 4th lower and the 6th upper.
    expect(jackknifeQuantile(jk, 0.2, 0)).toBeCloseTo(4, 9);
    expect(jackknifeQuantile(jk, 0.8, 0)).toBeCloseTo(60, 9);
    // Never below what was observed.
    expect(jackknifeQuantile(jk, 0.05, 3)).toBe(3);
    // Too few for the level: the upper end is open.
    expect(jackknifeQuantile({ ...jk, upper: jk.upper.slice(1), lower: jk.lower.slice(1) }, 0.95, 0)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it("gives crossing probabilities (count + ½) / (n + 1) from the predictive samples", () => {
    expect(jackknifeSurvival(jk, 30)).toBeCloseTo(4.5 / 10, 12);
    expect(jackknifeSurvival(jk, 1000)).toBeCloseTo(0.5 / 10, 12);
  });
});

describe("calibrated SEISMIC", () => {
  const others = [
    star("b", [30, 90, 200, 400, 900, 2000, 5000, 9000]),
    star("c", [60, 120, 500, 700, 3000, 8000]),
    star("d", [20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10_240]),
    star("e", [100, 1000, 4000, 7000]),
    star("f", [15, 300, 600, 1200, 2400, 4800, 9600]),
    star("g", [50, 150, 250, 2500, 6000, 8000, 9999]),
  ];
  const target = star("a", [45, 100, 300, 900, 2000, 4000, 8000, 12_000]);

  it("with α = γ = 1 (calibrate off, or too few training cascades) is the uncalibrated model", () => {
    // Everything but the note on why it is uncalibrated.
    const withoutNotes = (p: Prediction) => ({ ...p, notes: [] });
    const plain = available(predictSeismic(target, 3600));
    const off = available(predictSeismic(target, 3600, { training: others, calibrate: false }));
    expect(withoutNotes(off)).toEqual(withoutNotes(plain));
    const few = available(predictSeismic(target, 3600, { training: others.slice(0, MIN_CALIBRATION - 1) }));
    expect(few).toEqual(plain);
    expect(plain.parameters.alpha).toBe(1);
    expect(plain.parameters.gamma).toBe(1);
    const { infectiousness: p, effectiveFollowers: ne } = plain.parameters;
    expect(plain.observedReposts).toBe(5);
    expect(plain.predicted.finalReposts.estimate).toBeCloseTo(5 + (p * ne) / (1 - p * 100), 9);
  });

  it("applies the fitted α, γ to the final-size formula", () => {
    const p = available(predictSeismic(target, 3600, { training: others }));
    expect(p.parameters.calibrationCascades).toBe(others.length);
    const { infectiousness, effectiveFollowers, alpha, gamma } = p.parameters;
    expect(p.predicted.finalReposts.estimate).toBeCloseTo(
      5 + (alpha * infectiousness * effectiveFollowers) / (1 - gamma * infectiousness * 100),
      9,
    );
    // Six training cascades are too few for a 90% jackknife+ band: the note says so.
    expect(p.notes.join(" ")).toMatch(/interval from the model alone/);
  });

  it("never learns from the predicted cascade, nor from a copy of it", () => {
    const copy = { ...target, events: [...target.events] };
    expect(trainingFor(target, [...others, target, copy])).toEqual(others);
    const clean = predictSeismic(target, 3600, { training: others });
    expect(predictSeismic(target, 3600, { training: [target, ...others, copy] })).toEqual(clean);
    const cal = calibrateSeismic(target, [...others, target, copy], 3600, DEFAULT_PREDICT_OPTIONS);
    expect(cal?.points).toEqual(seismicTrainingPoints(others, 3600, DEFAULT_PREDICT_OPTIONS));
    // The log-linear baseline shares the rule.
    expect(logLinearEstimator.predict(target, 3600, { training: [target, ...others, copy] })).toEqual(
      logLinearEstimator.predict(target, 3600, { training: others }),
    );
  });

  it("covers the truth at about the nominal rate on cascades from SEISMIC's own process (leave one out)", () => {
    const cascades = simulated(40, "calibrated-coverage");
    const run = (calibrate: boolean) => {
      const rows = backtest(cascades, [3600], [seismicEstimator], { calibrate }).rows.filter(
        (r) => r.unavailable === null,
      );
      return {
        n: rows.length,
        coverage: rows.filter((r) => r.covered).length / rows.length,
        unbounded: rows.filter((r) => !Number.isFinite(r.high ?? 0)).length,
      };
    };
    const calibrated = run(true);
    expect(calibrated.n).toBeGreaterThan(30);
    // Nominal 0.9; jackknife+ guarantees 0.8 and the binomial spread over ~35 is about ±0.05.
    expect(calibrated.coverage).toBeGreaterThanOrEqual(0.8);
    expect(calibrated.unbounded).toBe(0);
    // The model's own band (Poisson noise only) covers less: 0.8 against 0.925 in this run.
    expect(run(false).coverage).toBeLessThanOrEqual(calibrated.coverage);
  });
});

const DATA = "../shared/data/";
describe.skipIf(skipWithoutPath(DATA))(
  "calibrated SEISMIC on the real cascades with followers (needs ../shared/data)",
  () => {
    it("reaches about the nominal coverage at 10 min, 1 h and 6 h, leave one out", () => {
      const cascades = loadCascades([
        `${DATA}seismic_tweet/tweet.csv`,
        `${DATA}tideh_seismic`,
        `${DATA}smh_cascade_influence`,
        `${DATA}evently_auspol`,
      ]);
      const { summary } = backtest(cascades, [600, 3600, 21600], [seismicEstimator]);
      for (const s of summary) {
        expect(s.cascades).toBeGreaterThanOrEqual(10);
        expect(s.coverage).toBeGreaterThanOrEqual(0.8);
        expect(s.medianApe).not.toBeNull();
      }
    });
  },
);
