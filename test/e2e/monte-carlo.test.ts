import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appSession, exportSvg, layoutSettled } from "./browser.ts";

const app = appSession();
let page: Page;

beforeAll(() => {
  page = app.page;
});

describe("many runs in workers", () => {
  it("gives the probability of crossing with an interval, a fan chart and crossing times", async () => {
    await page.getByLabel("Runs", { exact: true }).fill("200");
    await page.getByRole("button", { name: "Run 200 times" }).click();
    const summary = page.getByTestId("mc-summary");
    await expect.poll(() => summary.count(), { timeout: 60_000 }).toBe(1);
    expect(await summary.textContent()).toMatch(
      /Crosses the reposts line in \d+\.\d% of runs \(95% interval/,
    );
    expect(await page.getByText("Reposts and views over many runs").count()).toBeGreaterThan(0);
    expect(await page.getByText("When the legal line is crossed").count()).toBeGreaterThan(0);
  });

  it("offers to run only a whole number of runs from 10 to 100,000, and says so", async () => {
    const runs = page.getByLabel("Runs", { exact: true });
    for (const typed of ["5", "1.5", "-1", "200000"]) {
      await runs.fill(typed);
      const button = page.getByRole("button", { name: "Run", exact: true }).last();
      expect(await button.isDisabled(), typed).toBe(true);
      expect(await page.getByText("Runs: 10–100,000.").count(), typed).toBe(1);
    }
    await runs.fill("30");
    expect(await page.getByRole("button", { name: "Run 30 times" }).isEnabled()).toBe(true);
    expect(await page.getByText("Runs: 10–100,000.").count()).toBe(0);
  });

  it("keeps the previous results when a run is cancelled", async () => {
    const before = await page.getByTestId("mc-summary").textContent();
    await page.getByLabel("Runs", { exact: true }).fill("100000");
    await page.getByRole("button", { name: "Run 100,000 times" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.getByText("Cancelled: the previous results are kept.").count()).toBe(1);
    expect(await page.getByTestId("mc-summary").textContent()).toBe(before);
    // The page stays responsive and usable afterwards.
    expect(await page.getByRole("button", { name: "Run 100,000 times" }).isEnabled()).toBe(true);
  });

  it("exports each chart on screen as a standalone SVG that parses as XML", async () => {
    await layoutSettled(page);
    for (const name of [
      "Network",
      "Reposts and views over time",
      "The repost tree",
      "Reposts and views over many runs",
      "When the legal line is crossed",
    ]) {
      await exportSvg(page, name);
    }
  });

  it("draws its charts at the width they get on screen, so their type is not shrunk; the file keeps the chart's own width", async () => {
    for (const title of ["Reposts and views over many runs", "When the legal line is crossed"]) {
      const chart = page.getByRole("img", { name: new RegExp(`^${title}`) }).first();
      const drawn = Number(await chart.getAttribute("width"));
      const shown = (await chart.boundingBox())!.width;
      expect(drawn, title).not.toBe(760);
      expect(Math.abs(shown - drawn) / drawn, title).toBeLessThan(0.05);
      const { doc } = await exportSvg(page, title);
      expect(doc.documentElement.getAttribute("width"), title).toBe("760");
    }
  });
});
