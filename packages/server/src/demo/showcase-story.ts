import type { Instant, Result } from '@xinyu/domain';
import type { UnitOfWork } from '../app/context.js';
import { confirmOrder } from '../app/orders/confirm-order.js';
import { payOrder } from '../app/orders/pay-order.js';
import { placeOrder } from '../app/orders/place-order.js';
import { shipOrder } from '../app/orders/ship-order.js';
import { agreeRefund } from '../app/refunds/agree-refund.js';
import { escalateRefund } from '../app/refunds/escalate-refund.js';
import { refuseRefund } from '../app/refunds/refuse-refund.js';
import { requestRefund } from '../app/refunds/request-refund.js';
import { submitEvidence } from '../app/refunds/submit-evidence.js';
import { complainAboutReview } from '../app/reviews/complain-about-review.js';
import { rateReview } from '../app/reviews/rate-review.js';
import type { DemoSimulation } from './demo-simulation.js';
import type { DemoShop, DemoWorld } from './demo-world.js';
import { DAY, HOUR, MINUTE } from './order-run.js';

type Work = (uow: UnitOfWork) => Promise<Result<unknown>>;

/** One showcase order: who buys what, and its story as steps at offsets before the end. */
interface Showcase {
  readonly id: string;
  readonly buyer: string;
  readonly shop: DemoShop;
  readonly item: number;
  /** The order's steps, each `[ms before the end, work]`, in time order. */
  readonly steps: ReadonlyArray<readonly [number, Work]>;
}

const STARS = { description: 2, service: 3, logistics: 4 };

/** Placed, paid, shipped and confirmed, `successBefore` before the end (a day from placing to success). */
function lifecycle(id: string, successBefore: number): Array<readonly [number, Work]> {
  return [
    [successBefore + DAY, (uow) => payOrder(uow, id)],
    [successBefore + 20 * HOUR, (uow) => shipOrder(uow, id, 'express')],
    [successBefore, (uow) => confirmOrder(uow, id)],
  ];
}

/** Shipped (not confirmed) `shippedBefore` before the end. */
function shipped(id: string, shippedBefore: number): Array<readonly [number, Work]> {
  return [
    [shippedBefore + 4 * HOUR, (uow) => payOrder(uow, id)],
    [shippedBefore, (uow) => shipOrder(uow, id, 'express')],
  ];
}

const refund =
  (id: string, kind: 'refund_only' | 'return_refund', amount: number): Work =>
  (uow) =>
    requestRefund(uow, { refund: `${id}-R`, order: id, line: 'L1', kind, amount, reason: 'quality' });

/**
 * The demo's sign-ins always have something to act on at its end ("now"), whatever the seed drew:
 * the buyer a line to rate, a bad review still changeable (F6), a refund awaiting the seller, one
 * refused (to escalate), an intervention taking evidence, a return to ship; the seller the other
 * side of each; staff four cases awaiting a ruling (I3) and four complaints to rule on (F7).
 */
export function startShowcase(sim: DemoSimulation, world: DemoWorld): void {
  const shop = world.shops.find((s) => s.id === world.signIns.seller) ?? world.shops[0]!;
  const buyer = world.signIns.buyer;
  const others = world.buyers.filter((b) => b !== buyer).slice(0, 4);
  const cases: Showcase[] = [
    { id: 'SHOW-RATE', buyer, shop, item: 0, steps: lifecycle('SHOW-RATE', 2 * DAY) },
    {
      id: 'SHOW-BAD',
      buyer,
      shop,
      item: 1,
      steps: [
        ...lifecycle('SHOW-BAD', 6 * DAY),
        [
          5 * DAY,
          (uow) =>
            rateReview(uow, 'SHOW-BAD', 'L1', {
              by: 'buyer',
              rating: 'bad',
              text: '做工粗糙，线头很多，和图片差距大。',
              dsr: STARS,
            }),
        ],
        [
          5 * DAY - 2 * HOUR,
          (uow) => rateReview(uow, 'SHOW-BAD', 'L1', { by: 'seller', rating: 'good', text: '感谢惠顾' }),
        ],
      ],
    },
    {
      id: 'SHOW-WAIT',
      buyer,
      shop,
      item: 2,
      steps: [...shipped('SHOW-WAIT', 3 * DAY), [DAY, refund('SHOW-WAIT', 'refund_only', 1_000)]],
    },
    {
      id: 'SHOW-REFUSED',
      buyer,
      shop,
      item: 3,
      steps: [
        ...shipped('SHOW-REFUSED', 5 * DAY),
        [3 * DAY, refund('SHOW-REFUSED', 'refund_only', 2_000)],
        [DAY, (uow) => refuseRefund(uow, 'SHOW-REFUSED-R', '商品无质量问题，已提供出厂检测报告')],
      ],
    },
    {
      id: 'SHOW-EVIDENCE',
      buyer,
      shop,
      item: 4,
      steps: [
        ...shipped('SHOW-EVIDENCE', 7 * DAY),
        [5 * DAY, refund('SHOW-EVIDENCE', 'refund_only', 3_000)],
        [3 * DAY, (uow) => refuseRefund(uow, 'SHOW-EVIDENCE-R', '买家描述与实际不符')],
        [DAY, (uow) => escalateRefund(uow, 'SHOW-EVIDENCE-R')],
      ],
    },
    {
      id: 'SHOW-RETURN',
      buyer,
      shop,
      item: 5,
      steps: [
        ...shipped('SHOW-RETURN', 6 * DAY),
        [3 * DAY, refund('SHOW-RETURN', 'return_refund', 100_000)],
        [2 * DAY, (uow) => agreeRefund(uow, 'SHOW-RETURN-R')],
      ],
    },
    ...others.map((other, n): Showcase => {
      const id = `SHOW-CASE-${n + 1}`;
      return {
        id,
        buyer: other,
        shop,
        item: n,
        steps: [
          ...shipped(id, (14 + n) * DAY),
          [(12 + n) * DAY, refund(id, 'refund_only', 5_000)],
          [(11 + n) * DAY, (uow) => refuseRefund(uow, `${id}-R`, '已超过承诺的质保范围')],
          [(10 + n) * DAY, (uow) => escalateRefund(uow, `${id}-R`)],
          [
            (10 + n) * DAY - HOUR,
            (uow) => submitEvidence(uow, `${id}-R`, 'buyer', '收到时外包装破损，内件有裂痕，见开箱照片。'),
          ],
          [(9 + n) * DAY, (uow) => submitEvidence(uow, `${id}-R`, 'seller', '发货前已检查，物流签收时未反馈破损。')],
        ],
      };
    }),
    ...others.map((other, n): Showcase => {
      const id = `SHOW-COMPLAINT-${n + 1}`;
      return {
        id,
        buyer: other,
        shop,
        item: n + 1,
        steps: [
          ...lifecycle(id, (9 + n) * DAY),
          [(8 + n) * DAY, (uow) => rateReview(uow, id, 'L1', { by: 'seller', rating: 'good' })],
          [
            (8 + n) * DAY - HOUR,
            (uow) => rateReview(uow, id, 'L1', { by: 'buyer', rating: 'bad', text: '不给返现就差评，别怪我。' }),
          ],
          [
            (7 + n) * DAY,
            (uow) =>
              complainAboutReview(uow, id, 'L1', { by: 'seller', reason: '买家以差评要挟索要返现，有聊天记录为证' }),
          ],
        ],
      };
    }),
  ];
  for (const showcase of cases) schedule(sim, showcase);
}

function schedule(sim: DemoSimulation, showcase: Showcase): void {
  const end: Instant = sim.end;
  const first = showcase.steps[0]?.[0] ?? DAY;
  const item = showcase.shop.items[showcase.item % showcase.shop.items.length]!;
  sim.at(end - first - 30 * MINUTE, () =>
    sim.exec((uow) =>
      placeOrder(uow, {
        order: showcase.id,
        buyer: showcase.buyer,
        seller: showcase.shop.id,
        lines: [{ line: 'L1', item: item.id, title: item.name, price: item.price, category: item.category as never }],
      }),
    ),
  );
  for (const [before, work] of showcase.steps) sim.at(end - before, () => sim.exec(work));
}
