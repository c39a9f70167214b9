import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.js';
import { type Key, zhCN } from './zh-CN.js';

export type { Key };
/** The console's languages: Chinese first (the default), English on request. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const CATALOGUES: Record<Lang, Record<Key, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'xinyu.lang';

/** `{name}` placeholders in a catalogue text replaced by `vars`. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The text of `key` in `lang`. */
export function translate(lang: Lang, key: Key, vars?: Record<string, string | number>): string {
  return interpolate(CATALOGUES[lang][key], vars);
}

/**
 * The wording of a value from the API (an error code, a rule id, a status, an event type) under
 * `prefix`: `error.NOT_FOUND`. A value the catalogue does not know yet is shown as it came.
 */
export function translateCode(
  lang: Lang,
  prefix: string,
  code: string,
  vars?: Record<string, string | number>,
): string {
  const catalogue = CATALOGUES[lang] as Record<string, string>;
  const text = catalogue[`${prefix}.${code}`];
  return text === undefined ? code : interpolate(text, vars);
}

export interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key, vars?: Record<string, string | number>): string;
  code(prefix: string, code: string, vars?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

/** Holds the language (persisted), and keeps `<html lang>` and the title in step with it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      code: (prefix, code, vars) => translateCode(lang, prefix, code, vars),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
