/**
 * The console-facing API contract for what the server does not serve yet (/tmp contract from the
 * lead), in the shape openapi-typescript gives `paths`. `AllPaths` (client.ts) is `paths & Pending`,
 * so a landed endpoint's generated types take over field by field; entries are deleted here as
 * `npm run gen:api` brings them in. Empty once the server serves the whole contract.
 */

type Iso = string;
type Json<T> = { content: { 'application/json': T } };
type Read<Path, Query, Answer> = {
  get: { parameters: { path: Path; query?: Query }; responses: { 200: Json<Answer> } };
};

/** What the caller may do now, as the server computed it from the rules for the caller's role. */
export interface Action {
  action: string;
  until: Iso | null;
  kinds?: string[];
  reasons?: string[];
  maximum?: number;
}
type Text = { text: string; at: Iso } | null;
type Dsr = { description: number; service: number; logistics: number };

interface Credit {
  score: number;
  level: number;
  tier: string;
  icons: number;
  good: number;
  neutral: number;
  bad: number;
  goodRate: number | null;
}
interface ShopDsr {
  description: number | null;
  service: number | null;
  logistics: number | null;
  count: number;
}
interface ListedReview {
  review: string;
  order: string;
  line: string;
  item: string;
  title: string | null;
  buyer: string | null;
  anonymous: boolean;
  isDefault: boolean;
  state: string;
  givenAt: Iso;
  visible: boolean;
  folded: boolean;
  rating?: string;
  counted?: boolean;
  points?: number;
  text?: string | null;
  dsr?: Dsr | null;
  followup?: Text;
  explanation?: Text;
  followupExplanation?: Text;
}
interface ReviewView {
  by: string;
  visible: boolean;
  rating: string | null;
  isDefault: boolean;
  state: string;
  givenAt: Iso;
  changedAt: Iso | null;
  text: string | null;
  anonymous: boolean;
  dsr: Dsr | null;
  followup: Text;
  explanation: Text;
  followupExplanation: Text;
  folded: boolean;
  complaint: { status: string; at: Iso } | null;
}
interface OrderView {
  order: string;
  seller: string;
  shopName: string | null;
  buyer: string;
  status: string;
  createdAt: Iso | null;
  paidAt: Iso | null;
  shippedAt: Iso | null;
  shipMethod: string | null;
  deliveredAt: Iso | null;
  successAt: Iso | null;
  closedAt: Iso | null;
  autoConfirmAt: Iso | null;
  total: number;
  lines: Array<{
    line: string;
    item: string;
    title: string | null;
    price: number;
    qty: number;
    amount: number;
    category: string;
    virtual: boolean;
    reviews: { buyer: ReviewView | null; seller: ReviewView | null };
    refunds: Array<{
      refund: string;
      kind: string;
      status: string;
      requested: number;
      refunded: number;
      deadlineAt: Iso | null;
    }>;
    actions: Action[];
  }>;
  actions: Action[];
}
interface RefundSummary {
  refund: string;
  order: string;
  line: string;
  item: string;
  title: string | null;
  seller: string;
  buyer: string;
  kind: string;
  reason: string;
  status: string;
  requested: number;
  maximum: number;
  refunded: number;
  requestedAt: Iso;
  deadlineAt: Iso | null;
  awaiting: string | null;
  actions: Action[];
}
interface Evidence {
  evidence: number;
  by: string;
  text: string;
  at: Iso;
  attachments: Array<{ kind: string; mediaType?: string; url?: string; messages?: unknown }>;
}
interface RefundView extends RefundSummary {
  refusalReason: string | null;
  escalatedAt: Iso | null;
  rulingDueFrom: Iso | null;
  rulingDueBy: Iso | null;
  responsible: string | null;
  outcome: string | null;
  resolvedAt: Iso | null;
  evidence: Evidence[];
}
type Page<K extends string, T> = { [k in K]: T[] } & { nextCursor: string | null };
type PageQuery = { limit?: string; cursor?: string };

export interface Pending {
  '/v1/me': Read<never, never, { role: string; subject: string | null; name: string | null }>;
  '/v1/demo': Read<
    never,
    never,
    {
      signIns: Array<{ role: string; token: string; subject: string; name: string | null }>;
      shops: Array<{ seller: string; name: string | null; market: string }>;
    }
  >;
  '/v1/shops/{seller}': Read<
    { seller: string },
    never,
    { seller: string; name: string | null; market: string; credit: Credit; dsr: ShopDsr }
  >;
  '/v1/sellers/{seller}/reviews': Read<
    { seller: string },
    PageQuery & { rating?: string; folded?: string },
    { seller: string } & Page<'reviews', ListedReview>
  >;
  '/v1/orders/{order}': Read<{ order: string }, never, OrderView>;
  '/v1/buyers/{buyer}/orders': Read<{ buyer: string }, PageQuery, { buyer: string } & Page<'orders', OrderView>>;
  '/v1/buyers/{buyer}/refunds': Read<{ buyer: string }, PageQuery, { buyer: string } & Page<'refunds', RefundSummary>>;
  '/v1/refunds/{refund}': Read<{ refund: string }, never, RefundView>;
  '/v1/sellers/{seller}/workbench/reviews': Read<
    { seller: string },
    PageQuery,
    {
      seller: string;
    } & Page<
      'reviews',
      ListedReview & {
        modifiableUntil: Iso | null;
        complaint: { status: string; at: Iso } | null;
        actions: Action[];
      }
    >
  >;
  '/v1/sellers/{seller}/refunds': Read<
    { seller: string },
    PageQuery & { awaiting?: string; status?: string },
    { seller: string } & Page<'refunds', RefundSummary>
  >;
  '/v1/sellers/{seller}/metrics': Read<
    { seller: string },
    never,
    {
      seller: string;
      trades30d: number;
      refunds30d: number;
      disputes30d: number;
      refundRate30d: number | null;
      disputeRate30d: number | null;
    }
  >;
  '/v1/sellers/{seller}/metrics/history': Read<
    { seller: string },
    { days?: string },
    {
      seller: string;
      points: Array<{
        date: string;
        trades30d: number;
        refunds30d: number;
        disputes30d: number;
        refundRate30d: number | null;
        disputeRate30d: number | null;
      }>;
    }
  >;
  '/v1/interventions': Read<
    never,
    { limit?: string },
    {
      cases: Array<{
        refund: string;
        order: string;
        seller: string;
        buyer: string;
        title: string | null;
        kind: string;
        reason: string;
        requested: number;
        escalatedAt: Iso | null;
        evidenceOpenUntil: Iso | null;
        rulingDueFrom: Iso | null;
        rulingDueBy: Iso | null;
        overdue: boolean;
      }>;
    }
  >;
  '/v1/refunds/{refund}/case': Read<
    { refund: string },
    never,
    {
      refund: RefundView;
      order: OrderView;
      timeline: Array<{ at: Iso; type: string; aggregate: string; aggregateId: string; data: Record<string, unknown> }>;
    }
  >;
  '/v1/complaints': Read<
    never,
    PageQuery & { status?: string },
    Page<
      'complaints',
      {
        review: string;
        order: string;
        line: string;
        seller: string;
        by: string;
        reason: string;
        complainedAt: Iso;
        status: string;
        rating: string;
        text: string | null;
        givenAt: Iso;
        folded: boolean;
        actions: Action[];
      }
    >
  >;
}
