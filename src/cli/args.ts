/** Small helpers for typed, checked command-line options. */

export class UsageError extends Error {
  override name = "UsageError";
}

export function numberOption(name: string, raw: string | undefined, fallback: number): number;
export function numberOption(name: string, raw: string | undefined, fallback?: number): number | undefined;
export function numberOption(name: string, raw: string | undefined, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) {
    throw new UsageError(`--${name}: '${raw}' is not a number.`);
  }
  return value;
}
