import { apiGet } from '../../api/client.js';
import { usePages } from '../../api/use-pages.js';
import type { OrderView, RefundSummary } from '../../api/views.js';
import { Link } from '../../app/router.js';
import { MoreButton, PageStatus } from '../../components/PageStatus.js';
import { RefundCard } from '../../components/RefundCard.js';
import { useI18n } from '../../i18n/i18n.js';
import { OrderCard } from './OrderCard.js';

function BuyerTabs() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('buyer.title')}>
      <Link to="/buyer">{t('buyer.orders')}</Link>
      <Link to="/buyer/refunds">{t('buyer.refunds')}</Link>
    </nav>
  );
}

/** The buyer's orders, newest first, each with what can be done on it now. */
export function BuyerOrders({ buyer }: { buyer: string }) {
  const { t } = useI18n();
  const orders = usePages<OrderView>(
    async (cursor) => {
      const page = await apiGet('/v1/buyers/{buyer}/orders', { buyer }, { limit: '10', cursor });
      return { items: page.orders, nextCursor: page.nextCursor };
    },
    [buyer],
  );
  return (
    <>
      <h1>{t('buyer.title')}</h1>
      <BuyerTabs />
      {orders.items.map((o) => (
        <OrderCard key={o.order} order={o} onChange={orders.reload} />
      ))}
      <PageStatus loading={orders.loading} error={orders.error} empty={!orders.loading && orders.items.length === 0} />
      <MoreButton more={orders.more} loading={orders.loading} onMore={orders.loadMore} />
    </>
  );
}

/** The buyer's refunds and returns with their deadlines. */
export function BuyerRefunds({ buyer }: { buyer: string }) {
  const { t } = useI18n();
  const refunds = usePages<RefundSummary>(
    async (cursor) => {
      const page = await apiGet('/v1/buyers/{buyer}/refunds', { buyer }, { limit: '20', cursor });
      return { items: page.refunds, nextCursor: page.nextCursor };
    },
    [buyer],
  );
  return (
    <>
      <h1>{t('buyer.title')}</h1>
      <BuyerTabs />
      {refunds.items.map((r) => (
        <RefundCard
          key={r.refund}
          refund={r}
          by="buyer"
          href={`/buyer/refunds/${encodeURIComponent(r.refund)}`}
          onChange={refunds.reload}
        />
      ))}
      <PageStatus
        loading={refunds.loading}
        error={refunds.error}
        empty={!refunds.loading && refunds.items.length === 0}
      />
      <MoreButton more={refunds.more} loading={refunds.loading} onMore={refunds.loadMore} />
    </>
  );
}
