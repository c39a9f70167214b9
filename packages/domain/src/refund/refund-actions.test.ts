import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { HOUR_MS } from '../shared/time.js';
import { REFUND_AWAITING, refundActions, refundRequestOptions } from './refund-actions.js';
import {
  AFTER_EVIDENCE,
  at,
  drive,
  ESCALATED,
  facts,
  line,
  open,
  PAID,
  POST,
  PRE,
  RETURN,
  request,
  SHIPPED,
} from './refund-fixtures.test-support.js';
import { REFUND_STATUSES } from './refund-state.js';

const names = (list: { action: string }[]) => list.map((a) => a.action);

describe('refundActions: what each role may do now, asked of the refund machine', () => {
  it('H1: a request waits for the seller until its 48 h deadline; the buyer may cancel', () => {
    const refund = open(PAID, request(), at(PRE));
    const seller = refundActions(refund, 'seller', at(PRE) + HOUR_MS, taobaoPolicy);
    expect(names(seller)).toEqual(['agree', 'refuse']);
    expect(seller[0]?.until).toBe(at(PRE) + 48 * HOUR_MS);
    expect(names(refundActions(refund, 'buyer', at(PRE) + HOUR_MS, taobaoPolicy))).toEqual(['cancel']);
    expect(refundActions(refund, 'staff', at(PRE) + HOUR_MS, taobaoPolicy)).toEqual([]);
    // At the deadline the timer decides; nobody may act any more.
    expect(refundActions(refund, 'seller', at(PRE) + 48 * HOUR_MS, taobaoPolicy)).toEqual([]);
  });

  it('H4, I1: after a refusal the buyer may resubmit, cancel or escalate', () => {
    const { refund } = drive(open(SHIPPED, request(RETURN), at(POST)), [ESCALATED[0]!]);
    expect(names(refundActions(refund, 'buyer', at('2024-09-02T11:00:00+08:00'), taobaoPolicy))).toEqual([
      'resubmit',
      'cancel',
      'escalate',
    ]);
    expect(refundActions(refund, 'seller', at('2024-09-02T11:00:00+08:00'), taobaoPolicy)).toEqual([]);
  });

  it('I2, I4: during intervention both parties give evidence until 3 d; staff rule after it', () => {
    const { refund } = drive(open(SHIPPED, request(RETURN), at(POST)), ESCALATED);
    const during = at('2024-09-04T10:00:00+08:00');
    const evidence = refundActions(refund, 'buyer', during, taobaoPolicy).find((a) => a.action === 'evidence');
    expect(evidence?.until).toBe(refund.deadlineAt);
    expect(names(refundActions(refund, 'seller', during, taobaoPolicy))).toEqual(['evidence']);
    expect(names(refundActions(refund, 'staff', during, taobaoPolicy))).toEqual(['settle']);
    const { refund: awaiting } = drive(refund, [], AFTER_EVIDENCE);
    expect(names(refundActions(awaiting, 'staff', at(AFTER_EVIDENCE), taobaoPolicy))).toEqual(['settle', 'ruling']);
    expect(names(refundActions(awaiting, 'buyer', at(AFTER_EVIDENCE), taobaoPolicy))).toEqual(['cancel']);
  });

  it('every status says whose move it is; final ones nobody’s', () => {
    for (const status of REFUND_STATUSES) expect(Object.hasOwn(REFUND_AWAITING, status)).toBe(true);
    expect(REFUND_AWAITING.refunded).toBeNull();
    expect(REFUND_AWAITING.intervention).toBe('platform');
  });
});

describe('refundRequestOptions: the request a buyer may make on a line now', () => {
  it('H1: before shipment only refund_only, any reason the line allows', () => {
    const options = refundRequestOptions(PAID, 'O1', 'L1', at(PRE), taobaoPolicy);
    expect(options?.kinds).toEqual(['refund_only']);
    expect(options?.reasons).toContain('other');
    expect(options?.maximum).toBe(12_900);
  });

  it('H6, K2: a custom-made line never offers no_reason; H5: a cancelled line offers nothing', () => {
    const custom = facts({ status: 'shipped', shipMethod: 'express' }, [
      line('L1', 12_900, { category: 'custom_made' }),
    ]);
    const options = refundRequestOptions(custom, 'O1', 'L1', at(POST), taobaoPolicy);
    expect(options?.kinds).toEqual(['refund_only', 'return_refund']);
    expect(options?.reasons).not.toContain('no_reason');
    const cancelled = facts({ status: 'shipped', shipMethod: 'express' }, undefined, [
      { lineId: 'L1', status: 'closed', outcome: 'cancelled', refunded: 0 },
    ]);
    expect(refundRequestOptions(cancelled, 'O1', 'L1', at(POST), taobaoPolicy)).toBeNull();
    expect(refundRequestOptions(facts({ status: 'placed' }), 'O1', 'L1', at(PRE), taobaoPolicy)).toBeNull();
  });
});
