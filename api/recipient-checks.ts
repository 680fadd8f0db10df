import type { AppRow } from '../db/schema.ts';
import { classifyNumber, type NumberClass } from '../domain/number-classes.ts';
import { checkRegion } from '../domain/regions.ts';
import type { AcceptDeps } from './accept-messages.ts';
import { findRegionsWith } from './region-cache.ts';

export type RecipientVerdict = NumberClass | { ok: false; code: 'region_not_allowed'; message: string };

/** The checks on a number that need no lock: its class (mobile, fixed line, IoT) and the app's region settings. */
export async function recipientChecker(deps: AcceptDeps, app: AppRow): Promise<(e164: string) => RecipientVerdict> {
  const regions = await findRegionsWith(deps)(app);
  return (e164) => {
    const number = classifyNumber(e164);
    if (!number.ok) return number;
    const region = checkRegion(regions, number);
    return region.ok ? number : region;
  };
}
