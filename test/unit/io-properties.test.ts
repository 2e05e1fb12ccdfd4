/**
 * Property-based tests (fast-check) for every reader in src/io: random valid
 * cascades round-trip through each writer and reader keeping their events;
 * random text and mutated real files never throw anything but InputError.
 * A reader that hangs fails by the test's time-out (the hang detector); no
 * timed assertions.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cascade, CascadeEvent } from "../../src/core/cascade.ts";
import {
  FORMAT_IDS,
  type FormatId,
  InputError,
  readCascadeFile,
  WRITE_FORMATS,
  writeCascade,
} from "../../src/io/index.ts";
import { skipWithoutPath } from "../shared-data.ts";

const DATA = join(import.meta.dirname, "../../../shared/data");
const SEED = 20131;

const account = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_]{1,10}$/),
  fc.constantFrom("__proto__", "constructor", "<b>x</b>", 'a,"b"', "用户一", "toString"),
);

/** A valid cascade: parents come earlier, times never run backwards, depth = parent's + 1. */
const cascadeArb: fc.Arbitrary<Cascade> = fc
  .record({
    accounts: fc.array(account, { minLength: 1, maxLength: 40 }),
    parentPicks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    gaps: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 40, maxLength: 40 }),
    audiences: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 40, maxLength: 40 }),
    withAudience: fc.boolean(),
    label: fc.string({ maxLength: 30 }),
  })
  .map(({ accounts, parentPicks, gaps, audiences, withAudience, label }) => {
    const events: CascadeEvent[] = [];
    let time = 0;
    accounts.forEach((acc, i) => {
      const parent = i === 0 ? -1 : parentPicks[i] % i;
      if (i > 0) time += gaps[i] / 10;
      events.push({
        account: acc,
        parent,
        time,
        depth: parent < 0 ? 0 : events[parent].depth + 1,
        audience: withAudience ? audiences[i] : null,
      });
    });
    return { id: "random", format: "test", label, startEpoch: 1_400_000_000, warnings: [], events };
  });

const shape = (c: Cascade) => c.events.map((e) => [e.account, e.parent, e.time, e.depth, e.audience]);

/** Runs a reader; passes when it returns or throws InputError, fails on anything else. */
function readsOrRefuses(name: string, text: string, format?: FormatId): void {
  try {
    readCascadeFile(name, text, format ? { format } : {});
  } catch (error) {
    if (!(error instanceof InputError)) {
      throw new Error(
        `${format ?? "detected"} reader threw ${(error as Error)?.name}: ${(error as Error)?.message} on ${JSON.stringify(text.slice(0, 200))}`,
      );
    }
  }
}

describe("random cascades round-trip through every writer and reader", () => {
  for (const format of WRITE_FORMATS) {
    it(`${format}: same events, same counts`, () => {
      fc.assert(
        fc.property(cascadeArb, (cascade) => {
          const { cascades } = readCascadeFile(`random.${format}`, writeCascade(cascade, format));
          expect(cascades).toHaveLength(1);
          expect(cascades[0].events.length).toBe(cascade.events.length);
          expect(shape(cascades[0])).toEqual(shape(cascade));
        }),
        { seed: SEED, numRuns: 60 },
      );
    }, 30_000);
  }
});

/** Text that looks a bit like each format, so fuzzing gets past the first line. */
const fragment = fc.constantFrom(
  "\n",
  ",",
  "\t",
  " ",
  "->",
  "['1', '2', 0.0]",
  "[",
  "]",
  "{",
  "}",
  '"',
  ":",
  "<?xml version='1.0'?>",
  "<gexf>",
  "<graphml>",
  "<node id='a'/>",
  "<edge source='a' target='b'/>",
  '{"nodes":[',
  '"key":',
  "1e309",
  "-1",
  "NaN",
  "0",
  "12345",
  "&amp;",
  "\u0000",
  "\uFEFF",
  "__proto__",
  "<!DOCTYPE x [<!ENTITY a 'b'>]>",
);
const hostileText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 80 }).map((parts) => parts.join("")),
);

describe("random text never throws anything but InputError", () => {
  for (const format of FORMAT_IDS) {
    it(`${format} reader`, () => {
      fc.assert(
        fc.property(hostileText, (text) => readsOrRefuses(`fuzz.${format}`, text, format)),
        { seed: SEED, numRuns: 1000 },
      );
    }, 30_000);
    it(`${format} reader on 100 kB of near-format text finishes (hang detector: the time-out)`, () => {
      const big = fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), {
        minLength: 25_000,
        maxLength: 25_000,
      });
      fc.assert(
        fc.property(big, (parts) =>
          readsOrRefuses(`big.${format}`, parts.join("").slice(0, 100_000), format),
        ),
        { seed: SEED, numRuns: 3 },
      );
    }, 30_000);
  }
  it("format detection, then the detected reader", () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom("x.txt", "x.csv", "x.json", "x.gexf", "x.graphml", "x"),
        (text, name) => readsOrRefuses(name, text),
      ),
      { seed: SEED, numRuns: 300 },
    );
  }, 30_000);
});

/** Mutations of a real file: cut, duplicate, overwrite, insert junk. */
const mutation = fc.record({
  kind: fc.constantFrom("cut", "duplicate", "overwrite", "insert", "truncate"),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 200 }),
  junk: fc.oneof(fc.string({ maxLength: 20 }), fragment),
});

function mutate(text: string, m: MutationSpec): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case "cut":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicate":
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case "overwrite":
      return text.slice(0, at) + m.junk + text.slice(at + m.junk.length);
    case "insert":
      return text.slice(0, at) + m.junk + text.slice(at);
    default:
      return text.slice(0, at);
  }
}
interface MutationSpec {
  kind: string;
  at: number;
  length: number;
  junk: string;
}

/** A few real files of each format, cut to their first 8 kB (at a line end) to keep runs short. */
const REAL_FILES: [string, FormatId][] = [
  ["casflow_weibo/dataset.txt", "casflow"],
  ["seismic_tweet/tweet.csv", "seismic"],
  ["tideh_seismic/data/training/RT1.txt", "tideh"],
  ["twitter15_16/twitter16/tree/525068915068923904.txt", "twitter-tree"],
  ["evently_auspol/auspol-cascade-2983.csv", "seismic"],
  ["smh_cascade_influence/data/SMH/SMH-cascade-12.csv", "seismic"],
];

describe.skipIf(skipWithoutPath(DATA))(
  "mutated real files never throw anything but InputError (needs ../shared/data)",
  () => {
    for (const [path, format] of REAL_FILES) {
      it(`${path}`, () => {
        const full = join(DATA, path);
        expect(existsSync(full), `${full} is listed but missing`).toBe(true);
        const whole = readFileSync(full, "utf8");
        const cut = whole.length > 8192 ? whole.slice(0, whole.lastIndexOf("\n", 8192) + 1) : whole;
        // The unmutated start reads without error, so the mutations are what is tested.
        expect(() => readCascadeFile(path, cut, { format })).not.toThrow();
        fc.assert(
          fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
            const text = mutations.reduce((t, m) => mutate(t, m), cut);
            readsOrRefuses(path, text, format);
            readsOrRefuses(path, text);
          }),
          { seed: SEED, numRuns: 100 },
        );
      }, 30_000);
    }
  },
);
