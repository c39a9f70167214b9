import type { Policy } from '../policy/policy.js';
import { type Refusal, refuse } from '../shared/result.js';
import type { Instant } from '../shared/time.js';
import { earliestEscalation } from './refund-deadlines.js';
import type { RefundCommand } from './refund-machine.js';
import type { RefundState } from './refund-state.js';

const TIMER_ACTIONS: ReadonlySet<RefundCommand['action']> = new Set([
  'seller_timeout',
  'buyer_timeout',
  'evidence_deadline',
]);

const isPositiveFen = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isFenOrZero = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The guards of a command the table allows: deadlines (half-open: an action at the deadline is
 * late, the timer fires first), amounts, fields. Returns a refusal, or `null` to proceed.
 */
export function guardRefundCommand(
  refund: RefundState,
  command: RefundCommand,
  now: Instant,
  policy: Policy,
): Refusal | null {
  const due = refund.deadlineAt;
  if (TIMER_ACTIONS.has(command.action)) {
    // A stale or early timer (the state moved on, or the clock is behind) must change nothing.
    if (due === null || now < due) return refuse('REFUND_STATE_INVALID', `no ${command.action} is due now`);
    return null;
  }
  // The evidence deadline only ends the evidence period; every other deadline ends the status.
  if (due !== null && now >= due && refund.status !== 'intervention') {
    const code = command.action === 'escalate' ? 'ESCALATION_NOT_ALLOWED' : 'REFUND_STATE_INVALID';
    return refuse(code, `the ${refund.status} deadline has passed`, { deadlineAt: due });
  }
  switch (command.action) {
    case 'order_shipped':
      if (!refund.beforeShipment) return refuse('REFUND_STATE_INVALID', 'only a pre-shipment request closes (H1)');
      return null;
    case 'refuse':
      if (typeof command.reason !== 'string') return refuse('VALIDATION_FAILED', 'a refusal states its reason');
      return null;
    case 'resubmit':
      if (command.amount !== undefined && !isPositiveFen(command.amount)) {
        return refuse('REFUND_AMOUNT_INVALID', 'the amount must be a positive integer of fen');
      }
      return null;
    case 'ship_return':
      if (command.method !== 'express' && command.method !== 'post') {
        return refuse('VALIDATION_FAILED', 'a return ships by express or post', { field: 'method' });
      }
      return null;
    case 'escalate': {
      const earliest = earliestEscalation(refund, policy);
      if (now < earliest) {
        return refuse('ESCALATION_NOT_ALLOWED', 'virtual goods may be escalated 3 days after the request (H4)', {
          earliest,
        });
      }
      return null;
    }
    case 'evidence':
      if ((command.by !== 'buyer' && command.by !== 'seller') || typeof command.text !== 'string') {
        return refuse('VALIDATION_FAILED', 'evidence is text from the buyer or the seller');
      }
      if (refund.evidenceClosed || (due !== null && now >= due)) {
        return refuse('REFUND_STATE_INVALID', 'the evidence period has ended (I2)');
      }
      return null;
    case 'settle':
      if (!isFenOrZero(command.amount)) return refuse('REFUND_AMOUNT_INVALID', 'the amount must be an integer ≥ 0');
      return null;
    case 'rule': {
      if (!['seller', 'buyer', 'none'].includes(command.responsible)) {
        return refuse('VALIDATION_FAILED', 'responsible is seller, buyer or none', { field: 'responsible' });
      }
      if (!isFenOrZero(command.amount)) return refuse('REFUND_AMOUNT_INVALID', 'the amount must be an integer ≥ 0');
      const evidenceOpen = !refund.evidenceClosed && due !== null && now < due;
      if (evidenceOpen && !policy.afterSales.intervention.rulingDuringEvidence) {
        return refuse('REFUND_STATE_INVALID', 'the case awaits a ruling only after the evidence period (I2)', {
          evidenceDueAt: due,
        });
      }
      return null;
    }
    default:
      return null;
  }
}
