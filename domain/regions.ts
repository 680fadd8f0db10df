/** Where a tenant (or one of its apps) may send international SMS; the Chinese mainland is always allowed. */
export interface RegionSettings {
  /** ISO 3166 country codes (`HK`, `GB`, …); `*` allows every country. */
  countries: readonly string[];
  /** Rules by E.164 prefix (`+4479`); a deny wins over everything, an allow admits a number whatever its country. */
  rules: readonly { prefix: string; action: 'allow' | 'deny' }[];
}

export type RegionCheck = { ok: true } | { ok: false; code: 'region_not_allowed'; message: string };

export function checkRegion(settings: RegionSettings, number: { e164: string; country: string }): RegionCheck {
  const matching = settings.rules.filter((r) => number.e164.startsWith(r.prefix));
  const denied = matching.find((r) => r.action === 'deny');
  if (denied) return { ok: false, code: 'region_not_allowed', message: `Numbers starting ${denied.prefix} are denied for this tenant.` };
  if (number.country === 'CN' || matching.some((r) => r.action === 'allow')) return { ok: true };
  if (settings.countries.includes('*') || settings.countries.includes(number.country)) return { ok: true };
  return { ok: false, code: 'region_not_allowed', message: `Sending to ${number.country} is not enabled for this tenant.` };
}

export type TemplateRegionCheck = { ok: true } | { ok: false; code: 'template_region_mismatch'; message: string };

/**
 * A template goes only to numbers of its region: a mainland template (signed, from a 106 number, through a mainland
 * network) to Chinese-mainland numbers, an international one to every other number.
 */
export function checkTemplateRegion(region: 'mainland' | 'international', number: { mainland: boolean; e164: string }): TemplateRegionCheck {
  if (region === 'mainland' && !number.mainland) {
    return { ok: false, code: 'template_region_mismatch', message: `${number.e164} is not a Chinese-mainland number; a mainland template goes only to mainland numbers.` };
  }
  if (region === 'international' && number.mainland) {
    return { ok: false, code: 'template_region_mismatch', message: `${number.e164} is a Chinese-mainland number; send it a mainland template (with a signature).` };
  }
  return { ok: true };
}
