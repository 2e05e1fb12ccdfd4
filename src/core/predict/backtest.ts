/**
 * How good the estimators are on real records: the convergence of one
 * estimator on one cascade as T grows, and a backtest over many cascades.
 * The truth is the record itself: its repost count at the end of the file and
 * the time it crossed the line. A cascade enters the backtest at T only when
 * its record goes past T (otherwise there is nothing left to predict). The
 * error of the final size is the absolute percentage error |pred − truth| / truth;
 * the crossing error is |predicted − true crossing time| for cascades that
 * cross after T.
 */
import type { Cascade } from "../cascade.ts";
import {
  type Estimator,
  type EstimatorId,
  isUnavailable,
  type Prediction,
  type PredictOptions,
  type Unavailable,
} from "./prediction.ts";

export interface ConvergencePoint {
  at: number;
  result: Prediction | Unavailable;
}

/** One estimator's prediction at each observation time, for the convergence chart. */
export function convergence(
  cascade: Cascade,
  estimator: Estimator,
  times: readonly number[],
  options?: Partial<PredictOptions>,
): ConvergencePoint[] {
  return times.map((at) => ({ at, result: estimator.predict(cascade, at, options) }));
}

export interface BacktestRow {
  cascade: string;
  format: string;
  at: number;
  estimator: EstimatorId;
  /** Why the estimator did not run, or null. */
  unavailable: string | null;
  observed: number;
  truth: number;
  predicted: number | null;
  low: number | null;
  high: number | null;
  /** |predicted − truth| / truth; null when unavailable. */
  ape: number | null;
  covered: boolean | null;
  /** True crossing time when it is after T. */
  truthCrossing: number | null;
  predictedCrossing: number | null;
  /** |predicted − true| crossing time, when both exist. */
  crossingError: number | null;
}

export interface BacktestSummary {
  estimator: EstimatorId;
  at: number;
  /** Cascades predicted (available). */
  cascades: number;
  unavailable: number;
  medianApe: number | null;
  /** Median APE on the cascades where every estimator of the run was available at this T (a fair comparison). */
  medianApeCommon: number | null;
  /** Share of truths inside the interval. */
  coverage: number | null;
  /** Cascades crossing the repost line after T. */
  crossingCases: number;
  /** Of them, those the estimator gave a crossing time for. */
  crossingPredicted: number;
  medianCrossingError: number | null;
  /** Predicted a crossing that did not happen in the record. */
  falseAlarms: number;
}

export interface BacktestResult {
  rows: BacktestRow[];
  summary: BacktestSummary[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Every estimator on every cascade at every T. Estimators that learn from
 * other cascades (log-linear) are trained on the rest of the set, leaving the
 * predicted cascade out.
 */
export function backtest(
  cascades: readonly Cascade[],
  times: readonly number[],
  estimators: readonly Estimator[],
  options?: Partial<PredictOptions>,
  onProgress?: (done: number, total: number) => void,
): BacktestResult {
  const rows: BacktestRow[] = [];
  const total = cascades.length * times.length * estimators.length;
  let done = 0;
  for (const cascade of cascades) {
    const training = cascades.filter((c) => c !== cascade);
    for (const at of times) {
      for (const estimator of estimators) {
        const result = estimator.predict(cascade, at, { ...options, training });
        done++;
        onProgress?.(done, total);
        const row = toRow(cascade, at, estimator.id, result);
        if (row) rows.push(row);
      }
    }
  }
  const summary: BacktestSummary[] = [];
  const common = (at: number) => {
    const byCascade = new Map<string, number>();
    for (const r of rows) {
      if (r.at === at && r.unavailable === null)
        byCascade.set(r.cascade, (byCascade.get(r.cascade) ?? 0) + 1);
    }
    return new Set([...byCascade].filter(([, n]) => n === estimators.length).map(([id]) => id));
  };
  for (const estimator of estimators) {
    for (const at of times) {
      const subset = rows.filter((r) => r.estimator === estimator.id && r.at === at);
      const ok = subset.filter((r) => r.unavailable === null);
      const crossingCases = ok.filter((r) => r.truthCrossing !== null);
      const errors = crossingCases.flatMap((r) => (r.crossingError === null ? [] : [r.crossingError]));
      summary.push({
        estimator: estimator.id,
        at,
        cascades: ok.length,
        unavailable: subset.length - ok.length,
        medianApe: median(ok.flatMap((r) => (r.ape === null ? [] : [r.ape]))),
        medianApeCommon: median(
          ok.flatMap((r) => (r.ape === null || !common(at).has(r.cascade) ? [] : [r.ape])),
        ),
        coverage: ok.length ? ok.filter((r) => r.covered).length / ok.length : null,
        crossingCases: crossingCases.length,
        crossingPredicted: errors.length,
        medianCrossingError: median(errors),
        falseAlarms: ok.filter(
          (r) => r.truthCrossing === null && r.predictedCrossing !== null && r.observed < r.truth,
        ).length,
      });
    }
  }
  return { rows, summary };
}

function toRow(
  cascade: Cascade,
  at: number,
  estimator: EstimatorId,
  result: Prediction | Unavailable,
): BacktestRow | null {
  if (isUnavailable(result)) {
    return {
      cascade: cascade.id,
      format: cascade.format,
      at,
      estimator,
      unavailable: result.unavailable,
      observed: 0,
      truth: 0,
      predicted: null,
      low: null,
      high: null,
      ape: null,
      covered: null,
      truthCrossing: null,
      predictedCrossing: null,
      crossingError: null,
    };
  }
  const truth = result.truth;
  if (!truth || truth.finalReposts <= 0) return null;
  const band = result.predicted.finalReposts;
  const crossing = result.predicted.crossing.reposts;
  const truthCrossing =
    truth.crossing.reposts !== null && truth.crossing.reposts > at ? truth.crossing.reposts : null;
  const predictedCrossing = crossing && !crossing.observed ? crossing.time : null;
  return {
    cascade: cascade.id,
    format: cascade.format,
    at,
    estimator,
    unavailable: null,
    observed: result.observedReposts,
    truth: truth.finalReposts,
    predicted: band.estimate,
    low: band.low,
    high: band.high,
    ape: Math.abs(band.estimate - truth.finalReposts) / truth.finalReposts,
    covered: band.low <= truth.finalReposts && truth.finalReposts <= band.high,
    truthCrossing,
    predictedCrossing,
    crossingError:
      truthCrossing !== null && predictedCrossing !== null
        ? Math.abs(predictedCrossing - truthCrossing)
        : null,
  };
}
