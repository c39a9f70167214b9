import type { Instant } from '@xinyu/domain';

/** Something a party of the demo marketplace does at an instant. */
export interface Step {
  readonly at: Instant;
  readonly seq: number;
  readonly run: () => Promise<unknown>;
}

/**
 * The steps still to come, earliest first; steps at the same instant run in the order they were
 * scheduled (`seq`), so a build is deterministic. A binary min-heap.
 */
export class StepQueue {
  private readonly heap: Step[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Instant, run: () => Promise<unknown>): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** The earliest step, removed from the queue; `undefined` when none is left. */
  pop(): Step | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return top;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}

function before(a: Step, b: Step): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
