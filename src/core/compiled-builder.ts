/**
 * Builds a CompiledGraph straight from a generator, never holding a
 * graphology graph: edges are appended to fixed-size typed-array chunks
 * (8 bytes each), then sorted by source with a stable counting sort,
 * duplicates dropped keeping the first (graphology's mergeEdge), and the out-
 * and in-lists laid out in insertion order exactly as compileGraph does from
 * graphology. So both paths give the same arrays, hence the same cascades.
 */
import type { CompiledGraph } from "./compiled-graph.ts";
import { generatePresetInto, type PresetId } from "./generators/presets.ts";
import type { GraphSink } from "./generators/sink.ts";
import { type AccountAttributes, GeneratorError, type GraphAttributes } from "./generators/types.ts";
import type { GraphFacts } from "./graph-facts.ts";
import type { Rng } from "./random.ts";

/** Edges per chunk: small enough that the unused tail of the last one costs little. */
const CHUNK = 1 << 20;

export class CompiledGraphBuilder implements GraphSink {
  private readonly sourceChunks: Uint32Array[] = [];
  private readonly targetChunks: Uint32Array[] = [];
  /** Edges in the last chunk. */
  private fill = CHUNK;
  private sources = new Uint32Array(0);
  private targets = new Uint32Array(0);
  private readonly followers: Float64Array;
  private readonly bot: Uint8Array;
  private readonly labels = new Map<number, string>();
  private groups: number[][] | null = null;
  private community: Int32Array | null = null;
  private attributes: Partial<GraphAttributes> = {};
  private begun = false;
  /**
   * The last sortBySource() result and the number of appended links it was
   * made at, so finish() reuses the sort outDegrees() made when no link came
   * since. Dropped by mergeEdge (a stale sort must never be read, nor kept alive).
   */
  private sorted: SortedBySource | null = null;
  private sortedAt = -1;

  constructor(readonly order: number) {
    this.followers = new Float64Array(order);
    this.bot = new Uint8Array(order);
  }

  /** Edges merged so far, duplicates included. */
  get appended(): number {
    return this.sourceChunks.length * CHUNK - (CHUNK - this.fill);
  }

  begin(kind: string): void {
    if (this.begun) throw new GeneratorError("compiled-builder: begin() called twice.");
    this.begun = true;
    this.attributes.kind = kind;
  }

  mergeEdge(source: number, target: number): void {
    if (source === target) throw new GeneratorError(`compiled-builder: self-loop on account ${source}.`);
    this.sorted = null;
    if (this.fill === CHUNK) {
      this.sources = new Uint32Array(CHUNK);
      this.targets = new Uint32Array(CHUNK);
      this.sourceChunks.push(this.sources);
      this.targetChunks.push(this.targets);
      this.fill = 0;
    }
    this.sources[this.fill] = source;
    this.targets[this.fill++] = target;
  }

  outDegrees(): Uint32Array {
    const sorted = this.sortedBySource();
    const degrees = new Uint32Array(this.order);
    for (let s = 0; s < this.order; s++) {
      degrees[s] =
        sorted.offsets[s + 1] - sorted.offsets[s] - countMarked(sorted.duplicate, sorted.offsets, s);
    }
    return degrees;
  }

  mergeAccount(account: number, attributes: Partial<AccountAttributes>): void {
    if (attributes.followers !== undefined) this.followers[account] = attributes.followers;
    if (attributes.bot !== undefined) this.bot[account] = attributes.bot ? 1 : 0;
    if (attributes.label !== undefined) this.labels.set(account, attributes.label);
    if (attributes.groups !== undefined) {
      this.groups ??= Array.from({ length: this.order }, () => []);
      this.groups[account] = attributes.groups;
    }
    if (attributes.community !== undefined) {
      this.community ??= new Int32Array(this.order).fill(-1);
      this.community[account] = attributes.community;
    }
  }

  setGraphAttribute<K extends keyof GraphAttributes>(name: K, value: GraphAttributes[K]): void {
    this.attributes[name] = value;
  }

  /**
   * Edges by source, stable (insertion order within a source), with a bit set
   * on every repeat of a (source, target) pair already seen.
   */
  private sortBySource(): SortedBySource {
    const n = this.order;
    const total = this.appended;
    const offsets = new Uint32Array(n + 1);
    for (let c = 0; c < this.sourceChunks.length; c++) {
      const sources = this.sourceChunks[c];
      const end = this.chunkLength(c);
      for (let k = 0; k < end; k++) offsets[sources[k] + 1]++;
    }
    for (let s = 0; s < n; s++) offsets[s + 1] += offsets[s];
    const targets = new Uint32Array(total);
    const next = offsets.slice(0, n);
    for (let c = 0; c < this.sourceChunks.length; c++) {
      const sources = this.sourceChunks[c];
      const chunkTargets = this.targetChunks[c];
      const end = this.chunkLength(c);
      for (let k = 0; k < end; k++) targets[next[sources[k]]++] = chunkTargets[k];
    }
    const duplicate = new Uint32Array(Math.ceil(total / 32));
    const seenFrom = new Int32Array(n).fill(-1);
    for (let s = 0; s < n; s++) {
      for (let p = offsets[s]; p < offsets[s + 1]; p++) {
        const t = targets[p];
        if (seenFrom[t] === s) duplicate[p >>> 5] |= 1 << (p & 31);
        else seenFrom[t] = s;
      }
    }
    return { offsets, targets, duplicate };
  }

  /** sortBySource(), reused while no link has been appended since it was made. */
  private sortedBySource(): SortedBySource {
    const appended = this.appended;
    if (this.sorted === null || this.sortedAt !== appended) {
      this.sorted = this.sortBySource();
      this.sortedAt = appended;
    }
    return this.sorted;
  }

  private chunkLength(c: number): number {
    return c === this.sourceChunks.length - 1 ? this.fill : CHUNK;
  }

  /** The compiled graph and the facts beside it. The builder is spent afterwards. */
  finish(): { compiled: CompiledGraph; facts: GraphFacts } {
    const n = this.order;
    const raw = this.sortedBySource();
    // finish() rewrites raw.targets in place below: the cached sort must not outlive it.
    this.sorted = null;
    this.sortedAt = -1;
    // From here on the targets are read from `raw`: free their chunks early (a third of the peak).
    this.targetChunks.length = 0;
    this.targets = new Uint32Array(0);
    // Positions in `raw` follow insertion order per source, so a second pass in insertion order finds each edge again.
    const position = raw.offsets.slice(0, n);
    const { duplicate } = raw;
    const inOffsets = new Uint32Array(n + 1);
    for (let c = 0; c < this.sourceChunks.length; c++) {
      const sources = this.sourceChunks[c];
      const end = this.chunkLength(c);
      for (let k = 0; k < end; k++) {
        const p = position[sources[k]]++;
        if ((duplicate[p >>> 5] & (1 << (p & 31))) === 0) inOffsets[raw.targets[p] + 1]++;
      }
    }
    for (let t = 0; t < n; t++) inOffsets[t + 1] += inOffsets[t];
    const m = inOffsets[n];
    const inSources = new Uint32Array(m);
    const inNext = inOffsets.slice(0, n);
    position.set(raw.offsets.subarray(0, n));
    for (let c = 0; c < this.sourceChunks.length; c++) {
      const sources = this.sourceChunks[c];
      const end = this.chunkLength(c);
      for (let k = 0; k < end; k++) {
        const s = sources[k];
        const p = position[s]++;
        if ((duplicate[p >>> 5] & (1 << (p & 31))) === 0) inSources[inNext[raw.targets[p]]++] = s;
      }
    }
    this.sourceChunks.length = 0;
    this.sources = new Uint32Array(0);
    this.fill = CHUNK;
    // Drop the repeats from the out-lists in place.
    const offsets = new Uint32Array(n + 1);
    let written = 0;
    for (let s = 0; s < n; s++) {
      offsets[s] = written;
      for (let p = raw.offsets[s]; p < raw.offsets[s + 1]; p++) {
        if ((duplicate[p >>> 5] & (1 << (p & 31))) === 0) raw.targets[written++] = raw.targets[p];
      }
    }
    offsets[n] = written;
    const targets = written === raw.targets.length ? raw.targets : raw.targets.slice(0, written);
    const ids: string[] = new Array(n);
    for (let i = 0; i < n; i++) ids[i] = String(i);
    return {
      compiled: {
        n,
        m,
        ids,
        offsets,
        targets,
        inOffsets,
        inSources,
        audience: this.followers,
        bot: this.bot,
      },
      facts: {
        kind: this.attributes.kind ?? "generated",
        suggestedSource: this.attributes.suggestedSource ?? null,
        labels: this.labels,
        groups: this.groups,
        community: this.community,
      },
    };
  }
}

/**
 * Edges by source, stable (insertion order within a source), with a bit set
 * on every repeat of a (source, target) pair already seen.
 */
interface SortedBySource {
  offsets: Uint32Array;
  targets: Uint32Array;
  duplicate: Uint32Array;
}

/** How many of source s's edges are marked as repeats. */
function countMarked(marks: Uint32Array, offsets: Uint32Array, s: number): number {
  let count = 0;
  for (let p = offsets[s]; p < offsets[s + 1]; p++) if (marks[p >>> 5] & (1 << (p & 31))) count++;
  return count;
}

/** A preset compiled straight to typed arrays: the same arrays as compileGraph(generatePreset(...)). */
export function compilePreset(
  preset: PresetId,
  n: number,
  rng: Rng,
): { compiled: CompiledGraph; facts: GraphFacts } {
  const builder = new CompiledGraphBuilder(n);
  generatePresetInto(preset, n, rng, builder);
  return builder.finish();
}
