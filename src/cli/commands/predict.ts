import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatCount, formatDuration, ordinal } from "../../core/format.ts";
import { DEFAULT_RULES } from "../../core/legal.ts";
import {
  ESTIMATOR_IDS,
  getEstimator,
  isUnavailable,
  type Prediction,
  timeOfRepost,
} from "../../core/predict/index.ts";
import { numberOption, UsageError } from "../args.ts";
import { loadCascades } from "../load-series.ts";

export const predictUsage = `repost-threshold predict FILE --at SECONDS [options]
  --at S             observation time T in seconds (required)
  --estimator E      ${ESTIMATOR_IDS.join("|")} (default seismic)
  --n-star N         SEISMIC's mean follower count of a future reposter (default 100)
  --level L          interval probability (default 0.9)
  --line N           files of many cascades (CasFlow): the N-th
  --nth N            also print the expected time of the N-th repost (JSON: nthRepost)
  --train PATH       training cascades for loglinear and SEISMIC's calibration (file or folder;
                     repeatable; default public/samples; the predicted cascade is always left out)
  --no-calibrate     SEISMIC with α = γ = 1 and its model interval, even with training cascades
  --reposts N        repost threshold (default 500)
  --views N          view threshold (default 5000)
  --json             print one JSON object (non-finite numbers as null)`;

/** JSON with Infinity and NaN as null (JSON has no infinities). */
export function finiteJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
}

function fmtCount(n: number): string {
  return Number.isFinite(n) ? formatCount(n) : "unbounded";
}

function describe(p: Prediction): string[] {
  const band = p.predicted.finalReposts;
  const pct = Math.round(p.level * 100);
  const lines = [
    `${p.estimator} at T = ${formatDuration(p.at)} (${p.at} s): ${formatCount(p.observedReposts)} reposts observed`,
    `final reposts: ${fmtCount(band.estimate)} (${pct}% interval ${fmtCount(band.low)} – ${fmtCount(band.high)})`,
  ];
  const views = p.predicted.finalViews;
  if (views)
    lines.push(`final views: ${fmtCount(views.estimate)} (${fmtCount(views.low)} – ${fmtCount(views.high)})`);
  lines.push(
    `P(crossing the repost line) = ${p.probability.reposts.toFixed(2)}${p.probability.views === null ? "" : `, views line ${p.probability.views.toFixed(2)}`}`,
  );
  const c = p.predicted.crossing.reposts;
  if (!c) lines.push("expected repost crossing: none within the horizon");
  else if (c.observed) lines.push(`repost line already crossed at ${formatDuration(c.time)}`);
  else
    lines.push(
      `expected repost crossing at ${formatDuration(c.time)} (between ${formatDuration(c.low)} and ${formatDuration(c.high)})`,
    );
  if (p.truth) {
    lines.push(
      `truth: ${formatCount(p.truth.finalReposts)} reposts by ${formatDuration(p.truth.end)}; crossed ${p.truth.crossing.reposts === null ? "never" : `at ${formatDuration(p.truth.crossing.reposts)}`}`,
    );
  }
  lines.push(
    `parameters: ${Object.entries(p.parameters)
      .map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`)
      .join(", ")}`,
  );
  for (const note of p.notes) lines.push(`note: ${note}`);
  return lines;
}

export function runPredict(argv: string[]): string {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      at: { type: "string" },
      estimator: { type: "string" },
      "n-star": { type: "string" },
      level: { type: "string" },
      train: { type: "string", multiple: true },
      "no-calibrate": { type: "boolean" },
      nth: { type: "string" },
      line: { type: "string" },
      reposts: { type: "string" },
      views: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`give one cascade file.\n\n${predictUsage}`);
  const at = numberOption("at", values.at);
  if (at === undefined) throw new UsageError(`--at is required.\n\n${predictUsage}`);
  const estimator = getEstimator(values.estimator ?? "seismic");
  const all = loadCascades(positionals);
  const line = numberOption("line", values.line);
  if (line !== undefined && !(Number.isInteger(line) && line >= 1 && line <= all.length)) {
    throw new UsageError(`--line: '${values.line}' should be a cascade number from 1 to ${all.length}.`);
  }
  const cascades = line === undefined ? all : [all[line - 1]];
  if (cascades.length !== 1) {
    throw new UsageError(`${positionals[0]} holds ${cascades.length} cascades; choose one with --line N.`);
  }
  const trainPaths = values.train ?? (existsSync("public/samples") ? ["public/samples"] : []);
  const training = estimator.id === "hawkes" ? undefined : loadCascades(trainPaths);
  const result = estimator.predict(cascades[0], at, {
    nStar: numberOption("n-star", values["n-star"], 100),
    level: numberOption("level", values.level, 0.9),
    training,
    calibrate: !values["no-calibrate"],
    rules: {
      ...DEFAULT_RULES,
      thresholds: {
        reposts: numberOption("reposts", values.reposts, 500),
        views: numberOption("views", values.views, 5000),
      },
    },
  });
  const nth = numberOption("nth", values.nth);
  if (nth !== undefined && !(Number.isInteger(nth) && nth >= 1)) {
    throw new UsageError(`--nth: '${values.nth}' should be a whole number of at least 1.`);
  }
  if (values.json) {
    if (isUnavailable(result)) return finiteJson(result);
    const { path, ...predicted } = result.predicted;
    void path;
    const extra =
      nth === undefined ? {} : { nthRepost: { n: nth, ...(timeOfRepost(result, nth) ?? { time: null }) } };
    return finiteJson({ ...result, predicted, ...extra });
  }
  if (isUnavailable(result)) return `${result.estimator}: unavailable: ${result.unavailable}`;
  const lines = describe(result);
  if (nth !== undefined) {
    const t = timeOfRepost(result, nth);
    lines.push(
      t
        ? `expected ${ordinal(nth)} repost at ${formatDuration(t.time)} (between ${formatDuration(t.low)} and ${formatDuration(t.high)})`
        : `expected ${ordinal(nth)} repost: not within the horizon`,
    );
  }
  return lines.join("\n");
}
