/**
 * The notes on a file ("关于此文件的说明") in the user's language. The readers
 * and the core give each note as data (src/core/notes.ts) beside its English
 * warning; English is that warning's own template, Chinese is here. A note
 * without a code (`text`) is shown as it is.
 */
import { applyNote, NOTES_EN, type Note, type NoteTemplates } from "../core/notes.ts";
import type { Language, Messages } from "./i18n.ts";

/** A number as the Chinese text shows it ("1,234"). */
const zh = (n: number): string => n.toLocaleString("zh-CN", { maximumFractionDigits: 10 });

export const NOTES_ZH: NoteTemplates = {
  text: (d) => d.text,
  ofCascade: (d) => `${d.id}：${applyNote(NOTES_ZH, d.note)}`,
  noFollowersDataSet: () => "此数据集没有粉丝数：无法从此文件计算浏览次数。",
  noFollowersFile: () => "此文件没有粉丝数：无法从中计算浏览次数。",
  casflowRootMissing: () => "缺少原帖自身的条目（root:0）：原帖按时间 0 计。",
  casflowCountMismatch: (d) => `该行写明有 ${zh(d.said)} 个参与者，实际列出 ${zh(d.listed)} 个。`,
  casflowRerouted: (d) => `${zh(d.count)} 次转发经过未列出的路径：已挂到最近一个已列出的上级下。`,
  tidehCountMismatch: (d) => `表头写明有 ${zh(d.declared)} 次转推，文件实际列出 ${zh(d.listed)} 次。`,
  seriesFirstRowTime: (d) => `第一行（原帖）的时间是 ${zh(d.time)} 秒：时间从它起算。`,
  seriesEarlyRows: (d) => `${zh(d.count)} 行的时间早于原帖：按 0 计。`,
  seriesRepeatedRows: (d) =>
    `${zh(d.count)} 行与前面某行完全相同（时间、粉丝数和用户）：与文件一致，每行都计入。`,
  seriesNoTree: () => "此格式没有转发树：每次转发都显示为对原帖的转发。",
  edgesRepeated: (d) => `${zh(d.count)} 条边与前面的边重复：每次转发只计一次。`,
  edgesSelfLoops: (d) => `${zh(d.count)} 条边从节点指向自身：已忽略。`,
  edgesSecondParent: (d) =>
    `${zh(d.count)} 条边给一次转发指定了第二个上级：每次转发只计一次（保留第一个上级）。`,
  noTimes: () => "此文件没有时间：每次转发都在时间 0，按文件中的顺序判断何时越线。",
  beforeParent: (d) => `${zh(d.count)} 次转发的时间早于被转发的帖子。`,
  sourceNoTime: () => "原帖没有自己的时间：时间从最早的转发起算。",
  missingFollowers: (d) => `${zh(d.count)} 个节点没有粉丝数：按 0 个粉丝计。`,
  separateCascades: (d) => `此文件包含 ${zh(d.count)} 条互不相连的传播。`,
  networkFile: () => "此文件是一个网络（账号有多个上级且没有时间），而不是一次传播：可在其上模拟。",
  accountRenamed: (d) => `账号编号 ${d.from} 在网络中改名为 ${d.to}。`,
  networkFollowers: () => "没有粉丝数：每个账号的受众取其在文件中的粉丝数量。",
  cedNoOriginal: () => "没有原微博文件，原帖时间未知：时间从第一条记录起算。",
  cedComments: () => "CED 把转发和评论混在一起、无法区分：每条记录都按转发计。",
  cedEarly: (d) => `${zh(d.count)} 条记录的日期早于原帖：按 0 计。`,
  cedMissingParents: (d) => `${zh(d.count)} 条记录回复的帖子不在文件中：已挂到原帖下。`,
  cedSourceFollowersOnly: (d) =>
    `数据中只有原帖作者的粉丝数（${zh(d.followers)}）：无法从此文件计算浏览次数。`,
  twitterNegativeDelays: (d) => `${zh(d.count)} 次转发的延迟早于源推文：按 0 计。`,
  twitterSecondParent: (d) =>
    `${zh(d.count)} 条边把一次转发列在第二个上级下：每次转发只计一次（保留第一个上级）。`,
  twitterSelfLoops: (d) => `${zh(d.count)} 条边把推文列为自己的上级：已忽略。`,
  twitterMissingParents: (d) => `${zh(d.count)} 次转发的上级不在文件中：已挂到源推文下。`,
  twitterBeforeParent: (d) => `${zh(d.count)} 次转发的时间早于被转发的帖子（数据如此）。`,
  assumedAudience: (d) => `假设：每个账号触达 ${zh(d.perAccount)} 人（文件中没有粉丝数）。`,
  combinedUndated: (d) => `其中 ${zh(d.count)} 条帖子没有日期：按与最早一条同时发布处理。`,
  combinedNoFollowers: () => "部分帖子没有粉丝数：无法计算合并后的浏览次数。",
  combinedAuthors: (d) => `这些帖子来自 ${zh(d.count)} 个不同的账号，而非同一作者。`,
  combinedOverYear: () => "这些帖子的时间跨度超过一年：第四条累计的是一年内的行为。",
  combined: (d) => `已合并 ${zh(d.count)} 条帖子（第四条：一年内多次实施的，累计计算）。`,
};

const NOTES: Record<Language, NoteTemplates> = { en: NOTES_EN, zh: NOTES_ZH };

/** A note in the language of `m` (in English, exactly the reader's warning). */
export function noteWords(note: Note, m: Messages): string {
  return applyNote(NOTES[m.language], note);
}
