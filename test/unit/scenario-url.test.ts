import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/core/scenario.ts";
import { decodeScenario, encodeScenario } from "../../src/ui/scenario-url.ts";

describe("scenario in the URL", () => {
  it("round-trips every field", () => {
    const scenario: Scenario = {
      ...DEFAULT_SCENARIO,
      preset: "moments",
      nodes: 1500,
      seed: "class 3 / demo",
      params: { p: 0.2, delayMinutes: 15 },
      source: "42",
      horizon: 24 * 3600,
      rules: {
        thresholds: { reposts: 100, views: 2000 },
        viewRate: 0.5,
        repostScope: "direct",
        viewScope: "original",
        countRepeatViews: false,
        countBots: false,
      },
    };
    expect(decodeScenario(encodeScenario(scenario))).toEqual({ scenario, errors: [] });
  });

  it("gives the default for an empty query", () => {
    expect(decodeScenario("")).toEqual({ scenario: DEFAULT_SCENARIO, errors: [] });
  });

  it("refuses field by field and applies nothing", () => {
    const { scenario, errors } = decodeScenario("preset=moments&n=abc&p=7&bogus=1&scope=<script>");
    expect(scenario).toBe(DEFAULT_SCENARIO);
    expect(errors).toEqual([
      "bogus: unknown setting.",
      "n: 'abc' is not a number.",
      "scope: '<script>' is not one of tree, direct.",
    ]);
    expect(decodeScenario("p=7").errors[0]).toMatch(/invalid 'p' 7. Should be a number from 0 to 1/);
    expect(decodeScenario("n=99999999").errors[0]).toMatch(/nodes/);
  });
});
