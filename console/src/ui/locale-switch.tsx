import type { Locale } from '../i18n';

/** The language switch: names the other language in that language, so a reader who needs it recognises it. */
export function LocaleSwitch(props: { locale: Locale; onLocale: (locale: Locale) => void }) {
  const other: Locale = props.locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" class="plain locale" lang={other} onClick={() => props.onLocale(other)}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}
