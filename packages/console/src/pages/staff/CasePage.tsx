import { apiGet } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import type { TimelineEvent } from '../../api/views.js';
import { Link } from '../../app/router.js';
import { ActionButtons } from '../../components/ActionButtons.js';
import { EvidenceList } from '../../components/EvidenceList.js';
import { PageStatus } from '../../components/PageStatus.js';
import { refundForms } from '../../components/refund-forms.js';
import { Instant, TimeLeft } from '../../components/TimeLeft.js';
import { formatFen } from '../../format/money.js';
import { useI18n } from '../../i18n/i18n.js';
import { StaffTabs } from './StaffTabs.js';

/** A case: the refund, the whole timeline of its order (order, shipment, review, refund, evidence) and the ruling. */
export function CasePage({ refund }: { refund: string }) {
  const { t, code } = useI18n();
  const file = useResource(() => apiGet('/v1/refunds/{refund}/case', { refund }), [refund]);
  if (!file.data) return <PageStatus loading={file.loading} error={file.error} />;
  const { refund: r, order, timeline } = file.data;
  const line = order.lines.find((l) => l.line === r.line);
  return (
    <>
      <h1>{t('case.title', { refund: r.refund })}</h1>
      <StaffTabs />
      <section className="card" aria-labelledby="case-summary">
        <h2 id="case-summary">{r.title ?? line?.title ?? r.item}</h2>
        <dl className="facts">
          <Fact label={t('case.status')} value={code('refundStatus', r.status)} />
          <Fact label={t('refund.kind')} value={code('refundKind', r.kind)} />
          <Fact label={t('refund.reason')} value={code('refundReason', r.reason)} />
          <Fact label={t('refund.requested')} value={formatFen(r.requested)} />
          <Fact label={t('case.maximum')} value={formatFen(r.maximum)} />
          <Fact
            label={t('staff.seller')}
            value={<Link to={`/shops/${encodeURIComponent(r.seller)}`}>{order.shopName ?? r.seller}</Link>}
          />
          <Fact label={t('staff.buyer')} value={r.buyer} />
          <Fact
            label={t('staff.rulingDue')}
            value={
              <>
                <Instant at={r.rulingDueFrom} /> – <Instant at={r.rulingDueBy} /> <TimeLeft until={r.rulingDueBy} />
              </>
            }
          />
        </dl>
        {r.refusalReason ? (
          <p>
            <strong>{t('refund.refusalReason')}</strong> <span className="review-text">{r.refusalReason}</span>
          </p>
        ) : null}
        <ActionButtons actions={r.actions} forms={refundForms(r, null, file.reload, t, code)} onExpire={file.reload} />
      </section>
      <section className="card">
        <h2>{t('evidence.title')}</h2>
        <EvidenceList evidence={r.evidence} />
      </section>
      <section className="card">
        <h2>{t('case.timeline')}</h2>
        <ol className="timeline">
          {timeline.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only, oldest first
            <TimelineItem key={`${e.at}-${e.type}-${i}`} event={e} />
          ))}
        </ol>
      </section>
    </>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * Fields of an event worth a glance, each worded by the family of values it holds (a free text,
 * such as a refusal reason, is shown as written; never as markup).
 */
const SHOWN: ReadonlyArray<[field: string, family: string | null]> = [
  ['rating', 'rating'],
  ['kind', 'refundKind'],
  ['reason', 'refundReason'],
  ['method', 'shipMethod'],
  ['responsible', 'responsible'],
  ['by', 'party'],
  ['amount', null],
  ['text', null],
];

function TimelineItem({ event }: { event: TimelineEvent }) {
  const { code } = useI18n();
  // The payload of an event is not described field by field in the API: read what is there.
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  const details = SHOWN.filter(([k]) => data[k] !== undefined && data[k] !== null).map(([k, family]) => {
    const v = data[k];
    if (k === 'amount' && typeof v === 'number') return formatFen(v);
    if (typeof v !== 'string') return JSON.stringify(v);
    return family ? code(family, v) : v;
  });
  return (
    <li className={`timeline-item aggregate-${event.aggregate}`}>
      <span className="muted small">
        <Instant at={event.at} />
      </span>{' '}
      <strong>{code('event', event.type)}</strong> <span className="muted small">{event.aggregateId}</span>
      {details.length ? <p className="small review-text">{details.join(' · ')}</p> : null}
    </li>
  );
}
