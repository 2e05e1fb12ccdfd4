/**
 * How much memory a preset graph needs before it is built, so the app and the
 * CLI refuse a graph that cannot fit instead of freezing or crashing the tab.
 * The figures were measured in Node 20 (V8 heap + array buffers after a forced
 * GC) on 20,000-account graphs of each preset; graphology keeps each edge in
 * several maps, so edges dominate. They err on the high side on purpose.
 */
import { PRESETS, type PresetId } from "./generators/presets.ts";

/** Out-edges per account on average (measured at 20,000 accounts, default settings). */
export const EDGES_PER_ACCOUNT: Record<PresetId, number> = {
  weibo: 9.8,
  moments: 12,
  groups: 157,
  "public-account": 28,
  ba: 8,
  er: 10,
  ws: 10,
  sbm: 10,
};

/** graphology node entry with its attributes, plus the compiled id string and arrays. */
const BYTES_PER_ACCOUNT = 450;
/** graphology edge entry (out and in maps, edge object) plus the compiled CSR arrays (8 bytes). */
const BYTES_PER_EDGE = 320;

/** What a JavaScript heap in a browser tab can hold, about: Chromium's default limit for a 64-bit tab. */
export const DEFAULT_MEMORY_BUDGET = 2 * 1024 ** 3;

/** Estimated bytes for the graph of `preset` with `n` accounts (graphology graph + compiled arrays). */
export function estimateGraphBytes(preset: PresetId, n: number): number {
  return Math.round(n * (BYTES_PER_ACCOUNT + EDGES_PER_ACCOUNT[preset] * BYTES_PER_EDGE));
}

/** The largest number of accounts of `preset` that fits in `budgetBytes`. */
export function maxAccountsFor(preset: PresetId, budgetBytes = DEFAULT_MEMORY_BUDGET): number {
  return Math.floor(budgetBytes / (BYTES_PER_ACCOUNT + EDGES_PER_ACCOUNT[preset] * BYTES_PER_EDGE));
}

export class GraphTooLargeError extends Error {
  override name = "GraphTooLargeError";
  constructor(
    readonly preset: PresetId,
    readonly nodes: number,
    readonly estimatedBytes: number,
    readonly budgetBytes: number,
  ) {
    super(
      `core/graph-size: ${nodes.toLocaleString("en")} ${PRESETS[preset].label} accounts need about ${formatBytes(estimatedBytes)}; ` +
        `this browser tab can hold about ${formatBytes(budgetBytes)}: choose at most ${maxAccountsFor(preset, budgetBytes).toLocaleString("en")} accounts.`,
    );
  }
}

/** Throws GraphTooLargeError when the graph would not fit in `budgetBytes`. */
export function assertGraphFits(preset: PresetId, n: number, budgetBytes = DEFAULT_MEMORY_BUDGET): void {
  const estimated = estimateGraphBytes(preset, n);
  if (estimated > budgetBytes) throw new GraphTooLargeError(preset, n, estimated, budgetBytes);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.round(bytes / 1024)} kB`;
}
