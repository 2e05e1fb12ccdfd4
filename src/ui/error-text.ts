/**
 * Errors in the user's language. The core and the readers attach a `detail`
 * (a code and its values, src/core/error-detail.ts and src/io/errors.ts)
 * beside their English message; here each code has an English template
 * (which must give exactly the message: test/unit/error-text.test.ts) and a
 * Chinese one. An error without a detail shows its own (English) message.
 */
import type { BoundKind, ChoiceKind, CoreErrorDetail, NumberRange, ShapeKind } from "../core/error-detail.ts";
import { describeRange } from "../core/error-detail.ts";
import { PRESETS } from "../core/generators/presets.ts";
import {
  applyTemplate,
  EXPECTED_EN,
  type Expected,
  FOUND_EN,
  type Found,
  type InputErrorDetail,
  inputErrorMessage,
  type Templates,
  type TwitterNodePart,
} from "../io/errors.ts";
import type { ErrorDetail as WorkerErrorDetail } from "../worker/error-detail.ts";
import { APP_EN, type AppErrorDetail, type ScenarioProblem } from "./app-errors.ts";
import { type Language, type Messages, term } from "./i18n.ts";

/** Every detail an error on screen may carry: the core's, the readers' and the page's own. */
export type ErrorDetail = WorkerErrorDetail | AppErrorDetail;

/** Templates that may word with the language's other words (labels of fields, presets, models). */
type WordedTemplates<U extends { code: string }> = {
  [K in U["code"]]: (d: Extract<U, { code: K }>, m: Messages) => string;
};

const en = (n: number): string => n.toLocaleString("en");

const BOUND_EN: Record<BoundKind, string> = {
  secondsFromZero: "a number of seconds from 0",
  wholeFromZero: "a whole number from 0",
  chance: "a chance from 0 to 1",
  wholeAtLeastOne: "a whole number of at least 1",
  secondsAboveZero: "a number of seconds above 0",
};

const SHAPE_EN: Record<ShapeKind, string> = {
  accounts: "should be a list of account ids (non-empty texts).",
  trigger: "should be { time: seconds } or { reposts: count }.",
  triggerKey: "should have exactly one of 'time' (seconds) or 'reposts' (count).",
  links: "should be a list of [poster, follower] account id pairs.",
  interventions: "should be a list of interventions.",
};

/** English: exactly the core's messages. */
export const CORE_EN: WordedTemplates<CoreErrorDetail> = {
  paramUnknown: (d) => `${d.model}: unknown parameter '${d.key}'. Parameters are ${d.known.join(", ")}.`,
  paramRange: (d) => `${d.model}: invalid '${d.key}' ${d.value}. Should be ${describeRange(d.range)}.`,
  unknownChoice: (d) => `${d.field}: unknown ${d.what} '${d.value}'. Use one of ${d.choices.join(", ")}.`,
  range: (d) =>
    `${d.field}: ${d.value}${d.unit === "accounts" ? " accounts" : ""}. Should be ${describeRange(d.range)}.`,
  bound: (d) => `${d.field}: ${d.value}. Should be ${BOUND_EN[d.bound]}.`,
  eventIndex: (d) => `${d.field}: ${d.value}. Should be an event index from 0 to ${d.max}.`,
  seedText: (d) => `${d.field}: should be a text of 1 to 100 characters.`,
  horizon: (d) => `${d.field}: ${d.value} s. Should be above 0 and at most a year.`,
  noAccount: (d) => `${d.field}: no account '${d.account}' in this graph.`,
  noLink: (d) => `${d.field}: no link from '${d.poster}' to '${d.follower}'.`,
  rules: (d) =>
    d.key === "reposts"
      ? `legal line: invalid 'reposts' threshold ${d.value}. Should be a whole number of at least 1.`
      : d.key === "views"
        ? `legal line: invalid 'views' threshold ${d.value}. Should be a number above 0.`
        : `legal line: invalid 'viewRate' ${d.value}. Should be a number above 0 and at most 1.`,
  shape: (d) => `${d.field}: ${SHAPE_EN[d.shape]}`,
  notInGraph: (d) =>
    d.missing === "groups"
      ? `${d.field}: this graph has no group chats (use the groups or public-account preset).`
      : `${d.field}: this graph has no communities (the sbm preset has them).`,
  centralityTooLarge: (d) =>
    `${d.field}: ${d.centrality} needs a graph of at most ${en(d.limit)} accounts; ` +
    `this one has ${en(d.n)}. Use one of ${d.usable.join(", ")}.`,
  graphTooLarge: (d) =>
    `${d.field === null ? "" : `${d.field}: `}core/graph-size: ${en(d.nodes)} ` +
    `${PRESETS[d.preset as keyof typeof PRESETS]?.label ?? d.preset} accounts need about ${d.need}; ` +
    `this browser tab can hold about ${d.budget}: choose at most ${en(d.most)} accounts.`,
};

/** A number as Chinese text shows it (thousands separators, decimals kept). */
const zhNumber = (n: number): string => n.toLocaleString("zh-CN", { maximumFractionDigits: 10 });

/** A value as the message gives it: numbers formatted, anything else as it is. */
const zhValue = (value: string): string => {
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? zhNumber(n) : value;
};

function rangeZh(range: NumberRange): string {
  const kind = range.integer ? "整数" : "数";
  const { min, max } = range;
  // A leading space: "应为 10 到 500 之间的整数", as the other numbers in the Chinese text.
  if (!range.minExclusive && !range.maxExclusive)
    return ` ${zhNumber(min)} 到 ${zhNumber(max)} 之间的${kind}`;
  const low = range.minExclusive ? `大于 ${zhNumber(min)}` : `不小于 ${zhNumber(min)}`;
  const high = range.maxExclusive ? `小于 ${zhNumber(max)}` : `不超过 ${zhNumber(max)}`;
  return `${low}且${high}的${kind}`;
}

/** The parts of an intervention, as its fields are labelled in the intervention lab. */
function interventionPartZh(part: string, m: Messages): string {
  const labels: Record<string, string> = {
    share: m.shareShown,
    factor: m.factor,
    count: m.howMany,
    afterReposts: m.afterReposts,
    maxSize: m.maxSize,
    maxGroups: m.maxGroups,
    p: m.counterP,
    time: "时间",
    when: "时间",
    "when.time": "时间",
    "when.reposts": "转发数",
    accounts: "账号",
    links: "连接",
    centrality: m.centrality,
    delayMinutes: "延迟",
    kind: "干预类型",
    community: "社群",
  };
  const link = /^links\[(\d+)\]$/.exec(part);
  if (link) return `第${Number(link[1]) + 1}条连接`;
  return Object.hasOwn(labels, part) ? labels[part] : part;
}

/** A scenario field by its label on screen; an intervention's field as "第1项干预的展示比例"; others as the path. */
function fieldZh(field: string, m: Messages): string {
  const labels: Record<string, string> = {
    preset: m.preset,
    nodes: m.accounts,
    seed: m.seed,
    model: m.model,
    source: m.source,
    horizon: "模拟时长",
    target: m.target,
    interventions: "干预",
    deleteAt: "删除时间",
    suspended: "封禁账号",
  };
  if (Object.hasOwn(labels, field)) return labels[field];
  const intervention = /^interventions\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (intervention) {
    const which = `第${Number(intervention[1]) + 1}项干预`;
    return intervention[2] ? `${which}的${interventionPartZh(intervention[2], m)}` : which;
  }
  return field;
}

/** A setting of the scenario's link by its label on screen (a model parameter by the model's label). */
function urlKeyZh(key: string, m: Messages): string {
  const labels: Record<string, string> = {
    preset: m.preset,
    n: m.accounts,
    seed: m.seed,
    model: m.model,
    src: m.source,
    hours: "模拟时长（小时）",
    iv: "干预",
    reposts: m.repostThreshold,
    views: m.viewThreshold,
    rate: m.viewRate,
    scope: m.repostScope,
    vscope: m.viewScope,
    repeat: m.countRepeatViews,
    bots: m.countBots,
  };
  return Object.hasOwn(labels, key) ? labels[key] : key;
}

const CHOICE_ZH: Record<ChoiceKind, string> = {
  preset: "平台或模型",
  model: "传播模型",
  kind: "干预类型",
  centrality: "中心性",
};

const BOUND_ZH: Record<BoundKind, string> = {
  secondsFromZero: "不小于 0 的秒数",
  wholeFromZero: "不小于 0 的整数",
  // A leading space before a number, as the other numbers in the Chinese text ("应为 0 到 1 …").
  chance: " 0 到 1 之间的概率",
  wholeAtLeastOne: "不小于 1 的整数",
  secondsAboveZero: "大于 0 的秒数",
};

const SHAPE_ZH: Record<ShapeKind, string> = {
  accounts: "应为账号编号的列表（非空文本）。",
  trigger: "应为 { time: 秒数 } 或 { reposts: 转发数 }。",
  triggerKey: "应恰好包含“time”（秒数）或“reposts”（转发数）之一。",
  links: "应为 [发帖账号, 粉丝] 账号编号对的列表。",
  interventions: "应为干预的列表。",
};

export const CORE_ZH: WordedTemplates<CoreErrorDetail> = {
  paramUnknown: (d, m) =>
    `${term(m, `model.${d.model}.label`, d.model)}：未知参数“${d.key}”。可用的参数：${d.known.join("、")}。`,
  paramRange: (d, m) =>
    `${term(m, `model.${d.model}.label`, d.model)}：${term(m, `${d.model}.${d.key}.label`, d.key)}为 ` +
    `${zhValue(d.value)}，无效，应为${rangeZh(d.range)}。`,
  unknownChoice: (d, m) =>
    `${fieldZh(d.field, m)}：未知的${CHOICE_ZH[d.what]}“${d.value}”。可选：${d.choices.join("、")}。`,
  range: (d, m) => `${fieldZh(d.field, m)}：${zhValue(d.value)} 无效，应为${rangeZh(d.range)}。`,
  bound: (d, m) => `${fieldZh(d.field, m)}：${zhValue(d.value)} 无效，应为${BOUND_ZH[d.bound]}。`,
  eventIndex: (d, m) =>
    `${fieldZh(d.field, m)}：${zhValue(d.value)} 无效，应为 0 到 ${zhNumber(d.max)} 之间的事件编号。`,
  seedText: (d, m) => `${fieldZh(d.field, m)}：应为 1 到 100 个字符的文本。`,
  horizon: (d, m) => `${fieldZh(d.field, m)}：${zhValue(d.value)} 秒无效，应大于 0 且不超过一年。`,
  noAccount: (d, m) => `${fieldZh(d.field, m)}：此网络中没有账号“${d.account}”。`,
  noLink: (d, m) => `${fieldZh(d.field, m)}：没有从“${d.poster}”到“${d.follower}”的关注连接。`,
  rules: (d, m) =>
    d.key === "reposts"
      ? `${m.legalLine}：${m.repostThreshold} ${zhValue(d.value)} 无效，应为不小于 1 的整数。`
      : d.key === "views"
        ? `${m.legalLine}：${m.viewThreshold} ${zhValue(d.value)} 无效，应为大于 0 的数。`
        : `${m.legalLine}：${m.viewRate} ${zhValue(d.value)} 无效，应为大于 0 且不超过 1 的数。`,
  shape: (d, m) => `${fieldZh(d.field, m)}：${SHAPE_ZH[d.shape]}`,
  notInGraph: (d, m) =>
    d.missing === "groups"
      ? `${fieldZh(d.field, m)}：此网络没有群聊（请使用微信群或微信公众号）。`
      : `${fieldZh(d.field, m)}：此网络没有社群（信息茧房（随机块模型）有社群）。`,
  centralityTooLarge: (d, m) =>
    `${fieldZh(d.field, m)}：${d.centrality} 需要不超过 ${zhNumber(d.limit)} 个账号的网络，` +
    `此网络有 ${zhNumber(d.n)} 个。可用：${d.usable.join("、")}。`,
  graphTooLarge: (d, m) =>
    `${d.field === null ? "" : `${fieldZh(d.field, m)}：`}${zhNumber(d.nodes)} 个` +
    `${term(m, `preset.${d.preset}.label`, d.preset)}账号约需 ${d.need}，` +
    `此浏览器标签页约能容纳 ${d.budget}：请最多选择 ${zhNumber(d.most)} 个账号。`,
};

const CASFLOW_LINE = "cascade_id<TAB>root_uid<TAB>publish_epoch<TAB>n<TAB>root:0 root/a:t ...";
const TWITTER_NODE = "['uid', 'tweet_id', 'delay_minutes']";

const TWITTER_NODE_PART_ZH: Record<TwitterNodePart, string> = {
  bracketFirst: "以“[”开头",
  quoted: "各项加引号",
  closingQuote: "引号要闭合",
  commas: "三项以逗号分隔",
  closingBracket: "三项之后是“]”",
};

export const EXPECTED_ZH: Templates<Expected> = {
  casflowLine: () => `形如 ${CASFLOW_LINE} 的行`,
  casflowFields: () => `5 个以 TAB 分隔的字段（${CASFLOW_LINE}）`,
  cascadeOnLine: (d) => `第${d.line}行有一条传播（文件共${d.lines}行）`,
  publishEpoch: () => "以 Unix 时间戳（秒）表示的发布时间",
  participantCount: () => "参与者人数",
  participantEntry: () => "“路径:秒数”形式的参与者",
  participants: () => "参与者",
  cedReposts: () => "CED 转发文件：由 {uid, mid, parent, date} 组成的 JSON 数组",
  cedEntry: (d) => `第${d.entry}项含有字符串字段“${d.field}”`,
  cedYear: () => "补全“MM月DD日 HH:MM”所需的年份（请同时打开原微博文件）",
  cedDate: () => "“YYYY-mm-dd HH:MM:SS”或“MM月DD日 HH:MM”形式的日期（北京时间）",
  calendarDate: () => "真实存在的日期",
  cedOriginal: () => "CED 原微博 JSON 对象",
  cedOriginalTime: () => "Unix 时间戳（秒）或形如“Sat Jun 29 12:40:09 +0800 2013”的日期",
  sourceEpoch: () => "以 Unix 时间戳（秒）表示的原帖时间",
  knownFormat: (d) => `已知格式之一的文件（${d.formats.join("、")}）；可在“格式”中手动选择`,
  edgeHeader: (d) =>
    "列名包含 source、target 的表头（可选 time、followers、account）" +
    (d.noDelimiter ? "（列之间没有 TAB、逗号或分号）" : ""),
  fieldCount: (d) => `${d.count} 个以${d.delimiter === "\t" ? " TAB " : `“${d.delimiter}”`}分隔的字段`,
  targetId: () => "target 列的账号编号",
  timeOrIsoDate: () => "以秒计的时间或 ISO 8601 日期（如 2024-05-01T08:30:00Z）",
  timesAlike: () => "全部以秒或全部以日期表示的时间",
  followerCountCsv: () => "粉丝数（不小于 0 的数）",
  nodeOrEdge: () => "至少一个节点或一条边",
  nodeId: () => "节点编号（非空文本）",
  graphologyJson: () => "graphology JSON 图 {nodes: [{key, attributes}], edges: [{source, target}]}",
  edgeArray: () => "边的数组",
  jsonNode: () => "节点 {key, attributes}",
  jsonEdge: () => "边 {source, target}",
  nodeKey: () => "已列出节点的 key",
  xmlDocument: (d) =>
    (d.format === "gexf" ? "GEXF 文档（<gexf>…）" : "GraphML 文档（<graphml>…）") +
    (d.wellFormed ? "，且为格式正确的 XML" : ""),
  timeOrDate: () => "以秒计的时间或 ISO 日期",
  followerCountAttr: () => "粉丝数（不小于 0）",
  cascadeNumber: (d) => `1 到 ${d.count} 之间的传播编号`,
  seismicHeader: () => "表头“relative_time_second,number_of_followers”或“time,magnitude,user_id”",
  tidehHeader: () => "TiDeH 表头“<转发数> <开始时间（天）>”",
  retweetCount: () => "转发数",
  startDays: () => "以天计的开始时间",
  tidehRow: () => "以空格分隔的“<秒数> <粉丝数>”",
  seconds: () => "以秒计的时间",
  followerCount: () => "粉丝数",
  nonNegative: (d) => `${applyTemplate(EXPECTED_ZH, d.of)}（不小于 0）`,
  originalRow: () => "至少有原帖这一行",
  knownParent: () => "转发的是文件中已有的帖子",
  leadsToSource: () => "能追溯到原帖的转发",
  twitterLine: () => `一条边 ${TWITTER_NODE}->${TWITTER_NODE}`,
  oneRoot: () => "只有一行 ROOT",
  rootLine: () => "一行 ['ROOT', 'ROOT', '0.0']->[源头] 指明源推文",
  twitterNode: (d) => `节点 ${TWITTER_NODE}（${TWITTER_NODE_PART_ZH[d.part]}）`,
  delayMinutes: () => "以分钟计的延迟（数字）",
};

const JSON_TYPE_ZH: Record<string, string> = {
  object: "对象",
  array: "数组",
  string: "字符串",
  number: "数字",
  boolean: "布尔值",
  null: "null",
};

/** What was found, with its verb ("实际为 …", "文件是空的"). */
export const FOUND_ZH: Templates<Found> = {
  text: (d) => `实际为 ${d.text}`,
  nothing: () => "实际为空",
  none: () => "实际一个也没有",
  noRows: () => "文件中没有数据行",
  noLines: () => "文件中没有任何行",
  emptyFile: () => "文件是空的",
  binary: () => "文件是二进制数据（不是文本文件）",
  noCascadeThere: () => "该行没有传播",
  noRootLine: () => "没有 ROOT 行",
  fields: (d) => `实际有 ${d.count} 个字段${d.text === null ? "" : `（${d.text}）`}`,
  countIn: (d) => `实际有 ${d.count} 个（${d.text}）`,
  jsonType: (d) =>
    `实际为 JSON ${JSON_TYPE_ZH[d.type] ?? d.type}` +
    (d.looksLike === "original"
      ? "（这像是原微博文件）"
      : d.looksLike === "reposts"
        ? "（这像是转发文件）"
        : ""),
  null: () => "实际为 null",
  objectKeys: (d) => `实际为含有键 ${d.keys} 的对象`,
  invalidJson: (d) => `JSON 无效（${d.message}）`,
  parser: (d) => `解析出错：${d.message}`,
  secondRoot: (d) => `出现了第二行 ROOT（第一行在第${d.first}行）`,
  timeMix: (d) => `实际两种写法混用（${d.text}）`,
  unknownParent: (d) => `实际转发的是 ${d.text}，而它不在文件中`,
  cycle: (d) => `转发形成了循环 ${d.text}`,
};

function inputErrorZh(d: InputErrorDetail): string {
  let place = d.file;
  if (d.line !== null) place += ` 第${d.line}行`;
  if (typeof d.column === "number") place += `${d.line === null ? " " : ""}第${d.column}列`;
  if (typeof d.column === "string") place += `（字段“${d.column}”）`;
  return `${place}：应为${applyTemplate(EXPECTED_ZH, d.expected)}，${applyTemplate(FOUND_ZH, d.found)}。`;
}

type AppTemplates = {
  [K in AppErrorDetail["code"]]: (
    d: Extract<AppErrorDetail, { code: K }>,
    problem: (p: ScenarioProblem) => string,
    m: Messages,
  ) => string;
};

export const APP_ZH: AppTemplates = {
  fileUnreadable: (d) => `${d.file}：浏览器无法读取此文件。`,
  noCascade: (d) => `${d.file}：文件中没有找到传播。`,
  sampleHttp: (d) => `${d.file}：无法下载内置样本（HTTP ${d.status}）。`,
  workerStopped: (d) => `后台线程意外停止（${d.reason || "未知错误"}）。`,
  cancelled: () => "已取消。",
  scenarioRefused: (d, problem) =>
    `${d.from === "link" ? "链接中的情景无效，未采用" : "保存的情景已损坏，已丢弃"}：${d.problems.map(problem).join("")}`,
  urlNumber: (d, _, m) => `${urlKeyZh(d.key, m)}：“${d.raw}”不是数字。`,
  urlFlag: (d, _, m) => `${urlKeyZh(d.key, m)}：应为 0 或 1。`,
  urlChoice: (d, _, m) => `${urlKeyZh(d.key, m)}：“${d.raw}”无效，可选：${d.allowed.join("、")}。`,
  urlModel: (d, _, m) => `${m.model}：未知模型“${d.model}”。`,
  urlSetting: (d) => `${d.key}：未知设置。`,
  urlInterventions: () => "干预：应为干预的列表。",
  urlJson: () => "干预：不是有效的 JSON。",
};

const CORE: Record<Language, WordedTemplates<CoreErrorDetail>> = { en: CORE_EN, zh: CORE_ZH };
const APP: Record<Language, AppTemplates> = { en: APP_EN, zh: APP_ZH };

/** A detail in the language of `m`. */
export function detailText(detail: ErrorDetail, m: Messages): string {
  if (detail.code === "input") return m.language === "zh" ? inputErrorZh(detail) : inputErrorMessage(detail);
  if (Object.hasOwn(APP_EN, detail.code)) {
    const template = APP[m.language][detail.code as AppErrorDetail["code"]] as (
      d: AppErrorDetail,
      problem: (p: ScenarioProblem) => string,
      m: Messages,
    ) => string;
    return template(detail as AppErrorDetail, (p) => (p.code === "text" ? p.text : detailText(p, m)), m);
  }
  const template = CORE[m.language][detail.code as CoreErrorDetail["code"]] as (
    d: CoreErrorDetail,
    m: Messages,
  ) => string;
  return template(detail as CoreErrorDetail, m);
}

function isKnown(detail: {
  code: string;
  expected?: { code?: unknown };
  found?: { code?: unknown };
}): boolean {
  if (detail.code === "input") {
    return (
      Object.hasOwn(EXPECTED_EN, String(detail.expected?.code)) &&
      Object.hasOwn(FOUND_EN, String(detail.found?.code))
    );
  }
  return Object.hasOwn(CORE_EN, detail.code) || Object.hasOwn(APP_EN, detail.code);
}

/** The detail an error carries (also after a structured clone), or null. */
export function detailOf(error: unknown): ErrorDetail | null {
  if (typeof error !== "object" || error === null || !("detail" in error)) return null;
  const detail = (error as { detail: unknown }).detail;
  if (
    typeof detail !== "object" ||
    detail === null ||
    typeof (detail as { code?: unknown }).code !== "string"
  )
    return null;
  return isKnown(detail as { code: string }) ? (detail as ErrorDetail) : null;
}

/** What to show for an error in the language of `m`: its detail worded, else its own message. */
export function errorText(error: unknown, m: Messages): string {
  const detail = detailOf(error);
  if (detail) return detailText(detail, m);
  return error instanceof Error ? error.message : String(error);
}
