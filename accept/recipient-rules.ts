import type { AppRow } from '../db/schema.ts';
import { classifyNumber, type NumberClass } from '../domain/number-classes.ts';
import { checkRegion, checkTemplateRegion, type TemplateRegionCheck } from '../domain/regions.ts';
import type { TemplateRegion } from '../domain/templates.ts';
import type { RegionLookup } from './lookups/regions.ts';

export type RecipientVerdict = NumberClass | { ok: false; code: 'region_not_allowed'; message: string } | (TemplateRegionCheck & { ok: false });

/**
 * The checks on a number that need no lock: its class (mobile, fixed line, IoT), the template's region (when one
 * is known) and the app's region settings.
 */
export async function recipientRules(findRegions: RegionLookup, app: AppRow): Promise<(e164: string, templateRegion?: TemplateRegion) => RecipientVerdict> {
  const regions = await findRegions(app);
  return (e164, templateRegion) => {
    const number = classifyNumber(e164);
    if (!number.ok) return number;
    const matching = templateRegion ? checkTemplateRegion(templateRegion, number) : { ok: true as const };
    if (!matching.ok) return matching;
    const region = checkRegion(regions, number);
    return region.ok ? number : region;
  };
}
