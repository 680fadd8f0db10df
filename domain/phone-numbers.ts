import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type RecipientCheck =
  | { ok: true; e164: string; country: string | undefined }
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
  return { ok: true, e164: parsed.number, country: parsed.country };
}
