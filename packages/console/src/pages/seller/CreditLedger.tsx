import { type Answer, apiGet } from '../../api/client.js';
import { usePages } from '../../api/use-pages.js';
import { useResource } from '../../api/use-resource.js';
import type { LedgerEntry } from '../../api/views.js';
import { CreditBadge } from '../../components/CreditBadge.js';
import { MoreButton, PageStatus } from '../../components/PageStatus.js';
import { RatingTag } from '../../components/ReviewBody.js';
import { Instant } from '../../components/TimeLeft.js';
import { formatFen } from '../../format/money.js';
import { useI18n } from '../../i18n/i18n.js';
import { SellerTabs } from './SellerTabs.js';

/** "Why is my score X": the credit and every ledger entry with its rule in words. */
export function CreditLedger({ seller }: { seller: string }) {
  const { t } = useI18n();
  const summary = useResource(() => apiGet('/v1/sellers/{seller}/credit', { seller }, { limit: '1' }), [seller]);
  const entries = usePages<LedgerEntry>(
    async (cursor) => {
      const page = await apiGet('/v1/sellers/{seller}/credit', { seller }, { limit: '50', cursor });
      return { items: page.ledger.entries, nextCursor: page.ledger.nextCursor };
    },
    [seller],
  );
  const credit = summary.data?.credit;
  return (
    <>
      <h1>{t('seller.title')}</h1>
      <SellerTabs />
      <section className="card">
        {credit ? (
          <>
            <h2>
              {t('ledger.why', { score: credit.score })}{' '}
              <CreditBadge tier={credit.tier} icons={credit.icons} level={credit.level} />
            </h2>
            <p>{t('ledger.explain', { good: credit.good, neutral: credit.neutral, bad: credit.bad })}</p>
          </>
        ) : (
          <PageStatus loading={summary.loading} error={summary.error} />
        )}
      </section>
      <section className="card">
        <h2>{t('ledger.title')}</h2>
        <div className="table-wrap">
          <table className="ledger">
            <thead>
              <tr>
                <th scope="col">{t('ledger.when')}</th>
                <th scope="col">{t('ledger.review')}</th>
                <th scope="col">{t('ledger.rating')}</th>
                <th scope="col">{t('ledger.points')}</th>
                <th scope="col">{t('ledger.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.items.map((e) => (
                <LedgerRow key={e.entry} entry={e} params={summary.data?.ledger.ruleParams} />
              ))}
            </tbody>
          </table>
        </div>
        <PageStatus
          loading={entries.loading}
          error={entries.error}
          empty={!entries.loading && entries.items.length === 0}
        />
        <MoreButton more={entries.more} loading={entries.loading} onMore={entries.loadMore} />
      </section>
    </>
  );
}

type RuleParams = Answer<'/v1/sellers/{seller}/credit'>['ledger']['ruleParams'];

function LedgerRow({ entry, params }: { entry: LedgerEntry; params: RuleParams | undefined }) {
  const { t, code } = useI18n();
  // The numbers come with the ledger (the policy's), never from the console.
  const vars = params
    ? { cap: params.A3.cap, days: params.A4.days, amount: formatFen(params.A6.maxFen) }
    : { cap: '…', days: '…', amount: '…' };
  return (
    <tr className={entry.counted ? '' : 'not-counted'}>
      <td>
        <Instant at={entry.effectiveAt} />
      </td>
      <td>
        <code>{entry.review}</code>
      </td>
      <td>
        <RatingTag rating={entry.rating} />
      </td>
      <td className="points">
        {entry.counted ? (entry.points > 0 ? `+${entry.points}` : String(entry.points)) : t('ledger.notCounted')}
      </td>
      <td>
        <strong>{entry.rule}</strong> {code('rule', entry.rule, vars)}
        {entry.reevaluated ? (
          <>
            {' '}
            <strong>A9</strong> {code('rule', 'A9')}
          </>
        ) : null}
      </td>
    </tr>
  );
}
