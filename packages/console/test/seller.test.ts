import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buyerRates, makeOrder, requestRefund, subjectOf, TOKENS } from './fixtures.js';
import { api, LANGS, openConsole, text, uniqueId, word } from './support.js';

/** Presses Tab until `target` has the focus (keyboard only, as a person without a mouse would). */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 400) {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
  }
  throw new Error('the element cannot be reached with Tab');
}

describe('seller workbench', () => {
  let seller = '';
  beforeAll(async () => {
    seller = await subjectOf(TOKENS.seller);
  });

  for (const lang of LANGS) {
    const keyboard = lang === 'zh-CN';
    it(`explains a new bad review${keyboard ? ' by keyboard only' : ''}, answers a refund, reads the ledger and the rates (${lang})`, async () => {
      const complaint = `物流太慢，包装破损 ${uniqueId('bad')}`;
      const made = await makeOrder(seller, uniqueId('buyer'), 'success', `陶瓷碗 ${lang}`);
      await buyerRates(made, 'bad', complaint);
      const refundOrder = await makeOrder(seller, uniqueId('buyer'), 'shipped', `毛毯 ${lang}`);
      const refund = await requestRefund(refundOrder);

      const page = await openConsole({ lang, token: TOKENS.seller, path: '/seller' });
      const item = page.locator(`[data-review="${made.order}/${made.line}/buyer"]`);
      await item.locator('.review-text', { hasText: complaint }).waitFor();
      // The buyer may still change it: the window the API gives counts down.
      expect(await item.locator('.deadline .time-left').textContent()).toMatch(lang === 'en' ? /left$/ : /^剩/);

      const explainButton = item.getByRole('button', { name: word(lang, 'action', 'explain'), exact: true });
      const answer = `抱歉，已补发新碗 ${uniqueId('x')}`;
      if (keyboard) {
        await tabTo(page, explainButton);
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        // Escape closes the dialog and gives the focus back to the button.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await explainButton.evaluate((el) => document.activeElement === el)).toBe(true);
        await page.keyboard.press('Enter');
        await dialog.waitFor();
        const field = dialog.getByLabel(text(lang, 'review.explainText'));
        await tabTo(page, field, 10);
        await page.keyboard.type(answer);
        await tabTo(page, dialog.getByRole('button', { name: text(lang, 'common.submit') }), 10);
        await page.keyboard.press('Enter');
      } else {
        await explainButton.click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(text(lang, 'review.explainText')).fill(answer);
        await dialog.getByRole('button', { name: text(lang, 'common.submit') }).click();
      }
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await item.locator('.said', { hasText: answer }).waitFor();
      if (keyboard) {
        // The button is gone (explained once): the focus stays on the review acted on, not lost.
        await expect.poll(() => item.evaluate((li) => li.contains(document.activeElement))).toBe(true);
      }
      expect(await item.getByRole('button', { name: word(lang, 'action', 'explain'), exact: true }).count()).toBe(0);

      // Refunds waiting for an answer: agree in one language, refuse with a reason in the other.
      await page.getByRole('link', { name: text(lang, 'seller.refunds'), exact: true }).click();
      const card = page.locator(`[data-refund="${refund}"]`);
      await card.getByRole('button', { name: word(lang, 'action', 'agree'), exact: true }).click();
      const dialog = page.getByRole('dialog');
      if (lang === 'zh-CN') {
        await dialog.getByRole('button', { name: word(lang, 'action', 'agree') }).click();
      } else {
        await dialog.getByRole('button', { name: text(lang, 'common.cancel') }).click();
        await card.getByRole('button', { name: word(lang, 'action', 'refuse'), exact: true }).click();
        await dialog.getByLabel(text(lang, 'refund.refuseReason')).fill('The blanket was used');
        await dialog.getByRole('button', { name: text(lang, 'common.submit') }).click();
      }
      await card.waitFor({ state: 'detached' });
      const after = await api<{ status: string }>('GET', `/v1/refunds/${refund}`);
      expect(after.status).toBe(lang === 'zh-CN' ? 'refunded' : 'refused');

      // Why is my score X: the ledger, each entry with its rule in words.
      await page.getByRole('link', { name: text(lang, 'seller.credit'), exact: true }).click();
      // Other files' orders move the demo shop's score meanwhile: the page must show the score the
      // API gives when it is read (reloaded if a review landed in between).
      await page.locator('h2 .credit-badge').waitFor();
      await expect
        .poll(
          async () => {
            const { credit } = await api<{ credit: { score: number } }>('GET', `/v1/sellers/${seller}/credit?limit=1`);
            const want = text(lang, 'ledger.why', { score: credit.score });
            const shown = page.getByRole('heading', { name: want });
            if ((await shown.count()) === 1) return true;
            await page.reload();
            await page.locator('h2 .credit-badge').waitFor();
            return false;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      await page
        .locator('table.ledger tbody tr', { hasText: word(lang, 'rule', 'A1') })
        .first()
        .waitFor();

      // Refund and dispute rates over time, drawn.
      await page.getByRole('link', { name: text(lang, 'seller.rates'), exact: true }).click();
      await page.locator('.chart path.series-refund').waitFor({ state: 'attached' });
      expect(await page.locator('.chart path.series-refund').getAttribute('d')).toMatch(/^M/);
    });
  }

  it('lets a shop agent work in the same workbench', async () => {
    const page = await openConsole({ lang: 'zh-CN', token: TOKENS.agent, path: '/seller' });
    await page.getByRole('heading', { name: text('zh-CN', 'seller.title') }).waitFor();
    await page.locator('.review-list > li').first().waitFor();
  });
});
