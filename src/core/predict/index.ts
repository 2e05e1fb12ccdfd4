/** The early-warning estimators by id, and the module's public surface. */
import { hawkesEstimator } from "./hawkes-fit.ts";
import { logLinearEstimator } from "./loglinear.ts";
import { type Estimator, type EstimatorId, PredictError, type Prediction } from "./prediction.ts";
import { seismicEstimator } from "./seismic.ts";

export const ESTIMATORS: Record<EstimatorId, Estimator> = {
  seismic: seismicEstimator,
  hawkes: hawkesEstimator,
  loglinear: logLinearEstimator,
};

export const ESTIMATOR_IDS = Object.keys(ESTIMATORS) as EstimatorId[];

export function getEstimator(id: string): Estimator {
  if (!(id in ESTIMATORS)) {
    throw new PredictError(`predict: unknown estimator '${id}'. Use one of ${ESTIMATOR_IDS.join(", ")}.`);
  }
  return ESTIMATORS[id as EstimatorId];
}

/**
 * The expected time of the N-th repost from a prediction's path, with its
 * interval (SEISMIC's "when" question); null when the expected path never gets
 * there within the horizon. Already reached by T: the time is T or earlier, reported as T.
 */
export function timeOfRepost(
  prediction: Prediction,
  n: number,
): { time: number; low: number; high: number } | null {
  if (prediction.observedReposts >= n)
    return { time: prediction.at, low: prediction.at, high: prediction.at };
  const { time, estimate, low, high } = prediction.predicted.path;
  const first = (values: number[]) => {
    const i = values.findIndex((v) => v >= n);
    return i < 0 ? Number.POSITIVE_INFINITY : time[i];
  };
  const t = first(estimate);
  if (!Number.isFinite(t)) return null;
  return { time: t, low: Math.min(t, first(high)), high: Math.max(t, first(low)) };
}

export { backtest, convergence, median } from "./backtest.ts";
export { type PredictionChartData, predictionChartData } from "./chart-data.ts";
export { simulateHawkes } from "./hawkes-simulate.ts";
export * from "./prediction.ts";
