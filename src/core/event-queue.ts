/**
 * The queue of pending activations, keyed by time: a calendar queue (Brown
 * 1988). Cascades only ever schedule at or after the time they are at, so
 * time is cut into days of a fixed width: an entry for a later day is
 * appended to that day's list in O(1). When a day comes, its few entries are
 * sorted once (insertion sort over a couple of dozen is cheaper than a heap's
 * unpredictable branches) and popped in order; an entry scheduled into the
 * current day after it opened, rare with delays longer than a day, goes to a
 * small heap beside it, as do all of a day too crowded to sort this way.
 * Pops come in the total order (time, insertion), exactly as from one heap,
 * so every seeded result is the same whatever the day width.
 *
 * Entries live in typed arrays reused across Monte Carlo runs; days hold
 * linked lists of insertion numbers.
 */
/** Days beyond this one share it (its heap sorts them): bounds the day arrays whatever the times. */
const LAST_DAY = 1 << 16;
/** A day with more entries than this goes to the heap: insertion sort is quadratic. */
const SORT_LIMIT = 48;

export class EventQueue {
  /**
   * A day width for delays around `typicalDelay` seconds, up to `horizon`: a small fraction of the delay
   * keeps each day to a few entries, and never so small that the horizon runs past the calendar's last day.
   */
  static dayWidthFor(typicalDelay: number, horizon: number): number {
    const fromDelay = typicalDelay / 128;
    return Number.isFinite(horizon) ? Math.max(fromDelay, horizon / LAST_DAY) : fromDelay;
  }
  /** Per insertion number: time, node, parent, and the next entry of the same day. */
  private timeOf: Float64Array;
  private nodeOf: Uint32Array;
  private parentOf: Int32Array;
  private nextOf: Int32Array;
  private counter = 0;
  /** The current day's entries in (time, insertion) order, their times beside them; `runPos` is the next. */
  private run: Uint32Array;
  private runTime: Float64Array;
  private runPos = 0;
  private runLength = 0;
  /** Entries of the current day not in the run: insertion numbers in a heap ordered by (time, insertion). */
  private heap: Uint32Array;
  private heapSize = 0;
  /** Per day: first and last entry of its list (-1: empty). Days up to `lastDay` are in use. */
  private dayHead: Int32Array;
  private dayTail: Int32Array;
  private lastDay = -1;
  /** The day whose entries are in the run and the heap (-1 before the first pop). */
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
    this.run = new Uint32Array(SORT_LIMIT);
    this.runTime = new Float64Array(SORT_LIMIT);
    this.heap = new Uint32Array(256);
    this.dayHead = new Int32Array(1024).fill(-1);
    this.dayTail = new Int32Array(1024).fill(-1);
  }

  /**
   * Empties the queue. `dayWidth` (seconds) only sets the speed, never the order: a few times
   * shorter than a typical delay keeps each day small without many empty days to skip.
   */
  clear(dayWidth = 300): void {
    this.size = 0;
    this.counter = 0;
    this.heapSize = 0;
    this.runPos = 0;
    this.runLength = 0;
    if (this.lastDay >= 0) {
      this.dayHead.fill(-1, 0, this.lastDay + 1);
      this.dayTail.fill(-1, 0, this.lastDay + 1);
    }
    this.lastDay = -1;
    this.today = -1;
    this.lastTaken = 0;
    // A subnormal width would make 1 / width infinite and day numbers NaN.
    const perSecond = 1 / dayWidth;
    this.perSecond = perSecond > 0 && Number.isFinite(perSecond) ? perSecond : 1 / 300;
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
    const slot = this.front();
    this.lastTaken = this.timeOf[slot];
    this.size--;
    if (this.runPos < this.runLength && this.run[this.runPos] === slot) {
      this.runPos++;
      return;
    }
    this.heapPopTop();
  }

  /** The insertion number of the earliest entry, opening the next non-empty day when today is done. */
  private front(): number {
    if (this.size === 0) throw new RangeError("event-queue: the queue is empty.");
    const pos = this.runPos;
    if (pos < this.runLength) {
      if (this.heapSize === 0) return this.run[pos];
      const fromRun = this.run[pos];
      const fromHeap = this.heap[0];
      const runTime = this.runTime[pos];
      const heapTime = this.timeOf[fromHeap];
      return runTime < heapTime || (runTime === heapTime && fromRun < fromHeap) ? fromRun : fromHeap;
    }
    if (this.heapSize > 0) return this.heap[0];
    this.openNextDay();
    return this.runPos < this.runLength ? this.run[this.runPos] : this.heap[0];
  }

  /** Moves the next non-empty day's list into the run, sorted, or into the heap when it is crowded. */
  private openNextDay(): void {
    let day = this.today + 1;
    while (this.dayHead[day] === -1) day++;
    this.today = day;
    const { nextOf, timeOf } = this;
    let count = 0;
    for (let slot = this.dayHead[day]; slot !== -1 && count <= SORT_LIMIT; slot = nextOf[slot]) count++;
    if (count > SORT_LIMIT) {
      for (let slot = this.dayHead[day]; slot !== -1; slot = nextOf[slot]) this.heapPush(slot);
      this.runPos = 0;
      this.runLength = 0;
    } else {
      // The list is in insertion order, so moving only past strictly later times keeps ties in it.
      const { run, runTime } = this;
      let length = 0;
      for (let slot = this.dayHead[day]; slot !== -1; slot = nextOf[slot]) {
        const time = timeOf[slot];
        let k = length++;
        while (k > 0 && runTime[k - 1] > time) {
          run[k] = run[k - 1];
          runTime[k] = runTime[k - 1];
          k--;
        }
        run[k] = slot;
        runTime[k] = time;
      }
      this.runPos = 0;
      this.runLength = length;
    }
    this.dayHead[day] = -1;
    this.dayTail[day] = -1;
  }

  /** Removes the heap's top. */
  private heapPopTop(): void {
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
