/**
 * A language switch changes words, not work: the prediction and intervention
 * panels keep their workers (counted through a wrapper around `Worker`), their
 * settings and their results, and an answer still on its way arrives in the
 * rebuilt panel. The guided comparison's worker starts only when asked for.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { collectErrors, launchBrowser } from "./browser.ts";

let browser: Browser;
let page: Page;
let errors: string[] = [];

/** Script URLs of every worker the page has constructed, oldest first. */
const workers = () => page.evaluate(() => [...(window as unknown as { __workers: string[] }).__workers]);
const labWorkers = async () => (await workers()).filter((url) => url.includes("lab.worker")).length;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  errors = collectErrors(page);
  await page.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { __workers: string[] }).__workers = made;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(String(url));
      }
    };
  });
  await page.goto(inject("baseUrl"));
  await page.getByText("legal line: 500 reposts").waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe("language switch", () => {
  it("starts the app's lab worker and one per panel, not the guided comparison's", async () => {
    expect(await labWorkers()).toBe(3);
  });

  it("keeps the panels' workers, settings and results, and an answer on its way", async () => {
    const prediction = page.getByTestId("prediction");
    const interventions = page.getByTestId("intervention-results");
    await page.getByLabel("Observed up to").fill("600");
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    await expect
      .poll(() => prediction.textContent(), { timeout: 30_000 })
      .toMatch(/reposts observed|Not available/);
    await page.getByRole("button", { name: /^Compare over 300 paired runs/ }).click();
    await expect
      .poll(() => interventions.textContent(), { timeout: 60_000 })
      .toMatch(/^Change in the chance of 500 reposts/);
    const before = await workers();

    // Ask again and switch at once: the answer must land in the rebuilt (Chinese) panel.
    await page.getByLabel("Estimator").selectOption({ index: 1 });
    const estimator = await page.getByLabel("Estimator").inputValue();
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.getByRole("heading", { name: "干预实验室" }).count()).toBe(1);
    await expect.poll(() => prediction.textContent(), { timeout: 30_000 }).toMatch(/已观察到|不可用/);
    expect(await interventions.textContent()).toMatch(/^达到500次转发的概率变化/);
    expect(await page.getByLabel("观察到").inputValue()).toBe("600");
    expect(await page.getByLabel("估计方法").inputValue()).toBe(estimator);

    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => prediction.textContent()).toMatch(/reposts observed|Not available/);
    expect(await interventions.textContent()).toMatch(/^Change in the chance of 500 reposts/);
    expect(await workers()).toEqual(before);
    expect(errors).toEqual([]);
  });

  it("starts the guided comparison's worker when a guide first compares", async () => {
    await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption("en");
    const before = await labWorkers();
    await page.getByRole("button", { name: "7. Weibo and WeChat Moments side by side" }).click();
    await expect.poll(() => page.getByTestId("compare-chart").count(), { timeout: 30_000 }).toBe(1);
    expect(await labWorkers()).toBe(before + 1);
  });
});
