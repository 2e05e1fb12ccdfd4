/** Every word on screen, by language. Charts receive their words from here too. */
import { type ChartText, ENGLISH_CHART_TEXT } from "../charts/text.ts";

export type Language = "en" | "zh";

export interface Messages {
  appTitle: string;
  tagline: string;
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
  source: string;
  followers: string;
  repostedAt: (time: string, depth: number) => string;
  didNotRepost: string;
  clickToMakeSource: string;
  timeSeries: string;
  exportSvg: string;
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
  chart: ChartText;
}

export const en: Messages = {
  appTitle: "Repost Threshold Lab",
  tagline: "How fast does a rumour cross the legal line of 500 reposts or 5,000 views?",
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
  source: "source",
  followers: "followers",
  repostedAt: (time, depth) => `reposted at ${time} (generation ${depth})`,
  didNotRepost: "did not repost",
  clickToMakeSource: "Click to make this account the source.",
  timeSeries: "Reposts and views over time",
  exportSvg: "Export SVG",
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
