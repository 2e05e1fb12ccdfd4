/** Launches Debian's Chromium headless through playwright-core (no browser download). */
import { existsSync, readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  for (const path of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (path && existsSync(path)) return path;
  }
  throw new Error(
    "No Chromium found: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.",
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** Collects the page's uncaught errors and console errors, for a test to expect none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

export interface AppSession {
  browser: Browser;
  page: Page;
  /** The page's uncaught errors and console errors so far. */
  errors: string[];
}

/**
 * A browser and one page for the test file, closed after its tests: the viewport and language of every
 * e2e test, downloads accepted, errors collected. `beforeLoad` runs before the app opens (init scripts);
 * with `load: false` the page stays blank (tests that open the app at their own URL).
 */
export function appSession(
  options: {
    viewport?: { width: number; height: number };
    load?: boolean;
    beforeLoad?: (page: Page) => Promise<unknown>;
  } = {},
): AppSession {
  const session = { errors: [] as string[] } as AppSession;
  beforeAll(async () => {
    session.browser = await launchBrowser();
    const context = await session.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: "en-US",
    });
    session.page = await context.newPage();
    session.errors = collectErrors(session.page);
    await options.beforeLoad?.(session.page);
    if (options.load !== false) {
      await session.page.goto(inject("baseUrl"));
      await session.page.getByText("legal line: 500 reposts").first().waitFor({ timeout: 20_000 });
    }
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/** Waits until the network's layout has finished: the status line says how long the run took instead of its progress. */
export async function layoutSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 })
    .toMatch(/^Ran in \d+ ms\.$/);
}

/**
 * Clicks the chart's "Export SVG" button and checks the download is a standalone SVG: it parses as XML,
 * declares the SVG namespace and has a title. Returns its text and document for further checks.
 */
export async function exportSvg(page: Page, chart: string): Promise<{ text: string; doc: Document }> {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 15_000 }),
    page.getByRole("button", { name: `Export SVG: ${chart}`, exact: true }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  const doc = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
  expect(doc.getElementsByTagName("parsererror"), chart).toHaveLength(0);
  expect(doc.documentElement.getAttribute("xmlns"), chart).toBe("http://www.w3.org/2000/svg");
  expect(doc.documentElement.getElementsByTagName("title").length, chart).toBeGreaterThan(0);
  expect(download.suggestedFilename(), chart).toMatch(/\.svg$/);
  return { text, doc };
}
