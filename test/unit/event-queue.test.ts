import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/core/event-queue.ts";
import { createRng } from "../../src/core/random.ts";

describe("EventQueue", () => {
  it("pops by time, ties in insertion order, across growth and reuse", () => {
    const queue = new EventQueue(4);
    const rng = createRng("queue");
    for (let round = 0; round < 3; round++) {
      queue.clear();
      const pushed: Array<[number, number, number]> = [];
      for (let i = 0; i < 500; i++) {
        // Coarse times so that many tie.
        const time = rng.int(50);
        pushed.push([time, i, i - 1]);
        queue.push(time, i, i - 1);
        if (i % 7 === 6) {
          // Interleave pops with pushes, as a cascade does.
          const earliest = pushed.reduce((a, b) => (b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a));
          expect([queue.peekTime(), queue.topNode(), queue.topParent()]).toEqual(earliest);
          pushed.splice(pushed.indexOf(earliest), 1);
          queue.pop();
        }
      }
      pushed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const popped: Array<[number, number, number]> = [];
      while (queue.size > 0) {
        popped.push([queue.peekTime(), queue.topNode(), queue.topParent()]);
        queue.pop();
      }
      expect(popped).toEqual(pushed);
      expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    }
  });
});
