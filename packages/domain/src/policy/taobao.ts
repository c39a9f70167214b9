import { chinaWorkingCalendar } from './china-calendar.js';
import type { Policy } from './policy.js';

/** The default policy: Taobao's rules as described in spec/rules.md (sections A–L). */
export const taobaoPolicy: Policy = {
  name: 'taobao',
  version: 'taobao-2024.1',
  utcOffsetMinutes: 480,
  credit: {
    points: { good: 1, neutral: 0, bad: -1 },
    monthlyGoodCapPerPair: 6,
    sameItemWindowDays: 14,
    maxUncountedLineAmountFen: 100,
    levelMinScores: [
      4, 11, 41, 91, 151, 251, 501, 1_001, 2_001, 5_001, 10_001, 20_001, 50_001, 100_001, 200_001, 500_001, 1_000_001,
      2_000_001, 5_000_001, 10_000_001,
    ],
    tiers: ['heart', 'diamond', 'crown', 'gold_crown'],
    levelsPerTier: 5,
  },
  review: {
    windowDays: 15,
    textMaxChars: 500,
    followupWindowDays: 180,
    followupMaxChars: 500,
    explanationWindowDays: 30,
    explanationMaxChars: 500,
    modifyWindowDays: 30,
    unmodifiableMarkets: ['tmall'],
    complaintWindowDays: 30,
    complaintReasonMaxChars: 500,
  },
  dsr: { windowMonths: 6, perPairMonthlyCap: 3, decimals: 4 },
  autoConfirmDays: { express: 10, post: 30, virtual: 3 },
  afterSales: {
    refund: {
      sellerHoursBeforeShipment: 48,
      sellerDaysAfterShipment: 5,
      sellerDaysVirtual: 3,
      buyerReturnShipDays: 7,
      sellerConfirmReturnDays: { express: 10, post: 30 },
      buyerAfterRefusalDays: 7,
      virtualEscalationMinDays: 3,
      sellerFaultReasons: ['quality', 'not_as_described', 'counterfeit'],
    },
    intervention: { evidenceDays: 3, rulingSlaWorkingDays: { min: 4, max: 6 }, rulingDuringEvidence: false },
    sevenDayReturns: {
      windowHours: 168,
      neverCategories: ['custom_made', 'fresh', 'periodical'],
      neverOnceUnsealedCategories: ['audio_video_software'],
      sealCategories: ['food', 'cosmetics', 'medical_device', 'family_planning'],
      activationCategories: ['electronics'],
      tagCategories: ['clothing'],
    },
    shipPromise: {
      defaultPromisedShipHours: 48,
      lateCompensationPercent: 10,
      lateCompensationMinFen: 500,
      lateCompensationMaxFen: 10_000,
    },
    metrics: {
      windowDays: 30,
      decimals: 2,
      campaigns: { default: { maxDisputeRatePercent: 0.1, maxDisputeCount: 6, combine: 'any' } },
    },
    calendar: chinaWorkingCalendar,
  },
};
