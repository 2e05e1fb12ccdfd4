/**
 * Scale: the cost of each stage at 1,000 / 10,000 / 100,000 accounts on the
 * Weibo preset: building the graph straight into typed arrays (what the app
 * does) beside the graphology path (generate, then compile), one simulation,
 * the layout worker's force layout (setup, then ticks), the network SVG chart in
 * jsdom, and reading the largest cascade back from each written format. Then
 * the direct build at 1,000,000 accounts for every preset (groups: 200,000)
 * with one simulation, and the size guard's estimates.
 */
import { JSDOM } from "jsdom";
import { createForceLayout, layoutPositions } from "../src/charts/force-layout.ts";
import { cascadeOnGraph, networkChart } from "../src/charts/network.ts";
import { compilePreset } from "../src/core/compiled-builder.ts";
import { compiledBytes, compileGraph } from "../src/core/compiled-graph.ts";
import { generatePreset, PRESET_IDS } from "../src/core/generators/presets.ts";
import { estimateGraphBytes, formatBytes, maxAccountsFor } from "../src/core/graph-size.ts";
import { createRng } from "../src/core/random.ts";
import { buildGraph, DEFAULT_SCENARIO, runScenario } from "../src/core/scenario.ts";
import { readCascadeFile, WRITE_FORMATS, writeCascade } from "../src/io/index.ts";

const SIZES = [1000, 10_000, 100_000];

function time<T>(run: () => T): { value: T; millis: number } {
  const started = performance.now();
  const value = run();
  return { value, millis: performance.now() - started };
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en"));

export function benchScale(): string {
  const rows = [
    "| accounts | edges | direct build (ms) | graphology generate (ms) | compile (ms) | simulate (ms) | layout setup (ms) | layout tick (ms) | ticks to settle | network SVG (ms) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const document = new JSDOM("<!doctype html><html><body></body></html>").window.document;
  let largestCascade = null;
  for (const n of SIZES) {
    const scenario = { ...DEFAULT_SCENARIO, nodes: n };
    const generated = time(() => buildGraph(scenario));
    const c = generated.value.compiled;
    const viaGraphology = time(() => generatePreset("weibo", n, createRng(scenario.seed).fork("graph")));
    const compiled = time(() => compileGraph(viaGraphology.value));
    const run = time(() => runScenario(scenario, generated.value));
    largestCascade = run.value.cascade;

    // The layout worker's own simulation: same links, forces and cooling schedule.
    const setup = time(() => createForceLayout(c));
    const { simulation, nodes, totalTicks } = setup.value;
    simulation.tick(1);
    const ticks = n >= 100_000 ? 3 : 10;
    const layout = time(() => simulation.tick(ticks));

    const positions = layoutPositions(nodes);
    const { repostTime, parentOf } = cascadeOnGraph(c.ids, run.value.cascade.events);
    const svg = time(() =>
      networkChart(
        {
          n,
          ids: c.ids,
          positions,
          offsets: c.offsets,
          targets: c.targets,
          audience: c.audience,
          repostTime,
          parentOf,
          source: c.ids.indexOf(run.value.source),
          crossings: run.value.report.crossing,
        },
        {},
        { document },
      ),
    );
    rows.push(
      `| ${n.toLocaleString("en")} | ${c.m.toLocaleString("en")} | ${ms(generated.millis)} | ${ms(viaGraphology.millis)} | ${ms(compiled.millis)} | ${ms(run.millis)} | ${ms(setup.millis)} | ${ms(layout.millis / ticks)} | ${totalTicks} | ${ms(svg.millis)} |`,
    );
  }

  const parse = ["", "| format | events | write (ms) | read (ms) |", "|---|---:|---:|---:|"];
  if (largestCascade) {
    for (const format of WRITE_FORMATS) {
      const written = time(() => writeCascade(largestCascade, format));
      const read = time(() => readCascadeFile(`bench.${format}`, written.value));
      parse.push(
        `| ${format} | ${largestCascade.events.length.toLocaleString("en")} | ${ms(written.millis)} | ${ms(read.millis)} |`,
      );
    }
  }

  const million = [
    "",
    "| preset | accounts | edges | direct build (ms) | compiled arrays (MB) | one cascade (ms) | reposts |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  // Peak memory is a per-process figure (graph-size.ts says how it was measured), not taken here.
  for (const preset of PRESET_IDS) {
    const n = preset === "groups" ? 200_000 : 1_000_000;
    const built = time(() => compilePreset(preset, n, createRng(DEFAULT_SCENARIO.seed).fork("graph")));
    const scenario = { ...DEFAULT_SCENARIO, preset, nodes: n };
    const run = time(() => runScenario(scenario, built.value));
    const { compiled } = built.value;
    const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
    million.push(
      `| ${preset} | ${n.toLocaleString("en")} | ${compiled.m.toLocaleString("en")} | ${ms(built.millis)} | ${mb(compiledBytes(compiled))} | ${ms(run.millis)} | ${run.value.report.reposts.toLocaleString("en")} |`,
    );
  }

  const guard = [
    "",
    "| preset | peak estimate at 1,000,000 accounts | most accounts in 2 GB |",
    "|---|---:|---:|",
  ];
  for (const preset of PRESET_IDS) {
    guard.push(
      `| ${preset} | ${formatBytes(estimateGraphBytes(preset, 1_000_000))} | ${maxAccountsFor(preset).toLocaleString("en")} |`,
    );
  }
  return [...rows, ...parse, ...million, ...guard].join("\n");
}
