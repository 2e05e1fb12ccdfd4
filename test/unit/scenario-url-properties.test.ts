/**
 * Hand-edited and hostile scenario URLs (fast-check): decoding never throws,
 * a refused URL applies nothing (the defaults come back whole, with one
 * message per bad field), and an accepted one is a valid scenario that
 * encodes back to itself.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, validateScenario } from "../../src/core/scenario.ts";
import { decodeScenario, encodeScenario } from "../../src/ui/scenario-url.ts";

const KEYS = [
  "preset",
  "n",
  "seed",
  "model",
  "src",
  "hours",
  "reposts",
  "views",
  "rate",
  "scope",
  "vscope",
  "repeat",
  "bots",
  "p",
  "delayMinutes",
  "__proto__",
  "constructor",
  "interventions",
  "iv",
];
const VALUES = fc.oneof(
  fc.constantFrom(
    "weibo",
    "groups",
    "moments",
    "ic",
    "1000000",
    "2000",
    "1e308",
    "-1",
    "NaN",
    "Infinity",
    "0x10",
    "",
    " ",
    "0",
    "1",
    "0.1",
    "tree",
    "direct",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "%00",
    "__proto__",
  ),
  fc.string({ maxLength: 30 }),
  fc.double().map(String),
  // Interventions (`iv`) are JSON: random JSON and hostile lists.
  fc.json({ maxDepth: 3 }),
  fc.constantFrom("[null]", "[{}]", '[{"kind":"__proto__"}]', '[{"kind":"<script>"}]', "[1e999]", "{", "[]"),
);
const queryArb = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), VALUES), {
      maxLength: 8,
    })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")),
  fc.string({ maxLength: 200 }),
);

describe("decodeScenario on random query strings", () => {
  it("never throws; refuses whole with messages, or accepts a valid scenario that round-trips", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const { scenario, errors } = decodeScenario(query);
        if (errors.length > 0) {
          // Never half-applied: the very default object comes back.
          expect(scenario).toBe(DEFAULT_SCENARIO);
          for (const message of errors) {
            expect(typeof message).toBe("string");
            expect(message.length).toBeLessThan(400);
          }
        } else {
          expect(() => validateScenario(scenario)).not.toThrow();
          expect(decodeScenario(encodeScenario(scenario))).toEqual({ scenario, errors: [] });
        }
      }),
      { seed: 2013, numRuns: 2000 },
    );
  });

  it("names each bad field once and keeps the user's text short", () => {
    const { scenario, errors } = decodeScenario(
      `n=${"9".repeat(500)}&scope=${"<script>".repeat(50)}&evil=1&repeat=yes`,
    );
    expect(scenario).toBe(DEFAULT_SCENARIO);
    expect(errors.map((e) => e.split(":")[0]).sort()).toEqual(["evil", "n", "repeat", "scope"]);
    expect(errors.every((e) => e.length < 200)).toBe(true);
  });

  it("a model id that is a property of every object is an unknown model, not a crash", () => {
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const { scenario, errors } = decodeScenario(`model=${id}`);
      expect(scenario).toBe(DEFAULT_SCENARIO);
      expect(errors).toEqual([`model: unknown model '${id}'.`]);
    }
  });

  it("refuses a graph that cannot fit, with the size message", () => {
    const { scenario, errors } = decodeScenario("preset=groups&n=1000000");
    expect(scenario).toBe(DEFAULT_SCENARIO);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/1,000,000 WeChat groups accounts need about .* GB; .* choose at most/);
  });
});
