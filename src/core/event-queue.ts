/**
 * The queue of pending activations, keyed by time: a calendar queue (Brown
 * 1988) whose current day is a binary heap. Cascades only ever schedule at or
 * after the time they are at, so time is cut into days of a fixed width:
 * an entry for a later day is appended to that day's list in O(1), and only
 * the entries of the current day are kept in the heap, which stays small. A
 * heap of every pending entry (thousands in a big cascade) spent most of the
 * cascade loop on unpredictable branches; a day heap of a few dozen does not.
 * Pops come in the total order (time, insertion), exactly as from one heap,
 * so every seeded result is the same whatever the day width.
 *
 * Entries live in typed arrays reused across Monte Carlo runs; days hold
 * linked lists of insertion numbers.
 */
/** Days beyond this one share it (its heap sorts them): bounds the day arrays whatever the times. */
const LAST_DAY = 1 << 16;

export class EventQueue {
  /** Per insertion number: time, node, parent, and the next entry of the same day. */
  private timeOf: Float64Array;
  private nodeOf: Uint32Array;
  private parentOf: Int32Array;
  private nextOf: Int32Array;
  private counter = 0;
  /** The current day's heap: insertion numbers ordered by (time, insertion). */
  private heap: Uint32Array;
  private heapSize = 0;
  /** Per day: first and last entry of its list (-1: empty). Days up to `lastDay` are in use. */
  private dayHead: Int32Array;
  private dayTail: Int32Array;
  private lastDay = -1;
  /** The day whose entries are in the heap (-1 before the first pop). */
  private today = -1;
  private perSecond = 1 / 300;
  /** Time of the last entry taken out: nothing may be scheduled before it. */
  private lastTaken = 0;
  size = 0;

  constructor(capacity = 1024) {
    this.timeOf = new Float64Array(capacity);
    this.nodeOf = new Uint32Array(capacity);
    this.parentOf = new Int32Array(capacity);
    this.nextOf = new Int32Array(capacity);
    this.heap = new Uint32Array(256);
    this.dayHead = new Int32Array(1024).fill(-1);
    this.dayTail = new Int32Array(1024).fill(-1);
  }

  /**
   * Empties the queue. `dayWidth` (seconds) only sets the speed, never the order: a few times
   * shorter than a typical delay keeps each day's heap small without many empty days to skip.
   */
  clear(dayWidth = 300): void {
    this.size = 0;
    this.counter = 0;
    this.heapSize = 0;
    if (this.lastDay >= 0) {
      this.dayHead.fill(-1, 0, this.lastDay + 1);
      this.dayTail.fill(-1, 0, this.lastDay + 1);
    }
    this.lastDay = -1;
    this.today = -1;
    this.lastTaken = 0;
    this.perSecond = dayWidth > 0 && Number.isFinite(dayWidth) ? 1 / dayWidth : 1 / 300;
  }

  /** Schedules `node` at `time`; `time` must be at least the time of the last entry taken out. */
  push(time: number, node: number, parent: number): void {
    if (!(time >= this.lastTaken)) {
      throw new RangeError(`event-queue: time ${time} is before the last time taken out, ${this.lastTaken}.`);
    }
    if (this.counter === this.nodeOf.length) this.growSlots();
    const slot = this.counter++;
    this.timeOf[slot] = time;
    this.nodeOf[slot] = node;
    this.parentOf[slot] = parent;
    // Rounding is monotone, so later days never hold earlier times; the last day takes all that is later.
    const day = Math.min(Math.floor(time * this.perSecond), LAST_DAY);
    if (day <= this.today) this.heapPush(slot);
    else this.append(day, slot);
    this.size++;
  }

  /** Time of the earliest entry (Infinity when empty). */
  peekTime(): number {
    if (this.size === 0) return Number.POSITIVE_INFINITY;
    return this.timeOf[this.front()];
  }

  /** Node of the earliest entry; read it (and its parent) before `pop`. */
  topNode(): number {
    return this.nodeOf[this.front()];
  }

  topParent(): number {
    return this.parentOf[this.front()];
  }

  /** Removes the earliest entry. */
  pop(): void {
    if (this.size === 0) return;
    this.lastTaken = this.timeOf[this.front()];
    this.size--;
    const { heap, timeOf } = this;
    const last = --this.heapSize;
    if (last === 0) return;
    // Floyd's pop: the hole goes down to a leaf along the earlier children, then the last entry climbs back.
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        (timeOf[heap[right]] < timeOf[heap[child]] ||
          (timeOf[heap[right]] === timeOf[heap[child]] && heap[right] < heap[child]))
      )
        child = right;
      heap[hole] = heap[child];
      hole = child;
    }
    this.siftUp(hole, heap[last]);
  }

  /** The insertion number of the earliest entry, moving to the next non-empty day when today is done. */
  private front(): number {
    if (this.heapSize > 0) return this.heap[0];
    let day = this.today + 1;
    while (this.dayHead[day] === -1) day++;
    this.today = day;
    for (let slot = this.dayHead[day]; slot !== -1; slot = this.nextOf[slot]) this.heapPush(slot);
    this.dayHead[day] = -1;
    this.dayTail[day] = -1;
    return this.heap[0];
  }

  private append(day: number, slot: number): void {
    if (day >= this.dayHead.length) this.growDays(day);
    if (day > this.lastDay) this.lastDay = day;
    this.nextOf[slot] = -1;
    const tail = this.dayTail[day];
    if (tail === -1) this.dayHead[day] = slot;
    else this.nextOf[tail] = slot;
    this.dayTail[day] = slot;
  }

  private heapPush(slot: number): void {
    if (this.heapSize === this.heap.length) {
      const grown = new Uint32Array(this.heap.length * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    this.siftUp(this.heapSize++, slot);
  }

  private siftUp(i: number, slot: number): void {
    const { heap, timeOf } = this;
    const t = timeOf[slot];
    while (i > 0) {
      const up = (i - 1) >> 1;
      const upTime = timeOf[heap[up]];
      if (upTime < t || (upTime === t && heap[up] < slot)) break;
      heap[i] = heap[up];
      i = up;
    }
    heap[i] = slot;
  }

  private growDays(day: number): void {
    let length = this.dayHead.length;
    while (length <= day) length *= 2;
    const head = new Int32Array(length).fill(-1);
    head.set(this.dayHead);
    const tail = new Int32Array(length).fill(-1);
    tail.set(this.dayTail);
    this.dayHead = head;
    this.dayTail = tail;
  }

  private growSlots(): void {
    const capacity = this.nodeOf.length * 2;
    const timeOf = new Float64Array(capacity);
    timeOf.set(this.timeOf);
    const nodeOf = new Uint32Array(capacity);
    nodeOf.set(this.nodeOf);
    const parentOf = new Int32Array(capacity);
    parentOf.set(this.parentOf);
    const nextOf = new Int32Array(capacity);
    nextOf.set(this.nextOf);
    this.timeOf = timeOf;
    this.nodeOf = nodeOf;
    this.parentOf = parentOf;
    this.nextOf = nextOf;
  }
}
