import { apiGet } from '../../api/client.js';
import { usePages } from '../../api/use-pages.js';
import type { WorkbenchReview } from '../../api/views.js';
import { ActionButtons } from '../../components/ActionButtons.js';
import { MoreButton, PageStatus } from '../../components/PageStatus.js';
import { ReviewBody } from '../../components/ReviewBody.js';
import { reviewForms } from '../../components/review-forms.js';
import { TimeLeft } from '../../components/TimeLeft.js';
import { useI18n } from '../../i18n/i18n.js';
import { SellerTabs } from './SellerTabs.js';

/** New neutral and bad reviews first, each with the buyer's modification window and the seller's actions. */
export function WorkbenchReviews({ seller }: { seller: string }) {
  const { t } = useI18n();
  const reviews = usePages<WorkbenchReview>(
    async (cursor) => {
      const page = await apiGet('/v1/sellers/{seller}/workbench/reviews', { seller }, { limit: '20', cursor });
      return { items: page.reviews, nextCursor: page.nextCursor };
    },
    [seller],
  );
  return (
    <>
      <h1>{t('seller.title')}</h1>
      <SellerTabs />
      <p className="muted">{t('seller.reviewsIntro')}</p>
      <ol className="review-list cards">
        {reviews.items.map((r) => (
          <li key={r.review} data-review={r.review} className="card">
            <WorkbenchItem review={r} onChange={reviews.reload} />
          </li>
        ))}
      </ol>
      <PageStatus
        loading={reviews.loading}
        error={reviews.error}
        empty={!reviews.loading && reviews.items.length === 0}
      />
      <MoreButton more={reviews.more} loading={reviews.loading} onMore={reviews.loadMore} />
    </>
  );
}

function WorkbenchItem({ review, onChange }: { review: WorkbenchReview; onChange: () => void }) {
  const { t, code } = useI18n();
  const forms = reviewForms({ order: review.order, line: review.line }, 'seller', onChange, t);
  return (
    <ReviewBody
      review={review}
      who={review.anonymous ? t('review.anonymousBuyer') : review.buyer}
      item={review.title ?? review.item}
      extra={
        <>
          <p className="deadline meta">
            <span className="muted">{t('order.number', { order: review.order })}</span>
            {review.modifiableUntil ? (
              <span>
                {t('seller.modifiable')} <TimeLeft until={review.modifiableUntil} />
              </span>
            ) : null}
            {review.complaint ? (
              <span>
                {t('seller.complaint')}: {code('complaintStatus', review.complaint.status)}
              </span>
            ) : null}
          </p>
          <ActionButtons
            actions={review.actions}
            forms={forms}
            label={t('order.number', { order: review.order })}
            subject={review.title ?? review.item}
            onExpire={onChange}
          />
        </>
      }
    />
  );
}
