/**
 * A binary min-heap of pending activations keyed by time, in typed arrays so
 * it can be reused across Monte Carlo runs without garbage. Ties pop in
 * insertion order, which keeps runs deterministic.
 */
export class EventQueue {
  private time: Float64Array;
  private node: Uint32Array;
  private parent: Int32Array;
  private order: Float64Array;
  private counter = 0;
  size = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.node = new Uint32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.order = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.counter = 0;
  }

  push(time: number, node: number, parent: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    const order = this.counter++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.time[up] < time || (this.time[up] === time && this.order[up] < order)) break;
      this.move(up, i);
      i = up;
    }
    this.time[i] = time;
    this.node[i] = node;
    this.parent[i] = parent;
    this.order[i] = order;
  }

  /** Time of the earliest entry (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? this.time[0] : Number.POSITIVE_INFINITY;
  }

  /** Removes the earliest entry; read it first with the top* getters. */
  topNode(): number {
    return this.node[0];
  }

  topParent(): number {
    return this.parent[0];
  }

  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const time = this.time[last];
    const order = this.order[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && this.before(right, child)) child = right;
      if (time < this.time[child] || (time === this.time[child] && order < this.order[child])) break;
      this.move(child, i);
      i = child;
    }
    this.move(last, i);
  }

  private before(a: number, b: number): boolean {
    return this.time[a] < this.time[b] || (this.time[a] === this.time[b] && this.order[a] < this.order[b]);
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.node[to] = this.node[from];
    this.parent[to] = this.parent[from];
    this.order[to] = this.order[from];
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    const time = new Float64Array(capacity);
    const node = new Uint32Array(capacity);
    const parent = new Int32Array(capacity);
    const order = new Float64Array(capacity);
    time.set(this.time);
    node.set(this.node);
    parent.set(this.parent);
    order.set(this.order);
    this.time = time;
    this.node = node;
    this.parent = parent;
    this.order = order;
  }
}
