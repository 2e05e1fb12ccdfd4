import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appSession, exportSvg } from "./browser.ts";

const app = appSession({ viewport: { width: 1280, height: 720 } });
let page: Page;

beforeAll(() => {
  page = app.page;
});

describe("classroom use", () => {
  it("plays back: jumping to the 500th repost shows that crossing and hides later ones", async () => {
    await page.getByRole("button", { name: "Jump to the 500th repost" }).click();
    await expect.poll(() => page.locator(".playback output.readout").textContent()).toMatch(/^t = /);
    expect(await page.getByText(/^500th repost at /).count()).toBe(1);
    await page.getByRole("button", { name: "Play" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Pause" }).getAttribute("aria-pressed"))
      .toBe("true");
    await page.keyboard.press("End");
    await expect.poll(() => page.locator(".playback output.readout").textContent()).toBe("whole record");
  });

  it("runs a guided scenario with one click: a big account crosses the view line at its first post", async () => {
    await page.getByRole("button", { name: "1. A big account" }).click();
    await expect
      .poll(() => page.getByText(/^5,000 views at 0 s, by account 0$/).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByRole("region", { name: "Guided scenarios" }).textContent()).toContain(
      "12 million followers",
    );
  });

  it("shows the same post on Weibo and WeChat Moments side by side", async () => {
    await page.getByRole("button", { name: "7. Weibo and WeChat Moments side by side" }).click();
    await expect.poll(() => page.getByTestId("compare-chart").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId("compare-chart").textContent()).toContain(
      "The same post on WeChat Moments",
    );
    // Presentation mode reaches the comparison too: large type, as on every other chart.
    const titleSize = () =>
      page
        .getByTestId("compare-chart")
        .locator("svg > text[font-weight='600']")
        .first()
        .getAttribute("font-size")
        .then(Number);
    const small = await titleSize();
    const toggle = page.getByRole("button", { name: "Presentation mode" });
    await toggle.click();
    await expect.poll(titleSize).toBeGreaterThan(small);
    await toggle.click();
    await expect.poll(titleSize).toBe(small);
  });

  it("replays a real Weibo cascade from the bundled samples with one click", async () => {
    await page.getByRole("button", { name: "6. A real Weibo cascade" }).click();
    await expect.poll(() => page.getByTestId("summary-card").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId("summary-card").textContent()).toContain("casflow");
    expect(await page.getByRole("region", { name: "Guided scenarios" }).textContent()).toContain(
      "Sina Weibo",
    );
    await page.getByRole("button", { name: "Back to the simulation" }).click();
    await page.getByText("legal line: 500 reposts").first().waitFor();
  });

  it("switches to Simplified Chinese, labels and chart included", async () => {
    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.getByRole("heading", { name: "法律界线" }).count()).toBe(1);
    expect(await page.getByText("法律界线：500次转发").count()).toBe(1);
    expect(await page.getByRole("button", { name: "运行", exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => page.getByRole("heading", { name: "The legal line" }).count()).toBe(1);
  });

  it("turns presentation mode on by keyboard", async () => {
    await page.locator("body").click({ position: { x: 5, y: 700 } });
    await page.keyboard.press("p");
    await expect.poll(() => page.evaluate(() => document.body.classList.contains("presentation"))).toBe(true);
    expect(await page.getByRole("button", { name: "Presentation mode" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await page.keyboard.press("p");
  });

  it("stacks the Monte Carlo charts full width in presentation mode, side by side otherwise", async () => {
    // Wide enough for two chart columns.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.getByLabel("Runs", { exact: true }).fill("20");
    await page.getByRole("button", { name: "Run 20 times" }).click();
    await page.getByTestId("mc-summary").waitFor({ timeout: 30_000 });
    const boxes = async () =>
      Promise.all(
        ["Reposts and views over many runs", "When the legal line is crossed"].map(
          async (title) =>
            (await page
              .getByRole("img", { name: new RegExp(`^${title}`) })
              .first()
              .boundingBox())!,
        ),
      );
    const [fanBeside, crossingBeside] = await boxes();
    expect(crossingBeside.x).toBeGreaterThan(fanBeside.x + fanBeside.width - 1);
    await page.getByRole("button", { name: "Presentation mode" }).click();
    await expect.poll(async () => (await boxes())[1].y).toBeGreaterThan(0);
    const [fan, crossing] = await boxes();
    expect(crossing.y).toBeGreaterThanOrEqual(fan.y + fan.height - 1);
    expect(fan.width).toBeGreaterThan(1.5 * fanBeside.width);
    await page.getByRole("button", { name: "Presentation mode" }).click();
    await page.setViewportSize(viewport);
  });

  it("exports the time series as a standalone SVG", async () => {
    const { text } = await exportSvg(page, "Reposts and views over time");
    expect(text).toContain("legal line: 500 reposts");
    // The caption names the scenario so a slide is self-explanatory.
    expect(text).toContain(`seed '${await page.getByLabel("Seed", { exact: true }).inputValue()}'`);
  });

  it("exports a PNG at twice the chart's size and everything as one zip", async () => {
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PNG: Reposts and views over time" }).click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    // IHDR width at byte 16: twice the SVG's 760 px.
    expect(bytes.readUInt32BE(16)).toBe(1520);
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export all (zip)" }).click(),
    ]);
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await zip.path())!))));
    expect(files).toEqual(
      expect.arrayContaining([
        "README.txt",
        "scenario.json",
        "time-series.svg",
        "time-series.png",
        "time-series.csv",
        "network.svg",
        "network.csv",
      ]),
    );
  });
});
