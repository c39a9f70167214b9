import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buyerRates, type MadeOrder, makeOrder, requestRefund, subjectOf, TOKENS } from './fixtures.js';
import { api, LANGS, type Lang, openConsole, PHONE, text, uniqueId, word } from './support.js';

async function signInWithToken(page: Page, lang: Lang, token: string) {
  await page
    .getByRole('link', { name: text(lang, 'nav.signIn') })
    .first()
    .click();
  await page.getByLabel(text(lang, 'signIn.token')).fill(token);
  await page
    .locator('main')
    .getByRole('button', { name: text(lang, 'nav.signIn'), exact: true })
    .click();
  await page.waitForURL('**/buyer');
}

/** Opens the dialog of `action` inside `scope`, and returns the dialog. */
async function openAction(page: Page, scope: ReturnType<Page['locator']>, lang: Lang, action: string) {
  await scope.getByRole('button', { name: word(lang, 'action', action), exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

describe('buyer: orders, reviews, refunds, escalation', () => {
  let buyer = '';
  let seller = '';
  beforeAll(async () => {
    buyer = await subjectOf(TOKENS.buyer);
    seller = await subjectOf(TOKENS.seller);
  });

  for (const lang of LANGS) {
    const viewport = lang === 'en' ? PHONE : undefined;
    it(`rates a line with DSR stars, follows up, changes a bad review, asks a refund, escalates with evidence (${lang}${viewport ? ', phone' : ''})`, async () => {
      const toRate = await makeOrder(seller, buyer, 'success', `蓝牙耳机 ${lang}`);
      const toChange = await makeOrder(seller, buyer, 'success', `保温杯 ${lang}`);
      await buyerRates(toChange, 'neutral', '一般般');
      const toRefund = await makeOrder(seller, buyer, 'shipped', `台灯 ${lang}`);
      const refused: MadeOrder = await makeOrder(seller, buyer, 'shipped', `电饭煲 ${lang}`);
      const refusedRefund = await requestRefund(refused);
      await api('POST', `/v1/refunds/${refusedRefund}/refuse`, { reason: '商品无质量问题' });

      const page = await openConsole({ lang, viewport });
      await signInWithToken(page, lang, TOKENS.buyer);
      if (viewport) {
        // Usable on a phone: nothing wider than the screen, so no sideways scrolling.
        await page.locator(`[data-order="${toRate.order}"]`).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      }

      // Rate with the three DSR stars.
      const rated = page.locator(`[data-order="${toRate.order}"]`);
      let dialog = await openAction(page, rated, lang, 'rate');
      await dialog.getByLabel(word(lang, 'rating', 'good'), { exact: true }).check();
      for (const d of ['description', 'service', 'logistics']) {
        await dialog
          .getByRole('group', { name: word(lang, 'dsr', d) })
          .getByLabel(text(lang, 'stars.n', { n: 5 }))
          .check();
      }
      const praise = `音质很好 👍 ${uniqueId('r')}`;
      await dialog.getByLabel(text(lang, 'review.text')).fill(praise);
      await dialog.getByRole('button', { name: text(lang, 'review.submit') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await rated.locator('.review-text', { hasText: praise }).waitFor();

      // Follow up on it.
      dialog = await openAction(page, rated, lang, 'followup');
      const later = `用了一个月，依然很好 ${uniqueId('f')}`;
      await dialog.getByLabel(text(lang, 'review.followupText')).fill(later);
      await dialog.getByRole('button', { name: text(lang, 'common.submit') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await rated.locator('.said.followup', { hasText: later }).waitFor();

      // Change a neutral review to good, within its window (the time left is shown by the button).
      const changed = page.locator(`[data-order="${toChange.order}"]`);
      const modify = changed.locator('.action', { has: page.locator('[data-action="modify"]') });
      expect(await modify.locator('.time-left').textContent()).toMatch(lang === 'en' ? /left$/ : /^剩/);
      dialog = await openAction(page, changed, lang, 'modify');
      await dialog.getByRole('button', { name: text(lang, 'review.modifySubmit') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await changed.locator('[data-by="buyer"] .rating-good').waitFor();
      expect(await changed.locator('[data-action="modify"]').count()).toBe(0);

      // Ask a refund on a shipped order: its deadline counts down.
      const refunding = page.locator(`[data-order="${toRefund.order}"]`);
      dialog = await openAction(page, refunding, lang, 'request_refund');
      await dialog.getByLabel(word(lang, 'refundKind', 'refund_only'), { exact: true }).check();
      await dialog.getByLabel(word(lang, 'refundReason', 'quality'), { exact: true }).check();
      await dialog.getByRole('button', { name: text(lang, 'refund.requestSubmit') }).click();
      await refunding.locator('.line-refunds .status', { hasText: word(lang, 'refundStatus', 'requested') }).waitFor();
      expect(await refunding.locator('.line-refunds .time-left').textContent()).toMatch(
        lang === 'en' ? /left$/ : /^剩/,
      );

      // Escalate the refused one, then submit evidence.
      await page.getByRole('link', { name: text(lang, 'buyer.refunds') }).click();
      const card = page.locator(`[data-refund="${refusedRefund}"]`);
      dialog = await openAction(page, card, lang, 'escalate');
      await dialog.getByRole('button', { name: word(lang, 'action', 'escalate') }).click();
      await card.locator('.status', { hasText: word(lang, 'refundStatus', 'intervention') }).waitFor();
      dialog = await openAction(page, card, lang, 'evidence');
      const proof = `收到时内胆已有划痕 ${uniqueId('e')}`;
      await dialog.getByLabel(text(lang, 'evidence.text')).fill(proof);
      await dialog.getByRole('button', { name: text(lang, 'evidence.submit') }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByRole('link').first().click();
      await page.locator('.evidence .review-text', { hasText: proof }).waitFor();
    });
  }
});
