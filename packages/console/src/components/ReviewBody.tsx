import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { StarScore } from './Stars.js';
import { Instant } from './TimeLeft.js';

type Said = { text: string; at: string } | null | undefined;

/** What a review shows, whichever read it came from (listing, workbench, order). */
export interface ReviewContent {
  readonly visible: boolean;
  readonly rating?: string | null;
  readonly text?: string | null;
  readonly isDefault: boolean;
  readonly state: string;
  readonly givenAt: string | null;
  readonly anonymous: boolean;
  readonly dsr?: { description: number; service: number; logistics: number } | null;
  readonly followup?: Said;
  readonly explanation?: Said;
  readonly followupExplanation?: Said;
  readonly folded: boolean;
}

/** The rating as a coloured tag: 好评 / 中评 / 差评. */
export function RatingTag({ rating }: { rating: string | null | undefined }) {
  const { code } = useI18n();
  if (!rating) return null;
  return <span className={`rating-tag rating-${rating}`}>{code('rating', rating)}</span>;
}

/**
 * A review as text (React escapes it: Chinese, emoji and markup in a buyer's words are shown as
 * written), with its shop ratings, follow-up and the seller's explanations.
 */
export function ReviewBody({
  review,
  who,
  extra,
  by,
  item,
}: {
  review: ReviewContent;
  who?: ReactNode;
  extra?: ReactNode;
  /** The item reviewed, when the page lists reviews of many items. */
  item?: string | null | undefined;
  /** Which party gave it, when the page shows both sides of a line. */
  by?: 'buyer' | 'seller';
}) {
  const { t, code } = useI18n();
  return (
    <article className={`review${review.folded ? ' folded' : ''}`} data-by={by}>
      <header className="review-head">
        {review.visible ? (
          <RatingTag rating={review.rating} />
        ) : (
          <span className="rating-tag hidden">{t('review.hidden')}</span>
        )}
        {who ? <span className="review-who">{who}</span> : null}
        <span className="muted">
          <Instant at={review.givenAt} />
        </span>
        {review.isDefault ? <span className="pill">{t('review.default')}</span> : null}
        {review.state !== 'active' ? <span className="pill">{code('reviewState', review.state)}</span> : null}
        {review.folded ? <span className="pill">{t('review.foldedTag')}</span> : null}
        {item ? <span className="review-item muted small">{item}</span> : null}
      </header>
      {!review.visible ? (
        <p className="muted small hidden-note">{t('review.hiddenExplain')}</p>
      ) : (
        <>
          {review.text ? (
            <p className="review-text">{review.text}</p>
          ) : review.state === 'deleted' ? null : (
            <p className="muted">{review.isDefault ? t('review.defaultText') : t('review.noText')}</p>
          )}
          {review.dsr ? (
            <div className="review-dsr">
              {(['description', 'service', 'logistics'] as const).map((d) => (
                <span key={d} className="dsr-item">
                  <span className="muted">{code('dsr', d)}</span>{' '}
                  <StarScore value={review.dsr![d]} label={code('dsr', d)} />
                </span>
              ))}
            </div>
          ) : null}
          {review.explanation ? <Said label={t('review.explanation')} said={review.explanation} /> : null}
          {review.followup ? <Said label={t('review.followup')} said={review.followup} className="followup" /> : null}
          {review.followupExplanation ? (
            <Said label={t('review.followupExplanation')} said={review.followupExplanation} />
          ) : null}
        </>
      )}
      {extra}
    </article>
  );
}

function Said({ label, said, className }: { label: string; said: NonNullable<Said>; className?: string }) {
  return (
    <div className={`said ${className ?? 'explanation'}`}>
      <strong>{label}</strong>{' '}
      <span className="muted">
        <Instant at={said.at} />
      </span>
      <p className="review-text">{said.text}</p>
    </div>
  );
}
