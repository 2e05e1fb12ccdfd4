/**
 * One-click guided scenarios for the classroom: each is data (a scenario and
 * a short text), not code.
 */
import { DEFAULT_SCENARIO, type Scenario } from "../core/scenario.ts";
import type { Language } from "./i18n.ts";

export interface GuidedScenario {
  id: string;
  /** Keyboard key that starts it in the classroom. */
  key: string;
  title: Record<Language, string>;
  text: Record<Language, string>;
  scenario: Scenario;
  /** Start playback from time 0 after loading. */
  play: boolean;
  /** Open this bundled real cascade instead of simulating. */
  sample?: string;
  /** The same post on another platform, shown beside the main one. */
  compare?: { scenario: Scenario; title: Record<Language, string> };
}

export const GUIDED_SCENARIOS: GuidedScenario[] = [
  {
    id: "big-account",
    key: "1",
    title: { en: "A big account", zh: "大V账号" },
    text: {
      en: "An account with 12 million followers posts. At a view rate of 35% its audience alone passes 5,000 views the moment it posts: the view line falls at time 0, before any repost.",
      zh: "一个拥有1200万粉丝的账号发帖。按35%的浏览率，仅它自己的粉丝就在发帖瞬间超过5000次浏览：浏览界线在时间0、任何转发之前就被越过。",
    },
    scenario: { ...DEFAULT_SCENARIO, seed: "big-v", source: "0" },
    play: false,
  },
  {
    id: "slow-burn",
    key: "2",
    title: { en: "A slow burn", zh: "慢热传播" },
    text: {
      en: "On WeChat Moments a post from an ordinary account is seen only by friends. Reposts trickle through small accounts for hours; watch how long the view line takes and whether the repost line ever falls.",
      zh: "在微信朋友圈，普通账号的帖子只有好友能看到。转发在小账号之间缓慢流动数小时；看看浏览界线要多久才被越过，转发界线是否会被越过。",
    },
    scenario: {
      ...DEFAULT_SCENARIO,
      preset: "moments",
      seed: "slow-burn-3",
      params: { p: 0.14, delayMinutes: 60 },
    },
    play: true,
  },
  {
    id: "group-chain",
    key: "3",
    title: { en: "A WeChat group chain", zh: "微信群链式转发" },
    text: {
      en: "Forwarded into group chats of up to 500 members, a post reaches whole groups at once. A few forwards between large groups are enough to pass both lines within minutes.",
      zh: "转发到最多500人的群聊，一条帖子一次就能到达整个群。几次在大群之间的转发就足以在几分钟内越过两条界线。",
    },
    scenario: { ...DEFAULT_SCENARIO, preset: "groups", seed: "group-chain" },
    play: true,
  },
  {
    id: "public-account",
    key: "4",
    title: { en: "A public account broadcast", zh: "公众号推送" },
    text: {
      en: "A public account with 10,000 subscribers pushes a post. Its own audience is below the view line at a 35% view rate; the subscribers' forwards into Moments and groups carry it over.",
      zh: "一个拥有1万订阅者的公众号推送一条帖子。按35%的浏览率，它自己的受众还不到浏览界线；订阅者转发到朋友圈和群聊才使其越过界线。",
    },
    scenario: { ...DEFAULT_SCENARIO, preset: "public-account", seed: "broadcast" },
    play: true,
  },
  {
    id: "early-deletion",
    key: "5",
    title: { en: "An early deletion", zh: "及早删除" },
    text: {
      en: "The same Weibo post, deleted by the platform 30 minutes after it was posted. The reposts stop short of 500; the views already made stay, so the view line may still have fallen. The ghosted branches in the tree are what the deletion prevented.",
      zh: "同一条微博帖子，平台在发布30分钟后删除。转发停在500次之前；已产生的浏览仍然计算，所以浏览界线可能已被越过。转发树中变淡的分支就是删除所阻止的传播。",
    },
    scenario: { ...DEFAULT_SCENARIO, interventions: [{ kind: "delete", when: { time: 1800 } }] },
    play: true,
  },
  {
    id: "real-weibo",
    key: "6",
    title: { en: "A real Weibo cascade", zh: "真实微博传播" },
    text: {
      en: "A real cascade from Sina Weibo on 1 June 2016 (CasFlow sample of the DeepHawkes data), replayed with the same charts. The file has no follower counts, so views cannot be counted from it: the summary card offers an assumed audience, clearly marked.",
      zh: "2016年6月1日新浪微博上的一次真实传播（CasFlow 样本，来自 DeepHawkes 数据），用同样的图表回放。文件中没有粉丝数，因此无法计算浏览；摘要卡片提供一个明确标注的假设受众。",
    },
    scenario: DEFAULT_SCENARIO,
    play: true,
    sample: "casflow-14713",
  },
  {
    id: "weibo-vs-moments",
    key: "7",
    title: { en: "Weibo and WeChat Moments side by side", zh: "微博与微信朋友圈对比" },
    text: {
      en: "The same post, with the same repost probability and delays, on a public follower network (Weibo, main charts) and on WeChat Moments, where only friends see it (beside). Who can see a repost decides how fast the line falls.",
      zh: "同一条帖子，转发概率和延迟相同，分别在公开关注网络（微博，主图）和只有好友可见的微信朋友圈（旁边）。谁能看到转发，决定了越线的速度。",
    },
    scenario: { ...DEFAULT_SCENARIO, seed: "side-by-side", params: { p: 0.12 } },
    play: false,
    compare: {
      scenario: {
        ...DEFAULT_SCENARIO,
        preset: "moments",
        seed: "side-by-side",
        params: { p: 0.12, delayMinutes: 20, delaySpread: 1.2 },
      },
      title: { en: "The same post on WeChat Moments", zh: "同一条帖子在微信朋友圈" },
    },
  },
];
