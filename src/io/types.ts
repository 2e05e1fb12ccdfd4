/** What every reader takes and returns. */
import type { Cascade } from "../core/cascade.ts";
import type { SocialGraph } from "../core/generators/types.ts";
import type { Note } from "../core/notes.ts";

export const FORMAT_IDS = [
  "twitter-tree",
  "ced",
  "casflow",
  "seismic",
  "tideh",
  "csv",
  "gexf",
  "graphml",
  "json",
] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

export function isFormatId(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}

/** A second file that belongs to the first (CED's original microblog, Twitter's label.txt). */
export interface Companion {
  name: string;
  text: string;
}

export interface ReadOptions {
  /** Skip detection and read as this format. */
  format?: FormatId;
  /** CED: the original-microblog JSON of the same id (source time and followers). */
  original?: Companion;
  /** Twitter15/16: label.txt (`label:tree_id` lines). */
  labels?: Companion;
  /** Files of many cascades (CasFlow): keep only the cascade on this 1-based line. */
  line?: number;
}

export interface ReadResult {
  format: FormatId;
  /** The cascades in the file (several for CasFlow files and forests). */
  cascades: Cascade[];
  /** The network, for formats that carry one (edge lists, GEXF, GraphML, graphology JSON). */
  graph?: SocialGraph;
  /** File-level notes for the user; each cascade has its own too. */
  warnings: string[];
  /** The same as data, index for index (src/core/notes.ts). */
  notes: Note[];
}
