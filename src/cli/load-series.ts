/**
 * A small, private loader for the cascade files the prediction commands are
 * measured on, kept in this one file so it can be swapped for src/io's readers
 * once they land. It knows:
 *   - SEISMIC/TiDeH rows `seconds followers` (TiDeH has a `count start-days` header line),
 *   - CSV `relative_time_second,number_of_followers` (SEISMIC `tweet`) and `time,magnitude,user[_id]` (SMH, auspol),
 *   - Twitter15/16 trees `['uid', 'tweet', 'minutes']->['uid', 'tweet', 'minutes']`,
 *   - CasFlow/DeepHawkes lines `id  root  epoch  count  root:0 root/u:seconds ...`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Cascade, CascadeEvent } from "../core/cascade.ts";

export class LoadError extends Error {
  override name = "LoadError";
}

function starCascade(id: string, format: string, rows: [number, number | null][]): Cascade {
  if (rows.length === 0) throw new LoadError(`${id}: no events.`);
  const events: CascadeEvent[] = rows.map(([time, audience], i) => ({
    account: String(i),
    parent: i === 0 ? -1 : 0,
    time,
    depth: i === 0 ? 0 : 1,
    audience,
  }));
  // Series formats give no parents: every repost hangs off the source.
  return {
    id,
    format,
    events,
    warnings: ["no repost tree in this format: depth 1 assumed for every repost"],
  };
}

function parseNumber(raw: string, file: string, line: number): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value))
    throw new LoadError(`${file}:${line}: '${raw}' is not a number.`);
  return value;
}

function loadCsvSeries(file: string, text: string): Cascade {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0].split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  const timeCol = header.findIndex((h) => h === "time" || h === "relative_time_second");
  const followerCol = header.findIndex((h) => h === "magnitude" || h === "number_of_followers");
  if (timeCol < 0 || followerCol < 0) {
    throw new LoadError(`${file}:1: expected a header with time and follower columns, found '${lines[0]}'.`);
  }
  const rows: [number, number | null][] = lines.slice(1).map((line, i) => {
    const cells = line.split(",");
    return [parseNumber(cells[timeCol], file, i + 2), parseNumber(cells[followerCol], file, i + 2)];
  });
  return starCascade(basename(file).replace(/\.csv$/, ""), "series-csv", rows);
}

function loadTideh(file: string, text: string): Cascade {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const rows: [number, number | null][] = lines.slice(1).map((line, i) => {
    const [t, f] = line.trim().split(/\s+/);
    return [parseNumber(t, file, i + 2), parseNumber(f, file, i + 2)];
  });
  return starCascade(basename(file).replace(/\.txt$/, ""), "seismic-rows", rows);
}

function loadTwitterTree(file: string, text: string): Cascade {
  const parse = (tuple: string) => {
    const parts = tuple.replace(/[[\]' ]/g, "").split(",");
    // A few trees have negative delays (reposts logged before the source): clamp them to the source's time.
    return { user: parts[0], tweet: parts[1], minutes: Math.max(0, Number(parts[2])) };
  };
  const events: CascadeEvent[] = [];
  const index = new Map<string, number>();
  // The ROOT line first, wherever the file has it.
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.includes("->"))
    .sort((a, b) => Number(!a.startsWith("['ROOT'")) - Number(!b.startsWith("['ROOT'")));
  for (const line of lines) {
    const [left, right] = line.split("->");
    const parent = parse(left);
    const child = parse(right);
    const key = `${child.user}|${child.tweet}|${child.minutes}`;
    if (index.has(key)) continue;
    if (parent.user === "ROOT") {
      index.set(key, events.length);
      events.push({ account: child.user, parent: -1, time: child.minutes * 60, depth: 0, audience: null });
      continue;
    }
    const parentIndex = index.get(`${parent.user}|${parent.tweet}|${parent.minutes}`) ?? 0;
    index.set(key, events.length);
    events.push({
      account: child.user,
      parent: parentIndex,
      time: child.minutes * 60,
      depth: (events[parentIndex]?.depth ?? 0) + 1,
      audience: null,
    });
  }
  if (events.length === 0 || events[0].parent !== -1) throw new LoadError(`${file}: no ROOT line first.`);
  return { id: basename(file).replace(/\.txt$/, ""), format: "twitter-tree", events, warnings: [] };
}

function loadCasflow(text: string): Cascade[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const [id, , , , ...paths] = line.split(/\s+/);
      const events: CascadeEvent[] = [];
      const byUser = new Map<string, number>();
      const items = paths
        .map((p) => {
          const [chain, t] = p.split(":");
          return { chain: chain.split("/"), time: Number(t) };
        })
        .sort((a, b) => a.time - b.time);
      for (const { chain, time } of items) {
        const user = chain[chain.length - 1];
        if (byUser.has(user)) continue;
        const parentUser = chain.length > 1 ? chain[chain.length - 2] : null;
        const parent = parentUser === null ? -1 : (byUser.get(parentUser) ?? 0);
        byUser.set(user, events.length);
        events.push({
          account: user,
          parent: events.length === 0 ? -1 : parent,
          time,
          depth: parent < 0 ? 0 : events[parent].depth + 1,
          audience: null,
        });
      }
      return { id: `casflow-${id}`, format: "casflow", events, warnings: [] };
    });
}

/** Every cascade in a file. */
export function loadCascadeFile(file: string): Cascade[] {
  const text = readFileSync(file, "utf8");
  const newline = text.indexOf("\n");
  const first = newline < 0 ? text : text.slice(0, newline);
  if (first.includes("->")) return [loadTwitterTree(file, text)];
  if (first.includes(",")) return [loadCsvSeries(file, text)];
  if (first.split("\t").length >= 5) return loadCasflow(text);
  if (/^\s*\d+\s+[\d.]+\s*$/.test(first)) return [loadTideh(file, text)];
  throw new LoadError(`${file}:1: unknown cascade format (first line '${first.slice(0, 60)}').`);
}

const SKIP = /(PROVENANCE|README|\.Rd$|\.rda$|\.json$|\.md$)/;

/** Every cascade under the paths (files or directories, recursively); unreadable files are skipped with a warning. */
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
