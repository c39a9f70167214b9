import { beforeAll, describe, expect, it } from 'vitest';
import { buyerRates, makeOrder, subjectOf, TOKENS } from './fixtures.js';
import { api, LANGS, openConsole, text, uniqueId, word } from './support.js';

type Case = { refund: string };
type CaseFile = { refund: { actions: Array<{ action: string }>; status: string } };

/** Open interventions the API says staff may rule on now, in queue order. */
async function rulableCases(): Promise<string[]> {
  const queue = await api<{ cases: Case[] }>('GET', '/v1/interventions?limit=100', undefined, TOKENS.staff);
  const rulable: string[] = [];
  for (const c of queue.cases) {
    const file = await api<CaseFile>('GET', `/v1/refunds/${c.refund}/case`, undefined, TOKENS.staff);
    if (file.refund.actions.some((a) => a.action === 'ruling')) rulable.push(c.refund);
  }
  return rulable;
}

describe('platform staff', () => {
  let seller = '';
  beforeAll(async () => {
    seller = await subjectOf(TOKENS.seller);
  });

  for (const lang of LANGS) {
    it(`opens the queue, a case timeline, rules; folds or rejects a complaint (${lang})`, async () => {
      const [target] = await rulableCases();
      expect(target, 'the demo leaves interventions awaiting a ruling').toBeDefined();
      const made = await makeOrder(seller, uniqueId('buyer'), 'success', `加湿器 ${lang}`);
      const words = `骗子店铺 ${uniqueId('c')}`;
      await buyerRates(made, 'bad', words);
      await api('POST', `/v1/orders/${made.order}/lines/${made.line}/reviews/complain`, {
        by: 'seller',
        reason: '买家以差评要挟',
      });

      const page = await openConsole({ lang, token: TOKENS.staff, path: '/staff' });
      const entry = page.locator(`.queue [data-refund="${target}"]`);
      await entry.getByRole('link').click();
      await page.waitForURL(`**/staff/cases/${target}`);
      const timeline = page.locator('.timeline li');
      await timeline.first().waitFor();
      expect(await timeline.count()).toBeGreaterThanOrEqual(4);
      await page.locator('.timeline', { hasText: word(lang, 'event', 'refund.escalated') }).waitFor();

      await page.getByRole('button', { name: word(lang, 'action', 'ruling'), exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(word(lang, 'responsible', lang === 'zh-CN' ? 'seller' : 'none'), { exact: true }).check();
      await dialog.getByRole('button', { name: text(lang, 'case.rule') }).click();
      await dialog.waitFor({ state: 'detached' });
      const ruled = await api<CaseFile>('GET', `/v1/refunds/${target}/case`, undefined, TOKENS.staff);
      expect(['refunded', 'closed']).toContain(ruled.refund.status);
      await page
        .getByText(word(lang, 'refundStatus', ruled.refund.status))
        .first()
        .waitFor();

      await page.getByRole('link', { name: text(lang, 'staff.complaints') }).click();
      const item = page.locator(`[data-review="${made.order}/${made.line}/buyer"]`);
      await item.locator('.review-text', { hasText: words }).waitFor();
      await item.getByRole('button', { name: word(lang, 'action', 'rule_complaint') }).click();
      const fold = lang === 'zh-CN';
      await dialog.getByLabel(text(lang, fold ? 'complaint.fold' : 'complaint.reject')).check();
      await dialog.getByRole('button', { name: text(lang, 'common.submit') }).click();
      await item.waitFor({ state: 'detached' });
      const reviews = await api<{ reviews: Array<{ review: string }> }>(
        'GET',
        `/v1/sellers/${seller}/reviews?folded=true&rating=bad&limit=100`,
      );
      expect(reviews.reviews.some((r) => r.review === `${made.order}/${made.line}/buyer`)).toBe(fold);
    });
  }
});
