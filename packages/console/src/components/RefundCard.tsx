import type { RefundSummary } from '../api/views.js';
import { Link } from '../app/router.js';
import { formatFen } from '../format/money.js';
import { useI18n } from '../i18n/i18n.js';
import { ActionButtons } from './ActionButtons.js';
import { refundForms } from './refund-forms.js';
import { Instant, TimeLeft } from './TimeLeft.js';

/** A refund with its status, whose move it is, the deadline counting down, and the allowed actions. */
export function RefundCard({
  refund,
  by,
  href,
  onChange,
}: {
  refund: RefundSummary;
  by: 'buyer' | 'seller';
  href: string;
  onChange: () => void;
}) {
  const { t, code } = useI18n();
  return (
    <article className="card refund" data-refund={refund.refund} aria-labelledby={`refund-${refund.refund}`}>
      <header className="order-head">
        <h3 id={`refund-${refund.refund}`}>
          <Link to={href}>{refund.title ?? refund.item}</Link>
        </h3>
        <span className={`status status-${refund.status}`}>{code('refundStatus', refund.status)}</span>
      </header>
      <p className="small">
        {code('refundKind', refund.kind)} · {code('refundReason', refund.reason)} · {t('refund.requested')}{' '}
        {formatFen(refund.requested)}
        {refund.refunded ? ` · ${t('refund.refunded')} ${formatFen(refund.refunded)}` : ''}
      </p>
      <p className="muted small">
        {t('order.number', { order: refund.order })} · {t('refund.requestedAt')} <Instant at={refund.requestedAt} />
      </p>
      {refund.deadlineAt ? (
        <p className="deadline">
          {refund.awaiting ? `${code('awaiting', refund.awaiting)}: ` : ''}
          <TimeLeft until={refund.deadlineAt} />
        </p>
      ) : refund.awaiting ? (
        <p className="deadline">{code('awaiting', refund.awaiting)}</p>
      ) : null}
      <ActionButtons
        actions={refund.actions}
        forms={refundForms(refund, by, onChange, t, code)}
        subject={refund.title ?? refund.item}
        onExpire={onChange}
      />
    </article>
  );
}
