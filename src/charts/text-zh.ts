/** Chart words in Simplified Chinese. */
import type { ChartText } from "./text.ts";

/** "2小时14分", "45秒". */
export function formatDurationZh(seconds: number): string {
  if (!Number.isFinite(seconds)) return "从未";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes}分${s % 60 ? `${s % 60}秒` : ""}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时${minutes % 60 ? `${minutes % 60}分` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days}天${hours % 24 ? `${hours % 24}小时` : ""}`;
}

const zhNumber = (n: number) => Math.round(n).toLocaleString("zh-CN");

export const CHINESE_CHART_TEXT: ChartText = {
  timeSeriesTitle: "转发与浏览随时间变化",
  timeSeriesDescription: (report) =>
    `累计转发（${report.reposts}）与浏览（${report.views === null ? "未知" : Math.round(report.views)}），对照${report.thresholds.reposts}次转发或${report.thresholds.views}次浏览的法律界线。`,
  reposts: "转发",
  views: "浏览",
  viewsUnknown: "无法计算浏览：数据中没有粉丝数。",
  timeAxis: "发帖后经过的时间",
  repostLine: (t) => `法律界线：${zhNumber(t)}次转发`,
  viewLine: (t) => `法律界线：${zhNumber(t)}次浏览`,
  crossingLabel: (kind, crossing, threshold) =>
    kind === "reposts"
      ? `第${zhNumber(threshold)}次转发：${formatDurationZh(crossing.time)}，账号 ${crossing.account}`
      : `浏览达${zhNumber(threshold)}次：${formatDurationZh(crossing.time)}，账号 ${crossing.account}`,
};
