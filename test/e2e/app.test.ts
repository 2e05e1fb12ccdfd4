import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { appSession, layoutSettled } from "./browser.ts";

const app = appSession({ load: false });
let page: Page;
let errors: string[] = [];

beforeAll(() => {
  ({ page, errors } = app);
});

const repostTotal = (p: Page) => p.getByTestId("total-reposts").textContent();

describe("the app in Chromium", () => {
  it("opens on the default scenario with both lines and a crossing label", async () => {
    await page.goto(inject("baseUrl"));
    await expect.poll(() => page.getByText("legal line: 500 reposts").count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText("legal line: 5,000 views").count()).toBe(1);
    await expect.poll(() => page.getByText(/^500th repost at .+, by account \d+$/).count()).toBe(1);
    expect(await page.getByText(/^5,000 views at .+, by account \d+$/).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "The legal line" }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("predicts from the first 10 minutes with the default estimator at one click", async () => {
    const readout = page.locator("output[for='predict-at']");
    await expect.poll(() => readout.textContent()).toMatch(/^T = (9 min 5\d s|10 min( \d s)?)$/);
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("prediction").textContent(), { timeout: 30_000 })
      .toMatch(/reposts observed|Not available/);
    expect(await page.getByTestId("prediction").textContent()).toMatch(/reposts observed/);
  });

  it("changes the result when the seed changes, and puts it in the URL", async () => {
    const before = await repostTotal(page);
    await page.getByLabel("Seed", { exact: true }).fill("another-seed");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => page.url()).toContain("seed=another-seed");
    await expect.poll(() => repostTotal(page)).not.toBe(before);
  });

  it("refuses an invalid parameter with a message and keeps the last good scenario", async () => {
    const before = await repostTotal(page);
    await page.getByLabel("Repost probability p").fill("1.5");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/invalid 'p' 1.5. Should be a number from 0 to 1/);
    expect(await repostTotal(page)).toBe(before);
    expect(page.url()).not.toContain("p=1.5");
  });

  it("finds an account by id and makes a clicked account the source", async () => {
    await page.getByLabel("Find account").fill("no-such-account");
    await page.getByRole("button", { name: "Find" }).click();
    await expect.poll(() => page.getByText("No account 'no-such-account' in this network.").count()).toBe(1);
    // By keyboard: find an account, then make it the source.
    await page.getByLabel("Find account").fill("42");
    await page.getByLabel("Find account").press("Enter");
    await page.getByRole("button", { name: "Make it the source" }).click();
    await expect.poll(() => page.url()).toContain("src=42");
    // Let the layout settle, then click the middle of the canvas until an account is hit.
    await layoutSettled(page);
    const canvas = page.getByRole("img", { name: /click an account to make it the source/ });
    const box = (await canvas.boundingBox())!;
    const clickedSource = () => /src=(?!42\b)\d+/.test(page.url());
    for (let dx = 0; dx < 60 && !clickedSource(); dx += 3) {
      await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dx / 2);
      await page.waitForTimeout(150);
    }
    expect(clickedSource()).toBe(true);
  });

  it("restores a scenario from a shared link", async () => {
    await page.goto(`${inject("baseUrl")}?preset=ba&n=500&seed=shared&model=ic&p=0.3`);
    await expect
      .poll(() => page.getByLabel("Platform or model").inputValue(), { timeout: 15_000 })
      .toBe("ba");
    expect(await page.getByLabel("Accounts").inputValue()).toBe("500");
    expect(await page.getByLabel("Repost probability p").inputValue()).toBe("0.3");
  });

  it("refuses a hand-edited link field by field without injecting markup", async () => {
    await page.goto(`${inject("baseUrl")}?preset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&n=-4`);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/refused/);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.getByLabel("Platform or model").inputValue()).toBe("weibo");
  });
});
