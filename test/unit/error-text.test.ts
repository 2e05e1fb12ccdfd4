/**
 * Errors in two languages (src/ui/error-text.ts): every code has an English
 * and a Chinese template; the English template gives exactly the error's own
 * message (so the two cannot drift); the readers' errors carry file, line and
 * the right codes; a detail survives a structured clone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Cascade } from "../../src/core/cascade.ts";
import type { CoreErrorCode, CoreErrorDetail } from "../../src/core/error-detail.ts";
import { assertGraphFits } from "../../src/core/graph-size.ts";
import { checkCentralityFits } from "../../src/core/interventions/centrality.ts";
import { pruneCascade } from "../../src/core/interventions/counterfactual.ts";
import { compileInterventions } from "../../src/core/interventions/plan.ts";
import { latestSafeTime } from "../../src/core/interventions/search.ts";
import type { Intervention } from "../../src/core/interventions/types.ts";
import { DEFAULT_RULES } from "../../src/core/legal.ts";
import { getModel } from "../../src/core/models/index.ts";
import { validateParams } from "../../src/core/models/model.ts";
import {
  buildGraph,
  DEFAULT_SCENARIO,
  runScenario,
  type Scenario,
  validateScenario,
} from "../../src/core/scenario.ts";
import {
  EXPECTED_EN,
  type Expected,
  type ExpectedCode,
  FOUND_EN,
  type Found,
  type FoundCode,
  InputError,
} from "../../src/io/errors.ts";
import { readCascadeFile } from "../../src/io/index.ts";
import { APP_EN, AppError, type AppErrorCode, type AppErrorDetail } from "../../src/ui/app-errors.ts";
import {
  APP_ZH,
  CORE_EN,
  CORE_ZH,
  detailOf,
  detailText,
  EXPECTED_ZH,
  errorText,
  FOUND_ZH,
} from "../../src/ui/error-text.ts";
import { en, zh } from "../../src/ui/i18n.ts";
import { decodeScenarioProblems } from "../../src/ui/scenario-url.ts";

const CJK = /[\u4e00-\u9fff]/;

/** One example per code: a code left out here is a type error (and the key checks below fail). */
const CORE_SAMPLES: { [K in CoreErrorCode]: Extract<CoreErrorDetail, { code: K }> } = {
  paramUnknown: { code: "paramUnknown", model: "ic", key: "q", known: ["p", "delayMinutes"] },
  paramRange: { code: "paramRange", model: "ic", key: "p", value: "2", range: { min: 0, max: 1 } },
  unknownChoice: {
    code: "unknownChoice",
    field: "preset",
    what: "preset",
    value: "x",
    choices: ["weibo", "ba"],
  },
  range: {
    code: "range",
    field: "nodes",
    value: "-5",
    range: { min: 10, max: 1_000_000, integer: true },
    unit: "accounts",
  },
  bound: { code: "bound", field: "deleteAt", value: "-1", bound: "secondsFromZero" },
  eventIndex: { code: "eventIndex", field: "cutEvents[0]", value: "9", max: 4 },
  seedText: { code: "seedText", field: "seed" },
  horizon: { code: "horizon", field: "horizon", value: "0" },
  noAccount: { code: "noAccount", field: "source", account: "x" },
  noLink: { code: "noLink", field: "interventions[0].links[0]", poster: "a", follower: "b" },
  rules: { code: "rules", key: "views", value: "0" },
  shape: { code: "shape", field: "interventions", shape: "interventions" },
  notInGraph: { code: "notInGraph", field: "interventions[0]", missing: "groups" },
  centralityTooLarge: {
    code: "centralityTooLarge",
    field: "interventions[0].centrality",
    centrality: "betweenness",
    limit: 20_000,
    n: 50_000,
    usable: ["degree", "audience"],
  },
  graphTooLarge: {
    code: "graphTooLarge",
    field: "nodes",
    preset: "groups",
    nodes: 1_000_000,
    need: "3.6 GB",
    budget: "2.0 GB",
    most: 552_336,
  },
};

const EXPECTED_SAMPLES: { [K in ExpectedCode]: Extract<Expected, { code: K }> } = {
  casflowLine: { code: "casflowLine" },
  casflowFields: { code: "casflowFields" },
  cascadeOnLine: { code: "cascadeOnLine", line: 3, lines: 2 },
  publishEpoch: { code: "publishEpoch" },
  participantCount: { code: "participantCount" },
  participantEntry: { code: "participantEntry" },
  participants: { code: "participants" },
  cedReposts: { code: "cedReposts" },
  cedEntry: { code: "cedEntry", entry: 2, field: "uid" },
  cedYear: { code: "cedYear" },
  cedDate: { code: "cedDate" },
  calendarDate: { code: "calendarDate" },
  cedOriginal: { code: "cedOriginal" },
  cedOriginalTime: { code: "cedOriginalTime" },
  sourceEpoch: { code: "sourceEpoch" },
  knownFormat: { code: "knownFormat", formats: ["csv", "ced"] },
  edgeHeader: { code: "edgeHeader", noDelimiter: true },
  fieldCount: { code: "fieldCount", count: 3, delimiter: "\t" },
  targetId: { code: "targetId" },
  timeOrIsoDate: { code: "timeOrIsoDate" },
  timesAlike: { code: "timesAlike" },
  followerCountCsv: { code: "followerCountCsv" },
  nodeOrEdge: { code: "nodeOrEdge" },
  nodeId: { code: "nodeId" },
  graphologyJson: { code: "graphologyJson" },
  edgeArray: { code: "edgeArray" },
  jsonNode: { code: "jsonNode" },
  jsonEdge: { code: "jsonEdge" },
  nodeKey: { code: "nodeKey" },
  xmlDocument: { code: "xmlDocument", format: "gexf", wellFormed: true },
  timeOrDate: { code: "timeOrDate" },
  followerCountAttr: { code: "followerCountAttr" },
  cascadeNumber: { code: "cascadeNumber", count: 5 },
  seismicHeader: { code: "seismicHeader" },
  tidehHeader: { code: "tidehHeader" },
  retweetCount: { code: "retweetCount" },
  startDays: { code: "startDays" },
  tidehRow: { code: "tidehRow" },
  seconds: { code: "seconds" },
  followerCount: { code: "followerCount" },
  nonNegative: { code: "nonNegative", of: { code: "seconds" } },
  originalRow: { code: "originalRow" },
  knownParent: { code: "knownParent" },
  leadsToSource: { code: "leadsToSource" },
  twitterLine: { code: "twitterLine" },
  oneRoot: { code: "oneRoot" },
  rootLine: { code: "rootLine" },
  twitterNode: { code: "twitterNode", part: "closingQuote" },
  delayMinutes: { code: "delayMinutes" },
};

const FOUND_SAMPLES: { [K in FoundCode]: Extract<Found, { code: K }> } = {
  text: { code: "text", text: '"ten"' },
  nothing: { code: "nothing" },
  none: { code: "none" },
  noRows: { code: "noRows" },
  noLines: { code: "noLines" },
  emptyFile: { code: "emptyFile" },
  binary: { code: "binary" },
  noCascadeThere: { code: "noCascadeThere" },
  noRootLine: { code: "noRootLine" },
  fields: { code: "fields", count: 1, text: '"a"' },
  countIn: { code: "countIn", count: 2, text: '"a,b"' },
  jsonType: { code: "jsonType", type: "array", looksLike: "reposts" },
  null: { code: "null" },
  objectKeys: { code: "objectKeys", keys: '"a, b"' },
  invalidJson: { code: "invalidJson", message: "Unexpected end of JSON input" },
  parser: { code: "parser", message: "mismatch" },
  secondRoot: { code: "secondRoot", first: 1 },
  timeMix: { code: "timeMix", text: '"10"' },
  unknownParent: { code: "unknownParent", text: '"z"' },
  cycle: { code: "cycle", text: '"x → y → x"' },
};

describe("every code has an English and a Chinese template", () => {
  const tables = [
    { name: "core", samples: CORE_SAMPLES, en: CORE_EN, zh: CORE_ZH },
    { name: "expected", samples: EXPECTED_SAMPLES, en: EXPECTED_EN, zh: EXPECTED_ZH },
    { name: "found", samples: FOUND_SAMPLES, en: FOUND_EN, zh: FOUND_ZH },
  ];
  for (const table of tables) {
    it(`${table.name}: the same codes in the samples and in both languages`, () => {
      const codes = Object.keys(table.samples).sort();
      expect(Object.keys(table.en).sort()).toEqual(codes);
      expect(Object.keys(table.zh).sort()).toEqual(codes);
    });
    for (const [code, sample] of Object.entries(table.samples)) {
      it(`${table.name}.${code}: worded in English and in Chinese`, () => {
        const words = (templates: object, m: typeof en) =>
          (templates as Record<string, (d: unknown, m: unknown) => string>)[code](sample, m);
        const english = words(table.en, en);
        const chinese = words(table.zh, zh);
        expect(english).not.toBe("");
        expect(chinese).toMatch(CJK);
      });
    }
  }

  it("an input error in Chinese names file, line and column and words the problem", () => {
    const detail = {
      code: "input" as const,
      file: "broken.txt",
      line: 3,
      column: 1,
      expected: { code: "seconds" as const },
      found: { code: "text" as const, text: '"ten"' },
    };
    expect(detailText(detail, zh)).toBe('broken.txt 第3行第1列：应为以秒计的时间，实际为 "ten"。');
    expect(detailText(detail, en)).toBe('broken.txt:3:1: expected a time in seconds, found "ten".');
  });
});

/** Runs `fn`, which must throw an error with a detail; its English wording must be its message. */
function refused(fn: () => unknown): Error & { detail: CoreErrorDetail } {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  const error = thrown as Error & { detail: CoreErrorDetail };
  const detail = detailOf(error);
  expect(detail, error.message).not.toBeNull();
  expect(detailText(detail as CoreErrorDetail, en)).toBe(error.message);
  const chinese = errorText(error, zh);
  expect(chinese).toMatch(CJK);
  expect(chinese).not.toMatch(/Should be|unknown|invalid|no account|this graph|needs/);
  return error;
}

describe("the English wording of a detail is the error's message", () => {
  const small: Scenario = { ...DEFAULT_SCENARIO, preset: "ba", nodes: 60 };
  const withIntervention = (intervention: unknown) =>
    validateScenario({ ...small, interventions: [intervention as Intervention] });

  it("parameters", () => {
    const ic = getModel("ic");
    expect(refused(() => validateParams(ic, { q: 1 })).detail.code).toBe("paramUnknown");
    expect(refused(() => validateParams(ic, { p: 2 })).detail.code).toBe("paramRange");
    expect(refused(() => validateParams(ic, { delayMinutes: 0 })).detail).toMatchObject({
      range: { minExclusive: true },
    });
  });

  it("scenario fields", () => {
    const cases: Array<[Partial<Scenario>, CoreErrorCode]> = [
      [{ preset: "nowhere" as Scenario["preset"] }, "unknownChoice"],
      [{ nodes: -5 }, "range"],
      [{ nodes: 2.5 }, "range"],
      [{ preset: "groups", nodes: 1_000_000 }, "graphTooLarge"],
      [{ seed: "" }, "seedText"],
      [{ model: "nope" }, "unknownChoice"],
      [{ horizon: 0 }, "horizon"],
      [{ rules: { ...DEFAULT_RULES, thresholds: { reposts: 0, views: 5000 } } }, "rules"],
      [{ rules: { ...DEFAULT_RULES, thresholds: { reposts: 500, views: -1 } } }, "rules"],
      [{ rules: { ...DEFAULT_RULES, viewRate: 2 } }, "rules"],
      [{ interventions: {} as Intervention[] }, "shape"],
    ];
    for (const [change, code] of cases) {
      expect(refused(() => validateScenario({ ...small, ...change })).detail.code).toBe(code);
    }
    expect(refused(() => assertGraphFits("groups", 1_000_000)).detail).toMatchObject({ field: null });
    expect(refused(() => runScenario({ ...small, source: "nobody" })).detail.code).toBe("noAccount");
  });

  it("interventions", () => {
    const cases: Array<[unknown, CoreErrorCode]> = [
      [{ kind: "explode" }, "unknownChoice"],
      [{ kind: "suspend-top", centrality: "fame", count: 1 }, "unknownChoice"],
      [{ kind: "suspend-top", centrality: "degree", count: 1.5 }, "range"],
      [{ kind: "throttle", when: { time: 5 }, share: 2 }, "range"],
      [{ kind: "suspend", accounts: [""] }, "shape"],
      [{ kind: "delete", when: null }, "shape"],
      [{ kind: "delete", when: { time: 1, reposts: 2 } }, "shape"],
      [{ kind: "cut-links", links: [["a"]] }, "shape"],
    ];
    for (const [intervention, code] of cases) {
      expect(refused(() => withIntervention(intervention)).detail.code).toBe(code);
    }
    const built = buildGraph(small);
    const compile = (item: Intervention) =>
      compileInterventions(built.compiled, [item], { source: 0, facts: built.facts });
    expect(refused(() => compile({ kind: "suspend", accounts: ["nobody"] })).detail.code).toBe("noAccount");
    expect(refused(() => compile({ kind: "group-cap", maxSize: 5 })).detail.code).toBe("notInGraph");
    expect(refused(() => compile({ kind: "cut-community", community: 1 })).detail.code).toBe("notInGraph");
    expect(refused(() => compile({ kind: "cut-links", links: [["nobody", "0"]] })).detail.code).toBe(
      "noAccount",
    );
    const [a] = built.compiled.ids;
    expect(refused(() => compile({ kind: "cut-links", links: [[a, a]] })).detail.code).toBe("noLink");
    const huge = { n: 10_000_000 } as Parameters<typeof checkCentralityFits>[0];
    expect(refused(() => checkCentralityFits(huge, "betweenness", "centrality")).detail.code).toBe(
      "centralityTooLarge",
    );
  });

  it("what-if pruning and the latest safe deletion", () => {
    const cascade: Cascade = {
      id: "t",
      format: "test",
      platform: "test",
      warnings: [],
      events: [
        { account: "s", parent: -1, time: 0, depth: 0, audience: null },
        { account: "a", parent: 0, time: 5, depth: 1, audience: null },
      ],
    };
    expect(refused(() => pruneCascade(cascade, { deleteAt: -1 })).detail.code).toBe("bound");
    expect(refused(() => pruneCascade(cascade, { deleteAtReposts: 1.5 })).detail.code).toBe("bound");
    expect(refused(() => pruneCascade(cascade, { cutEvents: [7] })).detail.code).toBe("eventIndex");
    const setup = {} as Parameters<typeof latestSafeTime>[0];
    for (const options of [
      { target: 2, runs: 1 },
      { target: 0.5, runs: 0 },
      { target: 0.5, runs: 1, resolution: 0 },
    ]) {
      expect(refused(() => latestSafeTime(setup, { kind: "delete" }, options)).detail.code).toBe("bound");
    }
  });
});

describe("the readers' errors carry file, line and codes", () => {
  const dir = "test/fixtures/broken/";
  const failure = (name: string, text: string, format?: "tideh" | "csv"): InputError => {
    try {
      readCascadeFile(name, text, format ? { format } : {});
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error(`${name} was read without an error`);
  };

  it("the broken TiDeH file of the e2e test: line 3, column 1, a time in seconds, found the text", () => {
    const error = failure("broken.txt", "2 0.5\n0 100\nten <b>bold</b>\n", "tideh");
    expect(error.detail).toEqual({
      code: "input",
      file: "broken.txt",
      line: 3,
      column: 1,
      expected: { code: "seconds" },
      found: { code: "text", text: '"ten"' },
    });
  });

  it("representative files", () => {
    const read = (name: string, format?: "csv") =>
      failure(name, new TextDecoder().decode(readFileSync(dir + name)), format).detail;
    expect(read("bad-date.csv")).toMatchObject({
      file: "bad-date.csv",
      line: 3,
      column: "time",
      expected: { code: "timeOrIsoDate" },
      found: { code: "text", text: '"yesterday"' },
    });
    expect(read("empty.csv", "csv")).toMatchObject({ line: null, found: { code: "emptyFile" } });
    expect(read("cycle.csv")).toMatchObject({
      line: 7,
      expected: { code: "leadsToSource" },
      found: { code: "cycle" },
    });
    expect(read("truncated_1_a_b.json")).toMatchObject({ line: 13, found: { code: "invalidJson" } });
    expect(read("unclosed.graphml")).toMatchObject({
      line: 4,
      expected: { code: "xmlDocument", format: "graphml", wellFormed: true },
    });
    expect(read("twitter-no-root.txt")).toMatchObject({ found: { code: "noRootLine" } });
    const negative = failure("neg.txt", "1 0\n0 10\n-3 5\n", "tideh").detail;
    expect(negative).toMatchObject({ line: 3, expected: { code: "nonNegative", of: { code: "seconds" } } });
    expect(failure("x.dat", "what is this\n").detail.expected).toMatchObject({ code: "knownFormat" });
    expect(failure("f.csv", "source,target,followers\n,s,10\ns,a,-1\n").detail).toMatchObject({
      line: 3,
      column: "followers",
      expected: { code: "followerCountCsv" },
    });
  });

  it("every file of the broken corpus: English is the message, Chinese names the file and line", () => {
    for (const name of readdirSync(dir)) {
      let error: unknown = null;
      try {
        readCascadeFile(name, new TextDecoder().decode(readFileSync(dir + name)));
      } catch (e) {
        error = e;
      }
      if (!(error instanceof InputError)) continue;
      expect(errorText(error, en)).toBe(error.message);
      const chinese = errorText(error, zh);
      expect(chinese.startsWith(name)).toBe(true);
      if (error.line !== null) expect(chinese).toContain(`第${error.line}行`);
      expect(chinese).not.toMatch(/expected|found/);
      expect(chinese).toMatch(CJK);
    }
  });

  it("a detail survives a structured clone (as it crosses from a worker)", () => {
    const error = failure("broken.txt", "2 0.5\n0 100\nten\n", "tideh");
    const copy = { message: error.message, detail: structuredClone(error.detail) };
    expect(errorText(copy, zh)).toBe(errorText(error, zh));
    const scenario = refused(() => validateScenario({ ...DEFAULT_SCENARIO, nodes: -5 }));
    expect(errorText({ detail: structuredClone(scenario.detail) }, zh)).toBe(
      "账号数：-5 无效，应为 10 到 1,000,000 之间的整数。",
    );
  });

  it("an error without a detail, or with an unknown code, shows its own message", () => {
    expect(errorText(new Error("plain words"), zh)).toBe("plain words");
    expect(errorText(Object.assign(new Error("odd"), { detail: { code: "nope" } }), zh)).toBe("odd");
  });
});

/** One example per code of the page's own errors (src/ui/app-errors.ts). */
const APP_SAMPLES: { [K in AppErrorCode]: Extract<AppErrorDetail, { code: K }> } = {
  fileUnreadable: { code: "fileUnreadable", file: "a.csv" },
  noCascade: { code: "noCascade", file: "a.gexf" },
  sampleHttp: { code: "sampleHttp", file: "casflow/dataset.txt", status: 404, statusText: "Not Found" },
  workerStopped: { code: "workerStopped", reason: "" },
  cancelled: { code: "cancelled" },
  scenarioRefused: { code: "scenarioRefused", from: "link", problems: [{ code: "urlFlag", key: "repeat" }] },
  urlNumber: { code: "urlNumber", key: "n", raw: "ten" },
  urlFlag: { code: "urlFlag", key: "bots" },
  urlChoice: { code: "urlChoice", key: "scope", raw: "all", allowed: ["tree", "direct"] },
  urlModel: { code: "urlModel", model: "zzz" },
  urlSetting: { code: "urlSetting", key: "evil" },
  urlInterventions: { code: "urlInterventions" },
  urlJson: { code: "urlJson" },
};

describe("the page's own errors in two languages", () => {
  it("the same codes in the samples and in both languages", () => {
    const codes = Object.keys(APP_SAMPLES).sort();
    expect(Object.keys(APP_EN).sort()).toEqual(codes);
    expect(Object.keys(APP_ZH).sort()).toEqual(codes);
  });

  for (const [code, sample] of Object.entries(APP_SAMPLES)) {
    it(`${code}: worded in Chinese, with no English word left`, () => {
      const chinese = detailText(sample, zh);
      expect(chinese).toMatch(CJK);
      expect(
        chinese.replace(/a\.csv|a\.gexf|casflow\/dataset\.txt|HTTP|JSON|zzz|evil|ten|tree|direct|all/g, ""),
      ).not.toMatch(/[A-Za-z]{2,}/);
    });
  }

  it("English is exactly the message the page has always shown", () => {
    const english = (detail: AppErrorDetail) => detailText(detail, en);
    expect(english(APP_SAMPLES.fileUnreadable)).toBe("a.csv: the browser could not read the file.");
    expect(english(APP_SAMPLES.noCascade)).toBe("a.gexf: no cascade found in the file.");
    expect(english(APP_SAMPLES.sampleHttp)).toBe("casflow/dataset.txt: 404 Not Found");
    expect(english(APP_SAMPLES.workerStopped)).toBe("The background worker stopped (unknown error).");
    expect(english({ code: "workerStopped", reason: "out of memory" })).toBe(
      "The background worker stopped (out of memory).",
    );
    expect(english(APP_SAMPLES.cancelled)).toBe("Cancelled.");
    for (const detail of [APP_SAMPLES.fileUnreadable, APP_SAMPLES.noCascade, APP_SAMPLES.cancelled]) {
      const error = new AppError(detail);
      expect(error.message).toBe(english(detail));
      expect(errorText(error, zh)).toBe(detailText(detail, zh));
      expect(errorText({ message: error.message, detail: structuredClone(error.detail) }, zh)).toBe(
        detailText(detail, zh),
      );
    }
    expect(detailText({ code: "cancelled" }, zh)).toBe("已取消。");
  });

  it("a refused link or saved scenario: English as before, Chinese for every problem", () => {
    for (const query of [
      "model=zzz&foo=1",
      "n=ten&repeat=2&scope=all&evil=1",
      "iv=%7B%7D",
      "iv=nope",
      "n=-5",
      "preset=weibo&model=ic&p=2",
      `iv=${encodeURIComponent(JSON.stringify([{ kind: "throttle", when: { time: 60 }, share: 2 }]))}`,
    ]) {
      const { errors, problems } = decodeScenarioProblems(query);
      expect(problems, query).toHaveLength(errors.length);
      expect(errors.length, query).toBeGreaterThan(0);
      for (const from of ["link", "saved"] as const) {
        const detail: AppErrorDetail = { code: "scenarioRefused", from, problems };
        expect(detailText(detail, en), query).toBe(
          `${from === "link" ? "The link's scenario was refused" : "The saved scenario was damaged and has been discarded"}: ${errors.join(" ")}`,
        );
        const chinese = detailText(detail, zh);
        expect(chinese, query).toMatch(from === "link" ? /^链接中的情景无效/ : /^保存的情景已损坏/);
        expect(chinese.replace(/zzz|foo|ten|evil|all|tree|direct|nope|JSON|\bp\b/g, ""), query).not.toMatch(
          /[A-Za-z]{2,}/,
        );
      }
    }
    expect(
      detailText(
        {
          code: "scenarioRefused",
          from: "link",
          problems: decodeScenarioProblems(
            `iv=${encodeURIComponent(JSON.stringify([{ kind: "throttle", when: { time: 60 }, share: 2 }]))}`,
          ).problems,
        },
        zh,
      ),
    ).toBe("链接中的情景无效，未采用：第1项干预的展示比例（0–1）：2 无效，应为 0 到 1 之间的数。");
  });
});
