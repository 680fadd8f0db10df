import type { Locale } from '../i18n';
import type { Choice } from './parts';

export const regions = ['mainland', 'international'] as const;
export type Region = (typeof regions)[number];

export const messageTypes = ['verification', 'notification'] as const;
export type MessageType = (typeof messageTypes)[number];

/** Each language named in itself, for whoever reads it. */
export const languages: readonly Choice<Locale>[] = [
  { value: 'zh-CN', label: '中文', lang: 'zh-CN' },
  { value: 'en', label: 'English', lang: 'en' },
];
