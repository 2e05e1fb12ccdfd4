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
  duration: formatDurationZh,
  count: zhNumber,
  network: {
    title: "网络上的传播",
    description: (accounts) => `${zhNumber(accounts)}个账号；转发者按时间着色。`,
    summary: (shown, total) => `只画出参与传播的${zhNumber(shown)}个账号（网络共${zhNumber(total)}个）。`,
    account: (id) => `账号 ${id}`,
    source: (id) => `源头 ${id}`,
    tipped: (kind, id) => `${kind === "reposts" ? "转发" : "浏览"}越线：${id}`,
    early: "早",
    late: "晚转发",
    notReposted: "未转发",
    tippedLegend: "使传播越过法律界线",
  },
  tree: {
    title: "转发树",
    description: (events, maxDepth) =>
      `${zhNumber(events)}条帖子，${maxDepth + 1}代；每个点是一条帖子，颜色表示时间。`,
    generation: "转发代数",
    early: "早",
    late: "晚",
    tipped: (kind) => (kind === "reposts" ? "越过转发界线" : "越过浏览界线"),
    tippedBy: (kind, account, time) =>
      `账号 ${account} 在${time}使${kind === "reposts" ? "转发" : "浏览"}越过界线`,
    ghosted: "被干预切断",
    summary: (shown, total) => `只画出分支最大的${zhNumber(shown)}条帖子（共${zhNumber(total)}条）。`,
  },
  fan: {
    title: "多次模拟中的转发与浏览",
    description: (runs) => `${zhNumber(runs)}次模拟的分布：中位数、中间50%与90%的模拟。`,
    outer: "5–95%的模拟",
    inner: "25–75%的模拟",
    median: "中位数",
    baseline: "无干预",
    medianCrosses: (kind, time) => `半数模拟在${time}前越过${kind === "reposts" ? "转发" : "浏览"}界线`,
  },
  crossingTimes: {
    title: "何时越过法律界线",
    description: (runs) => `${zhNumber(runs)}次模拟中的越线时间。`,
    shareAxis: "已越线的模拟比例",
    runsAxis: "模拟次数",
    crossedIn: (kind, crossed, runs) =>
      `${kind === "reposts" ? "转发" : "浏览"}：${zhNumber(runs)}次中${zhNumber(crossed)}次越线`,
    median: (time) => `中位数 ${time}`,
  },
  prediction: {
    title: "根据传播初期的预测",
    description: (T) => `观察到${T}，之后为预测。`,
    observed: "已观察",
    predicted: "预测",
    interval: "预测区间",
    truth: "实际情况",
    predictedAt: (T) => `在${T}时预测`,
    predictedCrossing: (time) => `预计在${time}越线`,
    actualCrossing: (time) => `实际在${time}越线`,
  },
  convergence: {
    title: "观察越多，预测的最终规模",
    description: (estimators) => `${estimators}种估计方法的估计值与区间随观察时间的变化。`,
    observedAxis: "观察时长",
    sizeAxis: "预测的最终转发数",
    truth: (size) => `实际最终规模：${size}`,
  },
  backtest: {
    title: "回测：预测误差",
    description: (rows) => `${rows}个回测单元的绝对百分比误差中位数。`,
    errorAxis: "绝对百分比误差中位数",
    observedAxis: "观察时长",
    cases: (n) => `${zhNumber(n)}个传播`,
  },
  strategies: {
    title: "干预措施比较",
    description: (rows) => `${rows}种策略的效果及区间。`,
    probabilityAxis: "越线概率的变化（百分点）",
    avertedAxis: "减少的转发数",
    noChange: "无变化",
    rowTitle: (label, estimate, low, high) => `${label}：${estimate}（${low} 至 ${high}）`,
  },
};
