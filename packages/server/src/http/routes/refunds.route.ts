import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Result } from '@xinyu/domain';
import Type, { type TSchema } from 'typebox';
import {
  EvidenceBody,
  Id,
  RefuseRefundBody,
  RequestRefundBody,
  ResubmitRefundBody,
  RuleDisputeBody,
  SettleBody,
  ShipReturnBody,
} from '../../app/command-schemas.js';
import type { AppContext, UnitOfWork } from '../../app/context.js';
import { getEvidenceImage, getRefund } from '../../app/queries/get-refund.js';
import { listInterventionQueue } from '../../app/queries/list-intervention-queue.js';
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
import type { AccessRule } from '../access.js';
import { errorBody } from '../error-map.js';
import { runWrite } from '../run-write.js';
import { errorResponses, WriteHeaders } from '../schemas.js';
import { Instant, RefundViewSchema } from '../view-schemas.js';

const RefundOutcome = Type.Object({
  refund: Type.String(),
  status: Type.String({
    description: 'requested, refused, awaiting_return, return_shipped, intervention, refunded, closed',
  }),
  requested: Type.Integer({ description: 'fen' }),
  maximum: Type.Integer({ description: 'fen (rules K: refund arithmetic)' }),
  refunded: Type.Integer({ description: 'fen actually refunded' }),
  deadlineAt: Type.Union([Type.String(), Type.Null()]),
  disputeCounted: Type.Boolean(),
});
const RefundParams = Type.Object({ refund: Id });
const InterventionQueue = Type.Object({
  cases: Type.Array(
    Type.Object({
      refund: Type.String(),
      order: Type.String(),
      line: Type.String(),
      title: Type.Union([Type.String(), Type.Null()]),
      seller: Type.String(),
      buyer: Type.String(),
      kind: Type.String(),
      reason: Type.String(),
      requested: Type.Integer({ description: 'fen' }),
      escalatedAt: Instant,
      evidenceOpenUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'the end of the I2 evidence period; null once the case awaits its ruling',
      }),
      rulingDueFrom: Instant,
      rulingDueBy: Instant,
      overdue: Type.Boolean({ description: 'past the I3 SLA' }),
    }),
  ),
});
const Empty = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()], {
  description: 'no body needed (an empty object is accepted)',
});

// biome-ignore lint/suspicious/noExplicitAny: each body was validated against its action's schema
type ValidatedBody = any;

interface RefundAction {
  readonly path: string;
  readonly role: 'buyer' | 'seller' | 'party' | 'staff';
  readonly summary: string;
  readonly body: TSchema;
  /** Bytes of JSON accepted; only evidence (images) needs more than the server default. */
  readonly bodyLimit?: number;
  readonly run: (uow: UnitOfWork, refund: string, body: ValidatedBody) => Promise<Result<unknown>>;
}

/** Who may send a refund command: its role's own party, or staff; evidence says which party it is. */
const ACCESS_BY_ROLE: Record<RefundAction['role'], AccessRule> = {
  buyer: { roles: ['buyer'], owner: 'refund' },
  seller: { roles: ['seller', 'agent'], owner: 'refund' },
  party: { roles: ['buyer', 'seller', 'agent'], owner: 'refund', byIsCaller: true },
  staff: { roles: ['staff'] },
};

const ROLE_WORDS = { buyer: 'Buyer', seller: 'Seller', party: 'Buyer or seller', staff: 'Platform staff' } as const;

/** Every command on a refund, each a thin route over one use case, tagged with who uses it. */
const ACTIONS: readonly RefundAction[] = [
  { path: 'agree', role: 'seller', summary: 'Agree (H1–H3)', body: Empty, run: (u, r) => agreeRefund(u, r) },
  {
    path: 'refuse',
    role: 'seller',
    summary: 'Refuse with a reason (H4: the buyer then has 7 days)',
    body: RefuseRefundBody,
    run: (u, r, b) => refuseRefund(u, r, b.reason),
  },
  {
    path: 'resubmit',
    role: 'buyer',
    summary: 'Resubmit after a refusal (H4)',
    // The amount is optional, so no body at all is a resubmission as it stands (like `agree`).
    body: Type.Union([ResubmitRefundBody, Type.Null()]),
    run: (u, r, b) => resubmitRefund(u, r, b?.amount),
  },
  {
    path: 'ship-return',
    role: 'buyer',
    summary: 'Ship the goods back (H3)',
    body: ShipReturnBody,
    run: (u, r, b) => shipReturn(u, r, b.method),
  },
  {
    path: 'confirm-return',
    role: 'seller',
    summary: 'Confirm the return arrived (H3, K8)',
    body: Empty,
    run: (u, r) => confirmReturn(u, r),
  },
  {
    path: 'cancel',
    role: 'buyer',
    summary: 'Cancel the request (H5: no new one on the line)',
    body: Empty,
    run: (u, r) => cancelRefund(u, r),
  },
  {
    path: 'escalate',
    role: 'buyer',
    summary: 'Ask for platform intervention (I1)',
    body: Empty,
    run: (u, r) => escalateRefund(u, r),
  },
  {
    path: 'evidence',
    role: 'party',
    summary: 'Submit evidence during intervention, buyer or seller (I2)',
    body: EvidenceBody,
    // Nine images of at most 2 MiB, base64-encoded (×4/3), and the text.
    bodyLimit: 26 * 1024 * 1024,
    run: (u, r, b) => submitEvidence(u, r, b.by, b.text, b.attachments),
  },
  {
    path: 'settle',
    role: 'staff',
    summary: 'Record a settlement during intervention (I4; not a dispute refund, J1)',
    body: SettleBody,
    run: (u, r, b) => settleDispute(u, r, b.amount),
  },
  {
    path: 'ruling',
    role: 'staff',
    summary: 'Rule: responsible party and amount refunded (I4, J1)',
    body: RuleDisputeBody,
    run: (u, r, b) => ruleOnDispute(u, r, b.responsible, b.amount),
  },
];

/** Refunds, returns and disputes for buyers, sellers and platform staff. */
export function refundRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/refunds',
      {
        config: { access: { roles: ['buyer'], owner: 'body-order' } },
        schema: {
          tags: ['refunds'],
          summary: 'Buyer: request a refund or a return on one line (H, K)',
          headers: WriteHeaders,
          body: RequestRefundBody,
          response: { 201: RefundOutcome, ...errorResponses },
        },
      },
      (req, reply) => runWrite(ctx, req, reply, (uow) => requestRefund(uow, req.body), 201),
    );
    for (const action of ACTIONS) {
      app.post(
        `/refunds/:refund/${action.path}`,
        {
          config: { access: ACCESS_BY_ROLE[action.role] },
          ...(action.bodyLimit ? { bodyLimit: action.bodyLimit } : {}),
          schema: {
            tags: ['refunds'],
            summary: `${ROLE_WORDS[action.role]}: ${action.summary}`,
            headers: WriteHeaders,
            params: RefundParams,
            body: action.body,
            response: { 200: RefundOutcome, ...errorResponses },
          },
        },
        (req, reply) => runWrite(ctx, req, reply, (uow) => action.run(uow, req.params.refund, req.body)),
      );
    }
    app.get(
      '/refunds/:refund',
      {
        config: { access: { roles: ['buyer', 'seller', 'agent', 'staff'], owner: 'refund' } },
        schema: {
          tags: ['refunds'],
          summary: 'A refund with its deadline, evidence, whose move it is and the actions open to the caller',
          params: RefundParams,
          response: { 200: RefundViewSchema, 404: errorResponses[404] },
        },
      },
      async (req, reply) => {
        const refund = await getRefund(ctx, req.caller!, req.params.refund);
        if (!refund) return reply.code(404).send(errorBody('NOT_FOUND', `refund ${req.params.refund} does not exist`));
        return refund;
      },
    );
    app.get(
      '/refunds/:refund/evidence/:evidence/attachments/:position',
      {
        config: { access: { roles: ['buyer', 'seller', 'agent', 'staff'], owner: 'refund' } },
        schema: {
          tags: ['refunds'],
          summary: 'One evidence image, served with its media type',
          params: Type.Object({
            refund: Id,
            evidence: Type.String({ pattern: '^[0-9]{1,15}$' }),
            position: Type.String({ pattern: '^[0-8]$' }),
          }),
        },
      },
      async (req, reply) => {
        const image = await getEvidenceImage(
          ctx,
          req.params.refund,
          Number(req.params.evidence),
          Number(req.params.position),
        );
        if (!image) return reply.code(404).send(errorBody('NOT_FOUND', 'no such evidence image'));
        // Served as the checked image type only, never sniffed into something executable.
        return reply
          .header('content-type', image.mediaType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .send(image.content);
      },
    );
    app.get(
      '/interventions',
      {
        config: { access: { roles: ['staff'] } },
        schema: {
          tags: ['refunds'],
          summary: 'Platform staff: open interventions, the nearest ruling SLA first (I3)',
          querystring: Type.Object(
            { limit: Type.Optional(Type.String({ pattern: '^(?:[1-9]|[1-9][0-9]|100)$' })) },
            { additionalProperties: false },
          ),
          response: { 200: InterventionQueue },
        },
      },
      async (req) => listInterventionQueue(ctx, req.query.limit ? Number(req.query.limit) : 50),
    );
  };
}
