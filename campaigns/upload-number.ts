import { compatibleToE164 } from '../domain/phone-numbers.ts';
import type { TemplateRegion } from '../domain/templates.ts';

/** 86 and the 11 digits of a mainland mobile, as spreadsheets keep numbers (a national number never starts with 86). */
const mainlandWithCountryCode = /^86\d{11}$/;

/**
 * A list's number as E.164. For a mainland template a number may come as a phone shows it: the 11 national digits
 * (read as the compatible API reads them) or with 86 but no `+`. Anything else is taken as it is, for the number
 * rules to judge.
 */
export function uploadNumberAsE164(given: string, region: TemplateRegion): string {
  if (region !== 'mainland' || !/^\d+$/.test(given)) return given;
  return mainlandWithCountryCode.test(given) ? `+${given}` : compatibleToE164(given);
}
