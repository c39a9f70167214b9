/** How long a failed delivery waits before its next attempt. */
export interface BackoffOptions {
  /** Wait after the first failure, milliseconds (default 1,000); each further failure doubles it. */
  readonly backoffBaseMs?: number;
  /** Longest wait between two attempts, milliseconds (default 600,000: ten minutes). */
  readonly backoffCapMs?: number;
}

export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_BACKOFF_CAP_MS = 10 * 60_000;

/** The wait after `failures` consecutive failed attempts (1 → base, 2 → 2 × base, …), at most the cap. */
export function retryDelayMs(failures: number, options: BackoffOptions = {}): number {
  const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const cap = options.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS;
  // 2 ** 60 is already past any cap: clamping the exponent keeps the arithmetic finite.
  return Math.min(cap, base * 2 ** Math.min(Math.max(failures - 1, 0), 60));
}
