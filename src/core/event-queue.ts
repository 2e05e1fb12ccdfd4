/**
 * A binary min-heap of pending activations keyed by time, in typed arrays so
 * it can be reused across Monte Carlo runs without garbage. Ties pop in
 * insertion order, which keeps runs deterministic: the pop order is the total
 * order (time, insertion), whatever the heap's inner arrangement.
 *
 * Speed (this is the cascade loop's main cost): the heap moves only a time
 * and an insertion number per level; the node and parent sit in side arrays
 * indexed by the insertion number. Pops use Floyd's bottom-up sift: the hole
 * goes down to a leaf along the smaller children, then the last entry climbs
 * back from there, which halves the comparisons on random keys.
 */
export class EventQueue {
  private time: Float64Array;
  private slot: Uint32Array;
  private nodeOf: Uint32Array;
  private parentOf: Int32Array;
  private counter = 0;
  size = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.slot = new Uint32Array(capacity);
    this.nodeOf = new Uint32Array(capacity);
    this.parentOf = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.counter = 0;
  }

  push(time: number, node: number, parent: number): void {
    if (this.size === this.time.length) this.growHeap();
    if (this.counter === this.nodeOf.length) this.growSlots();
    const slot = this.counter++;
    this.nodeOf[slot] = node;
    this.parentOf[slot] = parent;
    this.siftUp(this.size++, time, slot);
  }

  /** Time of the earliest entry (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? this.time[0] : Number.POSITIVE_INFINITY;
  }

  /** Node of the earliest entry; read it (and its parent) before `pop`. */
  topNode(): number {
    return this.nodeOf[this.slot[0]];
  }

  topParent(): number {
    return this.parentOf[this.slot[0]];
  }

  /** Removes the earliest entry. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const { time, slot } = this;
    // Hole from the root down to a leaf, always to the earlier child.
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        (time[right] < time[child] || (time[right] === time[child] && slot[right] < slot[child]))
      )
        child = right;
      time[hole] = time[child];
      slot[hole] = slot[child];
      hole = child;
    }
    this.siftUp(hole, time[last], slot[last]);
  }

  private siftUp(i: number, t: number, s: number): void {
    const { time, slot } = this;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (time[up] < t || (time[up] === t && slot[up] < s)) break;
      time[i] = time[up];
      slot[i] = slot[up];
      i = up;
    }
    time[i] = t;
    slot[i] = s;
  }

  private growHeap(): void {
    const time = new Float64Array(this.time.length * 2);
    const slot = new Uint32Array(this.time.length * 2);
    time.set(this.time);
    slot.set(this.slot);
    this.time = time;
    this.slot = slot;
  }

  private growSlots(): void {
    const nodeOf = new Uint32Array(this.nodeOf.length * 2);
    const parentOf = new Int32Array(this.nodeOf.length * 2);
    nodeOf.set(this.nodeOf);
    parentOf.set(this.parentOf);
    this.nodeOf = nodeOf;
    this.parentOf = parentOf;
  }
}
