import type { Shop } from '../../api/views.js';
import { CreditBadge } from '../../components/CreditBadge.js';
import { StarScore } from '../../components/Stars.js';
import { useI18n } from '../../i18n/i18n.js';

/** A shop's credit (badge, score, good-review rate, counts) and its three DSR scores. */
export function ShopSummary({ shop }: { shop: Shop }) {
  const { t, code } = useI18n();
  const { credit, dsr } = shop;
  return (
    <section className="card shop-summary" aria-labelledby="shop-name">
      <div className="shop-title">
        <h1 id="shop-name">{shop.name ?? shop.seller}</h1>
        <span className={`pill market-${shop.market}`}>{code('market', shop.market)}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('shop.level')}</dt>
          <dd>
            <CreditBadge tier={credit.tier} icons={credit.icons} level={credit.level} />
          </dd>
        </div>
        <div>
          <dt>{t('shop.score')}</dt>
          <dd className="big-number" data-testid="credit-score">
            {credit.score}
          </dd>
        </div>
        <div>
          <dt>{t('shop.goodRate')}</dt>
          <dd className="big-number">{credit.goodRate === null ? t('common.none') : `${credit.goodRate}%`}</dd>
        </div>
        <div>
          <dt>{t('shop.counts')}</dt>
          <dd>{t('shop.countsValue', { good: credit.good, neutral: credit.neutral, bad: credit.bad })}</dd>
        </div>
      </dl>
      <h2 className="sub">{t('shop.dsr', { n: dsr.count })}</h2>
      <dl className="dsr">
        {(['description', 'service', 'logistics'] as const).map((d) => (
          <div key={d}>
            <dt>{code('dsr', d)}</dt>
            <dd>
              <StarScore value={dsr[d]} label={code('dsr', d)} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
