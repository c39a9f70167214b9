import autocannon from 'autocannon';
import { round } from './measure.js';

/** One request of a load run. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** What a load run measured: completed requests per second and latency in milliseconds. */
export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly latencyMeanMs: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
}

/**
 * Sends `amount` requests over `connections` keep-alive connections (autocannon, in this
 * process), each taken from `next`; fails when any answer is not 2xx, so a figure never counts
 * refusals as throughput.
 */
export async function runLoad(
  origin: string,
  connections: number,
  amount: number,
  next: () => LoadRequest,
): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections,
    amount,
    timeout: 30,
    // autocannon reports only on its sampling tick (1 s by default), which would round every run's
    // duration up to a whole second: sample often so the duration is the run's own.
    sampleInt: 20,
    requests: [
      {
        setupRequest: (request) => {
          const r = next();
          return {
            ...request,
            method: r.method,
            path: r.path,
            headers: { ...request.headers, ...r.headers },
            body: r.body ?? '',
          };
        },
      },
    ],
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `load on ${origin}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  const completed = result['2xx'];
  return {
    requests: completed,
    seconds: round(result.duration),
    perSecond: round(completed / result.duration),
    latencyMeanMs: round(result.latency.mean),
    latencyP50Ms: round(result.latency.p50),
    latencyP99Ms: round(result.latency.p99),
  };
}

/** Rounds the two sides of a figure alternate in, so that load from elsewhere on the machine hits both alike. */
export const ROUNDS = 5;

/**
 * Runs `amount` requests of each side in ROUNDS alternating rounds (raw, ours, raw, ours, …) and
 * sums them: requests per second over all rounds, mean latency over all requests, p50 and p99 the
 * median of the rounds' own.
 */
export async function runAlternating(
  origin: string,
  connections: number,
  amount: number,
  sides: { raw: () => LoadRequest; ours: () => LoadRequest },
): Promise<{ raw: LoadResult; ours: LoadResult }> {
  const rounds = Math.max(1, Math.min(ROUNDS, Math.floor(amount / connections)));
  const per = Math.ceil(amount / rounds);
  const results = { raw: [] as LoadResult[], ours: [] as LoadResult[] };
  for (let r = 0; r < rounds; r += 1) {
    results.raw.push(await runLoad(origin, connections, per, sides.raw));
    results.ours.push(await runLoad(origin, connections, per, sides.ours));
  }
  return { raw: combine(results.raw), ours: combine(results.ours) };
}

function combine(runs: readonly LoadResult[]): LoadResult {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  return {
    requests,
    seconds: round(seconds),
    perSecond: round(requests / seconds),
    latencyMeanMs: round(runs.reduce((n, r) => n + r.latencyMeanMs * r.requests, 0) / requests),
    latencyP50Ms: median(runs.map((r) => r.latencyP50Ms)),
    latencyP99Ms: median(runs.map((r) => r.latencyP99Ms)),
  };
}
