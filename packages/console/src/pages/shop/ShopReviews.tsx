import { useState } from 'react';
import { apiGet } from '../../api/client.js';
import { usePages } from '../../api/use-pages.js';
import type { ListedReview } from '../../api/views.js';
import { ButtonGroup } from '../../components/ButtonGroup.js';
import { MoreButton, PageStatus } from '../../components/PageStatus.js';
import { ReviewBody } from '../../components/ReviewBody.js';
import { useI18n } from '../../i18n/i18n.js';

const FILTERS = ['', 'good', 'neutral', 'bad'] as const;
type Filter = (typeof FILTERS)[number];

function useReviews(seller: string, rating: Filter, folded: boolean) {
  return usePages<ListedReview>(
    async (cursor) => {
      const page = await apiGet(
        '/v1/sellers/{seller}/reviews',
        { seller },
        { rating: rating || undefined, folded: folded ? 'true' : 'false', limit: '10', cursor },
      );
      return { items: page.reviews, nextCursor: page.nextCursor };
    },
    [seller, rating, folded],
  );
}

function ReviewItems({ pages }: { pages: ReturnType<typeof useReviews> }) {
  const { t } = useI18n();
  return (
    <>
      <ol className="review-list">
        {pages.items.map((r) => (
          <li key={r.review}>
            <ReviewBody review={r} who={r.anonymous ? t('review.anonymousBuyer') : r.buyer} item={r.title ?? r.item} />
          </li>
        ))}
      </ol>
      <PageStatus loading={pages.loading} error={pages.error} empty={!pages.loading && pages.items.length === 0} />
      <MoreButton more={pages.more} loading={pages.loading} onMore={pages.loadMore} />
    </>
  );
}

/** A shop's reviews, newest first, filtered by rating; folded ones (F7) only behind a click. */
export function ShopReviews({ seller }: { seller: string }) {
  const { t, code } = useI18n();
  const [rating, setRating] = useState<Filter>('');
  const [showFolded, setShowFolded] = useState(false);
  const shown = useReviews(seller, rating, false);
  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('shop.reviews')}</h2>
      <ButtonGroup className="filters" label={t('shop.filter')}>
        {FILTERS.map((f) => (
          <button key={f || 'all'} type="button" aria-pressed={rating === f} onClick={() => setRating(f)}>
            {f ? code('rating', f) : t('shop.all')}
          </button>
        ))}
      </ButtonGroup>
      <ReviewItems pages={shown} />
      <div className="folded-box">
        <button type="button" aria-expanded={showFolded} onClick={() => setShowFolded((v) => !v)}>
          {showFolded ? t('shop.hideFolded') : t('shop.showFolded')}
        </button>
        {showFolded ? <FoldedReviews seller={seller} rating={rating} /> : null}
      </div>
    </section>
  );
}

function FoldedReviews({ seller, rating }: { seller: string; rating: Filter }) {
  const { t } = useI18n();
  const folded = useReviews(seller, rating, true);
  return (
    <div className="folded-list">
      <p className="muted small">{t('shop.foldedExplain')}</p>
      <ReviewItems pages={folded} />
    </div>
  );
}
