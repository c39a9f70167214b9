import type { Answer } from './client.js';

/** The views the pages show, named after the reads that answer them. */
/** What the caller may do now, as the server computed it from the rules for the caller's role. */
export type Action = Answer<'/v1/orders/{order}'>['actions'][number];
export type Me = Answer<'/v1/me'>;
export type Shop = Answer<'/v1/shops/{seller}'>;
export type Credit = Shop['credit'];
export type ListedReview = Answer<'/v1/sellers/{seller}/reviews'>['reviews'][number];
export type OrderView = Answer<'/v1/orders/{order}'>;
export type OrderLine = OrderView['lines'][number];
export type ReviewView = NonNullable<OrderLine['reviews']['buyer']>;
export type RefundSummary = Answer<'/v1/buyers/{buyer}/refunds'>['refunds'][number];
export type RefundView = Answer<'/v1/refunds/{refund}'>;
export type WorkbenchReview = Answer<'/v1/sellers/{seller}/workbench/reviews'>['reviews'][number];
export type LedgerEntry = Answer<'/v1/sellers/{seller}/credit'>['ledger']['entries'][number];
export type MetricsPoint = Answer<'/v1/sellers/{seller}/metrics/history'>['points'][number];
export type InterventionCase = Answer<'/v1/interventions'>['cases'][number];
export type CaseFile = Answer<'/v1/refunds/{refund}/case'>;
export type TimelineEvent = CaseFile['timeline'][number];
export type Complaint = Answer<'/v1/complaints'>['complaints'][number];
export type DemoInfo = Answer<'/v1/demo'>;

/** The action named `name` among those the server allows now, if it is there. */
export function findAction(actions: readonly Action[] | undefined, name: string): Action | undefined {
  return actions?.find((a) => a.action === name);
}
