import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';
import { ActionKey } from '../api/idempotency.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorNote } from './ErrorNote.js';

export interface ActionFormProps<B> {
  /** The request body as the fields now stand; `null` while they do not make one (nothing sent). */
  readonly body: B | null;
  readonly send: (body: B, idempotencyKey: string) => Promise<unknown>;
  readonly submitLabel: string;
  /** Called after the server accepted the action. */
  readonly onDone: () => void;
  readonly onCancel?: () => void;
  readonly danger?: boolean;
  readonly children?: ReactNode;
}

/**
 * The form of one user action: sends its body with one Idempotency-Key (kept for a retry of the
 * same body), shows a refusal by its code, and reports success. It checks nothing the server checks.
 */
export function ActionForm<B>({ body, send, submitLabel, onDone, onCancel, danger, children }: ActionFormProps<B>) {
  const { t } = useI18n();
  const keys = useRef(new ActionKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || body === null) return;
    setBusy(true);
    setError(null);
    try {
      await send(body, keys.current.for(body));
      keys.current.done();
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught), 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="action-form" onSubmit={submit} aria-busy={busy}>
      {children}
      <ErrorNote error={error} />
      <div className="form-buttons">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || body === null}>
          {busy ? t('common.sending') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={() => onCancel()}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
