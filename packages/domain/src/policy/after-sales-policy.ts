/**
 * The after-sales knobs (rules.md H–L): refund deadlines, platform intervention, seven-day
 * returns, the shipping promise, seller rates and the working-day calendar. Every number states
 * its unit and its `taobao` default.
 */
export interface AfterSalesPolicy {
  readonly refund: RefundPolicy;
  readonly intervention: InterventionPolicy;
  readonly sevenDayReturns: SevenDayReturnPolicy;
  readonly shipPromise: ShipPromisePolicy;
  readonly metrics: SellerMetricsPolicy;
  /** I3: the working-day calendar the ruling SLA is counted on. */
  readonly calendar: WorkingCalendar;
}

/** H1–H4, K7: refund deadlines and who is at fault. */
export interface RefundPolicy {
  /** H1: hours the seller has to answer a request made before shipment; default 48. */
  readonly sellerHoursBeforeShipment: number;
  /** H2, H3: days (×24 h) the seller has to answer a request made after shipment; default 5. */
  readonly sellerDaysAfterShipment: number;
  /** H2: days (×24 h) for a refund-only request on virtual goods; default 3. */
  readonly sellerDaysVirtual: number;
  /** H3: days (×24 h) the buyer has to ship the return once the seller agreed; default 7. */
  readonly buyerReturnShipDays: number;
  /** H3: days (×24 h) the seller has to confirm a shipped return; default express 10, post 30. */
  readonly sellerConfirmReturnDays: { readonly express: number; readonly post: number };
  /** H4: days (×24 h) after a refusal for the buyer to resubmit or escalate; default 7. */
  readonly buyerAfterRefusalDays: number;
  /** H4: virtual goods may be escalated no earlier than this many days after the request; default 3. */
  readonly virtualEscalationMinDays: number;
  /** K7: reasons that put the seller at fault, so the line's outbound shipping is refunded; default quality, not_as_described, counterfeit. */
  readonly sellerFaultReasons: readonly string[];
}

/** I2–I3: platform intervention. */
export interface InterventionPolicy {
  /** I2: days (×24 h) both parties have to submit evidence after escalation; default 3. */
  readonly evidenceDays: number;
  /** I3: the ruling SLA shown to staff, in working days from escalation; default 4 to 6. */
  readonly rulingSlaWorkingDays: { readonly min: number; readonly max: number };
  /** I2: whether staff may rule before the evidence period ends; default false (the case awaits a ruling only after it). */
  readonly rulingDuringEvidence: boolean;
}

/** K1–K5: seven-day no-reason returns; categories are replay.md's names. */
export interface SevenDayReturnPolicy {
  /** K1: hours the window lasts after 00:00 of the day after delivery; default 168. */
  readonly windowHours: number;
  /** K2: categories never returnable without reason; default custom_made, fresh, periodical. */
  readonly neverCategories: readonly string[];
  /** K2: categories not returnable once unsealed; default audio_video_software. */
  readonly neverOnceUnsealedCategories: readonly string[];
  /** K4: categories whose broken one-time seal makes them not intact; default food, cosmetics, medical_device, family_planning. */
  readonly sealCategories: readonly string[];
  /** K5: categories that are not intact once activated; default electronics. */
  readonly activationCategories: readonly string[];
  /** K5: categories that are not intact once their tag is removed; default clothing. */
  readonly tagCategories: readonly string[];
}

/** L1, L3: the shipping promise and the compensation for breaking it. */
export interface ShipPromisePolicy {
  /** L1: hours after payment to ship when the listing promised nothing else; default 48. */
  readonly defaultPromisedShipHours: number;
  /** L3: compensation as a percent of the goods amount (shipping excluded); default 10 (2015: 5). */
  readonly lateCompensationPercent: number;
  /** L3: least compensation, in fen; default 500. */
  readonly lateCompensationMinFen: number;
  /** L3: most compensation, in fen; default 10,000 (2015: 3,000). */
  readonly lateCompensationMaxFen: number;
}

/** J4: a campaign's entry threshold; each stated limit is one criterion. */
export interface CampaignThreshold {
  /** Highest dispute rate admitted, in percent (0.1 = 0.1 %). */
  readonly maxDisputeRatePercent?: number;
  /** Highest number of dispute refunds in the window admitted. */
  readonly maxDisputeCount?: number;
  /** Highest refund rate admitted, in percent. */
  readonly maxRefundRatePercent?: number;
  /** `any`: one criterion met suffices (rules.md's "or"); `all`: every one must be met. */
  readonly combine: 'any' | 'all';
}

/** J2, J4: seller rates and campaign thresholds. */
export interface SellerMetricsPolicy {
  /** J2: days (×24 h) of the rolling window, `(now − N days, now]`; default 30. */
  readonly windowDays: number;
  /** J2: decimals of the shown rates, half-up; default 2. */
  readonly decimals: number;
  /** J4: thresholds by campaign name; default `default`: dispute rate ≤ 0.1 % or count ≤ 6. */
  readonly campaigns: Readonly<Record<string, CampaignThreshold>>;
}

/** A working-day calendar: local dates as `YYYY-MM-DD` in the policy's time zone. */
export interface WorkingCalendar {
  /** Days of the week that are off, 0 = Sunday … 6 = Saturday; default [0, 6]. */
  readonly weekendDays: readonly number[];
  /** Public holidays (days off), e.g. the Spring Festival week. */
  readonly holidays: readonly string[];
  /** Weekend days declared working days to make up for a holiday (调休). */
  readonly makeUpWorkdays: readonly string[];
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the `afterSales` section, appending one message per problem. */
export function validateAfterSalesPolicy(a: Partial<AfterSalesPolicy> | undefined, problems: string[]): void {
  if (!a || typeof a !== 'object') {
    problems.push('afterSales is required');
    return;
  }
  const count = (path: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problems.push(`${path} must be a non-negative integer`);
  };
  const amount = (path: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problems.push(`${path} must be a non-negative number`);
  };
  const list = (path: string, v: unknown, item: (x: unknown) => boolean = (x) => typeof x === 'string') => {
    if (!Array.isArray(v) || !v.every(item)) problems.push(`${path} must be a list`);
  };
  const r = a.refund;
  if (!r) problems.push('afterSales.refund is required');
  else {
    for (const k of [
      'sellerHoursBeforeShipment',
      'sellerDaysAfterShipment',
      'sellerDaysVirtual',
      'buyerReturnShipDays',
      'buyerAfterRefusalDays',
      'virtualEscalationMinDays',
    ] as const) {
      count(`afterSales.refund.${k}`, r[k]);
    }
    count('afterSales.refund.sellerConfirmReturnDays.express', r.sellerConfirmReturnDays?.express);
    count('afterSales.refund.sellerConfirmReturnDays.post', r.sellerConfirmReturnDays?.post);
    list('afterSales.refund.sellerFaultReasons', r.sellerFaultReasons);
  }
  const i = a.intervention;
  if (!i) problems.push('afterSales.intervention is required');
  else {
    count('afterSales.intervention.evidenceDays', i.evidenceDays);
    count('afterSales.intervention.rulingSlaWorkingDays.min', i.rulingSlaWorkingDays?.min);
    count('afterSales.intervention.rulingSlaWorkingDays.max', i.rulingSlaWorkingDays?.max);
    if ((i.rulingSlaWorkingDays?.min ?? 0) > (i.rulingSlaWorkingDays?.max ?? 0)) {
      problems.push('afterSales.intervention.rulingSlaWorkingDays.min must not exceed max');
    }
    if (typeof i.rulingDuringEvidence !== 'boolean') {
      problems.push('afterSales.intervention.rulingDuringEvidence must be a boolean');
    }
  }
  const s = a.sevenDayReturns;
  if (!s) problems.push('afterSales.sevenDayReturns is required');
  else {
    count('afterSales.sevenDayReturns.windowHours', s.windowHours);
    for (const k of [
      'neverCategories',
      'neverOnceUnsealedCategories',
      'sealCategories',
      'activationCategories',
      'tagCategories',
    ] as const) {
      list(`afterSales.sevenDayReturns.${k}`, s[k]);
    }
  }
  const p = a.shipPromise;
  if (!p) problems.push('afterSales.shipPromise is required');
  else {
    count('afterSales.shipPromise.defaultPromisedShipHours', p.defaultPromisedShipHours);
    amount('afterSales.shipPromise.lateCompensationPercent', p.lateCompensationPercent);
    count('afterSales.shipPromise.lateCompensationMinFen', p.lateCompensationMinFen);
    count('afterSales.shipPromise.lateCompensationMaxFen', p.lateCompensationMaxFen);
    if ((p.lateCompensationMinFen ?? 0) > (p.lateCompensationMaxFen ?? 0)) {
      problems.push('afterSales.shipPromise.lateCompensationMinFen must not exceed the max');
    }
  }
  const m = a.metrics;
  if (!m) problems.push('afterSales.metrics is required');
  else {
    count('afterSales.metrics.windowDays', m.windowDays);
    count('afterSales.metrics.decimals', m.decimals);
    for (const [name, t] of Object.entries(m.campaigns ?? {})) {
      if (t.combine !== 'any' && t.combine !== 'all') problems.push(`afterSales.metrics.campaigns.${name}.combine`);
      for (const k of ['maxDisputeRatePercent', 'maxDisputeCount', 'maxRefundRatePercent'] as const) {
        if (t[k] !== undefined) amount(`afterSales.metrics.campaigns.${name}.${k}`, t[k]);
      }
    }
  }
  const c = a.calendar;
  if (!c) problems.push('afterSales.calendar is required');
  else {
    list(
      'afterSales.calendar.weekendDays',
      c.weekendDays,
      (d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6,
    );
    list('afterSales.calendar.holidays', c.holidays, (d) => typeof d === 'string' && DATE_KEY.test(d));
    list('afterSales.calendar.makeUpWorkdays', c.makeUpWorkdays, (d) => typeof d === 'string' && DATE_KEY.test(d));
  }
}
