/**
 * Loads every cascade under the files and folders the prediction commands are
 * given, through src/io's readers, with the data sets' own layouts for
 * companions (CED's original microblog in ../original-microblog/, Twitter15/16's
 * ../label.txt), as `analyze` does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Cascade } from "../core/cascade.ts";
import { type Companion, type ReadOptions, readCascadeFile } from "../io/index.ts";

function companion(path: string): Companion {
  return { name: path, text: readFileSync(path, "utf8") };
}

/** Every cascade in a file. */
export function loadCascadeFile(file: string): Cascade[] {
  const options: ReadOptions = {};
  const original = join(dirname(dirname(file)), "original-microblog", basename(file));
  if (original !== file && existsSync(original)) options.original = companion(original);
  const labels = join(dirname(dirname(file)), "label.txt");
  if (existsSync(labels)) options.labels = companion(labels);
  return readCascadeFile(file, readFileSync(file, "utf8"), options).cascades;
}

/** Not cascades: documentation, R data, companions read with their cascade. */
const SKIP = /(PROVENANCE|README|label\.txt$|\.Rd$|\.rda$|\.md$|[\\/]original-microblog[\\/])/;

/** Every cascade under the paths (files or folders, recursively); a file that cannot be read inside a folder is skipped with a warning. */
export function loadCascades(
  paths: readonly string[],
  warn: (message: string) => void = () => {},
): Cascade[] {
  const out: Cascade[] = [];
  const visit = (path: string, explicit: boolean) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name), false);
      return;
    }
    if (!explicit && SKIP.test(path)) return;
    try {
      out.push(...loadCascadeFile(path));
    } catch (error) {
      if (explicit) throw error;
      warn(`skipped ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const path of paths) visit(path, true);
  return out;
}
