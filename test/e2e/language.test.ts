/**
 * A language switch changes words, not work: the Monte Carlo, prediction and
 * intervention panels keep their workers (counted through a wrapper around
 * `Worker`), their settings and their results, and an answer still on its way
 * (a Monte Carlo run in progress too) arrives in the rebuilt panel. The guided comparison's worker starts only when asked for;
 * the guide's text and its comparison chart are redrawn in the new language, not run again.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appSession } from "./browser.ts";

/** Script URLs of every worker the page has constructed, oldest first. */
const workers = () => page.evaluate(() => [...(window as unknown as { __workers: string[] }).__workers]);
const labWorkers = async () => (await workers()).filter((url) => url.includes("lab.worker")).length;

// Every worker the page constructs is counted, from before the app starts.
const app = appSession({
  beforeLoad: (page) =>
    page.addInitScript(() => {
      const made: string[] = [];
      (window as unknown as { __workers: string[] }).__workers = made;
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          made.push(String(url));
        }
      };
    }),
});
let page: Page;
let errors: string[] = [];

beforeAll(() => {
  ({ page, errors } = app);
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
    // The answer in hand, as the Chinese panel draws it: the new one must replace it.
    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => prediction.textContent()).toMatch(/已观察到|不可用/);
    const oldAnswer = await prediction.textContent();
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => prediction.textContent()).toMatch(/reposts observed|Not available/);

    // Ask again and switch at once: the answer must land in the rebuilt (Chinese) panel.
    await page.getByLabel("Estimator").selectOption({ index: 1 });
    const estimator = await page.getByLabel("Estimator").inputValue();
    await page.getByRole("button", { name: "Predict", exact: true }).click();
    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.getByRole("heading", { name: "干预实验室" }).count()).toBe(1);
    await expect
      .poll(
        async () => {
          const text = await prediction.textContent();
          return text !== oldAnswer && /已观察到|不可用/.test(text ?? "");
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await interventions.textContent()).toMatch(/^达到500次转发的概率变化/);
    expect(await page.getByLabel("观察到").inputValue()).toBe("600");
    expect(await page.getByLabel("估计方法").inputValue()).toBe(estimator);

    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => prediction.textContent()).toMatch(/reposts observed|Not available/);
    expect(await interventions.textContent()).toMatch(/^Change in the chance of 500 reposts/);
    expect(await workers()).toEqual(before);
    expect(errors).toEqual([]);
  });

  it("keeps a Monte Carlo run going through a switch; its result arrives in the new language", async () => {
    const status = page.locator(".panel-mc .status");
    const done = async () =>
      Number((await status.textContent())?.match(/^([\d,]+)/)?.[1].replace(/,/g, "") ?? -1);
    await page.getByLabel("Runs", { exact: true }).fill("20000");
    await page.getByRole("button", { name: "Run 20,000 times" }).click();
    await expect.poll(done, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await workers();
    expect(before.filter((url) => url.includes("monte-carlo")).length).toBeGreaterThan(0);
    const atSwitch = await done();
    expect(atSwitch).toBeLessThan(20_000);

    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.getByRole("heading", { name: "多次模拟（蒙特卡洛）" }).count()).toBe(1);
    // Still running, counted on in Chinese, with the cancel button live.
    expect(await status.textContent()).toMatch(/^已完成[\d,]+\/20,000次$/);
    expect(await page.getByRole("button", { name: "取消", exact: true }).isEnabled()).toBe(true);
    expect(await page.getByRole("button", { name: "运行20,000次" }).isDisabled()).toBe(true);
    const chineseProgress = async () =>
      Number((await status.textContent())?.match(/^已完成([\d,]+)\//)?.[1].replace(/,/g, "") ?? 0);
    await expect.poll(chineseProgress, { timeout: 60_000 }).toBeGreaterThan(atSwitch);
    const summary = page.getByTestId("mc-summary");
    await expect.poll(() => summary.count(), { timeout: 120_000 }).toBe(1);
    expect(await summary.textContent()).toMatch(/^[\d.]+%的模拟越过/);
    expect(await status.textContent()).toBe("");
    expect(await page.getByLabel("模拟次数", { exact: true }).inputValue()).toBe("20000");
    expect(await workers()).toEqual(before);

    // Back to English: the finished result and the setting stay.
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => summary.textContent()).toMatch(/^Crosses the reposts line in [\d.]+% of runs/);
    expect(await page.getByLabel("Runs", { exact: true }).inputValue()).toBe("20000");
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

  it("keeps the guide and its comparison chart through a switch, redrawn in the new language", async () => {
    const guide = page.getByRole("region", { name: /^(Guided scenarios|引导情景)$/ });
    const compare = page.getByTestId("compare-chart");
    await expect.poll(() => compare.count(), { timeout: 30_000 }).toBe(1);
    expect(await compare.textContent()).toContain("The same post on WeChat Moments");
    const before = await workers();

    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => guide.locator("h2").textContent()).toBe("微博与微信朋友圈对比");
    expect(await guide.textContent()).toContain("同一条帖子，转发概率和延迟相同");
    expect(await compare.count()).toBe(1);
    expect(await compare.textContent()).toContain("同一条帖子在微信朋友圈");
    expect(await compare.textContent()).not.toContain("The same post on WeChat Moments");
    expect(await workers()).toEqual(before);

    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => guide.locator("h2").textContent()).toBe("Weibo and WeChat Moments side by side");
    expect(await compare.count()).toBe(1);
    expect(await compare.textContent()).toContain("The same post on WeChat Moments");
    expect(await workers()).toEqual(before);
    expect(errors).toEqual([]);
  });

  it("started again and switched at once, the guide shows one comparison chart, in the new language", async () => {
    await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption("en");
    const compare = page.getByTestId("compare-chart");
    const before = await workers();
    await page.getByRole("button", { name: "7. Weibo and WeChat Moments side by side" }).click();
    await page.getByLabel("Language").selectOption("zh");
    await expect
      .poll(() => compare.filter({ hasText: "同一条帖子在微信朋友圈" }).count(), { timeout: 30_000 })
      .toBe(1);
    // Give a second chart time to arrive, were one on its way.
    await page.waitForTimeout(1000);
    expect(await compare.count()).toBe(1);
    expect(await workers()).toEqual(before);
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => compare.textContent()).toContain("The same post on WeChat Moments");
    expect(await compare.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("keeps the playback position, the speed and a playing timeline through a switch", async () => {
    await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption("en");
    const readout = page.locator(".playback output.readout");
    await page.getByRole("button", { name: "1. A big account" }).click();
    await expect.poll(() => page.getByTestId("compare-chart").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => readout.textContent(), { timeout: 15_000 }).toBe("whole record");
    await page.getByRole("button", { name: "Jump to 5,000 views" }).click();
    for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Next repost" }).click();
    await expect.poll(() => readout.textContent()).toMatch(/^t = /);
    const slider = page.locator("#playback-time");
    const at = await slider.inputValue();
    await page.getByLabel("Speed").selectOption({ index: 0 });
    const speed = await page.getByLabel("Speed").inputValue();

    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.getByRole("group", { name: "时间轴" }).count()).toBe(1);
    expect(await slider.inputValue()).toBe(at);
    expect(await readout.textContent()).toMatch(/^t = /);
    expect(await page.getByLabel("速度").inputValue()).toBe(speed);

    // Playing on, through a switch back.
    await page.getByRole("button", { name: "播放", exact: true }).click();
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => page.getByRole("group", { name: "Timeline" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Pause", exact: true }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    expect(errors).toEqual([]);
  });

  it("keeps what was typed and not yet run, and says the search's and the error's notes in the new language", async () => {
    await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption("en");
    const form = page.locator(".controls-host form");
    const find = page.locator("#find-account");
    const note = page.locator(".find-message");
    const error = page.locator(".error");
    await form.locator("[name='seed']").fill("typed-not-run");
    await find.fill("99999999");
    await find.press("Enter");
    await expect.poll(() => note.textContent()).toBe("No account '99999999' in this network.");
    await form.locator("[name='nodes']").fill("-5");
    await form.locator("[name='nodes']").press("Enter");
    await expect.poll(() => error.textContent()).toMatch(/^nodes: .*The last good scenario is kept\.$/);

    await page.getByLabel("Language").selectOption("zh");
    // The reason too is in Chinese, with the field's label: no English words left from it.
    await expect
      .poll(() => error.textContent())
      .toBe("账号数：-5 无效，应为 10 到 1,000,000 之间的整数。 已保留上一个有效情景。");
    expect(await error.textContent()).not.toMatch(/[A-Za-z]/);
    expect(await form.locator("[name='seed']").inputValue()).toBe("typed-not-run");
    expect(await form.locator("[name='nodes']").inputValue()).toBe("-5");
    expect(await find.inputValue()).toBe("99999999");
    expect(await note.textContent()).toBe("此网络中没有账号“99999999”。");

    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => note.textContent()).toBe("No account '99999999' in this network.");
    expect(await error.textContent()).toMatch(/The last good scenario is kept\.$/);
    expect(await form.locator("[name='seed']").inputValue()).toBe("typed-not-run");
    expect(errors).toEqual([]);
  });

  it("keeps an open record's assumed audience and what-if fields typed and not yet applied", async () => {
    await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption("en");
    await page.getByRole("button", { name: "6. A real Weibo cascade" }).click();
    await expect.poll(() => page.getByTestId("summary-card").count(), { timeout: 30_000 }).toBe(1);
    await page.locator("#assume-audience").fill("77");
    await page.locator("#whatif-delete").fill("30");
    await page.locator("#whatif-suspend").fill("1, 2");

    await page.getByLabel("Language").selectOption("zh");
    await expect.poll(() => page.locator(".guide h2").textContent()).toBe("真实微博传播");
    expect(await page.locator("#assume-audience").inputValue()).toBe("77");
    expect(await page.locator("#whatif-delete").inputValue()).toBe("30");
    expect(await page.locator("#whatif-suspend").inputValue()).toBe("1, 2");
    await page.getByLabel("语言").selectOption("en");
    await expect.poll(() => page.locator(".guide h2").textContent()).toBe("A real Weibo cascade");
    expect(await page.locator("#whatif-delete").inputValue()).toBe("30");
    expect(errors).toEqual([]);
  });
});
