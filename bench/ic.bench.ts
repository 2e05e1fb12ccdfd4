/**
 * Independent Cascade, typed arrays against plain graphology, side by side on
 * a 100,000-account preferential-attachment follower graph (about 500,000
 * edges), from its most followed account, at p = 0.1 and p = 0.2.
 */
import { compiledBytes, compileGraph } from "../src/core/compiled-graph.ts";
import { weibo } from "../src/core/generators/weibo.ts";
import { DEFAULT_RULES } from "../src/core/legal.ts";
import { independentCascade } from "../src/core/models/independent-cascade.ts";
import { createWorkspace, validateParams } from "../src/core/models/model.ts";
import { defaultGrid, runBatch } from "../src/core/monte-carlo.ts";
import { createRng } from "../src/core/random.ts";
import { simulate } from "../src/core/simulate.ts";
import { naiveIndependentCascade } from "./naive-ic.ts";

const BUDGET_MS = 3000;
const HORIZON = 72 * 3600;

function timeUntilBudget(step: () => number): { runs: number; millis: number; examined: number } {
  let runs = 0;
  let examined = 0;
  const started = performance.now();
  let millis = 0;
  while (millis < BUDGET_MS) {
    examined += step();
    runs++;
    millis = performance.now() - started;
  }
  return { runs, millis, examined };
}

export function benchIndependentCascade(): string {
  const built = performance.now();
  const graph = weibo(
    {
      n: 100_000,
      follows: 5,
      reciprocity: 0,
      bigV: 0,
      bigVMaxFollowers: 1,
      medianFollowers: 120,
      botShare: 0,
    },
    createRng("bench").fork("graph"),
  );
  const buildMillis = performance.now() - built;
  const compiledAt = performance.now();
  const compiled = compileGraph(graph);
  const compileMillis = performance.now() - compiledAt;
  let hub = 0;
  for (let i = 1; i < compiled.n; i++) {
    if (compiled.offsets[i + 1] - compiled.offsets[i] > compiled.offsets[hub + 1] - compiled.offsets[hub])
      hub = i;
  }
  const lines = [
    `graph: ${compiled.n.toLocaleString("en-US")} accounts, ${compiled.m.toLocaleString("en-US")} follower links (built in ${buildMillis.toFixed(0)} ms, compiled in ${compileMillis.toFixed(0)} ms)`,
    `compiled graph: ${(compiledBytes(compiled) / 1e6).toFixed(2)} MB of typed arrays (target < 10 MB)`,
    `source: account ${compiled.ids[hub]} with ${compiled.offsets[hub + 1] - compiled.offsets[hub]} followers`,
    "",
    "| p | implementation | runs/s | ns per edge examined | edges examined per run | speed-up |",
    "|---|---|---:|---:|---:|---:|",
  ];
  for (const p of [0.1, 0.2]) {
    const rng = createRng(`naive-${p}`);
    let r = 0;
    const naive = timeUntilBudget(
      () => naiveIndependentCascade(graph, compiled.ids[hub], p, 20, 1.2, HORIZON, rng.fork(r++)).examined,
    );
    const params = validateParams(independentCascade, { p, botP: p, delayMinutes: 20, delaySpread: 1.2 });
    const workspace = createWorkspace();
    const grid = defaultGrid(HORIZON);
    let from = 0;
    const chunk = 200;
    const typed = timeUntilBudget(() => {
      const partial = runBatch(compiled, independentCascade, params, DEFAULT_RULES, {
        seed: `typed-${p}`,
        from,
        to: from + chunk,
        source: hub,
        horizon: HORIZON,
        grid,
        workspace,
      });
      from += chunk;
      return partial.edgesExamined;
    });
    typed.runs *= chunk;
    const eventRng = createRng(`events-${p}`);
    let e = 0;
    const withEvents = timeUntilBudget(() => {
      const cascade = simulate(compiled, independentCascade, params, eventRng.fork(e++), {
        source: hub,
        horizon: HORIZON,
        workspace,
      });
      let examined = 0;
      for (const event of cascade.events) {
        const i = Number(event.account);
        examined += compiled.offsets[i + 1] - compiled.offsets[i];
      }
      return examined;
    });
    const rate = (t: typeof naive) => t.runs / (t.millis / 1000);
    const nsPerEdge = (t: typeof naive) => (t.millis * 1e6) / t.examined;
    const row = (name: string, t: typeof naive, ratio: string) =>
      `| ${p} | ${name} | ${rate(t).toFixed(0)} | ${nsPerEdge(t).toFixed(2)} | ${(t.examined / t.runs).toFixed(0)} | ${ratio} |`;
    lines.push(row("graphology (bench/naive-ic.ts)", naive, "1"));
    lines.push(
      row(
        "typed arrays, simulate() with event objects",
        withEvents,
        `${(rate(withEvents) / rate(naive)).toFixed(1)}x`,
      ),
    );
    lines.push(row("typed arrays, Monte Carlo path", typed, `${(rate(typed) / rate(naive)).toFixed(1)}x`));
  }
  return lines.join("\n");
}
