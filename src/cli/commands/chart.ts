/**
 * `repost-threshold chart KIND`: renders a chart of a simulated scenario to
 * a standalone SVG file, with the same chart code as the app (the document
 * comes from jsdom).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { bisectRight } from "d3-array";
import { cascadeTreeChart, cascadeTreeRows } from "../../charts/cascade-tree.ts";
import { crossingTimesChart, crossingTimesRows } from "../../charts/crossing-times.ts";
import { type CsvValue, chartDataCsv, serializeSvg } from "../../charts/export.ts";
import { fanChart, fanChartRows, fanQuantiles } from "../../charts/fan-chart.ts";
import { cascadeOnGraph, networkChart } from "../../charts/network.ts";
import { type ChartContext, LIGHT_THEME, PRESENTATION_THEME } from "../../charts/svg.ts";
import { timeSeriesChart } from "../../charts/time-series.ts";
import { formatCount } from "../../core/format.ts";
import { cumulativeSeries, evaluateLine } from "../../core/legal.ts";
import { getModel } from "../../core/models/index.ts";
import { validateParams } from "../../core/models/model.ts";
import { Rng } from "../../core/random.ts";
import { buildGraph, defaultSource, runScenario, type Scenario, ScenarioError } from "../../core/scenario.ts";
import { simulate } from "../../core/simulate.ts";
import { numberOption, UsageError } from "../args.ts";
import { forceLayout } from "../force-layout.ts";
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

export interface MonteCarloSummary {
  grid: Float64Array;
  runs: number;
  /** Run by run: `gridReposts[r * grid.length + k]` (the Monte Carlo batch's layout). */
  gridReposts: Float64Array;
  gridViews: Float64Array;
  hasViews: boolean;
  /** Crossing times (seconds) of the runs that crossed. */
  repostCrossings: Float64Array;
  viewCrossings: Float64Array;
}

/**
 * R runs of the scenario in this process: run i draws from
 * `Rng(seed).fork("monte-carlo").fork(i)` (the streams of the engine's batch
 * runner), and its running totals are read off at grid times that end where
 * 95% of each run's events have happened (at most the horizon).
 */
export function monteCarlo(scenario: Scenario, runs: number, points = 121): MonteCarloSummary {
  const built = buildGraph(scenario);
  const model = getModel(scenario.model);
  const params = validateParams(model, scenario.params, scenario.preset);
  const source = scenario.source ?? defaultSource(built);
  const sourceIndex = built.compiled.ids.indexOf(source);
  if (sourceIndex < 0) throw new ScenarioError("source", `no account '${source}' in this graph.`);
  const base = new Rng(scenario.seed).fork("monte-carlo");
  const series = [];
  const repostCrossings: number[] = [];
  const viewCrossings: number[] = [];
  let end = 60;
  for (let run = 0; run < runs; run++) {
    const cascade = simulate(built.compiled, model, params, base.fork(run), {
      source: sourceIndex,
      horizon: scenario.horizon,
    });
    const s = cumulativeSeries(cascade, scenario.rules);
    const report = evaluateLine(cascade, scenario.rules);
    if (report.crossing.reposts) repostCrossings.push(report.crossing.reposts.time);
    if (report.crossing.views) viewCrossings.push(report.crossing.views.time);
    if (s.time.length)
      end = Math.max(end, s.time[Math.min(s.time.length - 1, Math.floor(s.time.length * 0.95))]);
    series.push(s);
  }
  end = Math.min(scenario.horizon, end * 1.1);
  const grid = Float64Array.from({ length: points }, (_, k) => (end * k) / (points - 1));
  const gridReposts = new Float64Array(runs * points);
  const gridViews = new Float64Array(runs * points);
  series.forEach((s, r) => {
    for (let k = 0; k < points; k++) {
      // The running total after the last event at or before the grid time.
      const at = bisectRight(s.time, grid[k]) - 1;
      gridReposts[r * points + k] = at >= 0 ? s.reposts[at] : 0;
      gridViews[r * points + k] = at >= 0 ? s.views[at] : 0;
    }
  });
  return {
    grid,
    runs,
    gridReposts,
    gridViews,
    hasViews: series.every((s) => s.hasViews),
    repostCrossings: Float64Array.from(repostCrossings),
    viewCrossings: Float64Array.from(viewCrossings),
  };
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
    const summary = monteCarlo(scenario, runs);
    const params = validateParams(getModel(scenario.model), scenario.params, scenario.preset);
    const source = scenario.source ?? defaultSource(buildGraph(scenario));
    const caption = scenarioCaption(scenario, params, source, runs);
    if (kind === "fan") {
      const G = summary.grid.length;
      const data = {
        time: summary.grid,
        reposts: fanQuantiles(summary.gridReposts, runs, G),
        views: summary.hasViews ? fanQuantiles(summary.gridViews, runs, G) : null,
        thresholds: scenario.rules.thresholds,
        runs,
      };
      element = fanChart(data, { ...common, caption }, context);
      rows = fanChartRows(data);
    } else {
      const data = {
        reposts: summary.repostCrossings,
        views: summary.hasViews ? summary.viewCrossings : null,
        runs,
      };
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
    const caption = scenarioCaption(scenario, run.params, run.source);
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
      const { compiled } = built;
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
