/**
 * The legal line's label and the crossing's label never overlap: a post that
 * crosses late and ends just past the line puts the crossing's label, left of
 * its marker, where the line's label would be, so the line's label goes below
 * the line (guide 7's Moments run did this).
 */
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/charts/parts.ts";
import { LIGHT_THEME, PRESENTATION_THEME } from "../../src/charts/svg.ts";
import { timeSeriesChart } from "../../src/charts/time-series.ts";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import { cumulativeSeries, DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";
import { jsdomContext } from "./snapshot.ts";

/** `reposts` reposts of the source, one every `gap` seconds. */
function steady(reposts: number, gap: number): Cascade {
  const events: CascadeEvent[] = [{ account: "s", parent: -1, time: 0, depth: 0, audience: 10 }];
  for (let i = 1; i <= reposts; i++)
    events.push({ account: `a${i}`, parent: 0, time: i * gap, depth: 1, audience: 1 });
  return { id: "steady", events, format: "simulation", warnings: [] };
}

function repostPanel(cascade: Cascade) {
  const chart = timeSeriesChart(
    { series: cumulativeSeries(cascade, DEFAULT_RULES), report: evaluateLine(cascade, DEFAULT_RULES) },
    {},
    jsdomContext(),
  );
  const texts = [...chart.querySelectorAll("text")];
  const lineLabel = texts.find((t) => t.textContent === "legal line: 500 reposts");
  const crossingLabel = chart.querySelector(".crossing-reposts .crossing-label");
  const line = chart.querySelector("line.threshold");
  if (!lineLabel || !crossingLabel || !line) throw new Error("the chart lacks a label or the line");
  return {
    lineLabelY: Number(lineLabel.getAttribute("y")),
    crossingLabelY: Number(crossingLabel.getAttribute("y")),
    lineY: Number(line.getAttribute("y1")),
    fontSize: LIGHT_THEME.fontSize,
  };
}

describe("time series labels", () => {
  it("moves the line's label below the line when a late crossing's label sits above it", () => {
    // 520 reposts, the 500th at 96% of the time axis; the line sits near the panel's top.
    const late = repostPanel(steady(520, 100));
    expect(late.lineLabelY).toBeGreaterThan(late.lineY);
    expect(Math.abs(late.lineLabelY - late.crossingLabelY)).toBeGreaterThanOrEqual(late.fontSize);
  });

  it("moves it below the line when the curve ends just past the line, through the label", () => {
    // 500 reposts in the first 500 s, then 5 more a day apart: crossed early, ending at 505.
    const cascade = steady(500, 1);
    for (let i = 1; i <= 5; i++)
      cascade.events.push({ account: `late${i}`, parent: 0, time: 500 + i * 86_400, depth: 1, audience: 1 });
    const flat = repostPanel(cascade);
    expect(flat.lineLabelY).toBeGreaterThan(flat.lineY);
  });

  it("keeps it above the line when nothing is in the way", () => {
    // 2,000 reposts: the line is low in the panel, far below the crossing's label.
    const early = repostPanel(steady(2000, 100));
    expect(early.lineLabelY).toBeLessThan(early.lineY);
  });

  it("keeps a crossing's label inside the plot in large type, on whichever side it fits", () => {
    // Crossed at 65% of the axis: in presentation type the label fits on neither side of the marker.
    const cascade = steady(770, 100);
    const chart = timeSeriesChart(
      { series: cumulativeSeries(cascade, DEFAULT_RULES), report: evaluateLine(cascade, DEFAULT_RULES) },
      { theme: PRESENTATION_THEME },
      jsdomContext(),
    );
    const label = chart.querySelector(".crossing-reposts .crossing-label");
    if (!label) throw new Error("no crossing label");
    const x = Number(label.getAttribute("x"));
    const w = textWidth(label.textContent ?? "", PRESENTATION_THEME.fontSize);
    const left = label.getAttribute("text-anchor") === "end" ? x - w : x;
    // The plot runs from 72 to 760 - 24; the y axis's numbers are left of it.
    expect(left).toBeGreaterThanOrEqual(72);
    expect(left + w).toBeLessThanOrEqual(760 - 24);
  });
});
