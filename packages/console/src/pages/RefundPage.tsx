import { apiGet } from '../api/client.js';
import { useResource } from '../api/use-resource.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { PageStatus } from '../components/PageStatus.js';
import { RefundCard } from '../components/RefundCard.js';
import { useI18n } from '../i18n/i18n.js';

/** One refund for a party to it: the card with its actions, the refusal reason, the evidence. */
export function RefundPage({ refund, by }: { refund: string; by: 'buyer' | 'seller' }) {
  const { t } = useI18n();
  const view = useResource(() => apiGet('/v1/refunds/{refund}', { refund }), [refund]);
  if (!view.data) return <PageStatus loading={view.loading} error={view.error} />;
  const r = view.data;
  return (
    <>
      <h1>{t('refund.title', { refund: r.refund })}</h1>
      <RefundCard refund={r} by={by} href={location.pathname} onChange={view.reload} />
      {r.refusalReason ? (
        <section className="card">
          <h2>{t('refund.refusalReason')}</h2>
          <p className="review-text">{r.refusalReason}</p>
        </section>
      ) : null}
      <section className="card">
        <h2>{t('evidence.title')}</h2>
        <EvidenceList evidence={r.evidence} />
      </section>
    </>
  );
}
