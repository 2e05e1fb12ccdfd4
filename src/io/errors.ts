/**
 * One error type for every reader: where (file, line, column or field), what
 * was expected and what was found. The UI shows `message` as plain text.
 */

export interface InputErrorDetails {
  /** File name as the user gave it. */
  file: string;
  /** 1-based line number; null when the problem is about the whole file. */
  line: number | null;
  /** 1-based column, or the name of the field or JSON key, when known. */
  column?: number | string;
  /** What the reader needed there, in words. */
  expected: string;
  /** What it found there (quoted and shortened). */
  found: string;
}

export class InputError extends Error {
  override name = "InputError";
  readonly file: string;
  readonly line: number | null;
  readonly column?: number | string;
  readonly expected: string;
  readonly found: string;

  constructor(details: InputErrorDetails) {
    super(inputErrorMessage(details));
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.expected = details.expected;
    this.found = details.found;
  }
}

function inputErrorMessage({ file, line, column, expected, found }: InputErrorDetails): string {
  let place = file;
  if (line !== null) place += `:${line}`;
  if (typeof column === "number") place += `:${column}`;
  const field = typeof column === "string" ? ` (field '${column}')` : "";
  return `${place}${field}: expected ${expected}, found ${found}.`;
}

/** A piece of the file, quoted and cut to a readable length, for `found`. */
export function quote(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
