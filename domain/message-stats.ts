import { failedStatuses, type MessageStatus } from './message-status.ts';

/**
 * What the statistics count a message as, from its status: still on its way (scheduled, queued, submitted), delivered,
 * failed (with a reason), or cancelled before it went. The statistics' triggers (migration 0039) write the same
 * mapping in SQL; `test/e2e/statistics.test.ts` holds the two together.
 */
export type StatOutcome = 'pending' | 'delivered' | 'failed' | 'cancelled';

export function statOutcomeOf(status: MessageStatus): StatOutcome {
  if (status === 'delivered' || status === 'cancelled') return status;
  return failedStatuses.includes(status) ? 'failed' : 'pending';
}

/**
 * Upper bounds (exclusive, in milliseconds) of the histogram of times to delivery, from the send time to the final
 * receipt: the median and the 95th percentile are read from it, each within its bucket. The last bucket is open.
 * Migration 0037's `tern_delivery_bucket` has the same bounds.
 */
export const deliveryBucketBounds = [
  1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 43_200_000, 86_400_000,
] as const;

/** The histogram bucket of a time to delivery: 0 below the first bound, `deliveryBucketBounds.length` at or past the last. */
export function deliveryBucketOf(ms: number): number {
  const i = deliveryBucketBounds.findIndex((bound) => ms < bound);
  return i === -1 ? deliveryBucketBounds.length : i;
}

/**
 * The time under which a share `q` (0.5 for the median) of deliveries came, from their histogram (count per bucket),
 * interpolated linearly inside the bucket it falls in; the open last bucket answers its lower bound. Null without
 * deliveries.
 */
export function deliveryPercentile(histogram: ReadonlyMap<number, number>, q: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let bucket = 0; bucket <= deliveryBucketBounds.length; bucket++) {
    const count = histogram.get(bucket) ?? 0;
    if (count > 0 && below + count >= rank) {
      const lower = bucket === 0 ? 0 : deliveryBucketBounds[bucket - 1] ?? 0;
      const upper = deliveryBucketBounds[bucket];
      if (upper === undefined) return lower;
      return Math.round(lower + ((rank - below) / count) * (upper - lower));
    }
    below += count;
  }
  return null;
}

export const statDimensions = ['region', 'country', 'template', 'signature', 'carrier', 'campaign', 'status'] as const;
export type StatDimension = (typeof statDimensions)[number];

export const statGranularities = ['hour', 'day', 'total'] as const;
export type StatGranularity = (typeof statGranularities)[number];

/** Statistics are kept by the UTC hour, so they can be read by the day in any zone whose offset is whole hours. */
export type TimeZoneCheck = { ok: true } | { ok: false; code: 'unknown_time_zone' | 'unsupported_time_zone'; message: string };

function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** Whether statistics can be read by the day in `timeZone` over [since, until]: a known zone, whole-hour offsets at both ends. */
export function checkStatsTimeZone(timeZone: string, since: Date, until: Date): TimeZoneCheck {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return { ok: false, code: 'unknown_time_zone', message: `${timeZone} is not a time zone name (e.g. Asia/Shanghai, Europe/London, UTC).` };
  }
  if ([since, until].some((at) => offsetMinutes(timeZone, at) % 60 !== 0)) {
    return {
      ok: false,
      code: 'unsupported_time_zone',
      message: `${timeZone} is not a whole number of hours from UTC; statistics are kept by the hour, so read them in a zone that is (e.g. UTC).`,
    };
  }
  return { ok: true };
}
