import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type RecipientCheck =
  | { ok: true; e164: string; country: string | undefined; callingCode: string }
  | { ok: false; code: 'invalid_number'; message: string };

/** Checks a recipient given in E.164 (`+` and country code) and returns its canonical form. */
export function checkRecipient(raw: string): RecipientCheck {
  const trimmed = raw.trim();
  if (!/^\+[1-9]\d{6,14}$/.test(trimmed)) {
    return { ok: false, code: 'invalid_number', message: `${raw} is not a number in E.164 form (+ and country code).` };
  }
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, code: 'invalid_number', message: `${raw} is not a valid phone number.` };
  }
  return { ok: true, e164: parsed.number, country: parsed.country, callingCode: parsed.countryCallingCode };
}

/** The compatible API allows only digits and `+` in a number; anything else fails the whole request (spec §1.1). */
export const compatibleNumberSyntax = /^\+?\d+$/;

/**
 * A compatible-API number in E.164. A number without `+` is a Chinese-mainland one given without its country
 * code, as the sister product allows (spec §1.1 [INF]); it gets `+86`.
 */
export function compatibleToE164(number: string): string {
  return number.startsWith('+') ? number : `+86${number}`;
}
