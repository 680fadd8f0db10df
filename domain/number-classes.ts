import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Chinese-mainland IoT (machine-to-machine) number ranges, which are refused: IoT cards are not people, and
 * sending verification codes to them is a known toll-fraud pattern. Source: the MIIT allocations of IoT number
 * segments to the three carriers (13-digit IoT numbers 1440…, 146…, 148…, 1410… and 10648…, and the 11-digit
 * segments 140, 141, 144, 146 and 148 reserved for IoT), as listed in the MIIT 码号资源 (number resource)
 * notices. libphonenumber's metadata already treats most as invalid; the list is kept here so a metadata
 * update cannot quietly let them through.
 */
export const mainlandIotPrefixes = ['140', '141', '144', '146', '148', '10648'] as const;

/**
 * Countries whose fixed lines receive SMS as text (the carriers convert it to speech or deliver to SMS-capable
 * landline handsets), so a number classified as a fixed line there is accepted. Elsewhere only mobile numbers
 * (and numbers libphonenumber cannot tell apart, `FIXED_LINE_OR_MOBILE`) are.
 */
export const smsCapableFixedLineCountries = new Set(['US', 'CA', 'GB', 'AU']);

export type NumberClassCode = 'number_not_mobile' | 'number_iot' | 'number_type_not_allowed';

export type NumberClass =
  | { ok: true; e164: string; country: string; callingCode: string; mainland: boolean }
  | { ok: false; code: 'invalid_number' | NumberClassCode; message: string };

/** Parses an E.164 number and decides whether it may receive SMS at all. */
export function classifyNumber(raw: string): NumberClass {
  const trimmed = raw.trim();
  if (!/^\+[1-9]\d{6,14}$/.test(trimmed)) {
    return { ok: false, code: 'invalid_number', message: `${raw} is not a number in E.164 form (+ and country code).` };
  }
  const national = trimmed.startsWith('+86') ? trimmed.slice(3) : undefined;
  if (national !== undefined && mainlandIotPrefixes.some((p) => national.startsWith(p))) {
    return { ok: false, code: 'number_iot', message: `${raw} is in a Chinese-mainland IoT number range, which does not receive SMS from Tern.` };
  }
  if (national !== undefined && mainlandMobileShape.test(national)) {
    const mobile = mainlandSegmentIsMobile(national);
    return mobile ? { ok: true, e164: trimmed, country: 'CN', callingCode: '86', mainland: true } : classifyWithMetadata(raw, trimmed);
  }
  return classifyWithMetadata(raw, trimmed);
}

/**
 * 11 digits starting with 1: the shape of every mainland mobile number. libphonenumber tells a mobile number of
 * this shape by its first five digits at most (its CN mobile pattern; no other CN type has 11 digits starting with
 * 1), so the verdict of a 7-digit segment (号段) holds for every number in it. Lists of a million numbers use a few
 * thousand segments; remembering them spares the metadata's regular expressions for all but the first of each.
 */
const mainlandMobileShape = /^1\d{10}$/;
const segmentDigits = 7;
const maxSegmentsRemembered = 50_000;
const mobileSegments = new Map<string, boolean>();

function mainlandSegmentIsMobile(national: string): boolean {
  const segment = national.slice(0, segmentDigits);
  let mobile = mobileSegments.get(segment);
  if (mobile === undefined) {
    const parsed = parsePhoneNumberFromString(`+86${national}`);
    mobile = parsed?.country === 'CN' && parsed.isValid() && parsed.getType() === 'MOBILE';
    if (mobileSegments.size >= maxSegmentsRemembered) mobileSegments.clear();
    mobileSegments.set(segment, mobile);
  }
  return mobile;
}

function classifyWithMetadata(raw: string, trimmed: string): NumberClass {
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed || !parsed.isValid() || !parsed.country) {
    return { ok: false, code: 'invalid_number', message: `${raw} is not a valid phone number.` };
  }
  const type = parsed.getType();
  const base = { ok: true as const, e164: parsed.number, country: parsed.country, callingCode: parsed.countryCallingCode };
  if (parsed.country === 'CN') {
    if (type === 'MOBILE') return { ...base, mainland: true };
    return { ok: false, code: 'number_not_mobile', message: `${raw} is not a Chinese-mainland mobile number; fixed lines do not receive SMS.` };
  }
  if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') return { ...base, mainland: false };
  if (type === 'FIXED_LINE' && smsCapableFixedLineCountries.has(parsed.country)) return { ...base, mainland: false };
  return { ok: false, code: 'number_type_not_allowed', message: `${raw} is a ${type?.toLowerCase().replaceAll('_', ' ') ?? 'number of unknown type'}, which does not receive SMS.` };
}
