import Type, { type TSchema } from 'typebox';

/** Response schemas of the views the console reads (documented in /openapi.json, serialized by them). */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Instant = Nullable(Type.String({ format: 'date-time' }));
const TextEntry = Nullable(Type.Object({ text: Type.String(), at: Type.String({ format: 'date-time' }) }));
export const DsrScores = Nullable(
  Type.Object({ description: Type.Integer(), service: Type.Integer(), logistics: Type.Integer() }),
);

/** What the caller may do now, and until when; the console offers exactly these. */
export const ActionSchema = Type.Object(
  {
    action: Type.String({
      description:
        'rate, modify, delete, followup, explain, explain_followup, complain, rule_complaint, request_refund, ' +
        'confirm, ship, agree, refuse, confirm_return, resubmit, ship_return, cancel, escalate, evidence, settle, ruling',
    }),
    until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'the deadline: an action at or after it is late; null when it has none of its own',
    }),
    kinds: Type.Optional(Type.Array(Type.String(), { description: 'request_refund: the kinds accepted' })),
    reasons: Type.Optional(Type.Array(Type.String(), { description: 'request_refund: the reasons accepted' })),
    maximum: Type.Optional(Type.Integer({ description: 'request_refund: the most it would refund, fen' })),
  },
  { description: 'An action the caller may take now (computed by the rules for the caller’s role)' },
);
export const Actions = Type.Array(ActionSchema);

export const ReviewViewSchema = Type.Object({
  by: Type.String(),
  visible: Type.Boolean({ description: 'false while double-blind (F3) hides it from the caller' }),
  rating: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  state: Type.String({ description: 'active, modified or deleted' }),
  givenAt: Instant,
  changedAt: Instant,
  text: Nullable(Type.String()),
  anonymous: Type.Boolean(),
  dsr: DsrScores,
  followup: TextEntry,
  explanation: TextEntry,
  followupExplanation: TextEntry,
  folded: Type.Boolean(),
  complaint: Nullable(Type.Object({ status: Type.String(), at: Type.String({ format: 'date-time' }) })),
});

export const OrderViewSchema = Type.Object({
  order: Type.String(),
  seller: Type.String(),
  shopName: Nullable(Type.String()),
  buyer: Type.String(),
  status: Type.String({ description: 'placed, paid, shipped, success or closed' }),
  createdAt: Instant,
  paidAt: Instant,
  shippedAt: Instant,
  shipMethod: Nullable(Type.String()),
  deliveredAt: Instant,
  successAt: Instant,
  closedAt: Instant,
  autoConfirmAt: Instant,
  total: Type.Integer({ description: 'goods amount of all lines, fen' }),
  lines: Type.Array(
    Type.Object({
      line: Type.String(),
      item: Type.String(),
      title: Nullable(Type.String()),
      price: Type.Integer({ description: 'unit price, fen' }),
      qty: Type.Integer(),
      amount: Type.Integer({ description: 'price × qty, fen' }),
      category: Type.String(),
      virtual: Type.Boolean(),
      reviews: Type.Object({ buyer: Nullable(ReviewViewSchema), seller: Nullable(ReviewViewSchema) }),
      refunds: Type.Array(
        Type.Object({
          refund: Type.String(),
          kind: Type.String(),
          status: Type.String(),
          requested: Type.Integer(),
          refunded: Type.Integer(),
          deadlineAt: Instant,
        }),
      ),
      actions: Actions,
    }),
  ),
  actions: Actions,
});

export const RefundSummarySchema = Type.Object({
  refund: Type.String(),
  order: Type.String(),
  line: Type.String(),
  item: Type.String(),
  title: Nullable(Type.String()),
  seller: Type.String(),
  buyer: Type.String(),
  kind: Type.String(),
  reason: Type.String(),
  status: Type.String({
    description: 'requested, refused, awaiting_return, return_shipped, intervention, refunded, closed',
  }),
  requested: Type.Integer({ description: 'fen' }),
  maximum: Type.Integer({ description: 'fen' }),
  refunded: Type.Integer({ description: 'fen' }),
  requestedAt: Instant,
  deadlineAt: Instant,
  awaiting: Nullable(Type.String({ description: 'whose move: seller, buyer or platform' })),
  actions: Actions,
});

export const Page = <T extends TSchema>(owner: string, key: string, item: T) =>
  Type.Object({
    [owner]: Type.String(),
    [key]: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'pass as `cursor` for the next page; null at the end' })),
  });

const Attachment = Type.Union([
  Type.Object({
    kind: Type.Literal('image'),
    mediaType: Nullable(Type.String()),
    bytes: Nullable(Type.Integer()),
    url: Type.String({ description: 'GET it with the same credentials' }),
  }),
  Type.Object({
    kind: Type.Literal('chat'),
    messages: Type.Unknown({ description: '[{from, text, at}]' }),
  }),
]);

export const RefundViewSchema = Type.Object({
  ...RefundSummarySchema.properties,
  refusalReason: Nullable(Type.String()),
  escalatedAt: Instant,
  rulingDueFrom: Instant,
  rulingDueBy: Instant,
  responsible: Nullable(Type.String()),
  disputeCounted: Type.Boolean(),
  outcome: Nullable(Type.String()),
  resolvedAt: Instant,
  evidence: Type.Array(
    Type.Object({
      evidence: Type.Integer(),
      by: Type.String(),
      text: Type.String(),
      at: Type.String({ format: 'date-time' }),
      attachments: Type.Array(Attachment),
    }),
  ),
});

/** A buyer's review as the shop's listings show it; hidden ones (F3) carry no rating, text or points. */
export const ListedReviewSchema = Type.Object({
  review: Type.String({ description: 'ORDER/LINE/buyer' }),
  order: Type.String(),
  line: Type.String(),
  item: Type.String(),
  title: Nullable(Type.String()),
  buyer: Nullable(Type.String({ description: 'null when anonymous' })),
  anonymous: Type.Boolean(),
  isDefault: Type.Boolean(),
  state: Type.String(),
  givenAt: Instant,
  visible: Type.Boolean(),
  folded: Type.Boolean(),
  rating: Type.Optional(Type.String()),
  counted: Type.Optional(Type.Boolean()),
  points: Type.Optional(Type.Integer()),
  text: Type.Optional(Nullable(Type.String())),
  dsr: Type.Optional(DsrScores),
  followup: Type.Optional(TextEntry),
  explanation: Type.Optional(TextEntry),
  followupExplanation: Type.Optional(TextEntry),
});

export const WorkbenchReviewSchema = Type.Object({
  ...ListedReviewSchema.properties,
  modifiableUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: "the end of the buyer's one chance to change it to good or delete it (F6); null when closed",
  }),
  complaint: Nullable(Type.Object({ status: Type.String(), at: Instant })),
  actions: Actions,
});

export const ComplaintSchema = Type.Object({
  review: Type.String({ description: 'ORDER/LINE/by' }),
  order: Type.String(),
  line: Type.String(),
  item: Type.String(),
  title: Nullable(Type.String()),
  seller: Type.String(),
  buyer: Type.String(),
  by: Type.String({ description: 'the party that complained (the rated one)' }),
  reason: Type.String(),
  complainedAt: Instant,
  status: Type.String({ description: 'pending, upheld or rejected' }),
  rating: Type.String(),
  text: Nullable(Type.String()),
  givenAt: Instant,
  folded: Type.Boolean(),
  actions: Actions,
});

export const TimelineEventSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  type: Type.String({ description: 'event type, e.g. order.paid, review.rated, refund.escalated' }),
  aggregate: Type.String({ description: 'order, review or refund' }),
  aggregateId: Type.String(),
  data: Type.Unknown(),
});

export const CreditSchema = Type.Object({
  score: Type.Integer(),
  level: Type.Integer({ description: '0–20 (rules B)' }),
  tier: Type.String({ description: 'none, heart, diamond, crown, gold_crown' }),
  icons: Type.Integer({ description: '1–5 icons of the tier; 0 at level 0' }),
  good: Type.Integer(),
  neutral: Type.Integer(),
  bad: Type.Integer(),
  goodRate: Nullable(Type.Number({ description: 'percent, 2 decimals (C1)' })),
});
export const DsrSchema = Type.Object({
  description: Nullable(Type.Number()),
  service: Nullable(Type.Number()),
  logistics: Nullable(Type.Number()),
  count: Type.Integer(),
});
