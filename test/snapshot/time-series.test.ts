import { describe, expect, it } from "vitest";
import { CHINESE_CHART_TEXT } from "../../src/charts/text-zh.ts";
import { timeSeriesChart } from "../../src/charts/time-series.ts";
import { cumulativeSeries, DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";
import { DEFAULT_SCENARIO, runScenario } from "../../src/core/scenario.ts";
import { expectSvgSnapshot, jsdomContext } from "./snapshot.ts";

describe("timeSeriesChart", () => {
  const scenario = { ...DEFAULT_SCENARIO, nodes: 600, seed: "snapshot", params: { p: 0.12 } };
  const { cascade } = runScenario(scenario);
  const data = {
    series: cumulativeSeries(cascade, DEFAULT_RULES),
    report: evaluateLine(cascade, DEFAULT_RULES),
  };

  it("matches its golden for a fixed seed", () => {
    const chart = timeSeriesChart(
      data,
      { caption: "Weibo, 600 accounts, IC p = 0.12, seed 'snapshot'" },
      jsdomContext(),
    );
    expectSvgSnapshot("time-series", chart);
  });

  it("words its time axis in the chart's language", () => {
    const ticks = (chart: SVGSVGElement) =>
      [...chart.querySelectorAll(".axis-x text")].map((t) => t.textContent);
    const english = ticks(timeSeriesChart(data, {}, jsdomContext()));
    const chinese = ticks(timeSeriesChart(data, { text: CHINESE_CHART_TEXT }, jsdomContext()));
    expect(english.length).toBeGreaterThan(2);
    expect(chinese).toHaveLength(english.length);
    expect(english.slice(1).every((t) => / (s|min|h|d)\b/.test(t ?? ""))).toBe(true);
    expect(chinese[0]).toBe("0");
    expect(chinese.slice(1).every((t) => /^\d+(天|小时|分|秒)/.test(t ?? "") && !/[a-z]/.test(t ?? ""))).toBe(
      true,
    );
  });

  it("labels each crossing with its time and account", () => {
    const chart = timeSeriesChart(data, {}, jsdomContext());
    const labels = [...chart.querySelectorAll(".crossing-label")].map((e) => e.textContent);
    expect(data.report.crossing.views).not.toBeNull();
    expect(labels).toContain(`5,000 views at ${labels[labels.length - 1]?.split(" at ")[1]}`);
    expect(labels.some((l) => l?.includes(`by account ${data.report.crossing.views?.account}`))).toBe(true);
  });

  it("draws only what happened before the playback clock", () => {
    const crossing = data.report.crossing.views!;
    const before = timeSeriesChart(data, { cursor: crossing.time - 1 }, jsdomContext());
    expect(before.querySelectorAll(".crossing-views")).toHaveLength(0);
    const after = timeSeriesChart(data, { cursor: crossing.time }, jsdomContext());
    expect(after.querySelectorAll(".crossing-views")).toHaveLength(1);
  });

  it("says when views cannot be counted", () => {
    const events = cascade.events.map((e) => ({ ...e, audience: null }));
    const blind = { ...cascade, events };
    const chart = timeSeriesChart(
      { series: cumulativeSeries(blind, DEFAULT_RULES), report: evaluateLine(blind, DEFAULT_RULES) },
      {},
      jsdomContext(),
    );
    expect(chart.textContent).toContain("Views cannot be counted");
  });

  it("draws the run without an intervention dashed behind the curve", () => {
    const events = cascade.events.filter((e) => e.time <= 1800);
    const cut = { ...cascade, events };
    const chart = timeSeriesChart(
      {
        series: cumulativeSeries(cut, DEFAULT_RULES),
        report: evaluateLine(cut, DEFAULT_RULES),
        baseline: { series: data.series, label: "without the intervention" },
      },
      { marker: { time: 1800, label: "intervention: delete" } },
      jsdomContext(),
    );
    expect(chart.querySelectorAll(".curve-baseline")).toHaveLength(2);
    expect(chart.querySelector(".curve-baseline-reposts")?.getAttribute("stroke-dasharray")).toBe("4 3");
    expect(chart.textContent).toContain("without the intervention");
    expect(chart.textContent).toContain("intervention: delete");
  });
});
