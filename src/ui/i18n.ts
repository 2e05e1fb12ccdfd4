/** Every word on screen, by language. Charts receive their words from here too. */
import { type ChartText, ENGLISH_CHART_TEXT } from "../charts/text.ts";
import { CHINESE_CHART_TEXT, formatDurationZh } from "../charts/text-zh.ts";
import { formatCount, formatDuration, ordinal } from "../core/format.ts";
import type { UnavailableReason } from "../core/predict/prediction.ts";

export type Language = "en" | "zh";

export interface Messages {
  language: Language;
  /** Numbers and times, formatted for the language. */
  duration(seconds: number): string;
  count(n: number): string;
  ordinal(n: number): string;
  /** Preset and model words by id ("preset.weibo.label", "ic.p.label"): English comes from the core. */
  terms: Record<string, string>;
  appTitle: string;
  tagline: string;
  /** The scenario form, as assistive technology names it. */
  scenario: string;
  graph: string;
  preset: string;
  accounts: string;
  seed: string;
  newSeed: string;
  model: string;
  legalLine: string;
  repostThreshold: string;
  viewThreshold: string;
  viewRate: string;
  viewRateHelp: string;
  repostScope: string;
  repostScopeTree: string;
  repostScopeDirect: string;
  repostScopeHelp: string;
  viewScope: string;
  viewScopeAll: string;
  viewScopeOriginal: string;
  viewScopeHelp: string;
  countRepeatViews: string;
  countRepeatViewsHelp: string;
  countBots: string;
  countBotsHelp: string;
  run: string;
  running: string;
  network: string;
  networkHelp: string;
  findAccount: string;
  find: string;
  noSuchAccount: (id: string) => string;
  accountNotDrawn: (id: string) => string;
  source: string;
  followers: string;
  repostedAt: (time: string, depth: number) => string;
  didNotRepost: string;
  clickToMakeSource: string;
  timeSeries: string;
  exportSvg: string;
  exportPng: string;
  exportCsv: string;
  exportAll: string;
  summary: string;
  reposts: string;
  views: string;
  viewsUnknown: string;
  crossedReposts: (ordinal: string, time: string, account: string, depth: number) => string;
  crossedViews: (views: string, time: string, account: string, depth: number) => string;
  notCrossed: (what: string) => string;
  firstCrossed: (prong: string) => string;
  neitherCrossed: string;
  serious: string;
  notSerious: string;
  otherItems: string;
  itemHarm: string;
  itemPrior: string;
  lawTitle: string;
  lawCitation: string;
  layoutProgress: (percent: number) => string;
  ranIn: (ms: number) => string;
  keptLastGood: string;
  timeline: string;
  time: string;
  play: string;
  pause: string;
  stepBack: string;
  stepForward: string;
  speed: string;
  speedLabel(simulatedSecondsPerSecond: number): string;
  jumpReposts(ordinal: string): string;
  jumpViews(count: string): string;
  wholeRecord: string;
  scenarios: string;
  presentation: string;
  fullScreen: string;
  languageLabel: string;
  reset: string;
  shortcuts: string;
  openFile: string;
  openFileHelp: string;
  format: string;
  autoDetect: string;
  /** Names of the file formats by id; a missing one shows the id (English shows the ids). */
  formatNames: Record<string, string>;
  openSample: string;
  open: string;
  backToSimulation: string;
  reading(name: string, percent: number): string;
  parsing(name: string): string;
  cancel: string;
  loadFailed(message: string): string;
  fileTooLarge(name: string, mb: number): string;
  observed: string;
  observedTitle(name: string): string;
  cascadeInFile: string;
  combine: string;
  combineHelp: string;
  summaryFormat: string;
  summaryPlatform: string;
  summaryLabel: string;
  summaryEvents: string;
  tippingAccount: string;
  /** The tipping account and the line it tipped ("666 (reposts)"). */
  tippingValue(account: string, prong: "reposts" | "views"): string;
  /** The readers' platform words by their English text; a missing one shows as it is. */
  platformNames: Record<string, string>;
  maxDepth: string;
  perGeneration: string;
  virality: string;
  viralityHelp: string;
  keySpreaders: string;
  assumeAudience: string;
  assumeApply: string;
  assumedNote: string;
  warnings: string;
  noNetworkInFile: string;
  networkPartial(shown: string, total: string): string;
  sampleAttribution: string;
  monteCarlo: string;
  runs: string;
  /** The number of runs was outside 10–100,000. */
  runsRange: string;
  runMany(runs: string): string;
  runsProgress(done: string, total: string): string;
  cancelled: string;
  mcStale: string;
  mcWithInterventions(names: string): string;
  probabilityOf(what: string, p: string, low: string, high: string): string;
  medianCrossing(what: string, p50: string, p25: string, p75: string): string;
  finalRepostsSummary(mean: string, p50: string, p95: string): string;
  viewsFirstShare(p: string): string;
  cascadeTree: string;
  treeLayout: string;
  tidy: string;
  radial: string;
  earlyWarning: string;
  observeUpTo: string;
  estimator: string;
  estimatorNames: Record<string, string>;
  predict: string;
  predicting: string;
  predictionSummary(observed: string, estimate: string, low: string, high: string): string;
  predictedProbability(p: string): string;
  predictedCrossingAt(time: string, low: string, high: string): string;
  truthAfter(final: string, crossing: string): string;
  unavailable(why: string): string;
  /** Why an estimator cannot predict, from its reason; `english` is the core's own message. */
  unavailableReason(reason: UnavailableReason, english: string): string;
  interventionLab: string;
  strategy: string;
  strategyNames: Record<string, string>;
  centrality: string;
  howMany: string;
  afterReposts: string;
  atMinutes: string;
  orAtReposts: string;
  shareShown: string;
  factor: string;
  maxSize: string;
  maxGroups: string;
  counterP: string;
  applyIntervention: string;
  clearIntervention: string;
  clickSuspends: string;
  compareRuns(runs: string): string;
  compareCentralitiesButton(k: string): string;
  centralityTooLarge(centrality: string, most: string): string;
  latestDeleteButton(target: string): string;
  target: string;
  computing: string;
  /** Two interventions that both stop every crossing have the same change: the chances themselves tell them apart. */
  effectProbability(
    threshold: string,
    change: string,
    low: string,
    high: string,
    before: string,
    after: string,
  ): string;
  effectDelay(delay: string): string;
  effectAverted(reposts: string, views: string): string;
  latestDeleteResult(time: string): string;
  latestDeleteNone: string;
  withIntervention(reposts: string, before: string): string;
  /** The time series' marker where a timed intervention acts ("intervention: delete"). */
  interventionMarker(kind: string): string;
  /** Centralities by id; a missing one shows the id (English shows the ids). */
  centralityNames: Record<string, string>;
  /** The baseline row of a comparison. */
  noIntervention: string;
  /** A row of the centrality comparison: suspend the top `count` by `centrality`. */
  topBy(count: string, centrality: string): string;
  /** An interval right after an estimate, in the results table (with its leading space, if any). */
  interval(low: string, high: string): string;
  backtestButton: string;
  backtestTable: string;
  backtestEstimator: string;
  memoryInUse(mb: string, graphMb: string): string;
  graphMemory(size: string, most: string): string;
  makeSource: string;
  withoutIntervention: string;
  whatIf: string;
  deleteAtMinutes: string;
  suspendAccounts: string;
  applyWhatIf: string;
  whatIfResult(reposts: string, before: string, share: string): string;
  clickCuts: string;
  cutPickSecond(account: string): string;
  cutDone(links: number): string;
  strategyChance: string;
  strategyChange: string;
  strategyAverted: string;
  suspendedByIntervention: string;
  stoppedByIntervention: string;
  /** Exported charts' captions. */
  captionRules(reposts: number, views: number, viewRate: number): string;
  captionSimulation(
    preset: string,
    nodes: number,
    seed: string,
    source: string,
    model: string,
    params: string,
  ): string;
  captionSimulated(rules: string): string;
  captionObserved(
    id: string,
    name: string,
    format: string,
    platform: string | null,
    assumed: number | null,
  ): string;
  captionData(rules: string, data: string): string;
  exportedFrom: string;
  chart: ChartText;
}

export const en: Messages = {
  language: "en",
  duration: formatDuration,
  count: formatCount,
  ordinal,
  terms: {},
  appTitle: "Repost Threshold Lab",
  tagline: "How fast does a rumour cross the legal line of 500 reposts or 5,000 views?",
  scenario: "Scenario",
  graph: "Network",
  preset: "Platform or model",
  accounts: "Accounts",
  seed: "Seed",
  newSeed: "New seed",
  model: "Cascade model",
  legalLine: "Legal line",
  repostThreshold: "Reposts threshold",
  viewThreshold: "Views threshold",
  viewRate: "View rate",
  viewRateHelp:
    "Share of an audience that actually views a post. Default 0.35: a Facebook post reaches about 35% of the poster's friends (Bernstein et al. 2013).",
  repostScope: "Reposts counted",
  repostScopeTree: "the whole repost tree",
  repostScopeDirect: "direct reposts of the original only",
  repostScopeHelp: "The text says 'reposted 500 times' without saying whether reposts of reposts count.",
  viewScope: "Views counted",
  viewScopeAll: "of the original and every repost",
  viewScopeOriginal: "of the original post only",
  viewScopeHelp: "A repost shows the original, so its readers may count as views of the original, or not.",
  countRepeatViews: "An account that sees the post twice counts twice",
  countRepeatViewsHelp: "The text counts views ('次'), not viewers; untick to count each account once.",
  countBots: "Count bots and hired posters",
  countBotsHelp: "The text says 'actually' clicked or viewed: untick to leave flagged bot accounts out.",
  run: "Run",
  running: "Running…",
  network: "Network",
  networkHelp:
    "Scroll to zoom, drag to pan, hover an account for details, click an account to make it the source.",
  findAccount: "Find account",
  find: "Find",
  noSuchAccount: (id) => `No account '${id}' in this network.`,
  accountNotDrawn: (id) =>
    `Account ${id} is in the network but not drawn (only this cascade's accounts are).`,
  source: "source",
  followers: "followers",
  repostedAt: (time, depth) => `reposted at ${time} (generation ${depth})`,
  didNotRepost: "did not repost",
  clickToMakeSource: "Click to make this account the source.",
  timeSeries: "Reposts and views over time",
  exportSvg: "Export SVG",
  exportPng: "PNG",
  exportCsv: "CSV",
  exportAll: "Export all (zip)",
  summary: "The legal line",
  reposts: "Reposts",
  views: "Views",
  viewsUnknown: "Views cannot be counted from this data.",
  crossedReposts: (ord, time, account, depth) =>
    `The ${ord} repost came at ${time}, by account ${account} (generation ${depth}).`,
  crossedViews: (views, time, account, depth) =>
    `Views reached ${views} at ${time}, when account ${account} (generation ${depth}) posted.`,
  notCrossed: (what) => `Never reached ${what}.`,
  firstCrossed: (prong) => `First crossed: the ${prong} line.`,
  neitherCrossed: "Neither line was crossed.",
  serious: "'Serious circumstances' by item 1",
  notSerious: "Not 'serious' by item 1",
  otherItems: "Items no simulation decides (tick if they apply):",
  itemHarm: "(2) caused mental disorder, self-harm or suicide of the victim or a close relative",
  itemPrior: "(3) administratively punished for defamation within the past two years",
  lawTitle: "Interpretation of the SPC and SPP on defamation using information networks (2013), Article 2",
  lawCitation: "Fa Shi [2013] No. 21 (法释〔2013〕21号), in force since 10 September 2013.",
  layoutProgress: (p) => `Laying out the network… ${p}%`,
  ranIn: (ms) => `Ran in ${ms} ms.`,
  keptLastGood: "The last good scenario is kept.",
  timeline: "Timeline",
  time: "Time",
  play: "Play",
  pause: "Pause",
  stepBack: "Previous repost",
  stepForward: "Next repost",
  speed: "Speed",
  speedLabel: (s) => (s < 3600 ? `${s / 60} min per second` : `${s / 3600} h per second`),
  jumpReposts: (ord) => `Jump to the ${ord} repost`,
  jumpViews: (count) => `Jump to ${count} views`,
  wholeRecord: "whole record",
  scenarios: "Guided scenarios",
  presentation: "Presentation mode",
  fullScreen: "Full screen",
  languageLabel: "Language",
  reset: "Reset to default",
  shortcuts: "Keys: Space play/pause · ← → step · Home/End · 1–9 scenarios · P presentation",
  openFile: "Open a file",
  openFileHelp:
    "Twitter15/16 trees, Weibo CED (with its original-microblog file), CasFlow, SEISMIC/TiDeH series, CSV/TSV edge lists, GEXF, GraphML, graphology JSON. Or drop files anywhere on the page.",
  format: "Format",
  autoDetect: "detect automatically",
  formatNames: {},
  openSample: "Open a real cascade",
  open: "Open",
  backToSimulation: "Back to the simulation",
  reading: (name: string, percent: number) => `Reading ${name}… ${percent}%`,
  parsing: (name: string) => `Parsing ${name} in the background…`,
  cancel: "Cancel",
  loadFailed: (message: string) => `Could not open the file. ${message} The current scenario is unchanged.`,
  fileTooLarge: (name: string, mb: number) =>
    `${name} is ${mb} MB: larger than this app can hold in a browser tab (about 400 MB). The current scenario is unchanged.`,
  observed: "Real cascade",
  observedTitle: (name: string) => `Real cascade: ${name}`,
  cascadeInFile: "Cascade in this file",
  combine: "Add up the selected (article 4)",
  combineHelp:
    "Article 4 adds up repeated defamation within one year that was not dealt with: select several cascades by the same author and count them as one.",
  summaryFormat: "Format",
  summaryPlatform: "Platform",
  summaryLabel: "Label in the data set",
  summaryEvents: "Events",
  tippingAccount: "Tipping account",
  tippingValue: (account: string, prong: "reposts" | "views") => `${account} (${prong})`,
  platformNames: {},
  maxDepth: "Deepest generation",
  perGeneration: "Reposts per generation",
  virality: "Structural virality",
  viralityHelp:
    "Mean distance between two accounts in the repost tree (Goel et al. 2015): about 2 for a broadcast, large for person-to-person chains.",
  keySpreaders: "Key spreaders (reposts that followed from them)",
  assumeAudience: "Assume an audience per account",
  assumeApply: "Count views with this assumption",
  assumedNote: "Views below use an ASSUMED audience per account, not data from the file.",
  warnings: "Notes on this file",
  noNetworkInFile: "This file has no network: the repost tree is what it records.",
  networkPartial: (shown: string, total: string) =>
    `The network has ${total} accounts, too many to lay out: shown are the ${shown} accounts of this cascade (with some of the source's followers) and the links among them.`,
  sampleAttribution: "Bundled samples, with their licences:",
  monteCarlo: "Many runs (Monte Carlo)",
  runs: "Runs",
  runsRange: "Runs: 10–100,000.",
  runMany: (runs: string) => `Run ${runs} times`,
  runsProgress: (done: string, total: string) => `${done} of ${total} runs`,
  cancelled: "Cancelled: the previous results are kept.",
  mcStale: "These results are for an earlier scenario: run again.",
  mcWithInterventions: (names: string) => `Every run with the intervention applied: ${names}.`,
  probabilityOf: (what: string, p: string, low: string, high: string) =>
    `Crosses the ${what} line in ${p} of runs (95% interval ${low}–${high}).`,
  medianCrossing: (what: string, p50: string, p25: string, p75: string) =>
    `Runs that cross the ${what} line do so at a median of ${p50} (middle half ${p25}–${p75}).`,
  finalRepostsSummary: (mean: string, p50: string, p95: string) =>
    `Final reposts: mean ${mean}, median ${p50}, 95th percentile ${p95}.`,
  viewsFirstShare: (p: string) => `Views cross first in ${p} of runs.`,
  cascadeTree: "The repost tree",
  treeLayout: "Layout",
  tidy: "tidy",
  radial: "radial",
  earlyWarning: "Early warning: predict from the first minutes",
  observeUpTo: "Observed up to",
  estimator: "Estimator",
  estimatorNames: {
    seismic: "SEISMIC (Zhao et al. 2015)",
    hawkes: "Hawkes fit (maximum likelihood)",
    loglinear: "Log-linear baseline (Szabo and Huberman 2010)",
  } as Record<string, string>,
  predict: "Predict",
  predicting: "Predicting in the background…",
  predictionSummary: (observed: string, estimate: string, low: string, high: string) =>
    `${observed} reposts observed; predicted final reposts ${estimate} (interval ${low}–${high}).`,
  predictedProbability: (p: string) => `Probability of reaching the repost line: ${p}.`,
  predictedCrossingAt: (time: string, low: string, high: string) =>
    `Predicted crossing at ${time} (between ${low} and ${high}).`,
  truthAfter: (final: string, crossing: string) => `What happened: ${final} reposts in the end; ${crossing}.`,
  unavailable: (why: string) => `Not available: ${why}`,
  unavailableReason: (_reason, english) => english,
  interventionLab: "Intervention lab",
  strategy: "Strategy",
  strategyNames: {
    none: "none",
    "suspend-top": "suspend the top accounts by a centrality",
    "suspend-next": "suspend the next reposters once the count reaches K",
    delete: "delete the post",
    throttle: "throttle: show to a share of each audience",
    label: "warning label: lower the repost probability",
    "group-cap": "cap group size",
    "group-forward-limit": "forward into at most K groups",
    "counter-message": "counter-message from the source's followers",
    suspend: "suspend accounts by hand (click in the network)",
  } as Record<string, string>,
  centrality: "Centrality",
  howMany: "How many accounts",
  afterReposts: "Once reposts reach",
  atMinutes: "At (minutes after the post)",
  orAtReposts: "Or when reposts reach (0 = use the time)",
  shareShown: "Share shown (0–1)",
  factor: "Factor on the repost probability (0–1)",
  maxSize: "Largest group",
  maxGroups: "Groups an account may forward into",
  counterP: "Correction repost probability",
  applyIntervention: "Apply to the run",
  clearIntervention: "Remove the intervention",
  clickSuspends: "Clicking an account in the network suspends it (instead of making it the source)",
  compareRuns: (runs: string) => `Compare over ${runs} paired runs`,
  compareCentralitiesButton: (k: string) => `Compare centralities (top ${k})`,
  centralityTooLarge: (centrality: string, most: string) =>
    `${centrality} left out: it needs a graph of at most ${most} accounts.`,
  latestDeleteButton: (target: string) => `Latest deletion keeping the chance under ${target}`,
  target: "Target chance of crossing",
  computing: "Computing in the background…",
  effectProbability: (threshold, change, low, high, before, after) =>
    `Change in the chance of ${threshold} reposts: ${change} points (95% interval ${low} to ${high}), from ${before} to ${after}.`,
  effectDelay: (delay: string) => `The median crossing comes ${delay} later.`,
  effectAverted: (reposts: string, views: string) => `Averted per run: ${reposts} reposts, ${views} views.`,
  latestDeleteResult: (time: string) => `Deleting by ${time} keeps the chance of crossing under the target.`,
  latestDeleteNone: "No deletion time keeps the chance under the target (even at time 0).",
  withIntervention: (reposts: string, before: string) =>
    `With the intervention: ${reposts} reposts (without it: ${before}).`,
  interventionMarker: (kind: string) => `intervention: ${kind}`,
  centralityNames: {},
  noIntervention: "no intervention",
  topBy: (count: string, centrality: string) => `top ${count} by ${centrality}`,
  interval: (low: string, high: string) => ` (${low} to ${high})`,
  backtestButton: "Backtest on the bundled real cascades",
  backtestTable: "Median absolute % error of the final size, by estimator and observation time",
  backtestEstimator: "Estimator",
  memoryInUse: (mb: string, graphMb: string) =>
    `Memory in use: ${mb} MB by the page; the network: ${graphMb} MB in the background worker.`,
  graphMemory: (size: string, most: string) =>
    `This network needs about ${size}; at most ${most} accounts fit in a browser tab.`,
  makeSource: "Make it the source",
  withoutIntervention: "without the intervention",
  whatIf: "What if the platform had acted? (this record)",
  deleteAtMinutes: "Deleted at (minutes after the post; empty for none)",
  suspendAccounts: "Suspended accounts (ids, comma-separated)",
  applyWhatIf: "Prune the record",
  whatIfResult: (reposts: string, before: string, share: string) =>
    `The record would have stopped at ${reposts} reposts instead of ${before}: ${share} of the cascade removed (a lower bound: pruned accounts might have seen the post elsewhere).`,
  clickCuts: "Scissors: click an account, then one of its followers, to cut the link between them",
  cutPickSecond: (account: string) => `Account ${account} picked: now click one of its followers or friends.`,
  cutDone: (links: number) => `${links} follow link(s) cut.`,
  strategyChance: "Chance of crossing (95% interval)",
  strategyChange: "Change, points (95% interval)",
  strategyAverted: "Reposts averted per run",
  suspendedByIntervention: "suspended by the intervention",
  stoppedByIntervention: "would have reposted without the intervention",
  captionRules: (reposts, views, viewRate) =>
    `Line: ${reposts} reposts or ${views} views at view rate ${viewRate}.`,
  captionSimulation: (preset, nodes, seed, source, model, params) =>
    `${preset}, ${nodes.toLocaleString("en-US")} accounts, seed '${seed}', source ${source}; ${model} (${params}).`,
  captionSimulated: (rules) => `${rules} Simulated with Repost Threshold Lab.`,
  captionObserved: (id, name, format, platform, assumed) =>
    `Observed cascade ${id} from ${name} (${format}${platform ? `, ${platform}` : ""}).${assumed !== null ? ` Views use an ASSUMED audience of ${assumed} per account.` : ""}`,
  captionData: (rules, data) => `${rules} Data: ${data}. Analysed with Repost Threshold Lab.`,
  exportedFrom: "Exported from Repost Threshold Lab.",
  chart: ENGLISH_CHART_TEXT,
};

export const LAW_TEXT = {
  zh: [
    "第二条　利用信息网络诽谤他人，具有下列情形之一的，应当认定为刑法第二百四十六条第一款规定的“情节严重”：",
    "（一）同一诽谤信息实际被点击、浏览次数达到五千次以上，或者被转发次数达到五百次以上的；",
    "（二）造成被害人或者其近亲属精神失常、自残、自杀等严重后果的；",
    "（三）二年内曾因诽谤受过行政处罚，又诽谤他人的；",
    "（四）其他情节严重的情形。",
  ],
  en: [
    "Article 2. Defaming another person through an information network is 'serious' under Article 246(1) of the Criminal Law (up to three years' imprisonment) in any of these cases:",
    "(1) the same defamatory information is actually clicked or viewed 5,000 times or more, or reposted 500 times or more;",
    "(2) it causes serious consequences such as mental disorder, self-harm or suicide of the victim or a close relative;",
    "(3) the person was administratively punished for defamation within the past two years and defames again;",
    "(4) other serious circumstances.",
  ],
};

/** Short names of the interventions, for a marker on the time series. */
const INTERVENTION_SHORT_ZH: Record<string, string> = {
  delete: "删帖",
  throttle: "限流",
  label: "警示标签",
  "counter-message": "辟谣",
  suspend: "封禁",
  "suspend-top": "封禁",
  "suspend-next": "封禁",
  "group-cap": "限制群规模",
  "group-forward-limit": "限制转发群数",
  "cut-links": "剪断连接",
  "cut-community": "切断社群",
};

const DELAY_SPREAD_ZH = "对数正态延迟的离散度（σ）：0 表示每次延迟都等于中位数；1.5 表示非常不均匀。";

export const zh: Messages = {
  language: "zh",
  duration: formatDurationZh,
  count: (n) => Math.round(n).toLocaleString("zh-CN"),
  ordinal: (n) => `第${Math.round(n).toLocaleString("zh-CN")}次`,
  terms: {
    "preset.weibo.label": "微博",
    "preset.weibo.description":
      "公开的关注网络：粉丝数呈重尾分布，少数“大V”拥有数百万粉丝，转发对所有粉丝可见。",
    "preset.moments.label": "微信朋友圈",
    "preset.moments.description": "相互的好友关系，聚集的小世界网络；帖子只有好友可见。",
    "preset.groups.label": "微信群",
    "preset.groups.description": "最多500人的群聊；转发到群里的帖子所有群成员都能看到。",
    "preset.public-account.label": "微信公众号",
    "preset.public-account.description":
      "一个公众号向订阅者推送，订阅者再转发到朋友圈和群聊。公众号是账号0。",
    "preset.ba.label": "巴拉巴西–阿尔伯特",
    "preset.ba.description": "优先连接：少数枢纽，大量小账号（相互连接，每个新账号4条）。",
    "preset.er.label": "埃尔德什–雷尼",
    "preset.er.description": "随机好友关系，平均10个：没有枢纽，没有聚集。",
    "preset.ws.label": "瓦茨–斯特罗加茨",
    "preset.ws.description": "小世界：10个邻居的环，10%的连接被重连。",
    "preset.sbm.label": "信息茧房（随机块模型）",
    "preset.sbm.description": "五个社群：社群内平均9个好友，社群外1个。",
    "model.ic.label": "独立级联模型",
    "model.ic.description":
      "每个看到转发的粉丝以概率 p 独立地转发一次，延迟随机。每次曝光都是一次独立的抛硬币。",
    "ic.p.label": "转发概率 p",
    "ic.p.description": "看到帖子的粉丝转发它的概率。",
    "ic.delayMinutes.label": "延迟中位数（分钟）",
    "ic.delayMinutes.description": "一半的转发发生在所转发帖子之后的这段时间内。",
    "ic.delaySpread.label": "延迟离散度",
    "ic.delaySpread.description": DELAY_SPREAD_ZH,
    "ic.botP.label": "机器人转发概率",
    "ic.botP.description": "机器人或水军账号转发所见内容的概率。",
    "model.lt.label": "线性阈值模型",
    "model.lt.description":
      "一个账号关注的账号中转发的人足够多时，它就转发一次：它看到转发的关注对象所占比例达到自己的阈值即转发。靠的是从众压力，而不是抛硬币。",
    "lt.thresholdMax.label": "最高阈值",
    "lt.thresholdMax.description":
      "每个账号的阈值是 0 到此值之间的随机比例：0.2 表示所关注的账号中有五分之一转发后，每个人都会转发；1 即经典模型。",
    "lt.attention.label": "注意力",
    "lt.attention.description": "账号注意到信息流中某条转发的概率（1：全都能看到）。",
    "lt.delayMinutes.label": "延迟中位数（分钟）",
    "lt.delayMinutes.description": "一半的转发在发布后这段时间内被看到。",
    "lt.delaySpread.label": "延迟离散度",
    "lt.delaySpread.description": DELAY_SPREAD_ZH,
    "model.rumour.label": "谣言模型（Maki–Thompson）",
    "model.rumour.description":
      "传播者不断把谣言告诉随机的粉丝。没听说过的人会相信并继续传播；传播者若告诉了已经知道的人，就会失去兴趣而停止。",
    "rumour.contactsPerHour.label": "每小时接触次数",
    "rumour.contactsPerHour.description": "传播者平均每小时把谣言传给粉丝的次数。",
    "model.hawkes.label": "自激励模型（Hawkes，SEISMIC）",
    "model.hawkes.description":
      "每次转发都会在发帖人的粉丝中引发更多转发，受众越大引发越多，起初很快，随后越来越慢。分支因子低于1时，每次传播最终都会停止。",
    "hawkes.branching.label": "分支因子 n*",
    "hawkes.branching.description":
      "普通账号的一条帖子平均直接引发的转发数（受众越大，按比例引发越多）。低于1时，普通账号之间的传播会逐渐消亡；达到或超过1时传播永不停止，因此不允许。",
    "hawkes.kernelMinutes.label": "新鲜期（分钟）",
    "hawkes.kernelMinutes.description": "帖子发布后这段时间内吸引力保持最强；之后按时间的幂次衰减。",
    "hawkes.memoryExponent.label": "记忆衰减 θ",
    "hawkes.memoryExponent.description":
      "旧帖子多快不再引发转发：值越小记忆越长（转发会连续几天零星出现）；SEISMIC 在 Twitter 上测得 0.24。",
  },
  appTitle: "转发阈值实验室",
  tagline: "谣言要多快才会越过500次转发或5000次浏览的法律界线？",
  scenario: "情景",
  graph: "网络",
  preset: "平台或模型",
  accounts: "账号数",
  seed: "随机种子",
  newSeed: "新种子",
  model: "传播模型",
  legalLine: "法律界线",
  repostThreshold: "转发阈值",
  viewThreshold: "浏览阈值",
  viewRate: "浏览率",
  viewRateHelp:
    "受众中实际看到帖子的比例。默认0.35：一条Facebook帖子大约能触达发帖人35%的好友（Bernstein等，2013）。",
  repostScope: "计入的转发",
  repostScopeTree: "整棵转发树",
  repostScopeDirect: "仅直接转发原帖",
  repostScopeHelp: "条文说“被转发五百次”，没有说明转发的转发是否计入。",
  viewScope: "计入的浏览",
  viewScopeAll: "原帖及每次转发的浏览",
  viewScopeOriginal: "仅原帖的浏览",
  viewScopeHelp: "转发会展示原帖，因此转发的读者可能算作原帖的浏览，也可能不算。",
  countRepeatViews: "同一账号看到两次计两次",
  countRepeatViewsHelp: "条文计算的是浏览“次数”而非人数；取消勾选则每个账号只计一次。",
  countBots: "计入机器人和水军",
  countBotsHelp: "条文说“实际被点击、浏览”：取消勾选则排除被标记为机器人的账号。",
  run: "运行",
  running: "运行中…",
  network: "网络",
  networkHelp: "滚动缩放，拖动平移，悬停查看账号详情，点击账号将其设为源头。",
  findAccount: "查找账号",
  find: "查找",
  noSuchAccount: (id) => `此网络中没有账号“${id}”。`,
  accountNotDrawn: (id) => `账号 ${id} 在网络中，但未绘出（只绘出本次传播的账号）。`,
  source: "源头",
  followers: "粉丝",
  repostedAt: (time, depth) => `于${time}转发（第${depth}代）`,
  didNotRepost: "未转发",
  clickToMakeSource: "点击将此账号设为源头。",
  timeSeries: "转发与浏览随时间变化",
  exportSvg: "导出 SVG",
  exportPng: "PNG",
  exportCsv: "CSV",
  exportAll: "全部导出（zip）",
  summary: "法律界线",
  reposts: "转发",
  views: "浏览",
  viewsUnknown: "无法从这些数据计算浏览次数。",
  crossedReposts: (ord, time, account, depth) =>
    `${ord}转发发生在${time}，由账号 ${account}（第${depth}代）完成。`,
  crossedViews: (views, time, account, depth) =>
    `账号 ${account}（第${depth}代）发帖时，浏览在${time}达到${views}次。`,
  notCrossed: (what) => `从未达到${what}。`,
  firstCrossed: (prong) => `最先越过：${prong}界线。`,
  neitherCrossed: "两条界线都未越过。",
  serious: "依第（一）项属“情节严重”",
  notSerious: "依第（一）项不属“情节严重”",
  otherItems: "模拟无法判断的情形（如适用请勾选）：",
  itemHarm: "（二）造成被害人或者其近亲属精神失常、自残、自杀等严重后果",
  itemPrior: "（三）二年内曾因诽谤受过行政处罚",
  lawTitle:
    "《最高人民法院、最高人民检察院关于办理利用信息网络实施诽谤等刑事案件适用法律若干问题的解释》（2013）第二条",
  lawCitation: "法释〔2013〕21号，自2013年9月10日起施行。",
  layoutProgress: (p) => `正在布局网络… ${p}%`,
  ranIn: (ms) => `用时${ms}毫秒。`,
  keptLastGood: "已保留上一个有效情景。",
  timeline: "时间轴",
  time: "时间",
  play: "播放",
  pause: "暂停",
  stepBack: "上一次转发",
  stepForward: "下一次转发",
  speed: "速度",
  speedLabel: (s) => (s < 3600 ? `每秒${s / 60}分钟` : `每秒${s / 3600}小时`),
  jumpReposts: (ord) => `跳到${ord}转发`,
  jumpViews: (count) => `跳到${count}次浏览`,
  wholeRecord: "完整记录",
  scenarios: "引导情景",
  presentation: "演示模式",
  fullScreen: "全屏",
  languageLabel: "语言",
  reset: "恢复默认",
  shortcuts: "按键：空格 播放/暂停 · ← → 单步 · Home/End · 1–9 情景 · P 演示模式",
  openFile: "打开文件",
  openFileHelp:
    "支持 Twitter15/16 传播树、微博 CED（连同原微博文件）、CasFlow、SEISMIC/TiDeH 序列、CSV/TSV 边列表、GEXF、GraphML、graphology JSON。也可以把文件拖到页面任意位置。",
  format: "格式",
  autoDetect: "自动识别",
  formatNames: {
    "twitter-tree": "Twitter15/16 传播树",
    ced: "微博 CED",
    casflow: "CasFlow",
    seismic: "SEISMIC 序列",
    tideh: "TiDeH 序列",
    csv: "CSV/TSV 边列表",
    gexf: "GEXF",
    graphml: "GraphML",
    json: "graphology JSON",
  },
  openSample: "打开真实传播案例",
  open: "打开",
  backToSimulation: "返回模拟",
  reading: (name: string, percent: number) => `正在读取 ${name}… ${percent}%`,
  parsing: (name: string) => `正在后台解析 ${name}…`,
  cancel: "取消",
  loadFailed: (message: string) => `无法打开文件。${message} 当前情景保持不变。`,
  fileTooLarge: (name: string, mb: number) =>
    `${name} 有 ${mb} MB，超出浏览器标签页能容纳的大小（约400 MB）。当前情景保持不变。`,
  observed: "真实传播",
  observedTitle: (name: string) => `真实传播：${name}`,
  cascadeInFile: "文件中的传播",
  combine: "累计所选（第四条）",
  combineHelp:
    "第四条规定，一年内多次实施诽谤未经处理的，浏览、转发次数累计计算：选择同一作者的多条传播，合并计算。",
  summaryFormat: "格式",
  summaryPlatform: "平台",
  summaryLabel: "数据集标签",
  summaryEvents: "事件数",
  tippingAccount: "越线账号",
  tippingValue: (account: string, prong: "reposts" | "views") =>
    `${account}（${prong === "reposts" ? "转发" : "浏览"}）`,
  platformNames: {
    "Sina Weibo (DeepHawkes / CasFlow)": "新浪微博（DeepHawkes / CasFlow）",
    "Sina Weibo (CED)": "新浪微博（CED）",
    "Twitter (Twitter15/16 rumour trees)": "Twitter（Twitter15/16 谣言传播树）",
    "Twitter (retweet series)": "Twitter（转推序列）",
    "Twitter (TiDeH sample of SEISMIC)": "Twitter（SEISMIC 数据的 TiDeH 样本）",
    "edge list": "边列表",
  },
  maxDepth: "最深代数",
  perGeneration: "每代转发数",
  virality: "结构病毒性",
  viralityHelp: "转发树中两个账号之间的平均距离（Goel 等，2015）：广播式约为2，人传人的长链则更大。",
  keySpreaders: "关键传播者（其后续转发数）",
  assumeAudience: "假设每个账号的受众数",
  assumeApply: "按此假设计算浏览",
  assumedNote: "以下浏览数使用的是假设的每账号受众，而非文件中的数据。",
  warnings: "关于此文件的说明",
  noNetworkInFile: "此文件没有网络：它记录的是转发树。",
  networkPartial: (shown: string, total: string) =>
    `网络共有 ${total} 个账号，太多无法布局：这里只显示本次传播的 ${shown} 个账号（及源头的部分粉丝）和它们之间的关注关系。`,
  sampleAttribution: "内置样本及其许可：",
  monteCarlo: "多次模拟（蒙特卡洛）",
  runs: "模拟次数",
  runsRange: "模拟次数：应为 10 到 100,000 之间的整数。",
  runMany: (runs: string) => `运行${runs}次`,
  runsProgress: (done: string, total: string) => `已完成${done}/${total}次`,
  cancelled: "已取消：保留之前的结果。",
  mcStale: "这些结果属于之前的情景：请重新运行。",
  mcWithInterventions: (names: string) => `每次运行都施加了干预：${names}。`,
  probabilityOf: (what: string, p: string, low: string, high: string) =>
    `${p}的模拟越过${what}界线（95%区间 ${low}–${high}）。`,
  medianCrossing: (what: string, p50: string, p25: string, p75: string) =>
    `越过${what}界线的模拟中，越线时间中位数为${p50}（中间一半 ${p25}–${p75}）。`,
  finalRepostsSummary: (mean: string, p50: string, p95: string) =>
    `最终转发：平均${mean}，中位数${p50}，第95百分位${p95}。`,
  viewsFirstShare: (p: string) => `${p}的模拟中浏览先越线。`,
  cascadeTree: "转发树",
  treeLayout: "布局",
  tidy: "层级",
  radial: "放射",
  earlyWarning: "早期预警：根据最初几分钟预测",
  observeUpTo: "观察到",
  estimator: "估计方法",
  estimatorNames: {
    seismic: "SEISMIC（Zhao 等，2015）",
    hawkes: "Hawkes 拟合（最大似然）",
    loglinear: "对数线性基线（Szabo 与 Huberman，2010）",
  } as Record<string, string>,
  predict: "预测",
  predicting: "正在后台预测…",
  predictionSummary: (observed: string, estimate: string, low: string, high: string) =>
    `已观察到${observed}次转发；预测最终转发${estimate}（区间 ${low}–${high}）。`,
  predictedProbability: (p: string) => `达到转发界线的概率：${p}。`,
  predictedCrossingAt: (time: string, low: string, high: string) =>
    `预计在${time}越线（${low}至${high}之间）。`,
  truthAfter: (final: string, crossing: string) => `实际情况：最终${final}次转发；${crossing}。`,
  unavailable: (why: string) => `不可用：${why}`,
  unavailableReason: (reason) => {
    switch (reason.code) {
      case "tooShort":
        return reason.estimator === "hawkes"
          ? `Hawkes 拟合至少需要观察${reason.minutes}分钟；T = ${formatDurationZh(reason.at)}。`
          : `SEISMIC 至少需要观察${reason.minutes}分钟（其最短窗口）；T = ${formatDurationZh(reason.at)}。`;
      case "noRepost":
        return "到 T 时还没有转发：Hawkes 拟合无从拟合。";
      case "noFollowers":
        return `SEISMIC 需要每个发帖人的粉丝数；传播“${reason.cascade}”没有粉丝数。`;
      case "noExposure":
        return `SEISMIC 需要到 T 时已有曝光：T = ${formatDurationZh(reason.at)} 时还没有人看到帖子（或所有受众都为 0）。`;
      case "fewTraining":
        return `对数线性基线至少需要 ${reason.needed} 条记录超过 T = ${formatDurationZh(reason.at)} 的训练传播；现有 ${reason.has} 条。`;
    }
  },
  interventionLab: "干预实验室",
  strategy: "策略",
  strategyNames: {
    none: "无",
    "suspend-top": "按中心性封禁排名最高的账号",
    "suspend-next": "转发数达到K后封禁接下来的转发者",
    delete: "删除帖子",
    throttle: "限流：只向部分受众展示",
    label: "警示标签：降低转发概率",
    "group-cap": "限制群规模",
    "group-forward-limit": "最多转发到K个群",
    "counter-message": "源头粉丝发布辟谣信息",
    suspend: "手动封禁账号（在网络中点击）",
  } as Record<string, string>,
  centrality: "中心性",
  howMany: "账号数量",
  afterReposts: "转发数达到",
  atMinutes: "时间（发帖后分钟数）",
  orAtReposts: "或在转发数达到时（0 = 按时间）",
  shareShown: "展示比例（0–1）",
  factor: "转发概率系数（0–1）",
  maxSize: "最大群规模",
  maxGroups: "每个账号可转发的群数",
  counterP: "辟谣信息转发概率",
  applyIntervention: "应用到本次运行",
  clearIntervention: "取消干预",
  clickSuspends: "在网络中点击账号即封禁（而不是设为源头）",
  compareRuns: (runs: string) => `用${runs}次配对模拟比较`,
  compareCentralitiesButton: (k: string) => `比较各中心性（前${k}名）`,
  centralityTooLarge: (centrality: string, most: string) =>
    `未计算 ${centrality}：网络需不超过 ${most} 个账号。`,
  latestDeleteButton: (target: string) => `使越线概率低于${target}的最晚删除时间`,
  target: "越线概率目标",
  computing: "正在后台计算…",
  effectProbability: (threshold, change, low, high, before, after) =>
    `达到${threshold}次转发的概率变化：${change}个百分点（95%区间 ${low} 至 ${high}），从${before}变为${after}。`,
  effectDelay: (delay: string) => `越线时间中位数推迟${delay}。`,
  effectAverted: (reposts: string, views: string) => `每次模拟减少：${reposts}次转发，${views}次浏览。`,
  latestDeleteResult: (time: string) => `在${time}之前删除，可使越线概率低于目标。`,
  latestDeleteNone: "没有任何删除时间能使概率低于目标（即使在时间0）。",
  withIntervention: (reposts: string, before: string) => `干预后：${reposts}次转发（无干预：${before}）。`,
  interventionMarker: (kind: string) => `干预：${INTERVENTION_SHORT_ZH[kind] ?? kind}`,
  centralityNames: {
    degree: "度中心性",
    "out-degree": "出度",
    pagerank: "PageRank",
    betweenness: "介数中心性",
    "k-core": "k-核",
    audience: "受众规模",
  },
  noIntervention: "无干预",
  topBy: (count: string, centrality: string) => `${centrality}前${count}名`,
  interval: (low: string, high: string) => `（${low} 至 ${high}）`,
  backtestButton: "在内置真实传播上回测",
  backtestTable: "最终规模的绝对百分比误差中位数（按估计方法与观察时长）",
  backtestEstimator: "估计方法",
  memoryInUse: (mb: string, graphMb: string) =>
    `内存占用：页面 ${mb} MB；网络 ${graphMb} MB（在后台线程中）。`,
  graphMemory: (size: string, most: string) => `此网络约需 ${size}；浏览器标签页最多容纳 ${most} 个账号。`,
  makeSource: "设为源头",
  withoutIntervention: "无干预",
  whatIf: "如果平台采取了措施？（基于此记录）",
  deleteAtMinutes: "删除时间（发帖后分钟数；留空表示不删除）",
  suspendAccounts: "封禁账号（编号，逗号分隔）",
  applyWhatIf: "修剪记录",
  whatIfResult: (reposts: string, before: string, share: string) =>
    `记录将停在${reposts}次转发，而不是${before}次：移除了传播的${share}（下限：被修剪的账号可能从别处看到帖子）。`,
  clickCuts: "剪刀：先点击一个账号，再点击它的一个粉丝，剪断二者之间的连接",
  cutPickSecond: (account: string) => `已选账号 ${account}：请再点击它的一个粉丝或好友。`,
  cutDone: (links: number) => `已剪断 ${links} 条关注连接。`,
  strategyChance: "越线概率（95%区间）",
  strategyChange: "变化（百分点，95%区间）",
  strategyAverted: "每次模拟减少的转发",
  suspendedByIntervention: "被干预封禁",
  stoppedByIntervention: "若无干预本会转发",
  captionRules: (reposts, views, viewRate) => `界线：${reposts}次转发或${views}次浏览，浏览率 ${viewRate}。`,
  captionSimulation: (preset, nodes, seed, source, model, params) =>
    `${preset}，${nodes.toLocaleString("zh-CN")}个账号，随机种子“${seed}”，源头 ${source}；${model}（${params}）。`,
  captionSimulated: (rules) => `${rules}由转发阈值实验室模拟。`,
  captionObserved: (id, name, format, platform, assumed) =>
    `真实传播 ${id}，来自 ${name}（${format}${platform ? `，${platform}` : ""}）。${assumed !== null ? `浏览数使用假设的每账号受众 ${assumed}。` : ""}`,
  captionData: (rules, data) => `${rules}数据：${data}。由转发阈值实验室分析。`,
  exportedFrom: "由转发阈值实验室导出。",
  chart: CHINESE_CHART_TEXT,
};

export const MESSAGES: Record<Language, Messages> = { en, zh };

/** A preset's or model's word in the language, falling back to the core's English. */
export function term(m: Messages, key: string, english: string): string {
  return m.terms[key] ?? english;
}
