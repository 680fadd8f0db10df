import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };
const storageKey = 'tern.locale';

/** Before sign-in: the language last chosen on this browser, else Chinese (the mainland's tenants come first). */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(storageKey, locale);
}

export interface Translator {
  locale: Locale;
  /** The message in the current language, `{name}` replaced by `values.name`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(fraction: number): string;
  dateTime(iso: string | Date): string;
  date(iso: string | Date): string;
}

export function translator(locale: Locale): Translator {
  const dictionary = dictionaries[locale];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    locale,
    t: (key, values) => dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole)),
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options).format(value) : numbers.format(value)),
    percent: (fraction) => percents.format(fraction),
    dateTime: (value) => dateTimes.format(new Date(value)),
    date: (value) => dates.format(new Date(value)),
  };
}

export const I18n = createContext<Translator>(translator('zh-CN'));

export function useI18n(): Translator {
  return useContext(I18n);
}
