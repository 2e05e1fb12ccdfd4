import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appSession, exportSvg } from "./browser.ts";

const app = appSession();
let page: Page;
const dir = mkdtempSync(join(tmpdir(), "rtl-files-"));

/** A TiDeH-style series: header, then (seconds, followers) rows, the first being the original post. */
function tidehSeries(reposts: number, stepSeconds: number, followers: number): string {
  const lines = [`${reposts} 0.5`, `0 ${followers}`];
  for (let i = 1; i <= reposts; i++) lines.push(`${i * stepSeconds} ${followers}`);
  return `${lines.join("\n")}\n`;
}

beforeAll(() => {
  page = app.page;
});

describe("opening real cascades", () => {
  it("replays a file with exact crossings and a summary card", async () => {
    // 600 reposts, one every 10 s, 10 followers each: the 500th repost is at 5,000 s = 1 h 23 min 20 s.
    const file = join(dir, "RT-demo.txt");
    writeFileSync(file, tidehSeries(600, 10, 10));
    await page.locator("#open-file").setInputFiles(file);
    await expect
      .poll(() => page.getByText(/^500th repost at 1 h 23 min, by account/).count(), { timeout: 15_000 })
      .toBe(1);
    const card = page.getByTestId("summary-card");
    expect(await card.textContent()).toContain("tideh");
    // Views: 601 posts x 10 followers x 0.35 = 2,103.5: below the line, so none is drawn.
    expect(await page.getByText(/^5,000 views at/).count()).toBe(0);
    expect(await page.getByTestId("total-reposts").textContent()).toBe("600");
  });

  it("prunes the record: deleted at 50 minutes, it would have stopped at 300 reposts", async () => {
    await page.getByLabel("Deleted at (minutes after the post; empty for none)").fill("50");
    await page.getByRole("button", { name: "Prune the record" }).click();
    const result = page.getByTestId("whatif-result");
    await expect
      .poll(() => result.textContent(), { timeout: 15_000 })
      .toMatch(/would have stopped at 300 reposts instead of 600: 50% of the cascade removed/);
    expect(await page.getByTestId("total-reposts").textContent()).toBe("300");
    expect(await page.locator(".events-ghosted circle").count()).toBe(300);
    await page.getByLabel("Deleted at (minutes after the post; empty for none)").fill("");
    await page.getByRole("button", { name: "Prune the record" }).click();
    await expect.poll(() => page.getByTestId("total-reposts").textContent()).toBe("600");
  });

  it("predicts the rest of the cascade from its start, with the truth beside it", async () => {
    // No chart yet, so no export buttons for it.
    const exportPrediction = page.getByRole("button", {
      name: "Export SVG: Early warning: predict from the first minutes",
    });
    expect(await exportPrediction.count()).toBe(0);
    await page.getByLabel("Observed up to").fill("700");
    await page.getByLabel("Estimator").selectOption("seismic");
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    const result = page.getByTestId("prediction");
    await expect
      .poll(() => result.textContent(), { timeout: 30_000 })
      .toMatch(/reposts observed; predicted final reposts/);
    expect(await result.textContent()).toContain("What happened: 600 reposts in the end");
    expect(await page.getByText("Prediction from the start of the cascade").count()).toBeGreaterThan(0);
    // Each chart's buttons sit with it, in the same figure.
    const figure = page.locator("figure", { has: page.locator("svg") }).filter({ has: exportPrediction });
    expect(await figure.count()).toBe(1);
  });

  it("shows an activity bar while the backtest runs, and Cancel stops it and keeps what was there", async () => {
    const panel = page.locator(".panel-prediction");
    const before = await page.getByTestId("prediction").textContent();
    await page.getByRole("button", { name: "Backtest on the bundled real cascades" }).click();
    const cancel = panel.getByRole("button", { name: "Cancel", exact: true });
    await cancel.waitFor({ state: "visible", timeout: 10_000 });
    expect(await panel.getByRole("progressbar").isVisible()).toBe(true);
    await cancel.click();
    await expect.poll(() => panel.getByText("Cancelled: the previous results are kept.").count()).toBe(1);
    expect(await cancel.isHidden()).toBe(true);
    expect(await page.getByRole("table", { name: /Median absolute % error/ }).count()).toBe(0);
    expect(await page.getByTestId("prediction").textContent()).toBe(before);
  });

  it("backtests the estimators on the bundled real cascades, as a table and a chart", async () => {
    await page.getByRole("button", { name: "Backtest on the bundled real cascades" }).click();
    // A prediction asked meanwhile must not replace the backtest's request.
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    const table = page.getByRole("table", { name: /Median absolute % error of the final size/ });
    await expect.poll(() => table.count(), { timeout: 60_000 }).toBe(1);
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Estimator",
      "10 min",
      "1 h",
      "6 h",
    ]);
    expect(await table.textContent()).toMatch(/SEISMIC.*\d+\.\d%/);
  });

  it("exports the prediction, convergence and backtest charts as standalone SVG", async () => {
    for (const name of [
      "Early warning: predict from the first minutes",
      "Predicted final size as more is observed",
      "Backtest: prediction error",
    ]) {
      await exportSvg(page, name);
    }
  });

  it("refuses a broken file with file, line and problem, and keeps what was on screen", async () => {
    const file = join(dir, "broken.txt");
    writeFileSync(file, "2 0.5\n0 100\nten <b>bold</b>\n");
    await page.getByLabel("Format").selectOption("tideh");
    await page.locator("#open-file").setInputFiles(file);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/broken\.txt:3/);
    expect(await alert.textContent()).toMatch(/current scenario is unchanged/);
    // Markup from the file is shown as text, never parsed.
    expect(await page.locator(".error b").count()).toBe(0);
    expect(await page.getByTestId("total-reposts").textContent()).toBe("600");
    // In Chinese the same alert names the file and the line, and says the problem in Chinese.
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
    await expect
      .poll(() => alert.textContent())
      .toBe('无法打开文件。broken.txt 第3行第1列：应为以秒计的时间，实际为 "ten"。 当前情景保持不变。');
    expect(await alert.textContent()).not.toMatch(/expected|found|time in seconds/);
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^Could not open the file\. broken\.txt:3:1: expected a time/);
    await page.getByLabel("Format").selectOption("");
  });

  it("parses a one-million-event file off the main thread while the page stays responsive", async () => {
    const file = join(dir, "RT-million.txt");
    writeFileSync(file, tidehSeries(1_000_000, 1, 3));
    await page.locator("#open-file").setInputFiles(file);
    // While it parses, the page answers at once.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect
      .poll(() => page.getByTestId("total-reposts").textContent(), { timeout: 60_000 })
      .toBe("1,000,000");
  });

  it("goes back to the simulation", async () => {
    await page.getByRole("button", { name: "Back to the simulation" }).click();
    await expect
      .poll(() => page.getByTestId("total-reposts").textContent(), { timeout: 15_000 })
      .not.toBe("1,000,000");
    expect(await page.getByRole("heading", { name: "Network" }).isVisible()).toBe(true);
  });
});
