/**
 * Small, fast text helpers shared by the readers: one pass over the text with
 * indexOf (no per-line regular expressions), and strict number parsing.
 */
import { type Expected, InputError, quoted } from "./errors.ts";

/** Strips a byte-order mark and refuses empty and binary files. */
export function checkText(file: string, text: string, expected: Expected): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") {
    throw new InputError({ file, line: null, expected, found: { code: "emptyFile" } });
  }
  const head = text.slice(0, 8192);
  let replacement = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    // NUL never occurs in text; U+FFFD is what a decoder leaves for bytes that are not UTF-8.
    if (c === 0) throw binary(file, text, i, expected);
    if (c === 0xfffd) replacement++;
  }
  if (replacement > 8 && replacement > head.length / 100)
    throw binary(file, text, head.indexOf("\ufffd"), expected);
  return text;
}

function binary(file: string, text: string, at: number, expected: Expected): InputError {
  const { line, column } = position(text, at);
  return new InputError({ file, line, column, expected, found: { code: "binary" } });
}

/** 1-based line and column of a character offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Calls `fn` for each line (without its line end), with 1-based line numbers. */
export function forEachLine(text: string, fn: (line: string, lineNo: number) => void): void {
  let start = 0;
  let lineNo = 1;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (!(end === text.length && stop === start)) fn(text.slice(start, stop), lineNo);
    start = end + 1;
    lineNo++;
  }
}

/**
 * A decimal number, or NaN: unlike Number(), refuses "", " ", "0x1f",
 * "Infinity" and trailing garbage.
 */
export function parseDecimal(raw: string): number {
  const s = raw.trim();
  if (s === "") return Number.NaN;
  const c = s.charCodeAt(0);
  const digitOrSign = (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
  if (!digitOrSign) return Number.NaN;
  if (s.length > 1 && (s[1] === "x" || s[1] === "X" || s[1] === "o" || s[1] === "b")) return Number.NaN;
  const value = Number(s);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Parses a number field or throws an InputError naming the place. */
export function numberField(
  file: string,
  line: number,
  column: number | string,
  raw: string,
  expected: Expected,
): number {
  const value = parseDecimal(raw);
  if (Number.isNaN(value)) throw new InputError({ file, line, column, expected, found: quoted(raw) });
  return value;
}

/**
 * Splits one line of CSV/TSV. Double quotes are honoured (RFC 4180: "" is a
 * quote inside a quoted field); a quoted field may not span lines.
 */
export function splitFields(line: string, delimiter: string): string[] {
  if (line.indexOf('"') === -1) return line.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q === -1) {
          value += line.slice(j);
          j = line.length;
          break;
        }
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      const next = line.indexOf(delimiter, j);
      fields.push(value + (next === -1 ? line.slice(j) : line.slice(j, next)));
      if (next === -1) break;
      i = next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next === -1) {
        fields.push(line.slice(i));
        break;
      }
      fields.push(line.slice(i, next));
      i = next + 1;
    }
  }
  return fields;
}

/** Base name without folders and without the last extension. */
export function stem(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
