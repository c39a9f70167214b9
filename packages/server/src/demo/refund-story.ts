import type { Result } from '@xinyu/domain';
import type { Caller } from '../app/access/caller.js';
import type { UnitOfWork } from '../app/context.js';
import { getRefund } from '../app/queries/get-refund.js';
import { agreeRefund } from '../app/refunds/agree-refund.js';
import { cancelRefund } from '../app/refunds/cancel-refund.js';
import { confirmReturn } from '../app/refunds/confirm-return.js';
import { escalateRefund } from '../app/refunds/escalate-refund.js';
import { refuseRefund } from '../app/refunds/refuse-refund.js';
import { requestRefund } from '../app/refunds/request-refund.js';
import { resubmitRefund } from '../app/refunds/resubmit-refund.js';
import { ruleOnDispute } from '../app/refunds/rule-on-dispute.js';
import { settleDispute } from '../app/refunds/settle-dispute.js';
import { shipReturn } from '../app/refunds/ship-return.js';
import { submitEvidence } from '../app/refunds/submit-evidence.js';
import { act, DAY, HOUR, later, lineAmount, MINUTE, type OrderRun, soon } from './order-run.js';
import { resumeOrder, ship } from './order-story.js';
import { evidenceText, refusalText } from './review-texts.js';

/** The demo acts as the marketplace backend does, seeing every refund. */
const DEMO_CALLER: Caller = { role: 'marketplace', marketplace: 'demo' };

/** Why the buyer asks: a change of mind before shipment (H1), a no-reason return (K), or a faulty item (H2, H3). */
export type RefundCase = 'before_shipment' | 'no_reason_return' | 'quality';

type RefundView = NonNullable<Awaited<ReturnType<typeof getRefund>>>;
type Work = (uow: UnitOfWork) => Promise<Result<unknown>>;

const NO_RETURN_CATEGORIES = new Set(['custom_made', 'fresh', 'periodical', 'audio_video_software']);
/** A party looks at a refund at most this many times: a safety net, stories end far sooner. */
const MAX_TURNS = 12;
/** Days before the end of the history within which escalated cases await the staff. */
const OPEN_CASES_DAYS = 21;

/** The buyer asks for money back on one line; the parties then take turns until the refund ends. */
export async function startRefund(run: OrderRun, reason: RefundCase): Promise<void> {
  const { rng, plan } = run;
  const line =
    reason === 'no_reason_return'
      ? plan.lines.find((l) => !NO_RETURN_CATEGORIES.has(l.item.category))
      : rng.pick(plan.lines);
  if (!line) return resumeOrder(run);
  const full = lineAmount(line);
  const partial = Math.max(100, Math.round((full * rng.between(0.2, 0.5)) / 100) * 100);
  const returning = reason === 'no_reason_return' || (reason === 'quality' && rng.chance(0.5));
  const refund = `${plan.id}-R${++run.refunds}`;
  const requested = await act(run, (uow) =>
    requestRefund(uow, {
      refund,
      order: plan.id,
      line: line.line,
      kind: returning ? 'return_refund' : 'refund_only',
      amount: reason === 'quality' && !returning && rng.chance(0.5) ? Math.min(full, partial) : full,
      reason:
        reason === 'no_reason_return'
          ? 'no_reason'
          : reason === 'before_shipment'
            ? rng.weighted({ other: 75, out_of_stock: 25 })
            : rng.weighted({ quality: 55, not_as_described: 35, counterfeit: 4, other: 6 }),
    }),
  );
  if (!requested) return resumeOrder(run);
  await turn(run, refund, reason, 0);
}

/** Whoever's move it is acts (or stays silent until the deadline decides, H1–H4). */
async function turn(run: OrderRun, refundId: string, reason: RefundCase, turns: number): Promise<void> {
  const refund = await getRefund(run.sim.ctx, DEMO_CALLER, refundId);
  if (!refund || turns >= MAX_TURNS) return;
  const { rng } = run;
  const then = (delay: number, work: Work) =>
    later(run, delay, async (r) => {
      await act(r, work);
      await turn(r, refundId, reason, turns + 1);
    });
  const silence = () => {
    const due = refund.deadlineAt ? Date.parse(refund.deadlineAt) : run.sim.now + DAY;
    run.sim.at(due + MINUTE, () => turn(run, refundId, reason, turns + 1));
  };
  const care = run.plan.shop.care;
  switch (refund.status) {
    case 'requested': {
      if (reason === 'before_shipment') {
        const answer = rng.weighted({ agree: 50, ship: 15, silent: 35 });
        if (answer === 'agree') return then(soon(rng, 10 * MINUTE, 30 * HOUR), (uow) => agreeRefund(uow, refundId));
        // H1: shipping meanwhile closes the request; the order goes on as any other.
        if (answer === 'ship') return later(run, soon(rng, HOUR, 40 * HOUR), ship);
        return silence();
      }
      const first = turns === 0;
      const agree = reason === 'no_reason_return' || !first ? 0.78 : 0.4 + 0.25 * care;
      const refuse = reason === 'no_reason_return' ? 0.04 : first ? 0.4 - 0.2 * care : 0.1;
      const roll = rng.next();
      if (roll < agree) return then(soon(rng, 30 * MINUTE, 2 * DAY), (uow) => agreeRefund(uow, refundId));
      if (roll < agree + refuse) {
        run.troubled = true;
        return then(soon(rng, HOUR, 3 * DAY), (uow) => refuseRefund(uow, refundId, refusalText(rng)));
      }
      return silence();
    }
    case 'refused': {
      const answer = rng.weighted({ escalate: 40, resubmit: turns < 3 ? 25 : 0, cancel: 15, silent: 20 });
      if (answer === 'escalate') return then(soon(rng, 2 * HOUR, 5 * DAY), (uow) => escalateRefund(uow, refundId));
      if (answer === 'resubmit') {
        const amount = Math.max(100, Math.round((refund.requested * rng.between(0.5, 0.8)) / 100) * 100);
        return then(soon(rng, 2 * HOUR, 4 * DAY), (uow) => resubmitRefund(uow, refundId, amount));
      }
      if (answer === 'cancel') return then(soon(rng, HOUR, 3 * DAY), (uow) => cancelRefund(uow, refundId));
      return silence();
    }
    case 'awaiting_return': {
      if (!rng.chance(0.93)) return silence();
      const method = rng.chance(0.92) ? 'express' : 'post';
      return then(soon(rng, 2 * HOUR, 3 * DAY), (uow) => shipReturn(uow, refundId, method));
    }
    case 'return_shipped':
      if (!rng.chance(0.5 + 0.4 * care)) return silence();
      return then(soon(rng, DAY, 6 * DAY), (uow) => confirmReturn(uow, refundId));
    case 'intervention':
      return intervene(run, refund, () => turn(run, refundId, reason, turns + 1));
    default:
      if (refund.status === 'refunded') run.refundedLines.add(refund.line);
      return later(run, soon(rng, 10 * MINUTE, DAY), resumeOrder);
  }
}

/**
 * Platform intervention (I2–I4): both parties send evidence within 3 days; the parties settle, or
 * staff rule within the SLA on who is responsible.
 */
function intervene(run: OrderRun, refund: RefundView, next: () => Promise<void>): void {
  const { rng } = run;
  const id = refund.refund;
  const escalatedAt = Date.parse(refund.escalatedAt!);
  const evidence = (by: 'buyer' | 'seller', delay: number) =>
    run.sim.at(escalatedAt + delay, async () => {
      await act(run, (uow) => submitEvidence(uow, id, by, evidenceText(rng, by)));
    });
  if (rng.chance(0.9)) evidence('buyer', soon(rng, HOUR, 2 * DAY));
  if (rng.chance(0.5 + 0.4 * run.plan.shop.care)) evidence('seller', soon(rng, 2 * HOUR, 2.7 * DAY));
  // The last three weeks' cases are left to the staff (the intervention queue is never empty).
  if (escalatedAt > run.sim.end - OPEN_CASES_DAYS * DAY) return;
  const staff = async (work: Work) => {
    await act(run, work);
    await next();
  };
  if (rng.chance(0.15)) {
    const amount = Math.max(100, Math.round((refund.requested * rng.between(0.3, 0.8)) / 100) * 100);
    run.sim.at(escalatedAt + soon(rng, 2.75 * DAY, 6 * DAY), () => staff((uow) => settleDispute(uow, id, amount)));
    return;
  }
  const from = escalatedAt + 3 * DAY + HOUR;
  const by = Math.max(from + HOUR, Date.parse(refund.rulingDueBy ?? refund.escalatedAt!));
  const responsible = rng.weighted({ seller: 50, buyer: 35, none: 15 });
  const amount =
    responsible === 'seller' ? refund.requested : responsible === 'buyer' ? 0 : Math.round(refund.requested / 2);
  run.sim.at(from + rng.next() * (by - from), () => staff((uow) => ruleOnDispute(uow, id, responsible, amount)));
}
