/**
 * The panels' charts on screen are drawn at the width they get (src/ui/panel.ts chartWidth): again after a
 * window resize, without a ResizeObserver loop error, and again, in its theme, when presentation mode turns on.
 */
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appSession } from "./browser.ts";

const app = appSession({
  beforeLoad: (page) =>
    page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { windowErrors: string[] }).windowErrors = seen;
      // "ResizeObserver loop completed with undelivered notifications" reaches window.onerror, not pageerror.
      window.addEventListener("error", (event) => seen.push(event.message));
    }),
});
let page: Page;

beforeAll(() => {
  page = app.page;
});

const fan = () => page.getByRole("img", { name: /^Reposts and views over many runs/ }).first();
/** Drawn width over shown width: 1 when the chart's type shows at its own size. */
const scale = async (chart: Locator) =>
  Number(await chart.getAttribute("width")) / (await chart.boundingBox())!.width;

describe("chart widths", () => {
  it("draws the Monte Carlo charts again at their new width when the window is resized", async () => {
    await page.getByLabel("Runs", { exact: true }).fill("20");
    await page.getByRole("button", { name: "Run 20 times" }).click();
    await page.getByTestId("mc-summary").waitFor({ timeout: 60_000 });
    expect(Math.abs((await scale(fan())) - 1)).toBeLessThan(0.05);
    const drawn = [Number(await fan().getAttribute("width"))];
    for (const width of [1600, 900, 1280]) {
      // Drawn again when the panel's width changes by more than a tenth: never shrunk or stretched by more.
      await page.setViewportSize({ width, height: 900 });
      await expect
        .poll(async () => Math.abs((await scale(fan())) - 1), { timeout: 5_000 })
        .toBeLessThan(0.12);
      drawn.push(Number(await fan().getAttribute("width")));
    }
    // Two columns at 1,600 px, one at 1,280 and 900: the chart was drawn again at other widths.
    expect(new Set(drawn).size).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as unknown as { windowErrors: string[] }).windowErrors)).toEqual(
      [],
    );
  });

  it("draws the prediction's charts in presentation mode's theme, like the Monte Carlo charts", async () => {
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    const chart = page.getByTestId("prediction").getByRole("img").first();
    await expect.poll(() => chart.count(), { timeout: 30_000 }).toBe(1);
    const light = await chart.getAttribute("font-size");
    await page.getByRole("button", { name: "Presentation mode" }).click();
    await expect.poll(() => chart.getAttribute("font-size")).not.toBe(light);
    expect(await chart.getAttribute("font-size")).toBe(await fan().getAttribute("font-size"));
    await page.getByRole("button", { name: "Presentation mode" }).click();
    await expect.poll(() => chart.getAttribute("font-size")).toBe(light);
    expect(app.errors).toEqual([]);
  });
});
