/** JSON.parse with errors that name the line and column. */
import { type Expected, InputError } from "./errors.ts";
import { position } from "./text.ts";

export function parseJson(file: string, text: string, expected: Expected): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says "... at position 123" (Node 20) or "(line 4 column 2)" (newer).
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc) {
      return fail(file, Number(lc[1]), Number(lc[2]), expected, message);
    }
    if (at) {
      const { line, column } = position(text, Number(at[1]));
      return fail(file, line, column, expected, message);
    }
    const end = position(text, text.length);
    return fail(file, end.line, end.column, expected, message);
  }
}

function fail(file: string, line: number, column: number, expected: Expected, message: string): never {
  throw new InputError({ file, line, column, expected, found: { code: "invalidJson", message } });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
