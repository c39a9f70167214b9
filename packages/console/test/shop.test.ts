import { beforeAll, describe, expect, it } from 'vitest';
import { buyerRates, makeOrder } from './fixtures.js';
import { api, LANGS, openConsole, text, uniqueId, word } from './support.js';

type Shop = { name: string | null; credit: { score: number; icons: number; tier: string } };

describe('shop page (public)', () => {
  let seller = '';
  const markup = `<b>别买</b> 😡 <img src=x onerror=alert(1)> ${uniqueId('html')}`;
  const foldedText = `被折叠的差评 ${uniqueId('folded')}`;

  // A shop of its own: the other files change the demo shop's credit while this one reads it.
  beforeAll(async () => {
    seller = uniqueId('shop');
    await api('POST', '/v1/sellers', { seller, market: 'taobao', name: `山茶小铺 ${seller}` });
    for (let i = 0; i < 6; i++) {
      await buyerRates(await makeOrder(seller, uniqueId('fan'), 'success', `山茶花香皂 ${i}`), 'good', '很好用');
    }
    const shopper = uniqueId('shopper');
    const plain = await makeOrder(seller, shopper, 'success', '纯棉T恤');
    await buyerRates(plain, 'bad', markup);
    const folded = await makeOrder(seller, shopper, 'success', '羊毛围巾');
    await buyerRates(folded, 'bad', foldedText);
    const line = `/v1/orders/${folded.order}/lines/${folded.line}/reviews`;
    await api('POST', `${line}/complain`, { by: 'seller', reason: '恶意差评' });
    await api('POST', `${line}/complaint-ruling`, { upheld: true });
  });

  for (const lang of LANGS) {
    it(`shows credit, DSR and reviews, filters by rating and keeps folded reviews behind a click (${lang})`, async () => {
      const shop = await api<Shop>('GET', `/v1/shops/${seller}`);
      const page = await openConsole({ lang, path: `/shops/${seller}` });
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(shop.name ?? seller);
      expect(await page.getByTestId('credit-score').textContent()).toBe(String(shop.credit.score));
      // The badge draws exactly the icons the API gives, of its tier.
      expect(shop.credit.icons).toBeGreaterThan(0);
      expect(await page.locator('.shop-summary .credit-badge svg').count()).toBe(shop.credit.icons);
      for (const d of ['description', 'service', 'logistics']) {
        await page
          .getByText(word(lang, 'dsr', d), { exact: true })
          .first()
          .waitFor();
      }

      await page.getByRole('button', { name: word(lang, 'rating', 'bad'), exact: true }).click();
      const mine = page.locator('.review-list li', { hasText: markup });
      await mine.waitFor();
      // Markup in a buyer's words is text: shown exactly, never turned into elements.
      expect(await mine.locator('.review-text').first().textContent()).toBe(markup);
      expect(await mine.locator('.review-text b, .review-text img').count()).toBe(0);
      const tags = await page.locator('section.card > .review-list .rating-tag').allTextContents();
      expect(new Set(tags)).toEqual(new Set([word(lang, 'rating', 'bad')]));

      expect(await page.getByText(foldedText).count()).toBe(0);
      await page.getByRole('button', { name: text(lang, 'shop.showFolded') }).click();
      await page.locator('.folded-list').getByText(foldedText).waitFor();
    });
  }

  it('switches between Chinese and English from the header, and keeps the choice', async () => {
    const page = await openConsole({ lang: 'zh-CN', path: `/shops/${seller}` });
    await page.getByRole('heading', { name: text('zh-CN', 'shop.reviews') }).waitFor();
    await page.getByRole('button', { name: text('zh-CN', 'nav.otherLanguageLabel') }).click();
    await page.getByRole('heading', { name: text('en', 'shop.reviews') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: text('en', 'shop.reviews') }).waitFor();
    await page.getByRole('button', { name: text('en', 'nav.otherLanguageLabel') }).click();
    await page.getByRole('heading', { name: text('zh-CN', 'shop.reviews') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });
});
