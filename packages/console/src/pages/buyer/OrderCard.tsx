import type { OrderLine, OrderView } from '../../api/views.js';
import { Link } from '../../app/router.js';
import { ActionButtons } from '../../components/ActionButtons.js';
import { ReviewBody } from '../../components/ReviewBody.js';
import { orderForms, requestRefundForm } from '../../components/refund-forms.js';
import { reviewForms } from '../../components/review-forms.js';
import { Instant, TimeLeft } from '../../components/TimeLeft.js';
import { formatFen } from '../../format/money.js';
import { useI18n } from '../../i18n/i18n.js';

/** One of the buyer's orders: its lines, reviews both ways, refunds, and what the buyer may do now. */
export function OrderCard({ order, onChange }: { order: OrderView; onChange: () => void }) {
  const { t, code } = useI18n();
  return (
    <article className="card order" aria-labelledby={`order-${order.order}`} data-order={order.order}>
      <header className="order-head">
        <h3 id={`order-${order.order}`}>
          <Link to={`/shops/${encodeURIComponent(order.seller)}`}>{order.shopName ?? order.seller}</Link>
          <span className="muted small"> {t('order.number', { order: order.order })}</span>
        </h3>
        <span className={`status status-${order.status}`}>{code('orderStatus', order.status)}</span>
      </header>
      <p className="muted small">
        {t('order.placedAt')} <Instant at={order.createdAt} /> · {t('order.total')} {formatFen(order.total)}
        {order.status === 'shipped' && order.autoConfirmAt ? (
          <>
            {' '}
            · {t('order.autoConfirm')} <TimeLeft until={order.autoConfirmAt} />
          </>
        ) : null}
      </p>
      <ActionButtons actions={order.actions} forms={orderForms(order.order, onChange, t, code)} onExpire={onChange} />
      <ul className="lines">
        {order.lines.map((line) => (
          <li key={line.line}>
            <LineBlock order={order} line={line} onChange={onChange} />
          </li>
        ))}
      </ul>
    </article>
  );
}

function LineBlock({ order, line, onChange }: { order: OrderView; line: OrderLine; onChange: () => void }) {
  const { t, code } = useI18n();
  const ref = { order: order.order, line: line.line };
  const forms = {
    ...reviewForms(ref, 'buyer', onChange, t),
    request_refund: requestRefundForm(order.order, line.line, onChange),
  };
  const mine = line.reviews.buyer;
  const theirs = line.reviews.seller;
  return (
    <div className="line" data-line={line.line}>
      <div className="line-head">
        <strong>{line.title ?? line.item}</strong>
        <span className="muted small">
          {formatFen(line.price)} × {line.qty} = {formatFen(line.amount)}
        </span>
      </div>
      {mine ? (
        <ReviewBody review={mine} by="buyer" who={t('order.myReview')} extra={<ComplaintNote review={mine} />} />
      ) : null}
      {theirs ? <ReviewBody review={theirs} by="seller" who={t('order.sellerReview')} /> : null}
      {line.refunds.length ? (
        <ul className="line-refunds">
          {line.refunds.map((r) => (
            <li key={r.refund}>
              <Link to={`/buyer/refunds/${encodeURIComponent(r.refund)}`}>{code('refundKind', r.kind)}</Link>{' '}
              <span className={`status status-${r.status}`}>{code('refundStatus', r.status)}</span>{' '}
              {formatFen(r.requested)}
              {r.deadlineAt ? (
                <>
                  {' '}
                  · <TimeLeft until={r.deadlineAt} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ActionButtons
        actions={line.actions}
        forms={forms}
        label={t('order.lineLabel', { title: line.title ?? line.item })}
        subject={line.title ?? line.item}
        onExpire={onChange}
      />
    </div>
  );
}

function ComplaintNote({ review }: { review: { complaint: { status: string } | null } }) {
  const { code } = useI18n();
  if (!review.complaint) return null;
  return <p className="muted small">{code('complaintStatus', review.complaint.status)}</p>;
}
