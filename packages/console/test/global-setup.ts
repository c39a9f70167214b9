import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { buildConsole, startDemoServer } from '../scripts/demo-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo server every browser test file uses (the console at `/`, the API at `/v1`). */
    baseUrl: string;
    /** The one Chromium the files connect to. */
    wsEndpoint: string;
  }
}

/**
 * Once for all browser test files: build the console from its current source (what `npm install`
 * does), start ONE small demo server and ONE Chromium, and hand their addresses to the files.
 */
export default async function setup(project: TestProject) {
  await buildConsole();
  const demo = await startDemoServer({ orders: 300, shops: 3, buyers: 40, timeoutMs: 220_000 });
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch(async (e) => {
    await demo.stop();
    throw e;
  });
  project.provide('baseUrl', demo.address);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await demo.stop();
  };
}
