import { ok, type Result } from '@xinyu/domain';
import { ensureSeller } from '../../db/parties.repository.js';
import type { UnitOfWork } from '../context.js';

/** Registers a seller and its market (`taobao` or `tmall`: F6 differs); registering again updates the market. */
export async function registerSeller(
  uow: UnitOfWork,
  sellerId: string,
  market: string,
): Promise<Result<{ seller: string; market: string }>> {
  await ensureSeller(uow.tx, sellerId, uow.now, market);
  return ok({ seller: sellerId, market });
}
