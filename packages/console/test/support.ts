import { randomUUID } from 'node:crypto';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { en } from '../src/i18n/en.js';
import { type Key, zhCN } from '../src/i18n/zh-CN.js';

/** The demo server of this run (global-setup.ts). */
export const baseUrl = inject('baseUrl');

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** The console's own wording of `key` in `lang` (tests find buttons by what people read). */
export function text(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  const raw = (lang === 'en' ? en : zhCN)[key];
  return raw.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The wording of an API value (`action.explain`, `rating.bad`…). */
export function word(lang: Lang, prefix: string, code: string): string {
  return text(lang, `${prefix}.${code}` as Key);
}

let browser: Browser | null = null;
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A fresh browser context on the console in `lang`, signed in with `token` when given (as the
 * sign-in page leaves it: the token in localStorage).
 */
export async function openConsole(options: {
  lang: Lang;
  token?: string;
  viewport?: { width: number; height: number };
  path?: string;
}): Promise<Page> {
  browser ??= await chromium.connect(inject('wsEndpoint'));
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: options.lang,
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl,
  });
  contexts.push(context);
  await context.addInitScript(
    ([lang, token]) => {
      if (!sessionStorage.getItem('xinyu.test.init')) {
        sessionStorage.setItem('xinyu.test.init', '1');
        localStorage.setItem('xinyu.lang', lang as string);
        if (token) localStorage.setItem('xinyu.token', token);
      }
    },
    [options.lang, options.token ?? ''],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(options.path ?? '/');
  return page;
}

/** A call to the API as the marketplace backend (or with `token`), failing the test on a refusal. */
export async function api<T = Record<string, unknown>>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token = 'demo-key',
): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(method === 'POST' ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
    },
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A short unique id for the things a test makes. */
export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 10)}`;
