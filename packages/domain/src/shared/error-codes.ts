/**
 * The closed list of refusal codes (spec/replay.md), shared by replay and the HTTP API.
 * Each entry says when it happens; docs/errors.md is checked against this table by a test.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'A field is missing, of the wrong type, out of range or unknown.',
  CLOCK_WENT_BACKWARDS: 'A replayed command is dated before the previous one.',
  NOT_FOUND: 'No such order, line, review, refund, complaint or webhook delivery.',
  DUPLICATE_ID: 'An id is already taken (order, refund, pending complaint).',
  ORDER_STATE_INVALID: 'The order is not in a state that allows this command.',
  REVIEW_NOT_OPEN: 'The order is not `success`, is closed, or the line cannot be reviewed.',
  REVIEW_WINDOW_CLOSED: 'The 15-day review window (F1) has ended.',
  REVIEW_EXISTS: 'This party already rated this line.',
  NOT_THE_REVIEWER: "Only the other party's review exists on this line.",
  REVIEW_NOT_MODIFIABLE: 'The review is good, default, already changed, deleted, or Tmall (F6).',
  MODIFY_WINDOW_CLOSED: 'The 30-day modification window (F6) has ended.',
  MODIFY_TARGET_INVALID: 'A neutral or bad review may only be changed to good (F6).',
  DSR_NOT_ALLOWED: 'Shop ratings are given only by buyers with their main review (E1, E3).',
  FOLLOWUP_NOT_OPEN: 'No active buyer review exists on this line to follow up (F4).',
  FOLLOWUP_WINDOW_CLOSED: 'The 180-day follow-up window (F4) has ended.',
  FOLLOWUP_EXISTS: 'The line already has its one follow-up (F4).',
  TEXT_TOO_LONG: 'The text is longer than the policy allows.',
  EXPLANATION_EXISTS: 'The review or follow-up already has its one explanation (F5).',
  EXPLANATION_WINDOW_CLOSED: 'The 30-day explanation window (F5) has ended.',
  COMPLAINT_WINDOW_CLOSED: 'The 30-day complaint window (F7) has ended.',
  REFUND_NOT_ALLOWED: 'A refund cannot be requested on this line now (H5, H6, order state).',
  REFUND_STATE_INVALID: 'The refund is not in a state that allows this command.',
  REFUND_AMOUNT_INVALID: 'The refund amount is not a positive integer of fen.',
  RETURN_NOT_ELIGIBLE: 'The goods are not eligible for a seven-day no-reason return (K2–K5).',
  RETURN_WINDOW_CLOSED: 'The seven-day return window (K1) has ended.',
  ESCALATION_NOT_ALLOWED: 'Platform intervention cannot be requested now (I1, H4).',
  UNAUTHORIZED: 'HTTP only: the API key or token is missing or unknown.',
  FORBIDDEN: 'HTTP only: the credentials are valid but may not act on this resource.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
