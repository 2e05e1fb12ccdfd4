import { describe, expect, it } from "vitest";
import { backtestChart } from "../../src/charts/backtest.ts";
import { cascadeTreeChart, layoutCascadeTree } from "../../src/charts/cascade-tree.ts";
import { convergenceChart } from "../../src/charts/convergence.ts";
import { crossingTimesChart } from "../../src/charts/crossing-times.ts";
import { defaultFanEnd, fanChart, fanQuantiles } from "../../src/charts/fan-chart.ts";
import { predictionChart } from "../../src/charts/prediction.ts";
import { strategyComparisonChart } from "../../src/charts/strategy-comparison.ts";
import { PRESENTATION_THEME } from "../../src/charts/svg.ts";
import { ENGLISH_CHART_TEXT } from "../../src/charts/text.ts";
import { CHINESE_CHART_TEXT } from "../../src/charts/text-zh.ts";
import {
  backtestRows,
  CHART_CASES,
  convergenceData,
  crossingData,
  fanData,
  predictionData,
  randomTree,
  strategyRows,
  treeData,
} from "./chart-fixtures.ts";
import { expectSvgSnapshot, jsdomContext } from "./snapshot.ts";

describe("chart goldens", () => {
  // time-series has its own golden in time-series.test.ts.
  for (const chart of CHART_CASES.filter((c) => c.name !== "time-series")) {
    it(`${chart.name} matches its golden for fixed seeded data`, () => {
      expectSvgSnapshot(chart.name, chart.render(jsdomContext()));
    });
  }
  it("cascade-tree in the presentation theme matches its golden", () => {
    expectSvgSnapshot(
      "cascade-tree-presentation",
      cascadeTreeChart(treeData, { theme: PRESENTATION_THEME }, jsdomContext()),
    );
  });
});

describe("cascadeTreeChart", () => {
  const events = treeData.events;
  it("draws one dot per event and rings the tipping event", () => {
    const chart = cascadeTreeChart(treeData, {}, jsdomContext());
    expect(chart.querySelectorAll(".events circle")).toHaveLength(events.length);
    const views = treeData.crossings?.views;
    expect(views).not.toBeNull();
    expect(chart.querySelectorAll(".tipping-views")).toHaveLength(1);
    expect(chart.querySelector(".tipping-label")?.textContent).toContain(
      `account ${events[views!.index].account}`,
    );
  });

  it("draws a ghosted branch faint, with everything below it", () => {
    // The child of the source with the biggest branch.
    const size = new Array(events.length).fill(1);
    for (let i = events.length - 1; i > 0; i--) size[events[i].parent] += size[i];
    const children = events.map((_, i) => i).filter((i) => events[i].parent === 0);
    const branch = children.reduce((a, b) => (size[b] > size[a] ? b : a));
    const chart = cascadeTreeChart(treeData, { ghosted: new Set([branch]) }, jsdomContext());
    const faint = chart.querySelector(".events-ghosted")!;
    expect(faint.querySelectorAll("circle")).toHaveLength(size[branch]);
    expect(Number(faint.getAttribute("fill-opacity"))).toBeLessThan(0.5);
    expect(chart.querySelectorAll(".events circle")).toHaveLength(events.length - size[branch]);
    expect(chart.querySelector(".links-ghosted")?.getAttribute("stroke-opacity")).toBe("0.2");
    expect(chart.textContent).toContain("cut by the intervention");
  });

  it("hides events after the playback cursor and keeps the layout", () => {
    const cursor = events[Math.floor(events.length / 2)].time;
    const full = cascadeTreeChart(treeData, {}, jsdomContext());
    const partial = cascadeTreeChart(treeData, { cursor }, jsdomContext());
    const expected = events.filter((e) => e.time <= cursor).length;
    expect(partial.querySelectorAll(".events circle")).toHaveLength(expected);
    // The source stays where it was.
    const source = (svg: SVGSVGElement) => svg.querySelector(".events circle")!.getAttribute("cx");
    expect(source(partial)).toBe(source(full));
  });

  it("draws only the top of a large tree and says so", () => {
    const big = randomTree(6000, "big-tree");
    const chart = cascadeTreeChart(big, {}, jsdomContext());
    expect(chart.querySelectorAll(".events circle")).toHaveLength(2000);
    expect(chart.textContent).toContain(
      "Only the 2,000 posts with the largest branches are drawn (of 6,000).",
    );
    const small = cascadeTreeChart(randomTree(400, "small-tree"), {}, jsdomContext());
    expect(small.textContent).not.toContain("largest branches");
  });

  it("lays out radially with the source at the centre", () => {
    const chart = cascadeTreeChart(treeData, { layout: "radial", width: 600, height: 600 }, jsdomContext());
    const source = chart.querySelector(".events circle")!;
    const rings = chart.querySelectorAll(".generations circle");
    expect(rings.length).toBeGreaterThan(0);
    expect(source.getAttribute("cx")).toBe(rings[0].getAttribute("cx"));
    expect(source.getAttribute("cy")).toBe(rings[0].getAttribute("cy"));
  });

  it("uses the words it is given (Chinese)", () => {
    const chart = cascadeTreeChart(treeData, { text: CHINESE_CHART_TEXT }, jsdomContext());
    expect(chart.querySelector("title")?.textContent).toBe("转发树");
  });

  it("draws the same, to the byte, from a layout kept between redraws", () => {
    const big = randomTree(6000, "big-tree");
    const cursor = events[Math.floor(events.length / 2)].time;
    const cases = [
      { data: treeData, options: {} },
      { data: treeData, options: { cursor, ghosted: new Set([1]) } },
      { data: treeData, options: { layout: "radial" as const, cursor, theme: PRESENTATION_THEME } },
      { data: treeData, options: { width: 500, height: 300, text: CHINESE_CHART_TEXT } },
      { data: big, options: { cursor: big.events[3000].time } },
      { data: big, options: { layout: "radial" as const } },
    ];
    for (const { data, options } of cases) {
      const kept = layoutCascadeTree(data, options);
      const fresh = cascadeTreeChart(data, options, jsdomContext()).outerHTML;
      expect(cascadeTreeChart(data, { ...options, precomputed: kept }, jsdomContext()).outerHTML).toBe(fresh);
    }
    // And the kept layout is what is drawn, not laid out again: a doctored one shows.
    const kept = layoutCascadeTree(treeData);
    const doctored = { ...kept, x: kept.x.map((x, k) => (k === 1 ? x + 1 : x)) };
    expect(cascadeTreeChart(treeData, { precomputed: doctored }, jsdomContext()).outerHTML).not.toBe(
      cascadeTreeChart(treeData, {}, jsdomContext()).outerHTML,
    );
  });

  it("ignores a kept layout made for other events or another layout", () => {
    const other = randomTree(50, "other-tree");
    const fresh = cascadeTreeChart(treeData, {}, jsdomContext()).outerHTML;
    for (const stale of [layoutCascadeTree(other), layoutCascadeTree(treeData, { layout: "radial" })]) {
      expect(cascadeTreeChart(treeData, { precomputed: stale }, jsdomContext()).outerHTML).toBe(fresh);
    }
    // The same events with other tipping posts: a summarised tree keeps other paths.
    const big = randomTree(6000, "big-tree");
    const tipped = { ...big, crossings: { reposts: { index: 5999 }, views: null } };
    const stale = layoutCascadeTree(big);
    expect(cascadeTreeChart(tipped, { precomputed: stale }, jsdomContext()).outerHTML).toBe(
      cascadeTreeChart(tipped, {}, jsdomContext()).outerHTML,
    );
  });
});

describe("fanChart", () => {
  it("draws both bands, the median, the legal lines and the median crossing", () => {
    const data = fanData();
    const chart = fanChart(data, {}, jsdomContext());
    for (const kind of ["reposts", "views"]) {
      const panel = chart.querySelector(`.panel-${kind}`)!;
      expect(panel.querySelectorAll(".band")).toHaveLength(2);
      expect(panel.querySelectorAll(".median")).toHaveLength(1);
      expect(panel.querySelector(".threshold")?.textContent).toContain(
        kind === "reposts" ? "500 reposts" : "5,000 views",
      );
    }
    const k = data.reposts.p50.findIndex((v) => v >= 500);
    const [t0, t1, v0, v1] = [data.time[k - 1], data.time[k], data.reposts.p50[k - 1], data.reposts.p50[k]];
    const at = t0 + ((500 - v0) / (v1 - v0)) * (t1 - t0);
    expect(at).toBeGreaterThan(t0);
    expect(at).toBeLessThan(t1);
    expect(chart.querySelector(".crossing-reposts .crossing-label")?.textContent).toContain(
      `half the runs past the reposts line by ${ENGLISH_CHART_TEXT.duration(at)}`,
    );
  });

  it("draws the baseline as outlines and the intervention marker only when asked", () => {
    const plain = fanChart(fanData(), {}, jsdomContext());
    expect(plain.querySelectorAll(".baseline")).toHaveLength(0);
    const compared = fanChart(
      fanData(),
      { baseline: fanData("b"), marker: { time: 3600, label: "suspend" } },
      jsdomContext(),
    );
    expect(compared.querySelectorAll(".baseline")).toHaveLength(2);
    expect(compared.querySelector(".baseline")?.getAttribute("fill")).toBe("none");
    expect(compared.querySelector(".marker")?.textContent).toBe("suspend");
  });

  it("says when views cannot be counted", () => {
    const chart = fanChart({ ...fanData(), views: null }, {}, jsdomContext());
    expect(chart.querySelector(".panel-views")?.textContent).toContain("Views cannot be counted");
  });
});

describe("defaultFanEnd", () => {
  it("ends the axis once the 95th percentile has nearly stopped growing", () => {
    const time = Float64Array.from([0, 100, 200, 300, 400]);
    const band = (values: number[]) => {
      const v = Float64Array.from(values);
      return { p5: v, p25: v, p50: v, p75: v, p95: v };
    };
    const data = { time, reposts: band([0, 50, 100, 100, 100]), views: band([0, 10, 20, 99.5, 100]) };
    expect(defaultFanEnd(data)).toBeCloseTo(330, 9);
    expect(defaultFanEnd({ ...data, views: null })).toBeCloseTo(220, 9);
  });
});

describe("fanQuantiles", () => {
  it("reads percentiles per grid time from run-by-run values", () => {
    // 101 runs, 2 grid times: run r has r at time 0 and 2r at time 1, in shuffled run order.
    const runs = 101;
    const order = Array.from({ length: runs }, (_, r) => (r * 37) % runs);
    const values = new Float64Array(runs * 2);
    order.forEach((r, slot) => {
      values[slot * 2] = r;
      values[slot * 2 + 1] = 2 * r;
    });
    const q = fanQuantiles(values, runs, 2);
    expect([q.p5[0], q.p25[0], q.p50[0], q.p75[0], q.p95[0]]).toEqual([5, 25, 50, 75, 95]);
    expect([q.p5[1], q.p50[1], q.p95[1]]).toEqual([10, 100, 190]);
  });
});

describe("crossingTimesChart", () => {
  it("states the crossing probability as a count in the legend", () => {
    const chart = crossingTimesChart(crossingData(), {}, jsdomContext());
    const legend = chart.querySelector(".legend")!.textContent;
    expect(legend).toContain("reposts: crossed in 712 of 1,000 runs");
    expect(legend).toContain("views: crossed in 861 of 1,000 runs");
  });

  it("levels the CDF off at the crossing probability, not at 1", () => {
    const chart = crossingTimesChart(
      { reposts: new Float64Array([60, 120]), views: null, runs: 4 },
      { width: 500, height: 400 },
      jsdomContext(),
    );
    const d = chart.querySelector(".cdf-reposts")!.getAttribute("d")!;
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    const gridline = (label: string) =>
      [...chart.querySelectorAll(".axis-y text")].find((t) => t.textContent === label)!.getAttribute("y");
    // 2 of 4 runs crossed: the curve ends on the 50% gridline (label baseline sits 0.35 em below it).
    const fifty = Number(gridline("50%")) - 12 * 0.35;
    expect(Math.min(...ys)).toBeCloseTo(fifty, 1);
  });

  it("draws a histogram with as many runs as crossed", () => {
    const chart = crossingTimesChart(crossingData(), { kind: "histogram" }, jsdomContext());
    expect(chart.querySelectorAll(".bars-reposts rect").length).toBeGreaterThan(3);
    expect(chart.querySelectorAll(".cdf-reposts")).toHaveLength(0);
  });
});

describe("predictionChart", () => {
  it("draws observed, prediction band, truth and the T marker, with a views panel when given", () => {
    const chart = predictionChart(predictionData(), {}, jsdomContext());
    for (const kind of ["reposts", "views"]) {
      const panel = chart.querySelector(`.panel-${kind}`)!;
      for (const cls of ["observed", "predicted", "interval", "truth", "threshold"])
        expect(panel.querySelectorAll(`.${cls}`)).toHaveLength(1);
      expect(panel.querySelectorAll(".crossing-predicted")).toHaveLength(1);
      expect(panel.querySelectorAll(".crossing-actual")).toHaveLength(1);
    }
    expect(chart.querySelector(".prediction-time")?.textContent).toBe("predicted at 1 h");
    const single = predictionChart(predictionData(false), {}, jsdomContext());
    expect(single.querySelectorAll(".panel-views")).toHaveLength(0);
  });

  it("keeps an unbounded interval inside the plot", () => {
    const chart = predictionChart(predictionData(), {}, jsdomContext());
    expect(chart.querySelector(".interval")?.getAttribute("d")).not.toMatch(/NaN|Infinity/);
  });
});

describe("convergenceChart", () => {
  it("draws each estimator's whiskers, the truth line and an open whisker for an unbounded interval", () => {
    const data = convergenceData();
    const chart = convergenceChart(data, {}, jsdomContext());
    const estimators = chart.querySelectorAll(".estimator");
    expect(estimators).toHaveLength(3);
    expect(estimators[0].querySelectorAll(".whisker")).toHaveLength(5);
    expect(chart.querySelectorAll(".whisker-open")).toHaveLength(1);
    expect(chart.querySelector(".truth")?.textContent).toBe("true final size: 820");
    expect(chart.innerHTML).not.toMatch(/NaN|Infinity/);
  });
});

describe("backtestChart", () => {
  it("draws one labelled bar per row, grouped under duration labels", () => {
    const chart = backtestChart(backtestRows, {}, jsdomContext());
    expect(chart.querySelectorAll(".bar")).toHaveLength(9);
    expect([...chart.querySelectorAll(".axis-x text")].map((t) => t.textContent)).toEqual([
      "10 min",
      "1 h",
      "6 h",
    ]);
    expect(chart.querySelector(".bar text")?.textContent).toBe("62%");
  });
});

describe("strategyComparisonChart", () => {
  it("draws one row per strategy left of zero when it lowers the probability", () => {
    const chart = strategyComparisonChart(strategyRows, {}, jsdomContext());
    const rows = chart.querySelectorAll(".strategy");
    expect(rows).toHaveLength(strategyRows.length);
    const zero = Number(chart.querySelector(".zero line")!.getAttribute("x1"));
    const first = Number(rows[0].querySelector("circle")!.getAttribute("cx"));
    const last = Number(rows[rows.length - 1].querySelector("circle")!.getAttribute("cx"));
    expect(first).toBeLessThan(zero);
    expect(last).toBeGreaterThan(zero);
    expect(chart.textContent).toContain("percentage points");
    const averted = strategyComparisonChart(
      strategyRows.map((r) => ({ ...r, estimate: 120, low: 80, high: 160 })),
      { measure: "averted" },
      jsdomContext(),
    );
    expect(averted.textContent).toContain("Reposts averted");
  });
});
