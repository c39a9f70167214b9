import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import type { ReturnCondition } from './refund-state.js';
import {
  type ReturnLine,
  type ReturnOrder,
  returnRefusalCode,
  sevenDayReturnEligibility,
  sevenDayReturnWindow,
} from './seven-day-returns.js';

const at = (iso: string) => Date.parse(iso);
const DELIVERED = at('2024-05-10T15:00:00+08:00');
const delivered: ReturnOrder = { status: 'shipped', deliveredAt: DELIVERED, successAt: null };
const general: ReturnLine = { category: 'general', confirmedNoReturn: false };
const inWindow = at('2024-05-12T10:00:00+08:00');
const check = (line: ReturnLine, condition?: ReturnCondition, order = delivered, now = inWindow) =>
  sevenDayReturnEligibility(line, order, condition, now, taobaoPolicy);

describe('K1: the seven-day window', () => {
  const windows: { name: string; delivered: string; until: string }[] = [
    { name: 'afternoon delivery', delivered: '2024-05-10T15:00:00+08:00', until: '2024-05-18T00:00:00+08:00' },
    { name: 'delivery at 00:00', delivered: '2024-05-10T00:00:00+08:00', until: '2024-05-18T00:00:00+08:00' },
    { name: 'delivery at 23:59:59', delivered: '2024-05-10T23:59:59+08:00', until: '2024-05-18T00:00:00+08:00' },
    // 16:30 UTC is already 00:30 the next day in Shanghai: the zone, not UTC, decides the day.
    {
      name: 'delivery 00:30 local (16:30 UTC the day before)',
      delivered: '2024-05-10T16:30:00Z',
      until: '2024-05-19T00:00:00+08:00',
    },
  ];
  for (const w of windows) {
    it(`K1: ${w.name} → open until ${w.until}`, () => {
      expect(sevenDayReturnWindow(at(w.delivered), taobaoPolicy)).toEqual({
        from: at(w.delivered),
        until: at(w.until),
      });
    });
  }

  const instants: { name: string; now: string; reasons: string[] }[] = [
    { name: 'at the delivery instant (before the next 00:00) → inside', now: '2024-05-10T15:00:00+08:00', reasons: [] },
    { name: 'the evening of delivery → inside', now: '2024-05-10T23:00:00+08:00', reasons: [] },
    { name: '1 ms before 168 h after the next 00:00 → inside', now: '2024-05-17T23:59:59.999+08:00', reasons: [] },
    {
      name: 'exactly 168 h after the next 00:00 → closed',
      now: '2024-05-18T00:00:00+08:00',
      reasons: ['window_closed'],
    },
    { name: 'before delivery → not open', now: '2024-05-10T14:59:59.999+08:00', reasons: ['window_not_open'] },
  ];
  for (const c of instants) {
    it(`K1: ${c.name}`, () => expect(check(general, undefined, delivered, at(c.now)).reasons).toEqual(c.reasons));
  }

  it('K1 (Decision): shipped but not delivered → window_not_open', () => {
    const order: ReturnOrder = { status: 'shipped', deliveredAt: null, successAt: null };
    expect(check(general, undefined, order)).toEqual({ eligible: false, reasons: ['window_not_open'] });
  });

  it('K1 (Decision): confirmed receipt without a signature → the window starts at success', () => {
    const order: ReturnOrder = { status: 'success', deliveredAt: null, successAt: DELIVERED };
    expect(check(general, undefined, order, at('2024-05-17T23:00:00+08:00')).eligible).toBe(true);
    expect(check(general, undefined, order, at('2024-05-18T00:00:00+08:00')).reasons).toEqual(['window_closed']);
  });
});

describe('K2–K5: which goods', () => {
  const cases: { name: string; line: Partial<ReturnLine>; condition?: ReturnCondition; reasons: string[] }[] = [
    { name: 'K2: custom-made never', line: { category: 'custom_made' }, reasons: ['excluded_category:custom_made'] },
    { name: 'K2: fresh never', line: { category: 'fresh' }, reasons: ['excluded_category:fresh'] },
    { name: 'K2: periodicals never', line: { category: 'periodical' }, reasons: ['excluded_category:periodical'] },
    { name: 'K2: audio-video/software sealed → eligible', line: { category: 'audio_video_software' }, reasons: [] },
    {
      name: 'K2: audio-video/software once unsealed → excluded',
      line: { category: 'audio_video_software' },
      condition: { unsealed: true },
      reasons: ['excluded_category:audio_video_software'],
    },
    {
      name: 'K3: confirmation recorded at checkout → excluded',
      line: { confirmedNoReturn: true },
      reasons: ['confirmed_no_return'],
    },
    { name: 'K3: without the recorded confirmation → eligible', line: { category: 'electronics' }, reasons: [] },
    {
      name: 'K4: food with the seal broken',
      line: { category: 'food' },
      condition: { unsealed: true },
      reasons: ['seal_broken'],
    },
    {
      name: 'K4: cosmetics with the seal broken',
      line: { category: 'cosmetics' },
      condition: { unsealed: true },
      reasons: ['seal_broken'],
    },
    {
      name: 'K4: medical devices with the seal broken',
      line: { category: 'medical_device' },
      condition: { unsealed: true },
      reasons: ['seal_broken'],
    },
    {
      name: 'K4: family planning with the seal broken',
      line: { category: 'family_planning' },
      condition: { unsealed: true },
      reasons: ['seal_broken'],
    },
    { name: 'K4: general goods opened to inspect stay intact', line: {}, condition: { unsealed: true }, reasons: [] },
    {
      name: 'K5: electronics activated',
      line: { category: 'electronics' },
      condition: { activated: true },
      reasons: ['activated'],
    },
    {
      name: 'K5: clothing with the tag removed',
      line: { category: 'clothing' },
      condition: { tagRemoved: true },
      reasons: ['tag_removed'],
    },
    {
      name: 'K5: a removed tag does not matter on electronics',
      line: { category: 'electronics' },
      condition: { tagRemoved: true },
      reasons: [],
    },
    {
      name: 'K5: packaging badly damaged, any goods',
      line: {},
      condition: { packagingDamaged: true },
      reasons: ['packaging_damaged'],
    },
    {
      name: 'K2–K5: every reason is listed',
      line: { category: 'fresh', confirmedNoReturn: true },
      condition: { packagingDamaged: true },
      reasons: ['excluded_category:fresh', 'confirmed_no_return', 'packaging_damaged'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = check({ ...general, ...c.line }, c.condition);
      expect(result).toEqual({ eligible: c.reasons.length === 0, reasons: c.reasons });
    });
  }
});

describe('returnRefusalCode', () => {
  it('K1: the window alone → RETURN_WINDOW_CLOSED', () =>
    expect(returnRefusalCode(['window_closed'])).toBe('RETURN_WINDOW_CLOSED'));
  it('K2: excluded goods win over a closed window → RETURN_NOT_ELIGIBLE', () => {
    expect(returnRefusalCode(['excluded_category:fresh', 'window_closed'])).toBe('RETURN_NOT_ELIGIBLE');
  });
  it('K1: a window not yet open → RETURN_NOT_ELIGIBLE', () =>
    expect(returnRefusalCode(['window_not_open'])).toBe('RETURN_NOT_ELIGIBLE'));
});
