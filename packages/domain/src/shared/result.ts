import type { ErrorCode } from './error-codes.js';

/** An expected refusal: a value with a code from the closed list, never an exception. */
export interface Refusal {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Success carrying a value. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = Success<T> | Refusal;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): Refusal {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}
