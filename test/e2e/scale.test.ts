/**
 * A million accounts in Chromium: the Weibo preset is built straight into
 * typed arrays in the lab worker, a cascade runs, the network view draws the
 * cascade's part and says so, memory in use is shown, and a few Monte Carlo
 * runs finish (each worker gets a copy of the lab worker's graph instead of
 * building its own), with no page error.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { appSession } from "./browser.ts";

const app = appSession({ load: false });
let page: Page;
let errors: string[] = [];

beforeAll(() => {
  ({ page, errors } = app);
});

describe("a million accounts", () => {
  it("generates, runs a cascade, draws its part of the network and reports memory", async () => {
    await page.goto(inject("baseUrl"));
    await page.getByText("legal line: 500 reposts").waitFor({ timeout: 20_000 });
    const started = Date.now();
    await page.getByLabel("Accounts", { exact: true }).fill("1000000");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("n") === "1000000", { timeout: 60_000 });
    const buildAndRun = Date.now() - started;
    const status = await page.getByRole("status").first().textContent();
    const note = page.getByTestId("network-note");
    await expect
      .poll(() => note.textContent())
      .toMatch(/^The network has 1,000,000 accounts, too many to lay out: shown are the [\d,]+ accounts/);
    expect(
      Number(
        await page
          .getByTestId("total-reposts")
          .textContent()
          .then((t) => t?.replace(/\D/g, "")),
      ),
    ).toBeGreaterThan(0);
    // The readout counts the whole compiled graph the worker holds: about 90 MB of typed arrays.
    const memory = page.getByTestId("memory");
    await expect
      .poll(() => memory.textContent(), { timeout: 10_000 })
      .toMatch(
        /^Memory in use: \d+ MB by the page; the network: (8\d|9\d|1\d\d)\.\d MB in the background worker\.$/,
      );
    expect(await page.getByRole("alert").isHidden()).toBe(true);

    await page.getByLabel("Runs", { exact: true }).fill("10");
    const monteCarloStarted = Date.now();
    await page.getByRole("button", { name: "Run 10 times" }).click();
    await page.getByTestId("mc-summary").waitFor({ timeout: 60_000 });
    const monteCarlo = Date.now() - monteCarloStarted;
    expect(await page.getByTestId("mc-summary").textContent()).toMatch(/\d+\.\d%/);
    expect(errors).toEqual([]);
    // Measured numbers for the README's Scale section.
    console.log(
      `1,000,000 accounts: build + cascade ${buildAndRun} ms (${status}); ${await memory.textContent()} ` +
        `${await note.textContent()} 10 Monte Carlo runs: ${monteCarlo} ms.`,
    );
  }, 120_000);
});
