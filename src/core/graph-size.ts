/**
 * How much memory a preset graph needs before it is built, so the app and the
 * CLI refuse a graph that cannot fit instead of freezing or crashing the tab.
 * Graphs are built straight into typed arrays (compiled-builder.ts), so the
 * cost is the peak of that build: 8 bytes per link in chunks, 4 more for the
 * sorted copy, then the final out- and in-lists (8 bytes per link), plus the
 * generator's own scratch (Weibo's attachment slots: 72 bytes per account).
 * Measured as peak resident memory of Node 20 building each preset at
 * 1,000,000 accounts (groups: 200,000) minus an empty Node's: 249 (BA) to
 * 305 (WS) bytes per account at about 10 links each, 640 for the public
 * account (24 links and group lists), 20.6 bytes per link for groups. The
 * constants below are above every measurement on purpose.
 */
import type { CoreErrorDetail } from "./error-detail.ts";
import { MAX_NODES, PRESETS, type PresetId } from "./generators/presets.ts";

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

/** Id string, offsets, audience, bot flag, the generator's scratch and the build's per-account arrays. */
const BYTES_PER_ACCOUNT = 120;
/** Peak of the build per link: chunks, sorted copy, out- and in-lists, with room for V8's slack. */
const BYTES_PER_EDGE = 24;

/** What a JavaScript heap in a browser tab can hold, about: Chromium's default limit for a 64-bit tab. */
export const DEFAULT_MEMORY_BUDGET = 2 * 1024 ** 3;

/** Estimated peak bytes to build the graph of `preset` with `n` accounts. */
export function estimateGraphBytes(preset: PresetId, n: number): number {
  return Math.round(n * (BYTES_PER_ACCOUNT + EDGES_PER_ACCOUNT[preset] * BYTES_PER_EDGE));
}

/** The largest number of accounts of `preset` that fits in `budgetBytes` (at most MAX_NODES). */
export function maxAccountsFor(preset: PresetId, budgetBytes = DEFAULT_MEMORY_BUDGET): number {
  const fits = Math.floor(budgetBytes / (BYTES_PER_ACCOUNT + EDGES_PER_ACCOUNT[preset] * BYTES_PER_EDGE));
  return Math.min(MAX_NODES, fits);
}

export class GraphTooLargeError extends Error {
  override name = "GraphTooLargeError";
  /** The same, as data for a translated message. */
  readonly detail: Extract<CoreErrorDetail, { code: "graphTooLarge" }>;
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
    this.detail = {
      code: "graphTooLarge",
      field: null,
      preset,
      nodes,
      need: formatBytes(estimatedBytes),
      budget: formatBytes(budgetBytes),
      most: maxAccountsFor(preset, budgetBytes),
    };
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
