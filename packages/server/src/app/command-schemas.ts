import Type from 'typebox';

/**
 * The payload of every command, as TypeBox schemas shared by the two edges (HTTP routes and
 * `xinyu replay`), so validation and the OpenAPI document cannot drift. Text limits here are hard
 * caps against abuse; the policy's own limits (TEXT_TOO_LONG) are checked by the domain.
 */
const HARD_TEXT_CAP = 10_000;

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$' });
export const Fen = Type.Integer({ minimum: 0, maximum: 10_000_000_000 });
// No NUL: PostgreSQL text cannot store it (it failed as a 500).
export const Text = Type.String({ maxLength: HARD_TEXT_CAP, pattern: '^[^\\u0000]*$' });
export const PartySchema = Type.Union([Type.Literal('buyer'), Type.Literal('seller')]);
export const RatingSchema = Type.Union([Type.Literal('good'), Type.Literal('neutral'), Type.Literal('bad')]);
export const MarketSchema = Type.Union([Type.Literal('taobao'), Type.Literal('tmall')]);
export const ShipMethodSchema = Type.Union([Type.Literal('express'), Type.Literal('post'), Type.Literal('virtual')]);
export const CategorySchema = Type.Union(
  [
    'general',
    'food',
    'cosmetics',
    'medical_device',
    'family_planning',
    'electronics',
    'clothing',
    'custom_made',
    'fresh',
    'audio_video_software',
    'periodical',
  ].map((c) => Type.Literal(c)),
);
const Star = Type.Integer({ minimum: 1, maximum: 5 });
export const DsrSchema = Type.Object(
  { description: Star, service: Star, logistics: Star },
  { additionalProperties: false },
);

const strict = { additionalProperties: false } as const;

/** A display name (a shop's, an item's): shown as given, never parsed. */
export const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000]*$' });

export const RegisterSellerBody = Type.Object(
  { seller: Id, market: Type.Optional(MarketSchema), name: Type.Optional(DisplayName) },
  strict,
);

export const OrderLineSchema = Type.Object(
  {
    line: Id,
    item: Id,
    price: Fen,
    qty: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    category: Type.Optional(CategorySchema),
    virtual: Type.Optional(Type.Boolean()),
    confirmedNoReturn: Type.Optional(Type.Boolean()),
    invoiceTax: Type.Optional(Fen),
    title: Type.Optional(DisplayName),
  },
  strict,
);

export const PlaceOrderBody = Type.Object(
  {
    order: Id,
    buyer: Id,
    seller: Id,
    lines: Type.Array(OrderLineSchema, { minItems: 1, maxItems: 100 }),
    shipping: Type.Optional(Type.Object({ fee: Type.Optional(Fen), freeOver: Type.Optional(Fen) }, strict)),
    promisedShipHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90 })),
  },
  strict,
);

export const ShipOrderBody = Type.Object({ method: ShipMethodSchema }, strict);

export const RateReviewBody = Type.Object(
  {
    by: PartySchema,
    rating: RatingSchema,
    text: Type.Optional(Text),
    anonymous: Type.Optional(Type.Boolean()),
    dsr: Type.Optional(DsrSchema),
  },
  strict,
);
export const ModifyReviewBody = Type.Object({ by: PartySchema, rating: RatingSchema }, strict);
export const DeleteReviewBody = Type.Object({ by: PartySchema }, strict);
export const FollowupBody = Type.Object({ text: Text }, strict);
export const ExplainBody = Type.Object(
  { on: Type.Union([Type.Literal('review'), Type.Literal('followup')]), by: PartySchema, text: Text },
  strict,
);
export const ComplainBody = Type.Object({ by: PartySchema, reason: Text }, strict);
export const RuleComplaintBody = Type.Object({ upheld: Type.Boolean() }, strict);

export type PlaceOrderInput = Type.Static<typeof PlaceOrderBody>;
export type RateReviewInput = Type.Static<typeof RateReviewBody>;

export const RefundReasonSchema = Type.Union(
  [
    'no_reason',
    'quality',
    'not_as_described',
    'counterfeit',
    'not_received',
    'out_of_stock',
    'late_shipment',
    'other',
  ].map((r) => Type.Literal(r)),
);
const Money = Type.Integer({ minimum: -10_000_000_000, maximum: 10_000_000_000, description: 'fen' });

/** A refund request; a non-positive amount is refused by the domain (REFUND_AMOUNT_INVALID). */
export const RequestRefundBody = Type.Object(
  {
    refund: Id,
    order: Id,
    line: Id,
    kind: Type.Union([Type.Literal('refund_only'), Type.Literal('return_refund')]),
    amount: Money,
    reason: RefundReasonSchema,
    condition: Type.Optional(
      Type.Object(
        {
          unsealed: Type.Optional(Type.Boolean()),
          activated: Type.Optional(Type.Boolean()),
          tagRemoved: Type.Optional(Type.Boolean()),
          packagingDamaged: Type.Optional(Type.Boolean()),
          giftsMissing: Type.Optional(
            Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), price: Fen }, strict), { maxItems: 50 }),
          ),
          invoiceMissing: Type.Optional(Type.Boolean()),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const RefuseRefundBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2_000, pattern: '^[^\\u0000]*$' }) },
  strict,
);
export const ResubmitRefundBody = Type.Object({ amount: Type.Optional(Money) }, strict);
export const ShipReturnBody = Type.Object(
  { method: Type.Union([Type.Literal('express'), Type.Literal('post')]) },
  strict,
);
const NoNul = '^[^\\u0000]*$';
const EvidenceImage = Type.Object(
  {
    kind: Type.Literal('image'),
    mediaType: Type.String({ maxLength: 100, description: 'image/jpeg, image/png, image/webp or image/gif' }),
    data: Type.String({
      minLength: 4,
      maxLength: 2_800_000,
      pattern: '^[A-Za-z0-9+/]+={0,2}$',
      description: 'base64; at most 2 MiB decoded; the bytes must match mediaType',
    }),
  },
  strict,
);
const ChatExcerpt = Type.Object(
  {
    kind: Type.Literal('chat'),
    messages: Type.Array(
      Type.Object(
        {
          from: PartySchema,
          text: Type.String({ minLength: 1, maxLength: 2_000, pattern: NoNul }),
          at: Type.String({
            maxLength: 40,
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
            description: 'ISO 8601 with an offset',
          }),
        },
        strict,
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  strict,
);
/** I2: text, with up to 9 attachments: images (checked by their bytes) and chat excerpts. */
export const EvidenceBody = Type.Object(
  {
    by: PartySchema,
    text: Type.String({ minLength: 1, maxLength: 5_000, pattern: NoNul }),
    attachments: Type.Optional(Type.Array(Type.Union([EvidenceImage, ChatExcerpt]), { maxItems: 9 })),
  },
  strict,
);
export type EvidenceInput = Type.Static<typeof EvidenceBody>;
export const SettleBody = Type.Object({ amount: Money }, strict);
export const RuleDisputeBody = Type.Object(
  { responsible: Type.Union([Type.Literal('seller'), Type.Literal('buyer'), Type.Literal('none')]), amount: Money },
  strict,
);
