/**
 * Hardening in Chromium: no Content-Security-Policy violation in a normal
 * session, a damaged saved scenario is reported and discarded, the autosaved
 * scenario survives a reload, and a long scripted session (re-runs, playback,
 * Monte Carlo cancel/restart) neither grows the heap beyond a bound nor leaks
 * workers.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { appSession } from "./browser.ts";

const STORAGE_KEY = "repost-threshold-lab/scenario";
const app = appSession({ load: false });
let browser: Browser;

beforeAll(() => {
  browser = app.browser;
});

/** A fresh page (own storage) that records CSP violations in window.__cspViolations. */
async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return page;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
const ready = (page: Page) => page.getByText("legal line: 500 reposts").waitFor({ timeout: 20_000 });
const repostTotal = (page: Page) => page.getByTestId("total-reposts").textContent();

async function runSeed(page: Page, seed: string): Promise<void> {
  await page.getByLabel("Seed", { exact: true }).fill(seed);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("seed") === seed, { timeout: 20_000 });
}

describe("Content-Security-Policy", () => {
  it("a normal session (run, re-run, play, many runs) raises no CSP violation", async () => {
    const page = await openPage();
    await page.goto(inject("baseUrl"));
    await ready(page);
    await runSeed(page, "csp-check");
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await page.waitForTimeout(500);
    await page.keyboard.press("End");
    await page.getByLabel("Runs", { exact: true }).fill("20");
    await page.getByRole("button", { name: "Run 20 times" }).click();
    await page.getByTestId("mc-summary").waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    // The recorder works: an inline script injected the way markup injection would is blocked and recorded.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
    });
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src/)]);
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    await page.context().close();
  }, 60_000);
});

describe("saved state", () => {
  it("the autosaved scenario survives a reload", async () => {
    const page = await openPage();
    await page.goto(inject("baseUrl"));
    await ready(page);
    await runSeed(page, "survives-reload");
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY))
      .toContain("seed=survives-reload");
    await page.goto(inject("baseUrl"));
    await ready(page);
    expect(await page.getByLabel("Seed", { exact: true }).inputValue()).toBe("survives-reload");
    await page.context().close();
  }, 60_000);

  it("the autosaved scenario survives a crash of the lab worker, and the next run works", async () => {
    const page = await openPage();
    await page.goto(inject("baseUrl"));
    await ready(page);
    await runSeed(page, "before-crash");
    const labWorkers = () => page.workers().filter((w) => w.url().includes("lab.worker"));
    const count = labWorkers().length;
    const lab = labWorkers()[0];
    expect(lab, "the lab worker is running").toBeDefined();
    // An uncaught error inside the worker: the client replaces it.
    await lab!.evaluate(() => {
      setTimeout(() => {
        throw new Error("crash for the test");
      });
    });
    // The crashed worker is gone and a fresh one took its place.
    await expect.poll(() => page.workers().includes(lab!)).toBe(false);
    await expect.poll(() => labWorkers().length).toBe(count);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toContain(
      "seed=before-crash",
    );
    const before = await repostTotal(page);
    await runSeed(page, "after-crash");
    await expect.poll(() => repostTotal(page), { timeout: 20_000 }).not.toBe(before);
    await page.goto(inject("baseUrl"));
    await ready(page);
    expect(await page.getByLabel("Seed", { exact: true }).inputValue()).toBe("after-crash");
    await page.context().close();
  }, 60_000);

  it("a damaged saved scenario is reported, discarded and not fatal", async () => {
    const page = await openPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // Damage the saved scenario before the app starts, once (a reload must then find it discarded).
    await page.addInitScript((key) => {
      if (sessionStorage.getItem("damaged-once")) return;
      sessionStorage.setItem("damaged-once", "1");
      localStorage.setItem(key, "preset=weibo&n=%3Cscript%3E&model=__proto__&bogus=1");
    }, STORAGE_KEY);
    await page.goto(inject("baseUrl"));
    await ready(page);
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/damaged/);
    expect(await page.getByLabel("Seed", { exact: true }).inputValue()).toBe("rumour-1");
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).not.toContain("bogus");
    expect(errors).toEqual([]);
    // Reloaded without a query, the app starts cleanly on what it saved since.
    await page.goto(inject("baseUrl"));
    await ready(page);
    expect(await page.getByRole("alert").filter({ hasText: "damaged" }).count()).toBe(0);
    await page.context().close();
  }, 60_000);
});

/** JS heap in use after a forced full GC, in bytes. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
}

/**
 * The memory of the page's workers after GC (JS heap and array buffers), summed, through the browser's DevTools session: each worker
 * is attached in non-flat mode, so commands go in and answers come back as messages on this one session.
 */
async function workerHeapsAfterGc(browserCdp: CDPSession): Promise<{ workers: number; bytes: number }> {
  const { targetInfos } = await browserCdp.send("Target.getTargets");
  let bytes = 0;
  let workers = 0;
  for (const target of targetInfos.filter((t) => t.type === "worker")) {
    const { sessionId } = await browserCdp.send("Target.attachToTarget", {
      targetId: target.targetId,
      flatten: false,
    });
    let nextId = 0;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = ++nextId;
        const onMessage = (event: { sessionId: string; message: string }) => {
          if (event.sessionId !== sessionId) return;
          const answer = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (answer.id !== id) return;
          browserCdp.off("Target.receivedMessageFromTarget", onMessage);
          resolve(answer.result ?? {});
        };
        browserCdp.on("Target.receivedMessageFromTarget", onMessage);
        void browserCdp.send("Target.sendMessageToTarget", {
          sessionId,
          message: JSON.stringify({ id, method }),
        });
      });
    await call("HeapProfiler.collectGarbage");
    const usage = await call("Runtime.getHeapUsage");
    // The JS heap plus the array buffers (the compiled graphs live there).
    bytes += Number(usage.usedSize) + Number(usage.backingStorageSize ?? 0);
    workers++;
    await browserCdp.send("Target.detachFromTarget", { sessionId });
  }
  return { workers, bytes };
}

const CYCLES = Number(process.env.HARDEN_CYCLES ?? 25);
const MC_RESTARTS = Number(process.env.HARDEN_MC_RESTARTS ?? 20);

describe("long session", () => {
  it(`${CYCLES} re-runs with playback and ${MC_RESTARTS} Monte Carlo cancel/restarts: bounded heap, no leaked workers`, async () => {
    const page = await openPage();
    await page.goto(inject("baseUrl"));
    await ready(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const browserCdp = await browser.newBrowserCDPSession();
    const workers = async () =>
      (await browserCdp.send("Target.getTargets")).targetInfos.filter((t) => t.type === "worker").length;

    // Warm up once so first-use allocations (fonts, layout, chart code) are in the baseline.
    await runSeed(page, "warm-up");
    await page.getByLabel("Runs", { exact: true }).fill("20");
    await page.getByRole("button", { name: "Run 20 times" }).click();
    await page.getByTestId("mc-summary").waitFor({ timeout: 30_000 });
    const baseHeap = await heapAfterGc(cdp);
    const baseWorkers = await workers();
    const baseWorkerHeaps = await workerHeapsAfterGc(browserCdp);

    for (let i = 0; i < CYCLES; i++) {
      await runSeed(page, `long-${i}`);
      await page.getByRole("button", { name: "Play", exact: true }).click();
      await page.keyboard.press("End");
    }
    await page.getByLabel("Runs", { exact: true }).fill("100000");
    for (let i = 0; i < MC_RESTARTS; i++) {
      await page.getByRole("button", { name: "Run 100,000 times" }).click();
      await page.getByRole("button", { name: "Cancel" }).click();
    }
    await expect.poll(() => page.getByText("Cancelled: the previous results are kept.").count()).toBe(1);

    // Still responsive: one more run answers.
    const before = await repostTotal(page);
    await runSeed(page, "after-the-long-session");
    await expect.poll(() => repostTotal(page), { timeout: 20_000 }).not.toBe(before);

    await expect.poll(workers, { timeout: 10_000 }).toBeLessThanOrEqual(baseWorkers);
    const endHeap = await heapAfterGc(cdp);
    // Bound: the heap after GC may grow by caches of one more graph, not by one per cycle.
    expect(endHeap).toBeLessThan(baseHeap * 1.5 + 20 * 1024 ** 2);
    // The workers too: the lab worker keeps one graph and one run, each pool worker one graph.
    const endWorkerHeaps = await workerHeapsAfterGc(browserCdp);
    expect(baseWorkerHeaps.workers).toBeGreaterThan(0);
    expect(endWorkerHeaps.bytes).toBeLessThan(baseWorkerHeaps.bytes * 1.5 + 20 * 1024 ** 2);
    const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
    console.log(
      `long session: page heap ${mb(baseHeap)} -> ${mb(endHeap)} MB; ` +
        `worker heaps ${mb(baseWorkerHeaps.bytes)} MB in ${baseWorkerHeaps.workers} -> ${mb(endWorkerHeaps.bytes)} MB in ${endWorkerHeaps.workers}; ` +
        `workers ${baseWorkers} -> ${await workers()}`,
    );
    await page.context().close();
  }, 120_000);
});
