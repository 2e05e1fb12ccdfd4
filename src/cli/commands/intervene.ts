import { parseArgs } from "node:util";
import { formatCount, formatDuration } from "../../core/format.ts";
import {
  CENTRALITIES,
  type Centrality,
  type Change,
  compareCentralities,
  compareIntervention,
  describeIntervention,
  type Interval,
  type Intervention,
  interventionSetup,
  latestSafeTime,
  minimalSuspension,
  type OutcomeSummary,
  type Prong,
  runOutcomes,
} from "../../core/interventions/index.ts";
import { buildGraph, type Scenario } from "../../core/scenario.ts";
import { numberOption, UsageError } from "../args.ts";
import { scenarioFromValues, scenarioOptionSpecs, stringValue } from "../scenario-args.ts";

export const interveneUsage = `repost-threshold intervene [options]
  (graph, model and counting options as for simulate: --preset --nodes --seed --model --p ... --source --hours --reposts --views --view-rate)
  --suspend C:K              suspend the top K accounts by centrality C (${CENTRALITIES.join(", ")})
  --suspend-accounts A,B     suspend these accounts
  --suspend-next N:K         suspend the next N reposters once reposts reach K
  --delete-at SECONDS        delete the post at this time
  --delete-at-reposts N      delete the post when reposts reach N
  --throttle T:SHARE         from T seconds, show posts to only SHARE (0-1) of each audience
  --throttle-at-reposts N:SHARE   the same, from when reposts reach N
  --label T:FACTOR           warning label from T seconds: repost probability x FACTOR
  --group-cap N              cap group chats at N members
  --group-forward K          forward into at most K groups
  --cut-community C          cut every link into community C (sbm preset)
  --counter A,B:T:P          correction from accounts A,B at T seconds, passed on with probability P
  --runs R                   Monte Carlo runs (default 200)
  --prong reposts|views|either   crossing used by the searches (default reposts)
  --latest-safe-delete TARGET     latest deletion time keeping the chance of crossing <= TARGET (0-1)
  --latest-safe-throttle TARGET:SHARE   the same for a throttle to SHARE
  --min-suspend TARGET       greedy smallest set of accounts to suspend for chance <= TARGET
  --compare-centralities K   suspend the top K by each centrality, one row each
  --json                     print one JSON object`;

const STRATEGY_KEYS = [
  "suspend",
  "suspend-accounts",
  "suspend-next",
  "delete-at",
  "delete-at-reposts",
  "throttle",
  "throttle-at-reposts",
  "label",
  "group-cap",
  "group-forward",
  "cut-community",
  "counter",
] as const;
const SEARCH_KEYS = [
  "latest-safe-delete",
  "latest-safe-throttle",
  "min-suspend",
  "compare-centralities",
] as const;

/** "A:B" -> two parts; refuses anything else naming the option. */
function pair(option: string, raw: string): [string, string] {
  const at = raw.lastIndexOf(":");
  if (at <= 0 || at === raw.length - 1) throw new UsageError(`--${option}: '${raw}' should look like X:Y.`);
  return [raw.slice(0, at), raw.slice(at + 1)];
}

/** A number from an option value that is present. */
function num(option: string, raw: string): number {
  return numberOption(option, raw, Number.NaN);
}

function parseStrategies(str: (key: string) => string | undefined): Intervention[] {
  const list: Intervention[] = [];
  const suspend = str("suspend");
  if (suspend !== undefined) {
    const [centrality, count] = pair("suspend", suspend);
    if (!(CENTRALITIES as readonly string[]).includes(centrality)) {
      throw new UsageError(
        `--suspend: unknown centrality '${centrality}'. Use one of ${CENTRALITIES.join(", ")}.`,
      );
    }
    list.push({
      kind: "suspend-top",
      centrality: centrality as Centrality,
      count: num("suspend", count),
    });
  }
  const accounts = str("suspend-accounts");
  if (accounts !== undefined) list.push({ kind: "suspend", accounts: accounts.split(",").filter(Boolean) });
  const next = str("suspend-next");
  if (next !== undefined) {
    const [count, after] = pair("suspend-next", next);
    list.push({
      kind: "suspend-next",
      count: num("suspend-next", count),
      afterReposts: num("suspend-next", after),
    });
  }
  const deleteAt = numberOption("delete-at", str("delete-at"));
  if (deleteAt !== undefined) list.push({ kind: "delete", when: { time: deleteAt } });
  const deleteAtReposts = numberOption("delete-at-reposts", str("delete-at-reposts"));
  if (deleteAtReposts !== undefined) list.push({ kind: "delete", when: { reposts: deleteAtReposts } });
  const throttle = str("throttle");
  if (throttle !== undefined) {
    const [time, share] = pair("throttle", throttle);
    list.push({
      kind: "throttle",
      when: { time: num("throttle", time) },
      share: num("throttle", share),
    });
  }
  const throttleCount = str("throttle-at-reposts");
  if (throttleCount !== undefined) {
    const [reposts, share] = pair("throttle-at-reposts", throttleCount);
    list.push({
      kind: "throttle",
      when: { reposts: num("throttle-at-reposts", reposts) },
      share: num("throttle-at-reposts", share),
    });
  }
  const label = str("label");
  if (label !== undefined) {
    const [time, factor] = pair("label", label);
    list.push({
      kind: "label",
      when: { time: num("label", time) },
      factor: num("label", factor),
    });
  }
  const cap = numberOption("group-cap", str("group-cap"));
  if (cap !== undefined) list.push({ kind: "group-cap", maxSize: cap });
  const forward = numberOption("group-forward", str("group-forward"));
  if (forward !== undefined) list.push({ kind: "group-forward-limit", maxGroups: forward });
  const community = numberOption("cut-community", str("cut-community"));
  if (community !== undefined) list.push({ kind: "cut-community", community });
  const counter = str("counter");
  if (counter !== undefined) {
    const parts = counter.split(":");
    if (parts.length !== 3) throw new UsageError(`--counter: '${counter}' should look like A,B:SECONDS:P.`);
    list.push({
      kind: "counter-message",
      accounts: parts[0].split(",").filter(Boolean),
      time: num("counter", parts[1]),
      p: num("counter", parts[2]),
      delayMinutes: 20,
    });
  }
  return list;
}

function intervalText(i: Interval): string {
  return `${(i.estimate * 100).toFixed(1)}% (95% ${(i.low * 100).toFixed(1)}-${(i.high * 100).toFixed(1)}%)`;
}

function changeText(c: Change): string {
  const points = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}`;
  return `${points(c.change)} points (95% ${points(c.low)} to ${points(c.high)})`;
}

function summaryText(name: string, s: OutcomeSummary): string {
  const median = s.crossingTime.reposts ? formatDuration(s.crossingTime.reposts.p50) : "never";
  return `${name}: P(>= reposts line) ${intervalText(s.probability.reposts)}, P(>= views line) ${intervalText(
    s.probability.views,
  )}, median crossing ${median}, reposts mean ${formatCount(s.finalReposts.mean)} (p95 ${formatCount(s.finalReposts.p95)})`;
}

/** The summary as documented in the README (`simulate --runs` field names). */
function summaryJson(s: OutcomeSummary) {
  return {
    runs: s.runs,
    probability: s.probability,
    crossingTime: s.crossingTime,
    finalReposts: s.finalReposts,
    finalViews: s.finalViews,
  };
}

export function runIntervene(argv: string[]): string {
  const extra = [...STRATEGY_KEYS, ...SEARCH_KEYS, "runs", "prong"];
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      ...scenarioOptionSpecs(),
      ...Object.fromEntries(extra.map((k) => [k, { type: "string" as const }])),
      json: { type: "boolean" },
    },
  });
  const str = (key: string): string | undefined => stringValue(values, key);
  const scenario: Scenario = scenarioFromValues(values, [...extra, "json"], interveneUsage);
  const { preset, model: modelId } = scenario;
  const runs = numberOption("runs", str("runs"), 200);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) {
    throw new UsageError(`--runs: ${runs}. Should be a whole number from 1 to 100000.`);
  }
  const prong = (str("prong") ?? "reposts") as Prong;
  if (!["reposts", "views", "either"].includes(prong)) {
    throw new UsageError(`--prong: unknown prong '${prong}'. Use one of reposts, views, either.`);
  }
  const interventions = parseStrategies(str);
  const searches = SEARCH_KEYS.filter((k) => values[k] !== undefined);
  if (interventions.length === 0 && searches.length === 0) {
    throw new UsageError(`give at least one strategy or search.\n\n${interveneUsage}`);
  }
  const built = buildGraph(scenario);
  const setup = interventionSetup({ ...scenario, interventions }, built);
  const baseline = runOutcomes(setup, runs);
  const comparison = compareIntervention(setup, interventions, runs, { facts: built.facts }, baseline);
  const out: Record<string, unknown> = {
    preset,
    nodes: scenario.nodes,
    seed: scenario.seed,
    model: modelId,
    params: setup.params,
    source: built.compiled.ids[setup.source],
    interventions,
    suspended: comparison.plan.suspendedAccounts.map((i) => built.compiled.ids[i]),
    baseline: summaryJson(comparison.baseline),
    intervention: summaryJson(comparison.intervention),
    effect: comparison.effect,
  };
  const text = [
    `${preset}, ${scenario.nodes} accounts, seed '${scenario.seed}', model ${modelId}, source ${out.source}, ${runs} runs on common random numbers`,
    `strategy: ${interventions.map(describeIntervention).join(" + ") || "none"}${
      comparison.plan.suspendedAccounts.length
        ? ` (suspended: ${(out.suspended as string[]).slice(0, 20).join(", ")})`
        : ""
    }`,
    summaryText("baseline    ", comparison.baseline),
    summaryText("intervention", comparison.intervention),
    `effect: reposts line ${changeText(comparison.effect.probability.reposts)}, views line ${changeText(
      comparison.effect.probability.views,
    )}; median crossing delayed by ${
      comparison.effect.delay.reposts === null ? "n/a" : formatDuration(comparison.effect.delay.reposts)
    }; ${formatCount(comparison.effect.avertedReposts)} reposts and ${formatCount(comparison.effect.avertedViews)} views averted per run`,
  ];
  const search = { runs, prong };
  const latestDelete = str("latest-safe-delete");
  if (latestDelete !== undefined) {
    const target = num("latest-safe-delete", latestDelete);
    const result = latestSafeTime(setup, { kind: "delete" }, { ...search, target });
    out.latestSafeDelete = { target, ...result };
    text.push(
      result.time === null
        ? `latest safe deletion: none (even at 0 s the chance is ${intervalText(result.probability)})`
        : result.safeWithoutIntervention
          ? `latest safe deletion: not needed (chance ${intervalText(result.probability)} without intervention)`
          : `latest safe deletion: ${formatDuration(result.time)} (${result.time} s), chance ${intervalText(result.probability)}`,
    );
  }
  const latestThrottle = str("latest-safe-throttle");
  if (latestThrottle !== undefined) {
    const [targetRaw, shareRaw] = pair("latest-safe-throttle", latestThrottle);
    const target = num("latest-safe-throttle", targetRaw);
    const share = num("latest-safe-throttle", shareRaw);
    const result = latestSafeTime(setup, { kind: "throttle", share }, { ...search, target });
    out.latestSafeThrottle = { target, share, ...result };
    text.push(
      result.time === null
        ? `latest safe throttle to ${share}: none (even at 0 s the chance is ${intervalText(result.probability)})`
        : `latest safe throttle to ${share}: ${formatDuration(result.time)} (${result.time} s), chance ${intervalText(result.probability)}`,
    );
  }
  const minSuspend = str("min-suspend");
  if (minSuspend !== undefined) {
    const target = num("min-suspend", minSuspend);
    const result = minimalSuspension(setup, { ...search, target });
    out.minSuspend = { target, ...result };
    text.push(
      `${result.reached ? "smallest suspension found" : "suspension search did not reach the target"}: ${
        result.accounts.join(", ") || "nobody"
      }, chance ${intervalText(result.probability)}`,
    );
  }
  const centralities = str("compare-centralities");
  if (centralities !== undefined) {
    const count = num("compare-centralities", centralities);
    const rows = compareCentralities(setup, { runs, count, prong });
    out.centralities = rows;
    for (const row of rows) text.push(`  ${row.label.padEnd(28)} ${intervalText(row)}`);
  }
  return values.json ? JSON.stringify(out) : text.join("\n");
}
