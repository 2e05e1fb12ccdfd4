/**
 * What the early-warning chart draws, from a cascade and a prediction at T:
 * the observed counts up to T (solid), the predicted band after T, the record
 * after T as truth (dotted), and the two lines. Views follow the repost path:
 * each future repost adds `viewsPerRepost`.
 */
import type { Cascade } from "../cascade.ts";
import { type CountingRules, cumulativeSeries, DEFAULT_RULES, type Thresholds } from "../legal.ts";
import type { PredictedPath, Prediction } from "./prediction.ts";

export interface CountSeries {
  time: number[];
  reposts: number[];
  /** Null when the data have no audiences. */
  views: number[] | null;
}

export interface PredictionChartData {
  at: number;
  /** Step series of the record up to T, starting at the source post. */
  observed: CountSeries;
  /** The record after T (empty when the file ends by T). */
  truth: CountSeries;
  reposts: PredictedPath;
  /** Null when the data have no audiences. */
  views: PredictedPath | null;
  thresholds: Thresholds;
}

export function predictionChartData(
  cascade: Cascade,
  prediction: Prediction,
  rules: CountingRules = DEFAULT_RULES,
): PredictionChartData {
  const series = cumulativeSeries(cascade, rules);
  const observed: CountSeries = { time: [], reposts: [], views: series.hasViews ? [] : null };
  const truth: CountSeries = { time: [], reposts: [], views: series.hasViews ? [] : null };
  for (let i = 0; i < series.time.length; i++) {
    const target = series.time[i] <= prediction.at ? observed : truth;
    target.time.push(series.time[i]);
    target.reposts.push(series.reposts[i]);
    target.views?.push(series.views[i]);
  }
  const path = prediction.predicted.path;
  const perRepost = prediction.viewsPerRepost;
  const startViews = prediction.observedViews;
  const toViews = (counts: number[]) =>
    counts.map((count) => (startViews ?? 0) + (perRepost ?? 0) * (count - prediction.observedReposts));
  return {
    at: prediction.at,
    observed,
    truth,
    reposts: path,
    views:
      perRepost === null || startViews === null
        ? null
        : {
            time: path.time,
            estimate: toViews(path.estimate),
            low: toViews(path.low),
            high: toViews(path.high),
          },
    thresholds: rules.thresholds,
  };
}
