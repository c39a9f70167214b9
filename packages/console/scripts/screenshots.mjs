#!/usr/bin/env node
// The README's screenshots, taken from a fresh demo: docs/screenshots/shop-page.png (public shop
// page) and docs/screenshots/seller-workbench.png (signed in as the demo seller).
// usage: npm run screenshots -w @xinyu/console
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { buildConsole, ROOT, startDemoServer } from './demo-server.mjs';

const OUT = path.join(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });
await buildConsole();
const demo = await startDemoServer({ orders: 1500, shops: 5, buyers: 300, timeoutMs: 600_000 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const me = await fetch(new URL('/v1/me', demo.address), { headers: { authorization: 'Bearer demo-seller' } });
  const { subject: seller } = await me.json();
  const shoot = async (file, route, token, prepare) => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 1300 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await context.addInitScript((t) => {
      localStorage.setItem('xinyu.lang', 'zh-CN');
      if (t) localStorage.setItem('xinyu.token', t);
    }, token ?? '');
    const page = await context.newPage();
    await page.goto(new URL(route, demo.address).href);
    await page.locator('.review-list > li').first().waitFor();
    await prepare?.(page);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(OUT, file) });
    await context.close();
    console.log(`screenshots: ${path.relative(ROOT, path.join(OUT, file))} (${route})`);
  };
  // The newest reviews of a busy shop are mostly still hidden (double-blind, F3): the shot shows
  // the good ones, with their texts, shop ratings, follow-ups and explanations.
  await shoot('shop-page.png', `/shops/${encodeURIComponent(seller)}`, undefined, async (page) => {
    await page.getByRole('button', { name: '好评', exact: true }).click();
    await page.locator('.review-list > li .rating-good').first().waitFor();
  });
  await shoot('seller-workbench.png', '/seller', 'demo-seller');
} finally {
  await browser.close();
  await demo.stop();
}
