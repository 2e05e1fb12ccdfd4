import { describe, expect, it } from "vitest";
import { loadCascades } from "../../src/cli/load-series.ts";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import {
  backtest,
  convergence,
  ESTIMATORS,
  median,
  predictionChartData,
  timeOfRepost,
} from "../../src/core/predict/index.ts";
import { predictLogLinear } from "../../src/core/predict/loglinear.ts";
import { isUnavailable } from "../../src/core/predict/prediction.ts";
import { skipWithoutPath } from "../shared-data.ts";

/** n reposts evenly spread over [0, end]. */
function even(id: string, n: number, end: number, audience: number | null = null): Cascade {
  const events: CascadeEvent[] = [{ account: "s", parent: -1, time: 0, depth: 0, audience }];
  for (let i = 1; i <= n; i++)
    events.push({ account: `a${i}`, parent: 0, time: (i * end) / n, depth: 1, audience });
  return { id, events, format: "test", warnings: [] };
}

describe("log-linear baseline (Szabo & Huberman 2010)", () => {
  it("learns β = mean log growth from training cascades and applies it", () => {
    // Training: 99 reposts spread over 10,000 s: at T = 1,000 s, 9.9 → 9 reposts, final 99: ln(100/10).
    const training = [even("a", 99, 10_000), even("b", 99, 10_000), even("c", 99, 10_000)];
    const target = even("t", 49, 10_000);
    const result = predictLogLinear(target, 1000, { training });
    if (isUnavailable(result)) throw new Error(result.unavailable);
    expect(result.parameters.beta).toBeCloseTo(Math.log(10), 9);
    // 4 reposts by T (at 204, 408, 612, 816 s): (1 + 4)·10 − 1 = 49.
    expect(result.observedReposts).toBe(4);
    expect(result.predicted.finalReposts.estimate).toBeCloseTo(49, 6);
    expect(result.truth?.finalReposts).toBe(49);
  });
  it("says it is unavailable without training cascades", () => {
    const result = predictLogLinear(even("t", 5, 100), 50);
    expect(isUnavailable(result)).toBe(true);
  });
});

describe("backtest and convergence", () => {
  it("scores each estimator with the absolute percentage error and skips those that cannot run", () => {
    const cascades = [
      even("a", 99, 10_000),
      even("b", 199, 10_000),
      even("c", 49, 10_000),
      even("d", 99, 5000),
    ];
    const result = backtest(cascades, [1000], [ESTIMATORS.loglinear, ESTIMATORS.seismic]);
    const seismicRows = result.rows.filter((r) => r.estimator === "seismic");
    expect(seismicRows.every((r) => r.unavailable?.includes("follower"))).toBe(true);
    const loglinear = result.rows.filter((r) => r.estimator === "loglinear");
    expect(loglinear).toHaveLength(4);
    for (const r of loglinear) expect(r.ape).toBeCloseTo(Math.abs(r.predicted! - r.truth) / r.truth, 12);
    const summary = result.summary.find((s) => s.estimator === "loglinear")!;
    expect(summary.cascades).toBe(4);
    expect(summary.medianApe).toBeCloseTo(median(loglinear.map((r) => r.ape!))!, 12);
    expect(result.summary.find((s) => s.estimator === "seismic")!.unavailable).toBe(4);
  });
  it("gives one prediction per observation time and the time of the N-th repost", () => {
    const cascade = even("a", 300, 20_000, 500);
    const points = convergence(cascade, ESTIMATORS.seismic, [600, 3600]);
    expect(points.map((p) => p.at)).toEqual([600, 3600]);
    const last = points[1].result;
    if (isUnavailable(last)) throw new Error(last.unavailable);
    expect(timeOfRepost(last, 10)).toEqual({ time: 3600, low: 3600, high: 3600 });
    const later = timeOfRepost(last, last.observedReposts + 5);
    if (later) expect(later.time).toBeGreaterThan(3600);
  });
});

const DATA = "../shared/data";
describe.skipIf(skipWithoutPath(DATA))("backtest on the real cascades (needs ../shared/data)", () => {
  it("runs SEISMIC on the series with followers and reports a finite median error at 1 h", () => {
    const cascades = loadCascades([`${DATA}/smh_cascade_influence`, `${DATA}/evently_auspol`]);
    expect(cascades).toHaveLength(8);
    const result = backtest(cascades, [3600], [ESTIMATORS.seismic]);
    const summary = result.summary[0];
    expect(summary.cascades).toBeGreaterThanOrEqual(6);
    expect(summary.medianApe).not.toBeNull();
    expect(summary.medianApe!).toBeLessThan(1);
  });
});

describe("predictionChartData", () => {
  it("splits the record at T and turns the repost path into views", () => {
    const cascade = even("a", 300, 20_000, 500);
    const prediction = ESTIMATORS.seismic.predict(cascade, 3600);
    if (isUnavailable(prediction)) throw new Error(prediction.unavailable);
    const data = predictionChartData(cascade, prediction);
    expect(data.observed.time.at(-1)).toBeLessThanOrEqual(3600);
    expect(data.truth.time[0]).toBeGreaterThan(3600);
    expect(data.observed.reposts.at(-1)).toBe(prediction.observedReposts);
    expect(data.observed.reposts.length + data.truth.reposts.length).toBe(301);
    // 500 followers × 0.35 views each: every predicted repost adds 175 views.
    expect(prediction.viewsPerRepost).toBeCloseTo(175, 9);
    const i = data.reposts.time.length - 1;
    expect(data.views!.estimate[i]).toBeCloseTo(
      prediction.observedViews! + 175 * (data.reposts.estimate[i] - prediction.observedReposts),
      6,
    );
    expect(data.thresholds).toEqual({ reposts: 500, views: 5000 });
  });
});
