import type { AllowedAction, Instant } from '@xinyu/domain';

/** An instant as the API shows it: ISO 8601 in UTC, or null. */
export const iso = (t: Instant | null | undefined): string | null => (t == null ? null : new Date(t).toISOString());

/** An allowed action as the API shows it: its `until` in ISO 8601, any extra fields as they are. */
export function actionView<A extends AllowedAction>(action: A) {
  return { ...action, until: iso(action.until) };
}
