import { parseArgs } from "node:util";
import { formatDuration } from "../../core/format.ts";
import { backtest, ESTIMATOR_IDS, ESTIMATORS, getEstimator } from "../../core/predict/index.ts";
import { UsageError } from "../args.ts";
import { loadCascades } from "../load-series.ts";
import { finiteJson } from "./predict.ts";

export const backtestUsage = `repost-threshold backtest DIR|FILES... [options]
  --at LIST          observation times in seconds (default 600,3600,21600)
  --estimator LIST   estimators to run (default ${ESTIMATOR_IDS.join(",")})
  --n-star N         SEISMIC's n* (default 100)
  --no-calibrate     SEISMIC with α = γ = 1 and its model interval (default: α, γ and a
                     jackknife+ interval fitted on the other cascades, leave one out)
  --calibrate        the default; kept for old command lines
  --rows             also print one line per cascade and time
  --json             print {summary, rows} as JSON`;

function parseList(name: string, raw: string): number[] {
  const values = raw.split(",").map((x) => Number(x.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new UsageError(`--${name}: '${raw}' is not a comma-separated list of seconds.`);
  }
  return values;
}

const pct = (x: number | null) => (x === null ? "-" : Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "∞");
const dur = (x: number | null) => (x === null ? "-" : formatDuration(x));

export function runBacktest(argv: string[]): string {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      at: { type: "string" },
      estimator: { type: "string" },
      "n-star": { type: "string" },
      rows: { type: "boolean" },
      calibrate: { type: "boolean" },
      "no-calibrate": { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  if (positionals.length === 0) throw new UsageError(`give a folder or files.\n\n${backtestUsage}`);
  const times = parseList("at", values.at ?? "600,3600,21600");
  const estimators = values.estimator
    ? values.estimator.split(",").map((id) => getEstimator(id.trim()))
    : Object.values(ESTIMATORS);
  const warnings: string[] = [];
  const cascades = loadCascades(positionals, (m) => warnings.push(m));
  const nStar = values["n-star"] === undefined ? 100 : Number(values["n-star"]);
  if (!(nStar > 0)) throw new UsageError(`--n-star: '${values["n-star"]}' should be a number above 0.`);
  const result = backtest(cascades, times, estimators, {
    nStar,
    calibrate: !values["no-calibrate"],
  });
  if (values.json) return finiteJson({ cascades: cascades.length, warnings, ...result });
  const lines = [
    `${cascades.length} cascades; error of the final size (median absolute percentage error) and of the crossing time`,
    "(common: on the cascades where every estimator ran at that T)",
    "",
    "estimator  T        cascades  median APE  (common)  coverage  crossings  timed  median crossing error  false alarms",
  ];
  for (const s of result.summary) {
    lines.push(
      [
        s.estimator.padEnd(10),
        formatDuration(s.at).padEnd(8),
        String(s.cascades).padStart(8),
        pct(s.medianApe).padStart(11),
        pct(s.medianApeCommon).padStart(9),
        pct(s.coverage).padStart(9),
        String(s.crossingCases).padStart(10),
        String(s.crossingPredicted).padStart(6),
        dur(s.medianCrossingError).padStart(22),
        String(s.falseAlarms).padStart(13),
      ].join(" "),
    );
  }
  const skipped = result.summary.filter((s) => s.unavailable > 0);
  for (const s of skipped) {
    lines.push(`${s.estimator} at ${formatDuration(s.at)}: unavailable on ${s.unavailable} cascades`);
  }
  if (values.rows) {
    lines.push("", "cascade  T  estimator  observed  predicted [low, high]  truth  APE");
    for (const r of result.rows) {
      lines.push(
        r.unavailable
          ? `${r.cascade}  ${r.at}  ${r.estimator}  unavailable: ${r.unavailable}`
          : `${r.cascade}  ${r.at}  ${r.estimator}  ${r.observed}  ${Math.round(r.predicted ?? 0)} [${r.low}, ${r.high}]  ${r.truth}  ${pct(r.ape)}`,
      );
    }
  }
  for (const w of warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}
