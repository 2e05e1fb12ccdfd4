/** Errors' details as they cross from a worker to the page (plain objects: structured clone keeps them). */
import type { CoreErrorDetail } from "../core/error-detail.ts";
import type { InputErrorDetail } from "../io/errors.ts";

/** Every detail an error shown on screen may carry (the core's and the readers'). */
export type ErrorDetail = CoreErrorDetail | InputErrorDetail;

/** The detail a thrown error carries, for the answer to the page; null when it has none. */
export function carriedDetail(error: unknown): ErrorDetail | null {
  if (typeof error !== "object" || error === null || !("detail" in error)) return null;
  const detail = (error as { detail: unknown }).detail;
  return typeof detail === "object" && detail !== null ? (detail as ErrorDetail) : null;
}
