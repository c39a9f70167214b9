import { apiGet } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { PageStatus } from '../../components/PageStatus.js';
import { ShopReviews } from './ShopReviews.js';
import { ShopSummary } from './ShopSummary.js';

/** The public shop page: credit, DSR and reviews. */
export function ShopPage({ seller }: { seller: string }) {
  const shop = useResource(() => apiGet('/v1/shops/{seller}', { seller }), [seller]);
  return (
    <>
      {shop.data ? <ShopSummary shop={shop.data} /> : <PageStatus loading={shop.loading} error={shop.error} />}
      {shop.error ? null : <ShopReviews seller={seller} />}
    </>
  );
}
