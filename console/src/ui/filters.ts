/** The offset of `zone` on `day` (`+08:00`), from the browser's own time zone data. */
function offsetOn(day: string, zone: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return match?.[1] ?? 'Z';
}

/**
 * A date input's day as the start of that day in the tenant's zone (its statistics days), so a range of days means
 * the same days on every page whatever the browser's zone; `next` for the start of the day after (an end bound).
 */
export function dayStart(day: string, zone: string, next = false): string | undefined {
  if (!day) return undefined;
  let date = day;
  if (next) {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    date = d.toISOString().slice(0, 10);
  }
  return `${date}T00:00:00${offsetOn(date, zone)}`;
}

/** The date (YYYY-MM-DD) `daysAgo` days before today in `zone`. */
export function dayIn(zone: string, daysAgo = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

/**
 * Every period from the day `since` to the day `until` (tenant's calendar dates), as the statistics name them
 * (`2026-12-07`, or by hour `2026-12-07T13:00`): so a chart shows the quiet days and hours too, not only those with
 * messages.
 */
export function periodsBetween(since: string, until: string, granularity: 'day' | 'hour'): string[] {
  const periods: string[] = [];
  const day = new Date(`${since}T00:00:00Z`);
  const last = new Date(`${until}T00:00:00Z`);
  for (let n = 0; day <= last && n < 400; n++, day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    if (granularity === 'day') periods.push(date);
    else for (let h = 0; h < 24; h++) periods.push(`${date}T${String(h).padStart(2, '0')}:00`);
  }
  return periods;
}
