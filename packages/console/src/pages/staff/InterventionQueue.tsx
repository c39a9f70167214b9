import { apiGet } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { Link } from '../../app/router.js';
import { PageStatus } from '../../components/PageStatus.js';
import { Instant, TimeLeft } from '../../components/TimeLeft.js';
import { formatFen } from '../../format/money.js';
import { useI18n } from '../../i18n/i18n.js';
import { StaffTabs } from './StaffTabs.js';

/** Open interventions in the order the server gives: the nearest ruling SLA first (I3). */
export function InterventionQueue() {
  const { t, code } = useI18n();
  const queue = useResource(() => apiGet('/v1/interventions', undefined, { limit: '100' }), []);
  const cases = queue.data?.cases ?? [];
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <StaffTabs />
      <p className="muted">{t('staff.queueIntro')}</p>
      <ol className="queue">
        {cases.map((c) => (
          <li key={c.refund} className={`card case${c.overdue ? ' overdue' : ''}`} data-refund={c.refund}>
            <h3>
              <Link to={`/staff/cases/${encodeURIComponent(c.refund)}`}>{c.refund}</Link>
              {c.overdue ? <span className="pill danger-pill">{t('staff.overdue')}</span> : null}
            </h3>
            <p className="small">
              {[
                c.title,
                c.kind && code('refundKind', c.kind),
                c.reason && code('refundReason', c.reason),
                formatFen(c.requested),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className="muted small">
              {t('order.number', { order: c.order })} · {t('staff.seller')} {c.seller} · {t('staff.buyer')} {c.buyer} ·{' '}
              {t('staff.escalatedAt')} <Instant at={c.escalatedAt} />
            </p>
            <p className="deadline">
              {c.evidenceOpenUntil ? (
                <>
                  {t('staff.evidenceOpen')} <TimeLeft until={c.evidenceOpenUntil} /> ·{' '}
                </>
              ) : null}
              {t('staff.rulingDue')} <Instant at={c.rulingDueFrom} /> – <Instant at={c.rulingDueBy} />{' '}
              <TimeLeft until={c.rulingDueBy} />
            </p>
          </li>
        ))}
      </ol>
      <PageStatus loading={queue.loading} error={queue.error} empty={!queue.loading && cases.length === 0} />
    </>
  );
}
