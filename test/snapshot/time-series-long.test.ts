/**
 * A long cascade's curves are thinned to a few points per pixel column, and
 * the thinned chart draws the same thing as the one with every event: the same
 * outline at every pixel column, the same crossing marks, the same final values.
 */
import { describe, expect, it } from "vitest";
import { serializeSvg } from "../../src/charts/export.ts";
import { timeSeriesChart } from "../../src/charts/time-series.ts";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import { cumulativeSeries, DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";
import { Rng } from "../../src/core/random.ts";
import { jsdomContext } from "./snapshot.ts";

const WIDTH = 760;
const LEFT = 72;
const RIGHT = WIDTH - 24;
const PLOT_WIDTH = RIGHT - LEFT;
/** Height of each of the two panels: (440 - 44 - 48 - 28) / 2. */
const PANEL_HEIGHT = 160;

/** 100,000 reposts: a fast burst, then a slowing tail; log-normal audiences. */
function longCascade(size: number, seed: string): Cascade {
  const rng = new Rng(seed);
  const events: CascadeEvent[] = [{ account: "s", parent: -1, time: 0, depth: 0, audience: 50 }];
  let time = 0;
  for (let i = 1; i < size; i++) {
    time += rng.exponential(1 / (0.05 + (i / size) ** 2 * 2));
    events.push({ account: `a${i}`, parent: 0, time, depth: 1, audience: Math.round(rng.logNormal(3, 1.5)) });
  }
  return { id: seed, events, format: "simulation", warnings: [] };
}

const cascade = longCascade(100_000, "long-series");
// The same cascade cut short: the baseline behind it when the cut one is shown.
const cut = { ...cascade, events: cascade.events.filter((e) => e.time <= cascade.events[60_000].time) };
const data = {
  series: cumulativeSeries(cut, DEFAULT_RULES),
  report: evaluateLine(cut, DEFAULT_RULES),
  baseline: { series: cumulativeSeries(cascade, DEFAULT_RULES), label: "without" },
};
const CURVES = ["curve-reposts", "curve-views", "curve-baseline-reposts", "curve-baseline-views"];

const drawn = new Map<string, { thin: SVGSVGElement; full: SVGSVGElement }>();

/** The chart thinned and with every event, drawn once per frame. */
function charts(cursor?: number, maxTime?: number) {
  const key = `${cursor}/${maxTime}`;
  let pair = drawn.get(key);
  if (!pair) {
    const options = { cursor, maxTime, width: WIDTH };
    pair = {
      thin: timeSeriesChart(data, options, jsdomContext()),
      full: timeSeriesChart(data, { ...options, thin: false }, jsdomContext()),
    };
    drawn.set(key, pair);
  }
  return pair;
}

function pathPoints(chart: SVGSVGElement, curve: string): Array<[number, number]> {
  const d = chart.querySelector(`.${curve}`)?.getAttribute("d") ?? "";
  return d
    .split(/[ML]/)
    .filter(Boolean)
    .map((pair) => pair.split(",").map(Number) as [number, number]);
}

/**
 * Per whole pixel x from LEFT to RIGHT + 1: the y the drawn step outline holds
 * just after x (its last point at or left of x), and the highest and lowest y it
 * reaches in the column (x - 1, x]. Points come in order of x.
 */
function outline(points: Array<[number, number]>): Array<[number | null, number | null, number | null]> {
  const columns: Array<[number | null, number | null, number | null]> = [];
  let i = 0;
  let y: number | null = null;
  for (let c = LEFT; c <= RIGHT + 1; c++) {
    let low: number | null = null;
    let high: number | null = null;
    for (; i < points.length && points[i][0] <= c; i++) {
      y = points[i][1];
      if (points[i][0] > c - 1) {
        low = Math.min(low ?? y, y);
        high = Math.max(high ?? y, y);
      }
    }
    columns.push([y, low, high]);
  }
  return columns;
}

/** The chart with the curves' paths left out. */
const withoutCurves = (chart: SVGSVGElement) => {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  for (const curve of CURVES) copy.querySelector(`.${curve}`)?.removeAttribute("d");
  return serializeSvg(copy);
};

// Playback frames (after 3,000 and 30,000 events), the whole run, and an axis out to the last event.
const views = data.report.crossing.views?.time ?? 0;
const reposts = data.report.crossing.reposts?.time ?? 0;
const frames: Array<[string, number | undefined, number | undefined]> = [
  ["after 3,000 events", cut.events[3_000].time, undefined],
  ["after 30,000 events", cut.events[30_000].time, undefined],
  ["the whole run", undefined, undefined],
  ["on an axis to the last event", undefined, cascade.events[cascade.events.length - 1].time],
];

describe("timeSeriesChart with 100,000 events", () => {
  it("has two crossings apart in time, so the frames below differ", () => {
    expect(data.report.crossing.reposts).not.toBeNull();
    expect(data.report.crossing.views).not.toBeNull();
    expect(Math.abs(views - reposts)).toBeGreaterThan(1);
  });

  it.each(frames)("draws at most ~4 points per pixel column (%s)", (_, cursor, maxTime) => {
    const { thin, full } = charts(cursor, maxTime);
    for (const curve of CURVES) {
      const points = pathPoints(thin, curve).length;
      // Four per column of the plot (and the one at its left edge), two per pixel the count climbs,
      // two where the line is crossed, and the end: about 4.5 per pixel of width.
      expect(points, curve).toBeLessThanOrEqual(4 * (PLOT_WIDTH + 1) + 2 * PANEL_HEIGHT + 2 + 1);
      expect(pathPoints(full, curve).length, curve).toBeGreaterThan(10 * points);
    }
  });

  it.each(frames)("differs from the full chart only in the curves' paths (%s)", (_, cursor, maxTime) => {
    const { thin, full } = charts(cursor, maxTime);
    // Crossing marks and labels, axes, the cursor: byte for byte the same.
    expect(withoutCurves(thin)).toBe(withoutCurves(full));
    for (const curve of CURVES) {
      const a = pathPoints(thin, curve);
      const b = pathPoints(full, curve);
      expect(a[0], curve).toEqual(b[0]);
      // The final value, and the end of the last flat stretch.
      expect(a.at(-1), curve).toEqual(b.at(-1));
      expect(a.at(-2), curve).toEqual(b.at(-2));
    }
  });

  it.each(frames)("draws the same step outline at every pixel column (%s)", (_, cursor, maxTime) => {
    const { thin, full } = charts(cursor, maxTime);
    for (const curve of CURVES) {
      const a = outline(pathPoints(thin, curve));
      const b = outline(pathPoints(full, curve));
      expect(a.length).toBe(PLOT_WIDTH + 2);
      for (let k = 0; k < a.length; k++) expect(a[k], `${curve} at x = ${LEFT + k}`).toEqual(b[k]);
    }
  });

  it.each(frames)("meets the legal line where the crossing is marked (%s)", (_, cursor, maxTime) => {
    const { thin } = charts(cursor, maxTime);
    let marks = 0;
    for (const kind of ["reposts", "views"]) {
      const mark = thin.querySelector(`.crossing-${kind} circle`);
      if (!mark) continue;
      marks++;
      const cx = Number(mark.getAttribute("cx"));
      const cy = Number(mark.getAttribute("cy"));
      const points = pathPoints(thin, `curve-${kind}`);
      // A rise at the marker's x from below the line to on or above it (y grows downwards).
      const rise = points.findIndex(
        ([x, y], i) => i > 0 && x === cx && points[i - 1][0] === cx && points[i - 1][1] > cy && y <= cy,
      );
      expect(rise, kind).toBeGreaterThan(0);
    }
    expect(marks).toBe(2);
  });
});
