/**
 * `repost-threshold chart KIND`: renders a chart of a simulated scenario to
 * a standalone SVG file, with the same chart code as the app (the document
 * comes from jsdom).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { cascadeTreeChart, cascadeTreeRows } from "../../charts/cascade-tree.ts";
import { crossingTimesChart, crossingTimesRows } from "../../charts/crossing-times.ts";
import { type CsvValue, chartDataCsv, serializeSvg } from "../../charts/export.ts";
import { fanChart, fanChartRows } from "../../charts/fan-chart.ts";
import { forceLayout } from "../../charts/force-layout.ts";
import { cascadeOnGraph, networkChart } from "../../charts/network.ts";
import { type ChartContext, LIGHT_THEME, PRESENTATION_THEME } from "../../charts/svg.ts";
import { timeSeriesChart } from "../../charts/time-series.ts";
import { indexById } from "../../core/compiled-graph.ts";
import { formatCount } from "../../core/format.ts";
import { cumulativeSeries } from "../../core/legal.ts";
import { getModel } from "../../core/models/index.ts";
import { validateParams } from "../../core/models/model.ts";
import {
  type MonteCarloSummary,
  prepareScenarioBatch,
  runScenarioBatch,
  summarize,
} from "../../core/monte-carlo.ts";
import { cascadeViewAccounts, inducedSubgraph, NETWORK_VIEW_LIMIT } from "../../core/network-view.ts";
import { buildGraph, runScenario, type Scenario } from "../../core/scenario.ts";
import { numberOption, UsageError } from "../args.ts";
import { scenarioFromValues, scenarioOptionSpecs, stringValue } from "../scenario-args.ts";

export const CHART_KINDS = ["timeseries", "fan", "crossings", "tree", "network"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const chartUsage = `repost-threshold chart ${CHART_KINDS.join("|")} [options]
  timeseries         reposts and views over time, one run, crossings marked
  fan                Monte Carlo fan: median and 25–75% / 5–95% of runs over time
  crossings          Monte Carlo crossing times (CDF; --histogram for bars)
  tree               the repost tree of one run (--layout tidy|radial)
  network            the network with the cascade on it (force layout)
  --out FILE.svg     write the SVG here (default: print it)
  --csv FILE.csv     also write the chart's data as CSV
  --runs R           Monte Carlo runs for fan and crossings (default 200)
  --layout L         tree layout: tidy (default) or radial
  --histogram        crossings as a histogram instead of a CDF
  --theme T          light (default) or presentation (large type, thick lines)
  --width W --height H   size in pixels
  --title TEXT       chart title
  and the scenario options of simulate: --preset --nodes --seed --model --p ... --hours --reposts --views --view-rate`;

const EXTRA = ["out", "csv", "runs", "layout", "histogram", "theme", "width", "height", "title"];

/** R runs of the scenario with the engine's batch runner (run i draws from `runRng(seed, i)`). */
export function chartMonteCarlo(
  scenario: Scenario,
  runs: number,
): { summary: MonteCarloSummary; source: string } {
  const batch = prepareScenarioBatch(scenario, buildGraph(scenario));
  return { summary: summarize(runScenarioBatch(batch, 0, runs)), source: batch.sourceId };
}

function scenarioCaption(
  scenario: Scenario,
  params: Record<string, number>,
  source: string,
  runs?: number,
): string {
  const paramText = Object.entries(params)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
  return [
    `Simulated: ${scenario.preset} preset, ${formatCount(scenario.nodes)} accounts, model ${scenario.model} (${paramText}), source ${source}, seed '${scenario.seed}'${runs ? `, ${formatCount(runs)} runs` : ""}.`,
    `Legal line: ${formatCount(scenario.rules.thresholds.reposts)} reposts or ${formatCount(scenario.rules.thresholds.views)} views (view rate ${scenario.rules.viewRate}). Repost Threshold Lab.`,
  ].join("\n");
}

async function jsdomContext(): Promise<ChartContext> {
  // Loaded on demand: only this command needs a DOM.
  const { JSDOM } = await import("jsdom");
  return { document: new JSDOM("<!doctype html><html><body></body></html>").window.document };
}

export async function runChart(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    options: {
      ...scenarioOptionSpecs(),
      out: { type: "string" },
      csv: { type: "string" },
      runs: { type: "string" },
      layout: { type: "string" },
      histogram: { type: "boolean" },
      theme: { type: "string" },
      width: { type: "string" },
      height: { type: "string" },
      title: { type: "string" },
    },
  });
  const kind = positionals[0];
  if (!kind || !(CHART_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      `${kind ? `unknown chart '${kind}'.` : "which chart?"} Use one of ${CHART_KINDS.join(", ")}.\n\n${chartUsage}`,
    );
  }
  // Options first: "--bogus 1" reads as a flag and a stray "1", and the flag is the real mistake.
  const scenario = scenarioFromValues(values, EXTRA, chartUsage);
  if (positionals.length > 1)
    throw new UsageError(`one chart at a time; extra argument '${positionals[1]}'.`);
  const str = (key: string) => stringValue(values, key);
  const runs = numberOption("runs", str("runs"), 200);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000)
    throw new UsageError(`--runs: ${runs}. Should be a whole number from 1 to 100000.`);
  const layout = str("layout") ?? "tidy";
  if (layout !== "tidy" && layout !== "radial")
    throw new UsageError(`--layout: '${layout}'. Use tidy or radial.`);
  const themeName = str("theme") ?? "light";
  if (themeName !== "light" && themeName !== "presentation")
    throw new UsageError(`--theme: '${themeName}'. Use light or presentation.`);
  const theme = themeName === "presentation" ? PRESENTATION_THEME : LIGHT_THEME;
  const size = (key: "width" | "height") => {
    const v = numberOption(key, str(key));
    if (v !== undefined && !(Number.isInteger(v) && v >= 200 && v <= 10_000))
      throw new UsageError(`--${key}: ${v}. Should be a whole number of pixels from 200 to 10000.`);
    return v;
  };
  const common = { theme, width: size("width"), height: size("height"), title: str("title") };
  const context = await jsdomContext();

  let element: SVGSVGElement;
  let rows: ReadonlyArray<Readonly<Record<string, CsvValue>>>;
  if (kind === "fan" || kind === "crossings") {
    const { summary, source } = chartMonteCarlo(scenario, runs);
    const params = validateParams(getModel(scenario.model), scenario.params, scenario.preset);
    const caption = scenarioCaption(scenario, params, source, runs);
    if (kind === "fan") {
      const data = {
        time: summary.fan.time,
        reposts: summary.fan.reposts,
        views: summary.fan.views,
        thresholds: scenario.rules.thresholds,
        runs,
      };
      element = fanChart(data, { ...common, caption }, context);
      rows = fanChartRows(data);
    } else {
      const data = { reposts: summary.crossingTimes.reposts, views: summary.crossingTimes.views, runs };
      element = crossingTimesChart(
        data,
        { ...common, caption, kind: values.histogram ? "histogram" : "cdf" },
        context,
      );
      rows = crossingTimesRows(data);
    }
  } else {
    const built = buildGraph(scenario);
    const run = runScenario(scenario, built);
    let caption = scenarioCaption(scenario, run.params, run.source);
    if (kind === "timeseries") {
      const series = cumulativeSeries(run.cascade, scenario.rules);
      element = timeSeriesChart({ series, report: run.report }, { ...common, caption }, context);
      rows = Array.from(series.time, (time, i) => ({
        time,
        reposts: series.reposts[i],
        views: series.hasViews ? series.views[i] : null,
      }));
    } else if (kind === "tree") {
      const data = { events: run.cascade.events, crossings: run.report.crossing };
      element = cascadeTreeChart(data, { ...common, caption, layout }, context);
      rows = cascadeTreeRows(data);
    } else {
      // Above NETWORK_VIEW_LIMIT accounts a force layout of everyone would take minutes: draw the cascade's part, as the app does.
      const whole = built.compiled;
      let compiled = whole;
      if (whole.n > NETWORK_VIEW_LIMIT) {
        const index = indexById(whole.ids);
        const at = (id: string) => index.get(id) ?? -1;
        const accounts = cascadeViewAccounts(
          whole,
          at(run.source),
          run.cascade.events.map((e) => at(e.account)),
        );
        compiled = inducedSubgraph(whole, accounts);
      }
      if (compiled !== whole) {
        caption = `${caption} Drawn: the cascade's ${formatCount(compiled.n)} of ${formatCount(whole.n)} accounts.`;
      }
      const { repostTime, parentOf } = cascadeOnGraph(compiled.ids, run.cascade.events);
      element = networkChart(
        {
          n: compiled.n,
          ids: compiled.ids,
          positions: forceLayout(compiled),
          offsets: compiled.offsets,
          targets: compiled.targets,
          audience: compiled.audience,
          repostTime,
          parentOf,
          source: compiled.ids.indexOf(run.source),
          crossings: run.report.crossing,
        },
        { ...common, caption },
        context,
      );
      rows = run.cascade.events.map((event, index) => ({
        index,
        account: event.account,
        parent: event.parent,
        time: event.time,
        depth: event.depth,
        audience: event.audience,
      }));
    }
  }
  const markup = serializeSvg(element);
  const csvFile = str("csv");
  if (csvFile) writeFileSync(csvFile, chartDataCsv(rows));
  const out = str("out");
  if (!out) return markup.trimEnd();
  writeFileSync(out, markup);
  return `wrote ${out} (${formatCount(Buffer.byteLength(markup))} bytes)${csvFile ? ` and ${csvFile}` : ""}`;
}
