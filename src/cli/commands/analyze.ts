import { parseArgs } from "node:util";
import type { Cascade } from "../../core/cascade.ts";
import { assumeAudience, summarizeCascade } from "../../core/cascade-stats.ts";
import { formatCount, formatDuration } from "../../core/format.ts";
import { type CountingRules, DEFAULT_RULES } from "../../core/legal.ts";
import { FORMAT_IDS, isFormatId, type ReadOptions, readCascadeFile } from "../../io/index.ts";
import { numberOption, UsageError } from "../args.ts";
import { companionFiles, readText } from "../load-series.ts";
import { crossingJson, describeCrossing } from "./simulate.ts";

export const analyzeUsage = `repost-threshold analyze FILE [options]
  --format F         ${FORMAT_IDS.join("|")} (default: detected)
  --original FILE    CED: the original-microblog JSON (default: ../original-microblog/<same name> if present)
  --labels FILE      Twitter15/16: label.txt (default: ../label.txt if present)
  --line N           files of many cascades: the one on line N (CasFlow) or the N-th (others)
  --assume-audience A  files without follower counts: assume A followers per account (marked as an assumption)
  --reposts N        repost threshold (default 500)
  --views N          view threshold (default 5000)
  --view-rate R      share of an audience that views a post (default 0.35)
  --json             print one JSON object`;

export function runAnalyze(argv: string[]): string {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      original: { type: "string" },
      labels: { type: "string" },
      line: { type: "string" },
      "assume-audience": { type: "string" },
      reposts: { type: "string" },
      views: { type: "string" },
      "view-rate": { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`give exactly one FILE.\n\n${analyzeUsage}`);
  const file = positionals[0];
  const options: ReadOptions = {};
  if (values.format !== undefined) {
    if (!isFormatId(values.format))
      throw new UsageError(
        `--format: unknown format '${values.format}'. Use one of ${FORMAT_IDS.join(", ")}.`,
      );
    options.format = values.format;
  }
  const line = numberOption("line", values.line);
  if (line !== undefined) {
    if (!Number.isInteger(line) || line < 1)
      throw new UsageError(`--line: '${values.line}' is not a line number (1 or more).`);
    options.line = line;
  }
  Object.assign(options, companionFiles(file, { original: values.original, labels: values.labels }));
  const result = readCascadeFile(file, readText(file), options);
  if (result.cascades.length === 0) {
    throw new UsageError(`${file}: no cascade to analyse. ${result.warnings.join(" ")}`);
  }
  let cascade: Cascade = result.cascades[0];
  const warnings = [...result.warnings];
  if (result.cascades.length > 1) {
    warnings.unshift(
      `The file holds ${result.cascades.length} cascades: showing the first; choose one with --line N.`,
    );
  }
  const assumed = numberOption("assume-audience", values["assume-audience"]);
  if (assumed !== undefined) cascade = assumeAudience(cascade, assumed);
  const rules: CountingRules = {
    ...DEFAULT_RULES,
    viewRate: numberOption("view-rate", values["view-rate"], DEFAULT_RULES.viewRate),
    thresholds: {
      reposts: numberOption("reposts", values.reposts, DEFAULT_RULES.thresholds.reposts),
      views: numberOption("views", values.views, DEFAULT_RULES.thresholds.views),
    },
  };
  const summary = summarizeCascade(cascade, rules, 5);
  const { report } = summary;
  const allWarnings = [...cascade.warnings, ...warnings.filter((w) => !cascade.warnings.includes(w))];
  if (values.json) {
    return JSON.stringify({
      format: result.format,
      id: cascade.id,
      label: summary.label,
      reposts: report.reposts,
      views: report.views,
      audienceAssumed: summary.audienceAssumed,
      thresholds: report.thresholds,
      crossing: {
        reposts: crossingJson(report.crossing.reposts),
        views: crossingJson(report.crossing.views),
      },
      first: report.first,
      depth: summary.depth,
      structuralVirality: summary.structuralVirality,
      keySpreaders: summary.keySpreaders,
      warnings: allWarnings,
    });
  }
  const lines = [
    `${cascade.id} (${result.format}${summary.platform ? `, ${summary.platform}` : ""})${summary.label === null ? "" : `, label: ${summary.label}`}`,
    `reposts: ${formatCount(report.reposts)}   views: ${report.views === null ? "cannot be counted from this file (no follower counts; try --assume-audience N)" : `${formatCount(report.views)}${summary.audienceAssumed ? " (ASSUMED audiences)" : ""}`}`,
    describeCrossing("reposts", report),
    report.views === null ? "views: unknown" : describeCrossing("views", report),
    `first crossed: ${report.first ?? "neither"}`,
    `depth: max ${summary.depth.maxDepth}, reposts per generation ${summary.depth.perGeneration.slice(1).join(" / ") || "none"}; structural virality ${summary.structuralVirality === null ? "n/a" : summary.structuralVirality.toFixed(2)}`,
  ];
  if (summary.keySpreaders.length) {
    lines.push(
      `key spreaders: ${summary.keySpreaders
        .map((s) => `${s.account} (+${formatCount(s.downstream)} after ${formatDuration(s.time)})`)
        .join(", ")}`,
    );
  }
  for (const warning of allWarnings) lines.push(`note: ${warning}`);
  return lines.join("\n");
}
