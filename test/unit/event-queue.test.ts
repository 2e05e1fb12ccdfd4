import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/core/event-queue.ts";
import { createRng } from "../../src/core/random.ts";

type Entry = [time: number, node: number, parent: number];

/** The earliest of the pending entries by (time, insertion): the order the queue must pop in. */
function earliest(pending: Entry[]): Entry {
  return pending.reduce((a, b) => (b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a));
}

describe("EventQueue", () => {
  it("pops by time, ties in insertion order, across growth, reuse and any day width", () => {
    const queue = new EventQueue(4);
    const rng = createRng("queue");
    // The day width only sets the speed: tiny days, the default, and one day holding everything.
    for (const dayWidth of [0.5, 300, 1e12]) {
      queue.clear(dayWidth);
      const pending: Entry[] = [];
      let now = 0;
      for (let i = 0; i < 2000; i++) {
        // As in a cascade: never before now. Coarse delays so that many tie; some fine, some huge.
        const kind = rng.int(4);
        const delay =
          kind === 0 ? rng.int(3) : kind === 1 ? rng.int(50) : kind === 2 ? rng.next() : rng.next() * 1e7;
        const time = now + delay;
        pending.push([time, i, i - 1]);
        queue.push(time, i, i - 1);
        if (rng.next() < 0.45) {
          const first = earliest(pending);
          expect([queue.peekTime(), queue.topNode(), queue.topParent()]).toEqual(first);
          pending.splice(pending.indexOf(first), 1);
          queue.pop();
          now = first[0];
        }
      }
      expect(queue.size).toBe(pending.length);
      pending.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const popped: Entry[] = [];
      while (queue.size > 0) {
        popped.push([queue.peekTime(), queue.topNode(), queue.topParent()]);
        queue.pop();
      }
      expect(popped).toEqual(pending);
      expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it("takes time 0 and -0 alike, and equal times in insertion order", () => {
    const queue = new EventQueue();
    queue.push(0, 1, -1);
    queue.push(-0, 2, -1);
    queue.push(0, 3, -1);
    const nodes: number[] = [];
    while (queue.size > 0) {
      nodes.push(queue.topNode());
      queue.pop();
    }
    expect(nodes).toEqual([1, 2, 3]);
  });

  it("keeps an entry pushed after a peek for a day before the one the peek opened", () => {
    const queue = new EventQueue();
    queue.clear(100);
    queue.push(250, 1, -1);
    expect(queue.peekTime()).toBe(250); // opens day 2
    queue.push(150, 2, -1); // day 1, still after the last time taken out (none yet)
    const nodes: number[] = [];
    while (queue.size > 0) {
      nodes.push(queue.topNode());
      queue.pop();
    }
    expect(nodes).toEqual([2, 1]);
  });

  it("refuses a time before the last one taken out, and NaN", () => {
    const queue = new EventQueue();
    queue.push(10, 0, -1);
    queue.push(20, 1, 0);
    expect(queue.peekTime()).toBe(10);
    queue.pop();
    expect(() => queue.push(9.5, 2, 0)).toThrow(/before the last time/);
    expect(() => queue.push(Number.NaN, 2, 0)).toThrow(RangeError);
    queue.push(10, 3, 0);
    expect(queue.topNode()).toBe(3);
  });

  it("keeps every entry whatever the day width, even a subnormal one, and refuses to read an empty queue", () => {
    const queue = new EventQueue();
    for (const dayWidth of [5e-324, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      queue.clear(dayWidth);
      queue.push(0, 7, -1);
      queue.push(1, 8, 7);
      const nodes: number[] = [];
      while (queue.size > 0) {
        nodes.push(queue.topNode());
        queue.pop();
      }
      expect(nodes).toEqual([7, 8]);
    }
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(() => queue.topNode()).toThrow(/empty/);
  });
});
