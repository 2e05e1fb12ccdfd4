/**
 * The Chinese page shows no English words: after switching to 中文 and going
 * through the main surfaces (a run, many runs, a prediction, an intervention
 * comparison and the centralities, a guided scenario, a real cascade,
 * presentation mode), the visible text, the attributes a user or a screen
 * reader meets (title, aria-label, placeholder) and the charts' SVG text hold
 * no Latin word outside a short allow-list: format and proper names, symbols.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appSession } from "./browser.ts";

const app = appSession();
let page: Page;

/**
 * Latin words allowed on the Chinese page: file formats and data sets, proper names (models, estimators, authors,
 * venues, licences), units and symbols. Anything else is an untranslated word.
 */
const ALLOWED = new Set(
  [
    // File formats and data sets.
    "CSV TSV JSON GEXF GraphML SVG PNG zip XML graphology CED CasFlow SEISMIC TiDeH DeepHawkes Twitter15 Twitter16 Twitter RT",
    // Names: models, measures, people, venues, licences; the language switch's own name for English.
    "Hawkes Maki Thompson PageRank Facebook Zhao Bernstein Goel Szabo Huberman Xu Cao Kobayashi Lambiotte Xovee NII ICWSM KDD CIKM MIT English github com casflow",
    // Units, keys and symbols.
    "MB kB GB HTTP Home End",
  ]
    .join(" ")
    .split(" ")
    .map((w) => w.toLowerCase()),
);

/** Latin words of the page's visible text, attributes and SVG text, each with where it was found. */
async function latinWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const element = n.parentElement;
      const text = n.textContent?.trim();
      if (!element || !text || element.closest("script, style")) continue;
      // Options of a select, and every text of a chart, count even when not painted.
      const shown =
        element.tagName === "OPTION" ||
        element.closest("svg") !== null ||
        element.checkVisibility({ visibilityProperty: true });
      if (shown) out.push(text);
    }
    for (const element of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]"))
      for (const name of ["title", "aria-label", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
    return out;
  });
  const found: string[] = [];
  for (const text of texts) {
    // File names are the user's own words (the bundled CasFlow sample is dataset.txt).
    for (const word of text
      .replace(/[\w.-]+\.(txt|csv|tsv|json|gexf|graphml)\b/g, "")
      .match(/[A-Za-z][A-Za-z]+/g) ?? []) {
      if (!ALLOWED.has(word.toLowerCase())) found.push(`${word} in "${text.slice(0, 120)}"`);
    }
  }
  return [...new Set(found)];
}

/** Opens the summary card's notes on the file ("关于此文件的说明"). */
async function openNotes(): Promise<void> {
  await page.getByText("关于此文件的说明").click();
  await page.locator(".file-notes li").first().waitFor();
}

/** The notes on the file, as shown. */
async function notes(): Promise<string[]> {
  return page.locator(".file-notes li").allTextContents();
}

async function expectNoEnglish(where: string): Promise<void> {
  expect(await latinWords(page), where).toEqual([]);
}

beforeAll(async () => {
  page = app.page;
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await page.getByRole("heading", { name: "干预实验室" }).waitFor();
});

describe("the Chinese page has no English words", () => {
  it("after a run, on every model's parameters", async () => {
    await expect.poll(() => page.title()).toBe("转发阈值实验室");
    const model = page.getByRole("combobox", { name: "传播模型" });
    for (const id of ["lt", "rumour", "hawkes", "ic"]) {
      await model.selectOption(id);
      await expectNoEnglish(`model ${id}`);
    }
    await page.getByRole("button", { name: "运行", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 })
      .toMatch(/^用时\d+毫秒。$/);
    await expectNoEnglish("after a run");
  });

  it("many runs, a prediction", async () => {
    await page.getByRole("spinbutton", { name: "模拟次数", exact: true }).fill("40");
    await page.getByRole("button", { name: "运行40次" }).click();
    await page.getByTestId("mc-summary").waitFor({ timeout: 60_000 });
    await page.getByRole("combobox", { name: "估计方法" }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "预测", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("prediction").textContent(), { timeout: 30_000 })
      .toMatch(/已观察到|不可用/);
    await expectNoEnglish("Monte Carlo and prediction");
  });

  it("an intervention applied and compared, and the centralities compared", async () => {
    await page.getByRole("combobox", { name: "策略" }).selectOption("delete");
    await page.getByRole("button", { name: "应用到本次运行" }).click();
    const results = page.getByTestId("intervention-results");
    await page.getByRole("button", { name: /^用300次配对模拟比较/ }).click();
    await expect.poll(() => results.textContent(), { timeout: 60_000 }).toMatch(/^达到500次转发的概率变化/);
    await expectNoEnglish("an intervention compared");
    await page.getByRole("combobox", { name: "策略" }).selectOption("suspend-top");
    await page.getByRole("button", { name: /^比较各中心性/ }).click();
    await expect.poll(() => results.getByRole("table").count(), { timeout: 120_000 }).toBe(1);
    expect(await results.getByRole("rowheader").first().textContent()).toBe("无干预");
    await expectNoEnglish("centralities compared");
  });

  it("a guided scenario, presentation mode, a real cascade", async () => {
    await page.getByRole("button", { name: "5. 及早删除" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "及早删除" }).count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 })
      .toMatch(/^用时\d+毫秒。$/);
    await expectNoEnglish("guided scenario 5");
    await page.keyboard.press("p");
    await expectNoEnglish("presentation mode");
    await page.keyboard.press("p");
    await page.getByRole("button", { name: "6. 真实微博传播" }).click();
    await expect.poll(() => page.getByTestId("summary-card").count(), { timeout: 30_000 }).toBe(1);
    await expectNoEnglish("a real Weibo cascade");
    await openNotes();
    expect(await notes()).toContain("此数据集没有粉丝数：无法从此文件计算浏览次数。");
    await expectNoEnglish("the notes on a real Weibo cascade");
  });

  it("the notes on an opened file, worded again on a language switch", async () => {
    // A repeated edge, a self-loop, a repost timed before its parent and nodes without followers: four notes.
    const text = "source,target,time,followers\nr,a,10,5\nr,a,10,5\na,a,12,5\nr,b,4,\na,c,2,1\n";
    await page
      .locator("#open-file")
      .setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await expect
      .poll(() => page.getByRole("heading", { name: /notes\.csv/ }).count(), { timeout: 30_000 })
      .toBe(1);
    await openNotes();
    expect(await notes()).toEqual([
      "1 条边与前面的边重复：每次转发只计一次。",
      "1 条边从节点指向自身：已忽略。",
      "1 次转发的时间早于被转发的帖子。",
      "2 个节点没有粉丝数：按 0 个粉丝计。",
    ]);
    await expectNoEnglish("the notes on an opened file");
    const language = page.getByRole("combobox", { name: /^(Language|语言)$/ });
    await language.selectOption("en");
    await page.getByText("Notes on this file").click();
    expect(await notes()).toEqual([
      "1 edges repeat an earlier edge: each repost counts once.",
      "1 edges go from a node to itself: ignored.",
      "1 reposts are timed before the post they repost.",
      "2 nodes have no follower count: counted as 0 followers.",
    ]);
    await language.selectOption("zh");
    await openNotes();
    expect((await notes())[0]).toBe("1 条边与前面的边重复：每次转发只计一次。");
  });

  it("a refused link's notice", async () => {
    await page.goto(`${page.url().split("?")[0]}?model=zzz`);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/^链接中的情景无效/);
    expect(await alert.textContent()).toBe("链接中的情景无效，未采用：传播模型：未知模型“zzz”。");
  });
});
