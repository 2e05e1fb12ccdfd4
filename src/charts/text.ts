/**
 * Words on charts, as one object so a language can be swapped in. Charts keep
 * no app state: the UI passes the text for the current language.
 */
import { formatDuration, ordinal } from "../core/format.ts";
import type { Crossing, LineReport } from "../core/legal.ts";

export interface ChartText {
  timeSeriesTitle: string;
  timeSeriesDescription(report: LineReport): string;
  reposts: string;
  views: string;
  viewsUnknown: string;
  timeAxis: string;
  repostLine(threshold: number): string;
  viewLine(threshold: number): string;
  crossingLabel(kind: "reposts" | "views", crossing: Crossing, threshold: number): string;
}

export const ENGLISH_CHART_TEXT: ChartText = {
  timeSeriesTitle: "Reposts and views over time",
  timeSeriesDescription: (report) =>
    `Cumulative reposts (${report.reposts}) and views (${report.views === null ? "unknown" : Math.round(report.views)}) against the legal line of ${report.thresholds.reposts} reposts or ${report.thresholds.views} views.`,
  reposts: "Reposts",
  views: "Views",
  viewsUnknown: "Views cannot be counted: the data has no follower counts.",
  timeAxis: "Time since the post",
  repostLine: (t) => `legal line: ${t.toLocaleString("en-US")} reposts`,
  viewLine: (t) => `legal line: ${t.toLocaleString("en-US")} views`,
  crossingLabel: (kind, crossing, threshold) =>
    kind === "reposts"
      ? `${ordinal(threshold)} repost at ${formatDuration(crossing.time)}, by account ${crossing.account}`
      : `${threshold.toLocaleString("en-US")} views at ${formatDuration(crossing.time)}, by account ${crossing.account}`,
};
