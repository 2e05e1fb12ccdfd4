/**
 * Measures what a teacher waits for: the built app's JavaScript size (gzip)
 * and the time from navigation until the default scenario's crossing label is
 * on screen, in headless Chromium, median of 5 cold loads.
 * Run with `npm run bench:startup` (builds first).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { preview } from "vite";
import { launchBrowser } from "../test/e2e/browser.ts";

const root = resolve(import.meta.dirname, "..");
const assets = join(root, "dist/assets");
let gzipBytes = 0;
for (const file of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
  gzipBytes += gzipSync(readFileSync(join(assets, file))).length;
}
const server = await preview({ root, preview: { port: 0, host: "127.0.0.1" }, logLevel: "silent" });
const url = server.resolvedUrls?.local[0] ?? "";
const browser = await launchBrowser();
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(url);
  await page.getByText(/^500th repost at /).waitFor({ timeout: 30_000 });
  times.push(performance.now() - start);
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
console.log(`JavaScript (all chunks and workers, gzip): ${(gzipBytes / 1024).toFixed(1)} kB`);
console.log(
  `Default scenario on screen after load: median ${Math.round(times[2])} ms (min ${Math.round(times[0])}, max ${Math.round(times[4])}) over 5 cold loads`,
);
