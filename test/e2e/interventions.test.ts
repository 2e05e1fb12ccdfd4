import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGraph, DEFAULT_SCENARIO } from "../../src/core/scenario.ts";
import { appSession, exportSvg, layoutSettled } from "./browser.ts";

const app = appSession();
let page: Page;

beforeAll(() => {
  page = app.page;
});

describe("the intervention lab", () => {
  it("deletes the post early: the run stops under the line, the moment is marked, the cut branches are ghosted", async () => {
    await page.getByLabel("Strategy").selectOption("delete");
    await page.getByLabel("At (minutes after the post)").fill("30");
    await page.getByRole("button", { name: "Apply to the run" }).click();
    const effect = page.getByTestId("intervention-effect");
    await expect.poll(() => effect.count(), { timeout: 15_000 }).toBe(1);
    expect(await effect.textContent()).toMatch(/With the intervention: \d+ reposts \(without it: \d[\d,]*\)/);
    expect(await page.getByText(/^500th repost at/).count()).toBe(0);
    expect(await page.getByText("intervention: delete").count()).toBeGreaterThan(0);
    expect(await page.locator(".events-ghosted circle").count()).toBeGreaterThan(0);
    // Baseline and intervention curves together: the run without it is drawn dashed.
    expect(await page.locator(".curve-baseline-reposts").count()).toBe(1);
    expect(page.url()).toContain("iv=");
  });

  it("runs the Monte Carlo with the intervention applied, and says so", async () => {
    await page.getByLabel("Runs", { exact: true }).fill("50");
    await page.getByRole("button", { name: "Run 50 times" }).click();
    const note = page.getByTestId("mc-interventions");
    await expect
      .poll(() => note.textContent(), { timeout: 30_000 })
      .toMatch(/^Every run with the intervention applied: /);
  });

  it("compares the intervention with the baseline over paired runs", async () => {
    await page.getByRole("button", { name: /^Compare over 300 paired runs/ }).click();
    const results = page.getByTestId("intervention-results");
    await expect
      .poll(() => results.textContent(), { timeout: 60_000 })
      .toMatch(/Change in the chance of 500 reposts: -\d/);
    // The chances themselves, so that two strategies with the same change can be told apart.
    const [, change, before, after] =
      (await results.textContent())?.match(/: (-?[\d.]+) points .*, from ([\d.]+)% to ([\d.]+)%\./) ?? [];
    // The change shown is the difference of the chances shown: the sentence adds up.
    expect((Number(after) - Number(before)).toFixed(1)).toBe(Number(change).toFixed(1));
  });

  it("names the repost line the scenario counts, not a fixed 500", async () => {
    await page.getByLabel("Reposts threshold").fill("300");
    await page.getByLabel("Reposts threshold").press("Enter");
    await expect
      .poll(() => page.getByText("legal line: 300 reposts").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: /^Compare over 300 paired runs/ }).click();
    const results = page.getByTestId("intervention-results");
    await expect
      .poll(() => results.textContent(), { timeout: 60_000 })
      .toMatch(/^Change in the chance of 300 reposts: /);
    await page.getByLabel("Reposts threshold").fill("500");
    await page.getByLabel("Reposts threshold").press("Enter");
    await expect
      .poll(() => page.getByText("legal line: 500 reposts").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it("compares centralities as strategies on one chart and a table", async () => {
    await page.getByRole("button", { name: "Compare centralities (top 5)" }).click();
    // While the worker computes: an activity bar and Cancel, gone with the answer.
    const busy = page.locator(".panel-intervention .busy");
    await busy.waitFor({ state: "visible", timeout: 10_000 });
    expect(await busy.getByRole("button", { name: "Cancel", exact: true }).isVisible()).toBe(true);
    const table = page.locator(".strategy-table");
    await expect.poll(() => table.count(), { timeout: 90_000 }).toBe(1);
    const rows = await table.locator("tbody tr th").allTextContents();
    expect(rows).toEqual(
      expect.arrayContaining(["top 5 by pagerank", "top 5 by betweenness", "top 5 by audience"]),
    );
    expect(await page.getByText("Interventions compared").count()).toBeGreaterThan(0);
    await expect.poll(() => busy.isHidden()).toBe(true);
  });

  it("exports the comparison chart as a standalone SVG", async () => {
    const { doc } = await exportSvg(page, "Interventions compared");
    expect(doc.documentElement.textContent).toContain("top 5 by pagerank");
  });

  it("cuts a follow link with the scissors: an account, then one of its followers", async () => {
    // The test knows the default network (same core, same seed): account 7 and one of its followers.
    const { compiled } = buildGraph(DEFAULT_SCENARIO);
    const poster = compiled.ids.indexOf("7");
    const follower = compiled.ids[compiled.targets[compiled.offsets[poster]]];
    await layoutSettled(page);
    await page
      .getByLabel("Scissors: click an account, then one of its followers, to cut the link between them")
      .check();
    const canvas = page.getByRole("img", { name: /click an account/ });
    // Finding an account centres the view on it; a click in the middle then picks it.
    const clickFound = async (id: string) => {
      await page.getByLabel("Find account").fill(id);
      await page.getByLabel("Find account").press("Enter");
      const box = (await canvas.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    await clickFound("7");
    await expect
      .poll(() => page.getByText("Account 7 picked: now click one of its followers or friends.").count())
      .toBe(1);
    await clickFound(follower);
    await expect.poll(() => page.getByText(/^[12] follow link\(s\) cut\.$/).count()).toBe(1);
    // The cut replaces the deletion: the re-run lands in the link.
    await expect
      .poll(() => decodeURIComponent(page.url()), { timeout: 15_000 })
      .toContain(`"kind":"cut-links","links":[["7","${follower}"]`);
    await page
      .getByLabel("Scissors: click an account, then one of its followers, to cut the link between them")
      .uncheck();
  });

  it("removes the intervention again", async () => {
    await page.getByRole("button", { name: "Remove the intervention" }).click();
    await expect.poll(() => page.getByText(/^500th repost at/).count(), { timeout: 15_000 }).toBe(1);
    // The label may be there before the removal lands (a cut link need not move the 500th repost): wait for the URL.
    await expect.poll(() => page.url()).not.toContain("iv=");
  });

  it("clears an earlier answer when a comparison is refused, so the error is not read beside it", async () => {
    await page.getByLabel("Strategy").selectOption("delete");
    await page.getByRole("button", { name: /^Compare over 300 paired runs/ }).click();
    const results = page.getByTestId("intervention-results");
    await expect.poll(() => results.textContent(), { timeout: 60_000 }).toMatch(/^Change in the chance/);
    // Weibo has no group chats: a group cap cannot apply.
    await page.getByLabel("Strategy").selectOption("group-cap");
    await page.getByRole("button", { name: /^Compare over 300 paired runs/ }).click();
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toBe("");
    expect(await page.locator(".panel-intervention .status").textContent()).toMatch(/group/i);
    await page.getByLabel("Strategy").selectOption("none");
  });

  it("keeps the strategy and its fields typed and not yet applied through a language switch", async () => {
    await page.getByLabel("Strategy").selectOption("throttle");
    await page.getByLabel("At (minutes after the post)").fill("45");
    await page.getByLabel("Or when reposts reach (0 = use the time)").fill("120");
    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.getByLabel("策略").inputValue()).toBe("throttle");
    expect(await page.getByLabel("时间（发帖后分钟数）").inputValue()).toBe("45");
    expect(await page.getByLabel("或在转发数达到时（0 = 按时间）").inputValue()).toBe("120");
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => page.getByLabel("At (minutes after the post)").inputValue()).toBe("45");
    expect(await page.getByLabel("Or when reposts reach (0 = use the time)").inputValue()).toBe("120");
    await page.getByLabel("Strategy").selectOption("none");
  });
});
