import { ok, type Result } from '@xinyu/domain';
import Type, { type TSchema } from 'typebox';
import {
  ComplainBody,
  DeleteReviewBody,
  EvidenceBody,
  ExplainBody,
  FollowupBody,
  Id,
  MarketSchema,
  ModifyReviewBody,
  PlaceOrderBody,
  RateReviewBody,
  RefuseRefundBody,
  RequestRefundBody,
  ResubmitRefundBody,
  RuleComplaintBody,
  RuleDisputeBody,
  SettleBody,
  ShipOrderBody,
  ShipReturnBody,
} from '../../app/command-schemas.js';
import type { UnitOfWork } from '../../app/context.js';
import { confirmOrder } from '../../app/orders/confirm-order.js';
import { deliverOrder } from '../../app/orders/deliver-order.js';
import { payOrder } from '../../app/orders/pay-order.js';
import { placeOrder } from '../../app/orders/place-order.js';
import { shipOrder } from '../../app/orders/ship-order.js';
import { registerSeller } from '../../app/parties/register-seller.js';
import { agreeRefund } from '../../app/refunds/agree-refund.js';
import { cancelRefund } from '../../app/refunds/cancel-refund.js';
import { confirmReturn } from '../../app/refunds/confirm-return.js';
import { escalateRefund } from '../../app/refunds/escalate-refund.js';
import { refuseRefund } from '../../app/refunds/refuse-refund.js';
import { requestRefund } from '../../app/refunds/request-refund.js';
import { resubmitRefund } from '../../app/refunds/resubmit-refund.js';
import { ruleOnDispute } from '../../app/refunds/rule-on-dispute.js';
import { settleDispute } from '../../app/refunds/settle-dispute.js';
import { shipReturn } from '../../app/refunds/ship-return.js';
import { submitEvidence } from '../../app/refunds/submit-evidence.js';
import { complainAboutReview } from '../../app/reviews/complain-about-review.js';
import { deleteReview } from '../../app/reviews/delete-review.js';
import { explainReview } from '../../app/reviews/explain-review.js';
import { followUpReview } from '../../app/reviews/follow-up-review.js';
import { modifyReview } from '../../app/reviews/modify-review.js';
import { rateReview } from '../../app/reviews/rate-review.js';
import { ruleOnComplaint } from '../../app/reviews/rule-on-complaint.js';

/** One replay command: the schema of its fields (beyond `at` and `type`) and the use case it runs. */
export interface ReplayCommand {
  readonly fields: Record<string, TSchema>;
  // biome-ignore lint/suspicious/noExplicitAny: each entry's schema validated `c` before the call
  readonly run: (uow: UnitOfWork, c: any) => Promise<Result<unknown>>;
}

const orderLine = { order: Id, line: Id };
const props = (schema: { properties: Record<string, TSchema> }) => schema.properties;

/** replay.md's command table, each line mapped to the use case the HTTP API calls. */
export const REPLAY_COMMANDS: Record<string, ReplayCommand> = {
  // Only moves the clock: the timers due up to `at` have fired before any command runs.
  'clock.advance': { fields: {}, run: async () => ok(null) },
  'seller.register': {
    fields: { seller: Id, market: Type.Optional(MarketSchema) },
    run: (uow, c) => registerSeller(uow, c.seller, c.market ?? 'taobao'),
  },
  'order.place': { fields: props(PlaceOrderBody), run: (uow, c) => placeOrder(uow, c) },
  'order.pay': { fields: { order: Id }, run: (uow, c) => payOrder(uow, c.order) },
  'order.ship': { fields: { order: Id, ...props(ShipOrderBody) }, run: (uow, c) => shipOrder(uow, c.order, c.method) },
  'order.deliver': { fields: { order: Id }, run: (uow, c) => deliverOrder(uow, c.order) },
  'order.confirm': { fields: { order: Id }, run: (uow, c) => confirmOrder(uow, c.order) },
  'review.rate': {
    fields: { ...orderLine, ...props(RateReviewBody) },
    run: (uow, { order, line, at: _at, type: _type, ...input }) => rateReview(uow, order, line, input),
  },
  'review.modify': {
    fields: { ...orderLine, ...props(ModifyReviewBody) },
    run: (uow, c) => modifyReview(uow, c.order, c.line, c.by, c.rating),
  },
  'review.delete': {
    fields: { ...orderLine, ...props(DeleteReviewBody) },
    run: (uow, c) => deleteReview(uow, c.order, c.line, c.by),
  },
  'review.followup': {
    fields: { ...orderLine, ...props(FollowupBody) },
    run: (uow, c) => followUpReview(uow, c.order, c.line, c.text),
  },
  'review.explain': {
    fields: { ...orderLine, ...props(ExplainBody) },
    run: (uow, c) => explainReview(uow, c.order, c.line, { by: c.by, on: c.on, text: c.text }),
  },
  'review.complain': {
    fields: { ...orderLine, ...props(ComplainBody) },
    run: (uow, c) => complainAboutReview(uow, c.order, c.line, { by: c.by, reason: c.reason }),
  },
  'refund.request': {
    fields: props(RequestRefundBody),
    run: (uow, { at: _a, type: _t, ...c }) => requestRefund(uow, c),
  },
  'refund.agree': { fields: { refund: Id }, run: (uow, c) => agreeRefund(uow, c.refund) },
  'refund.refuse': {
    fields: { refund: Id, ...props(RefuseRefundBody) },
    run: (uow, c) => refuseRefund(uow, c.refund, c.reason),
  },
  'refund.resubmit': {
    fields: { refund: Id, ...props(ResubmitRefundBody) },
    run: (uow, c) => resubmitRefund(uow, c.refund, c.amount),
  },
  'refund.ship_return': {
    fields: { refund: Id, ...props(ShipReturnBody) },
    run: (uow, c) => shipReturn(uow, c.refund, c.method),
  },
  'refund.confirm_return': { fields: { refund: Id }, run: (uow, c) => confirmReturn(uow, c.refund) },
  'refund.cancel': { fields: { refund: Id }, run: (uow, c) => cancelRefund(uow, c.refund) },
  'refund.escalate': { fields: { refund: Id }, run: (uow, c) => escalateRefund(uow, c.refund) },
  'dispute.evidence': {
    fields: { refund: Id, ...props(EvidenceBody) },
    run: (uow, c) => submitEvidence(uow, c.refund, c.by, c.text, c.attachments),
  },
  'dispute.settle': {
    fields: { refund: Id, ...props(SettleBody) },
    run: (uow, c) => settleDispute(uow, c.refund, c.amount),
  },
  'dispute.rule': {
    fields: { refund: Id, ...props(RuleDisputeBody) },
    run: (uow, c) => ruleOnDispute(uow, c.refund, c.responsible, c.amount),
  },
  'complaint.rule': {
    fields: { ...orderLine, ...props(RuleComplaintBody) },
    run: (uow, c) => ruleOnComplaint(uow, c.order, c.line, c.upheld),
  },
};
