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
