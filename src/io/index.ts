/**
 * Reading real cascades: one entry point for the app (inside a Web Worker,
 * with the file's text) and the CLI (with fs). Pure: no DOM, no file system.
 */
import { readCasflow } from "./casflow.ts";
import { readCed } from "./ced.ts";
import { detectFormat } from "./detect.ts";
import { readEdgeList } from "./edge-list.ts";
import { InputError } from "./errors.ts";
import { readGexf, readGraphml, readGraphologyJson } from "./graph-files.ts";
import { readSeismic, readTideh } from "./series.ts";
import { readTwitterTree } from "./twitter-tree.ts";
import type { FormatId, ReadOptions, ReadResult } from "./types.ts";

export { detectFormat } from "./detect.ts";
export { InputError } from "./errors.ts";
export type { Companion, FormatId, ReadOptions, ReadResult } from "./types.ts";
export { FORMAT_IDS, isFormatId } from "./types.ts";
export { cascadeToGraph, WRITE_FORMATS, type WriteFormat, writeCascade, writeGraph } from "./write.ts";

/** Reads a file's text as the given or detected format. Throws InputError with file, line and what was expected. */
export function readCascadeFile(name: string, text: string, options: ReadOptions = {}): ReadResult {
  const format: FormatId = options.format ?? detectFormat(name, text);
  const result = read(format, name, text, options);
  if (options.line !== undefined && format !== "casflow") {
    const index = options.line - 1;
    if (!(index >= 0 && index < result.cascades.length)) {
      throw new InputError({
        file: name,
        line: null,
        expected: { code: "cascadeNumber", count: result.cascades.length },
        found: { code: "text", text: String(options.line) },
      });
    }
    result.cascades = [result.cascades[index]];
  }
  return result;
}

function read(format: FormatId, name: string, text: string, options: ReadOptions): ReadResult {
  switch (format) {
    case "twitter-tree":
      return readTwitterTree(name, text, options.labels);
    case "ced":
      return readCed(name, text, options.original);
    case "casflow":
      return readCasflow(name, text, options.line);
    case "seismic":
      return readSeismic(name, text);
    case "tideh":
      return readTideh(name, text);
    case "csv":
      return readEdgeList(name, text);
    case "gexf":
      return readGexf(name, text);
    case "graphml":
      return readGraphml(name, text);
    case "json":
      return readGraphologyJson(name, text);
  }
}
