/**
 * The page's own errors as data, beside their English message: a file the
 * browser could not read, a file without a cascade, a sample that did not
 * download, a stopped or cancelled worker, and a refused link or saved
 * scenario (src/ui/scenario-url.ts). Worded in the user's language by
 * src/ui/error-text.ts, like the core's and the readers' details; the English
 * templates are here so that an `AppError`'s message is exactly their words.
 */
import type { ErrorDetail } from "../worker/error-detail.ts";

/** One problem of a refused scenario: a detail of the page's, of the core's, or a message without one. */
export type ScenarioProblem = AppErrorDetail | ErrorDetail | { code: "text"; text: string };

export type AppErrorDetail =
  /** `a.csv: the browser could not read the file.` */
  | { code: "fileUnreadable"; file: string }
  /** `a.csv: no cascade found in the file.` */
  | { code: "noCascade"; file: string }
  /** `casflow/dataset.txt: 404 Not Found` (a bundled sample did not download). */
  | { code: "sampleHttp"; file: string; status: number; statusText: string }
  /** `The background worker stopped (out of memory).` */
  | { code: "workerStopped"; reason: string }
  /** `Cancelled.` */
  | { code: "cancelled" }
  /** The link's or the saved scenario's problems, each its own sentence. */
  | { code: "scenarioRefused"; from: "link" | "saved"; problems: ScenarioProblem[] }
  /** `n: 'ten' is not a number.` */
  | { code: "urlNumber"; key: string; raw: string }
  /** `repeat: should be 0 or 1.` */
  | { code: "urlFlag"; key: string }
  /** `scope: 'all' is not one of tree, direct.` */
  | { code: "urlChoice"; key: string; raw: string; allowed: string[] }
  /** `model: unknown model 'x'.` */
  | { code: "urlModel"; model: string }
  /** `evil: unknown setting.` */
  | { code: "urlSetting"; key: string }
  /** `iv: should be a list of interventions.` */
  | { code: "urlInterventions" }
  /** `iv: is not valid JSON.` */
  | { code: "urlJson" };

export type AppErrorCode = AppErrorDetail["code"];

type AppTemplates = {
  [K in AppErrorCode]: (
    d: Extract<AppErrorDetail, { code: K }>,
    problem: (p: ScenarioProblem) => string,
  ) => string;
};

/** English: exactly the messages the page has always shown. */
export const APP_EN: AppTemplates = {
  fileUnreadable: (d) => `${d.file}: the browser could not read the file.`,
  noCascade: (d) => `${d.file}: no cascade found in the file.`,
  sampleHttp: (d) => `${d.file}: ${d.status} ${d.statusText}`,
  workerStopped: (d) => `The background worker stopped (${d.reason || "unknown error"}).`,
  cancelled: () => "Cancelled.",
  scenarioRefused: (d, problem) =>
    `${d.from === "link" ? "The link's scenario was refused" : "The saved scenario was damaged and has been discarded"}: ${d.problems.map(problem).join(" ")}`,
  urlNumber: (d) => `${d.key}: '${d.raw}' is not a number.`,
  urlFlag: (d) => `${d.key}: should be 0 or 1.`,
  urlChoice: (d) => `${d.key}: '${d.raw}' is not one of ${d.allowed.join(", ")}.`,
  urlModel: (d) => `model: unknown model '${d.model}'.`,
  urlSetting: (d) => `${d.key}: unknown setting.`,
  urlInterventions: () => "iv: should be a list of interventions.",
  urlJson: () => "iv: is not valid JSON.",
};

/** A problem's English words: a page detail by its template, anything else by its message. */
export function appDetailEnglish(detail: AppErrorDetail, problem: (p: ScenarioProblem) => string): string {
  const template = APP_EN[detail.code] as (d: AppErrorDetail, p: (p: ScenarioProblem) => string) => string;
  return template(detail, problem);
}

/** An error of the page's, its message the English words of its detail. */
export class AppError extends Error {
  override name = "AppError";
  constructor(readonly detail: Exclude<AppErrorDetail, { code: "scenarioRefused" }>) {
    super(appDetailEnglish(detail, () => ""));
  }
}
