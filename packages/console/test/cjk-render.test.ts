import { expect, it } from 'vitest';
import { openConsole } from './support.js';

// Without a CJK font every Chinese character is the same "tofu" box, and a page of 信誉 reads as
// nothing. Two different characters in the console's own font stack must render differently,
// and differently from no character at all.
it('renders Chinese characters with a real CJK font', async () => {
  const page = await openConsole({ lang: 'zh-CN' });
  await page.getByRole('link', { name: '信誉 Xinyu' }).first().waitFor();
  const shot = async (character: string) => {
    await page.evaluate((c) => {
      let probe = document.getElementById('cjk-probe');
      if (!probe) {
        probe = document.createElement('div');
        probe.id = 'cjk-probe';
        probe.style.cssText =
          'position:fixed;top:0;left:0;width:120px;height:120px;font-size:96px;line-height:120px;text-align:center;background:#fff;color:#000;z-index:99';
        document.body.append(probe);
      }
      probe.textContent = c;
    }, character);
    return page.locator('#cjk-probe').screenshot();
  };
  const xin = await shot('信');
  const yu = await shot('誉');
  const blank = await shot(' ');
  expect(xin.equals(yu)).toBe(false);
  expect(xin.equals(blank)).toBe(false);
  expect(yu.equals(blank)).toBe(false);
});
