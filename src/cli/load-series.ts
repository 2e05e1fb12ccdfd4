/**
 * Loads every cascade under the files and folders the prediction commands are
 * given, through src/io's readers, with the data sets' own layouts for
 * companions (CED's original microblog in ../original-microblog/, Twitter15/16's
 * ../label.txt), found by `companionFiles` as `analyze` finds them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Cascade } from "../core/cascade.ts";
import { type Companion, type ReadOptions, readCascadeFile } from "../io/index.ts";
import { UsageError } from "./args.ts";

/** A file's text; a path that does not exist is the user's mistake, so a usage error. */
export function readText(path: string): string {
  if (!existsSync(path)) throw new UsageError(`cannot find the file '${path}'.`);
  if (statSync(path).isDirectory()) throw new UsageError(`'${path}' is a folder; give a file.`);
  return new TextDecoder("utf-8").decode(readFileSync(path));
}

function companion(path: string): Companion {
  return { name: path, text: readText(path) };
}

/**
 * The companions of a cascade file, by the data sets' own layouts: CED keeps
 * the original microblog in ../original-microblog/<same name>, Twitter15/16
 * keeps label.txt above tree/. A path given explicitly is read even if the
 * layout would not find it, and must exist.
 */
export function companionFiles(
  file: string,
  given: { original?: string; labels?: string } = {},
): Pick<ReadOptions, "original" | "labels"> {
  const options: Pick<ReadOptions, "original" | "labels"> = {};
  const original = given.original ?? join(dirname(dirname(file)), "original-microblog", basename(file));
  if (given.original !== undefined || (original !== file && existsSync(original)))
    options.original = companion(original);
  const labels = given.labels ?? join(dirname(dirname(file)), "label.txt");
  if (given.labels !== undefined || existsSync(labels)) options.labels = companion(labels);
  return options;
}

/** Every cascade in a file. */
export function loadCascadeFile(file: string): Cascade[] {
  return readCascadeFile(file, readText(file), companionFiles(file)).cascades;
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
    if (!existsSync(path)) {
      // A name inside a folder that leads nowhere (a dangling link) is skipped like any unreadable file.
      if (!explicit) return warn(`skipped ${path}: it leads nowhere (a broken link?)`);
      throw new UsageError(`cannot find the file or folder '${path}'.`);
    }
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
