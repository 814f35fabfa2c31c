/**
 * Two locales, one dictionary each (vi.ts is the reference; en.ts must have every key, checked by tsc).
 * Every string on screen goes through `t`. The choice is remembered in localStorage. English is
 * fetched only when chosen, so the first page carries one dictionary.
 * Figures and dates stay in the Vietnamese notation in both locales (1.440,5; 15/12/2024): they are the
 * figures of Vietnamese official documents, and the entry grid parses what people type that way.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from '../lib/api.ts';
import { type MsgKey, vi } from './vi.ts';

export type Locale = 'vi' | 'en';
export type { MsgKey };
type Params = Record<string, string | number>;
type Dict = Record<MsgKey, string>;

const loaded: Partial<Record<Locale, Dict>> = { vi };
const STORAGE_KEY = 'chitieu.locale';

function loadDict(l: Locale): Promise<Dict> {
  if (loaded[l]) return Promise.resolve(loaded[l]);
  return import('./en.ts').then((m) => (loaded.en = m.en));
}

export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null; // storage disabled (private mode): fall back to the default locale
  }
}

export function translate(locale: Locale, key: MsgKey, params?: Params): string {
  const s = (loaded[locale] ?? vi)[key] ?? vi[key];
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MsgKey, params?: Params): string;
}

const Ctx = createContext<I18n | null>(null);

function applyLocale(l: Locale) {
  setApiLocale(l);
  document.documentElement.lang = l;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Locale>(() => storedLocale() ?? 'vi');
  // The locale in effect: the wanted one once its dictionary is here.
  const [locale, setLocaleState] = useState<Locale>(() => (loaded[wanted] ? wanted : 'vi'));
  useEffect(() => {
    let live = true;
    loadDict(wanted).then(
      () => {
        if (!live) return;
        applyLocale(wanted);
        setLocaleState(wanted);
      },
      (e: unknown) => console.error(e), // the page keeps Vietnamese; the error is in the console
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    setWanted(l);
  }, []);
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: (k, p) => translate(locale, k, p) }), [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
