import { performance } from 'node:perf_hooks';

/** Runs `work` and returns how long it took, in milliseconds, with its value. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Rounds for display and JSON: 3 significant digits, at most 3 decimals. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const digits = Math.max(0, Math.min(3, 2 - Math.floor(Math.log10(Math.abs(n) || 1))));
  return Number(n.toFixed(digits));
}

export const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);

/**
 * Samples the process's memory every `everyMs` while work runs: the peak resident set (what the
 * machine gives the process, PGlite's memory included when it is embedded) and the peak JS heap
 * in use, both in MB, and the heap in use when sampling started.
 */
export class MemoryPeak {
  private peakRss = 0;
  private peakHeap = 0;
  private readonly startHeap: number;
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 10) {
    this.startHeap = process.memoryUsage().heapUsed;
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private sample(): void {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
  }

  stop(): { peakRssMb: number; peakHeapMb: number; startHeapMb: number } {
    this.sample();
    clearInterval(this.timer);
    const mb = (bytes: number) => round(bytes / 1_048_576);
    return { peakRssMb: mb(this.peakRss), peakHeapMb: mb(this.peakHeap), startHeapMb: mb(this.startHeap) };
  }
}
