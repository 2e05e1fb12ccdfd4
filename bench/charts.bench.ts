/**
 * Rendering charts to SVG in jsdom: time and file size of the repost tree as
 * it grows (a random recursive tree: each post reposts a uniformly chosen
 * earlier one), below and above the 5,000-post summary limit, in both layouts.
 */
import { JSDOM } from "jsdom";
import { cascadeTreeChart, type TreeEvent } from "../src/charts/cascade-tree.ts";
import { serializeSvg } from "../src/charts/export.ts";
import { Rng } from "../src/core/random.ts";

function randomTree(size: number): TreeEvent[] {
  const rng = new Rng(`bench-tree-${size}`);
  const events: TreeEvent[] = [{ account: "a0", parent: -1, time: 0 }];
  for (let i = 1; i < size; i++) {
    const parent = rng.int(i);
    events.push({ account: `a${i}`, parent, time: events[parent].time + rng.exponential(1 / 600) });
  }
  return events;
}

export function benchCharts(): string {
  const document = new JSDOM("").window.document;
  const rows = [
    "| posts | layout | drawn | render (ms, median of 3) | SVG (kB) |",
    "|---:|---|---:|---:|---:|",
  ];
  for (const size of [500, 2_000, 5_000, 20_000, 100_000]) {
    const events = randomTree(size);
    for (const layout of ["tidy", "radial"] as const) {
      const times: number[] = [];
      let bytes = 0;
      let drawn = 0;
      for (let k = 0; k < 3; k++) {
        const started = performance.now();
        const svg = cascadeTreeChart({ events }, { layout }, { document });
        const text = serializeSvg(svg);
        times.push(performance.now() - started);
        bytes = text.length;
        drawn =
          svg.querySelectorAll("circle").length -
          svg.querySelectorAll(".legend circle, .generations circle").length;
      }
      times.sort((a, b) => a - b);
      rows.push(
        `| ${size.toLocaleString("en-US")} | ${layout} | ${drawn.toLocaleString("en-US")} | ${times[1].toFixed(0)} | ${(bytes / 1024).toFixed(0)} |`,
      );
    }
  }
  return rows.join("\n");
}
