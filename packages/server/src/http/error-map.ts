import type { ErrorCode } from '@xinyu/domain';

/**
 * The one place where refusal codes become HTTP statuses: 400 malformed input, 401/403 who you
 * are, 404 unknown subject, 409 conflicts with the current state, 422 refused by a rule.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  CLOCK_WENT_BACKWARDS: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  DUPLICATE_ID: 409,
  ORDER_STATE_INVALID: 409,
  REVIEW_EXISTS: 409,
  FOLLOWUP_EXISTS: 409,
  EXPLANATION_EXISTS: 409,
  REFUND_STATE_INVALID: 409,
  REVIEW_NOT_OPEN: 422,
  REVIEW_WINDOW_CLOSED: 422,
  NOT_THE_REVIEWER: 422,
  REVIEW_NOT_MODIFIABLE: 422,
  MODIFY_WINDOW_CLOSED: 422,
  MODIFY_TARGET_INVALID: 422,
  DSR_NOT_ALLOWED: 422,
  FOLLOWUP_NOT_OPEN: 422,
  FOLLOWUP_WINDOW_CLOSED: 422,
  TEXT_TOO_LONG: 422,
  EXPLANATION_WINDOW_CLOSED: 422,
  COMPLAINT_WINDOW_CLOSED: 422,
  REFUND_NOT_ALLOWED: 422,
  REFUND_AMOUNT_INVALID: 422,
  RETURN_NOT_ELIGIBLE: 422,
  RETURN_WINDOW_CLOSED: 422,
  ESCALATION_NOT_ALLOWED: 422,
};

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export function errorBody(code: ErrorCode, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { code, message, details };
}
