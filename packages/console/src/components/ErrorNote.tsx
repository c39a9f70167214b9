import type { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';

/** A refusal shown by its code, worded in the console's language (the code itself beside it). */
export function ErrorNote({ error }: { error: ApiError | undefined | null }) {
  const { code } = useI18n();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {code('error', error.code)} <code>{error.code}</code>
    </p>
  );
}
