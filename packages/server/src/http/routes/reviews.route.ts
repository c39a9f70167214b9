import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Result } from '@xinyu/domain';
import Type, { type TSchema } from 'typebox';
import {
  ComplainBody,
  DeleteReviewBody,
  ExplainBody,
  FollowupBody,
  ModifyReviewBody,
  RateReviewBody,
  RuleComplaintBody,
} from '../../app/command-schemas.js';
import type { AppContext, UnitOfWork } from '../../app/context.js';
import { complainAboutReview } from '../../app/reviews/complain-about-review.js';
import { deleteReview } from '../../app/reviews/delete-review.js';
import { explainReview } from '../../app/reviews/explain-review.js';
import { followUpReview } from '../../app/reviews/follow-up-review.js';
import { modifyReview } from '../../app/reviews/modify-review.js';
import { rateReview } from '../../app/reviews/rate-review.js';
import { ruleOnComplaint } from '../../app/reviews/rule-on-complaint.js';
import type { AccessRule } from '../access.js';
import { runWrite } from '../run-write.js';
import { errorResponses, LineParams, WriteHeaders } from '../schemas.js';

// biome-ignore lint/suspicious/noExplicitAny: each body was validated against its action's schema
type ValidatedBody = any;

const ReviewOutcome = Type.Object({ review: Type.String({ description: 'ORDER/LINE/by' }) });

interface ReviewAction {
  readonly path: string;
  readonly summary: string;
  readonly body: TSchema;
  readonly response: TSchema;
  readonly run: (uow: UnitOfWork, order: string, line: string, body: ValidatedBody) => Promise<Result<unknown>>;
  readonly access: AccessRule;
}

/** A party of the order acting as itself (`by` is the caller's party). */
const PARTY: AccessRule = { roles: ['buyer', 'seller', 'agent'], owner: 'order', byIsCaller: true };

/** The review commands of one line, each a thin route over one use case. */
const ACTIONS: readonly ReviewAction[] = [
  {
    path: '',
    access: PARTY,
    summary: 'Rate a line (buyer: with optional DSR; seller: rates the buyer) — F1, E1',
    body: RateReviewBody,
    response: ReviewOutcome,
    run: (uow, order, line, body) => rateReview(uow, order, line, body),
  },
  {
    path: '/modify',
    access: PARTY,
    summary: 'Change a neutral or bad review to good, once, within 30 days — F6, A9',
    body: ModifyReviewBody,
    response: ReviewOutcome,
    run: (uow, order, line, body) => modifyReview(uow, order, line, body.by, body.rating),
  },
  {
    path: '/delete',
    access: PARTY,
    summary: 'Delete a neutral or bad review, once, within 30 days — F6',
    body: DeleteReviewBody,
    response: ReviewOutcome,
    run: (uow, order, line, body) => deleteReview(uow, order, line, body.by),
  },
  {
    path: '/followup',
    access: { roles: ['buyer'], owner: 'order' },
    summary: "The buyer's one follow-up review, within 180 days — F4",
    body: FollowupBody,
    response: ReviewOutcome,
    run: (uow, order, line, body) => followUpReview(uow, order, line, body.text),
  },
  {
    path: '/explain',
    access: PARTY,
    summary: 'The rated party explains a review or follow-up, once each, within 30 days — F5',
    body: ExplainBody,
    response: ReviewOutcome,
    run: (uow, order, line, body) => explainReview(uow, order, line, body),
  },
  {
    path: '/complain',
    access: PARTY,
    summary: 'The rated party asks the platform to fold a review, within 30 days — F7',
    body: ComplainBody,
    response: ReviewOutcome,
    run: (uow, order, line, body) => complainAboutReview(uow, order, line, body),
  },
  {
    path: '/complaint-ruling',
    access: { roles: ['staff'] },
    summary: 'Platform staff rule on the pending complaint: upheld folds the review — F7',
    body: RuleComplaintBody,
    response: Type.Object({ ruled: Type.Array(Type.String()) }),
    run: (uow, order, line, body) => ruleOnComplaint(uow, order, line, body.upheld),
  },
];

export function reviewRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const action of ACTIONS) {
      app.post(
        `/orders/:order/lines/:line/reviews${action.path}`,
        {
          config: { access: action.access },
          schema: {
            tags: ['reviews'],
            summary: action.summary,
            headers: WriteHeaders,
            params: LineParams,
            body: action.body,
            response: { 200: action.response, ...errorResponses },
          },
        },
        (req, reply) =>
          runWrite(ctx, req, reply, (uow) => action.run(uow, req.params.order, req.params.line, req.body)),
      );
    }
  };
}
