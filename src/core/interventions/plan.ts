/**
 * Compiles a list of interventions once per graph into a plan, then applies
 * it run by run without touching any model. Three levers cover every
 * strategy:
 *
 * - the graph: cut links and group limits remove edges (account indices stay);
 * - the limits: deletion is a horizon (at a time) or a repost cap (at a count);
 * - a recorder wrapper that refuses reposts (the model contract lets
 *   `activate` return -1): suspended accounts, the throttled share, the
 *   labelled share, the immune.
 *
 * Refusing at `activate` rather than reporting the account as already active
 * keeps the model's own random draws identical up to the first refused
 * repost, so baseline and intervention share as much randomness as they can
 * (common random numbers). The intervention's own chance events use keyed
 * coins (coin.ts) from `rng.fork("intervention")`, never the model's stream.
 */
import type { CompiledGraph } from "../compiled-graph.ts";
import { indexById } from "../compiled-graph.ts";
import type { GraphFacts } from "../graph-facts.ts";
import type { NodeTimes, Recorder, Workspace } from "../models/model.ts";
import type { Rng } from "../random.ts";
import { checkCentralityFits, topAccounts } from "./centrality.ts";
import { keyedCoin } from "./coin.ts";
import { type CounterMessage, correctionSeenTimes } from "./counter-message.ts";
import { markCommunityInlinks, markLinks, withoutEdges } from "./cut-links.ts";
import { markForwardLimit, markGroupCap } from "./group-cap.ts";
import { type Intervention, InterventionError, type Trigger, validateInterventions } from "./types.ts";

export interface PlanContext {
  /** Index of the source account (never chosen by a centrality ranking). */
  source: number;
  /** What the compiled graph leaves out: needed for group limits (`groups`) and communities (`community`). */
  facts?: GraphFacts;
}

interface ShareRule {
  when: Trigger;
  share: number;
}

export interface InterventionPlan {
  interventions: readonly Intervention[];
  /** The graph to simulate on: the original, or a copy with links removed (same account indices). */
  graph: CompiledGraph;
  /** 1 for accounts suspended from the start. */
  suspended: Uint8Array;
  /** Their indices, in the order chosen (for markers on the network view). */
  suspendedAccounts: number[];
  /** Links removed, as edge positions in the original graph's `targets` (1 = removed). */
  removedEdges: Uint8Array | null;
  /** No reposts after this time (deletion); Infinity when none. */
  deleteTime: number;
  /** No reposts after this many (deletion at a count); Infinity when none. */
  deleteAtReposts: number;
  throttles: ShareRule[];
  labels: ShareRule[];
  suspendNext: Array<{ count: number; afterReposts: number }>;
  counterMessages: CounterMessage[];
}

function accountIndices(graph: CompiledGraph, accounts: readonly string[], field: string): number[] {
  const index = indexById(graph.ids);
  return accounts.map((account, k) => {
    const i = index.get(account);
    if (i === undefined)
      throw new InterventionError(`${field}[${k}]`, `no account '${account}' in this graph.`, {
        code: "noAccount",
        field: `${field}[${k}]`,
        account,
      });
    return i;
  });
}

function memberships(graph: CompiledGraph, facts: GraphFacts | undefined, field: string): number[][] {
  if (!facts) {
    throw new InterventionError(field, "group limits need the facts of the graph (its group chats).");
  }
  const list = facts.groups;
  if (list && list.length !== graph.n) {
    throw new InterventionError(field, "group limits need the group chats of this very graph.");
  }
  if (!list || list.every((g) => g.length === 0)) {
    throw new InterventionError(
      field,
      "this graph has no group chats (use the groups or public-account preset).",
      {
        code: "notInGraph",
        field,
        missing: "groups",
      },
    );
  }
  return list;
}

/** Resolves every intervention against the graph; throws InterventionError naming the field. */
export function compileInterventions(
  graph: CompiledGraph,
  interventions: readonly Intervention[],
  context: PlanContext,
): InterventionPlan {
  validateInterventions(interventions);
  const plan: InterventionPlan = {
    interventions,
    graph,
    suspended: new Uint8Array(graph.n),
    suspendedAccounts: [],
    removedEdges: null,
    deleteTime: Number.POSITIVE_INFINITY,
    deleteAtReposts: Number.POSITIVE_INFINITY,
    throttles: [],
    labels: [],
    suspendNext: [],
    counterMessages: [],
  };
  const suspend = (u: number) => {
    if (plan.suspended[u] === 1) return;
    plan.suspended[u] = 1;
    plan.suspendedAccounts.push(u);
  };
  const removed = () => {
    plan.removedEdges ??= new Uint8Array(graph.m);
    return plan.removedEdges;
  };
  interventions.forEach((item, i) => {
    const field = `interventions[${i}]`;
    switch (item.kind) {
      case "suspend":
        for (const u of accountIndices(graph, item.accounts, `${field}.accounts`)) suspend(u);
        break;
      case "suspend-top":
        checkCentralityFits(graph, item.centrality, `${field}.centrality`);
        for (const u of topAccounts(graph, item.centrality, item.count, new Set([context.source])))
          suspend(u);
        break;
      case "suspend-next":
        plan.suspendNext.push({ count: item.count, afterReposts: item.afterReposts });
        break;
      case "delete":
        if ("time" in item.when) plan.deleteTime = Math.min(plan.deleteTime, item.when.time);
        else plan.deleteAtReposts = Math.min(plan.deleteAtReposts, item.when.reposts);
        break;
      case "throttle":
        plan.throttles.push({ when: item.when, share: item.share });
        break;
      case "label":
        plan.labels.push({ when: item.when, share: item.factor });
        break;
      case "group-cap":
        markGroupCap(graph, memberships(graph, context.facts, field), item.maxSize, removed());
        break;
      case "group-forward-limit":
        markForwardLimit(graph, memberships(graph, context.facts, field), item.maxGroups, removed());
        break;
      case "cut-links":
        markLinks(graph, item.links, removed(), `${field}.links`);
        break;
      case "cut-community": {
        const community = context.facts?.community;
        if (!community || community.length !== graph.n || community.every((c) => c < 0)) {
          throw new InterventionError(
            `${field}.community`,
            "this graph has no communities (the sbm preset has them).",
            { code: "notInGraph", field: `${field}.community`, missing: "communities" },
          );
        }
        markCommunityInlinks(graph, community, item.community, removed());
        break;
      }
      case "counter-message":
        plan.counterMessages.push({
          seeds: accountIndices(graph, item.accounts, `${field}.accounts`),
          time: item.time,
          p: item.p,
          medianDelay: item.delayMinutes * 60,
        });
        break;
    }
  });
  if (plan.removedEdges) plan.graph = withoutEdges(graph, plan.removedEdges);
  return plan;
}

/**
 * The last plan compiled, reused while the graph (by identity), the facts, the source and the
 * interventions (by value: a worker gets a fresh copy with every message) stay the same. A plan can
 * cost a centrality ranking or a copy of the graph, and a worker is asked the same again and again.
 */
export class PlanCache {
  private last: {
    graph: CompiledGraph;
    facts: GraphFacts | undefined;
    source: number;
    key: string;
    plan: InterventionPlan;
  } | null = null;

  compile(
    graph: CompiledGraph,
    interventions: readonly Intervention[],
    context: PlanContext,
  ): InterventionPlan {
    const key = JSON.stringify(interventions);
    const last = this.last;
    if (
      last &&
      last.graph === graph &&
      last.facts === context.facts &&
      last.source === context.source &&
      last.key === key
    )
      return last.plan;
    const plan = compileInterventions(graph, interventions, context);
    this.last = { graph, facts: context.facts, source: context.source, key, plan };
    return plan;
  }
}

/** Whether the plan changes nothing at all (no need to run the intervention side). */
export function isEmptyPlan(plan: InterventionPlan): boolean {
  return (
    plan.suspendedAccounts.length === 0 &&
    plan.removedEdges === null &&
    plan.deleteTime === Number.POSITIVE_INFINITY &&
    plan.deleteAtReposts === Number.POSITIVE_INFINITY &&
    plan.throttles.length === 0 &&
    plan.labels.length === 0 &&
    plan.suspendNext.length === 0 &&
    plan.counterMessages.length === 0
  );
}

const THROTTLE_SALT = 1;
const LABEL_SALT = 2;

/**
 * Wraps any recorder and refuses the reposts the plan forbids. Event indices
 * are the inner recorder's: every accepted repost is passed on, in order.
 */
export class InterventionRecorder implements Recorder {
  /** Account and time of each accepted event, by event index. */
  private readonly eventNode: number[] = [];
  private readonly eventTime: number[] = [];
  private reposts = 0;
  /** When each throttle / label started (Infinity: not yet). */
  readonly throttleStart: number[];
  readonly labelStart: number[];
  private readonly nextSuspended: Array<Set<number>>;
  /** When each account first saw a correction (the workspace's buffer), or null: no counter-message. */
  private readonly immuneFrom: NodeTimes | null;
  private readonly key: number;

  constructor(
    private readonly inner: Recorder,
    private readonly plan: InterventionPlan,
    rng: Rng,
    horizon: number,
    /** Lends the counter-message buffers: one recorder at a time per workspace. */
    workspace: Workspace,
  ) {
    const stream = rng.fork("intervention");
    this.key = stream.key;
    const start = (when: Trigger) => ("time" in when ? when.time : when.reposts === 0 ? 0 : Infinity);
    this.throttleStart = plan.throttles.map((t) => start(t.when));
    this.labelStart = plan.labels.map((t) => start(t.when));
    this.nextSuspended = plan.suspendNext.map(() => new Set<number>());
    if (plan.counterMessages.length > 0) {
      // The earliest sight over all corrections; stamped buffers, so a run costs what they reach.
      const { seen, posted, queue } = workspace.correction;
      seen.reset(plan.graph.n);
      plan.counterMessages.forEach((message, k) => {
        correctionSeenTimes(plan.graph, message, stream.fork(`counter-${k}`), horizon, seen, posted, queue);
      });
      this.immuneFrom = seen;
    } else {
      this.immuneFrom = null;
    }
  }

  get done(): boolean {
    return this.inner.done;
  }

  isActive(node: number): boolean {
    return this.inner.isActive(node);
  }

  activate(node: number, time: number, parent: number): number {
    // Parent -1 is the source, once. Later, it can only mean a model spread from a refused repost
    // (the -1 it got back): refuse that too, so a refusal takes its whole would-be subtree with it.
    const refuse = parent < 0 ? this.eventNode.length > 0 : !this.allows(node, time, parent);
    if (refuse) return -1;
    // Count triggers start with the repost that reaches the count, so `audienceShare` is right
    // for that repost already while it is being recorded.
    if (parent >= 0) this.startCountTriggers(this.reposts + 1, time);
    const index = this.inner.activate(node, time, parent);
    if (index < 0) return index;
    this.eventNode[index] = node;
    this.eventTime[index] = time;
    if (parent >= 0) this.reposts++;
    return index;
  }

  private allows(node: number, time: number, parent: number): boolean {
    const { plan } = this;
    if (plan.suspended[node] === 1) return false;
    const poster = this.eventNode[parent];
    const postedAt = this.eventTime[parent];
    // Seeing the correction before the rumour reached it (when the parent posted) makes an account immune.
    if (this.immuneFrom && this.immuneFrom.get(node) <= postedAt) return false;
    for (let k = 0; k < plan.throttles.length; k++) {
      if (
        postedAt >= this.throttleStart[k] &&
        keyedCoin(this.key, THROTTLE_SALT + 16 * k, poster, node) >= plan.throttles[k].share
      )
        return false;
    }
    for (let k = 0; k < plan.labels.length; k++) {
      if (
        time >= this.labelStart[k] &&
        keyedCoin(this.key, LABEL_SALT + 16 * k, poster, node) >= plan.labels[k].share
      )
        return false;
    }
    for (let k = 0; k < plan.suspendNext.length; k++) {
      const rule = plan.suspendNext[k];
      const taken = this.nextSuspended[k];
      if (taken.has(node)) return false;
      if (this.reposts >= rule.afterReposts && taken.size < rule.count) {
        taken.add(node);
        return false;
      }
    }
    return true;
  }

  private startCountTriggers(reposts: number, time: number): void {
    const { plan } = this;
    for (let k = 0; k < plan.throttles.length; k++) {
      const when = plan.throttles[k].when;
      if ("reposts" in when && this.throttleStart[k] === Infinity && reposts >= when.reposts)
        this.throttleStart[k] = time;
    }
    for (let k = 0; k < plan.labels.length; k++) {
      const when = plan.labels[k].when;
      if ("reposts" in when && this.labelStart[k] === Infinity && reposts >= when.reposts)
        this.labelStart[k] = time;
    }
  }

  /**
   * Share of its audience a post made at `time` is shown to: the product of
   * the throttles in force then (1 when none). Valid for the repost being
   * recorded, so a summary recorder can scale views as they come.
   */
  audienceShare(time: number): number {
    let share = 1;
    for (let k = 0; k < this.plan.throttles.length; k++) {
      if (time >= this.throttleStart[k]) share *= this.plan.throttles[k].share;
    }
    return share;
  }
}

/** The part of an audience a throttled post is shown to, rounded to whole accounts (Monte Carlo and `simulate()` alike). */
export function shownAudience(audience: number, share: number): number {
  return share < 1 ? Math.round(audience * share) : audience;
}
