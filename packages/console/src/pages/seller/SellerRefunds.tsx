import { useState } from 'react';
import { apiGet } from '../../api/client.js';
import { usePages } from '../../api/use-pages.js';
import type { RefundSummary } from '../../api/views.js';
import { ButtonGroup } from '../../components/ButtonGroup.js';
import { MoreButton, PageStatus } from '../../components/PageStatus.js';
import { RefundCard } from '../../components/RefundCard.js';
import { useI18n } from '../../i18n/i18n.js';
import { SellerTabs } from './SellerTabs.js';

const VIEWS = ['seller', 'buyer', 'platform', 'all'] as const;
type View = (typeof VIEWS)[number];

/** Refunds waiting for the seller's answer, the nearest deadline first; other open ones on request. */
export function SellerRefunds({ seller }: { seller: string }) {
  const { t, code } = useI18n();
  const [view, setView] = useState<View>('seller');
  const refunds = usePages<RefundSummary>(
    async (cursor) => {
      const page = await apiGet(
        '/v1/sellers/{seller}/refunds',
        { seller },
        { awaiting: view === 'all' ? undefined : view, status: 'open', limit: '20', cursor },
      );
      return { items: page.refunds, nextCursor: page.nextCursor };
    },
    [seller, view],
  );
  return (
    <>
      <h1>{t('seller.title')}</h1>
      <SellerTabs />
      <ButtonGroup className="filters" label={t('seller.refundFilter')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'all' ? t('seller.allOpen') : code('awaiting', v)}
          </button>
        ))}
      </ButtonGroup>
      {refunds.items.map((r) => (
        <RefundCard
          key={r.refund}
          refund={r}
          by="seller"
          href={`/seller/refunds/${encodeURIComponent(r.refund)}`}
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
