import { ok, type Result } from '@xinyu/domain';
import { ensureSeller } from '../../db/parties.repository.js';
import type { UnitOfWork } from '../context.js';

/**
 * Registers a seller, its market (`taobao` or `tmall`: F6 differs) and display name; registering
 * again updates them.
 */
export async function registerSeller(
  uow: UnitOfWork,
  sellerId: string,
  market: string,
  name?: string,
): Promise<Result<{ seller: string; market: string }>> {
  await ensureSeller(uow.tx, sellerId, uow.now, market, name);
  return ok({ seller: sellerId, market });
}
