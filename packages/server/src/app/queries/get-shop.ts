import { loadSeller } from '../../db/parties.repository.js';
import type { AppContext } from '../context.js';
import { getCredit, getSellerDsr } from './get-credit.js';

/** A shop as the public sees it (no ledger): name, market, credit badge, good-review rate and DSR. */
export async function getShop(ctx: AppContext, sellerId: string) {
  const seller = await loadSeller(ctx.db, sellerId);
  if (!seller) return null;
  const [credit, dsr] = await Promise.all([getCredit(ctx, 'seller', sellerId), getSellerDsr(ctx, sellerId)]);
  return { seller: seller.seller, name: seller.name, market: seller.market, credit, dsr };
}
