import type { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorNote } from './ErrorNote.js';

/** Loading, a refusal, or "nothing here" for a list or a read. */
export function PageStatus({
  loading,
  error,
  empty,
}: {
  loading: boolean;
  error?: ApiError | undefined;
  empty?: boolean;
}) {
  const { t } = useI18n();
  if (error) return <ErrorNote error={error} />;
  if (loading)
    return (
      <p className="muted" aria-live="polite">
        {t('common.loading')}
      </p>
    );
  if (empty) return <p className="muted">{t('common.empty')}</p>;
  return null;
}

/** "Load more" under a paginated list, when the server has more. */
export function MoreButton({ more, loading, onMore }: { more: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useI18n();
  if (!more) return null;
  return (
    <button type="button" className="more" onClick={onMore} disabled={loading}>
      {loading ? t('common.loading') : t('common.more')}
    </button>
  );
}
