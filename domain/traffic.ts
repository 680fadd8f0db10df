/** Traffic periods run in Asia/Shanghai time (fixed UTC+8): a calendar day, or a clock hour. */
export type TrafficPeriod = 'day' | 'hour';

const shanghaiOffsetMs = 8 * 3600_000;
const hourMs = 3600_000;
const dayMs = 24 * hourMs;

export interface PeriodBounds {
  period: TrafficPeriod;
  start: Date;
  end: Date;
}

export function periodBounds(period: TrafficPeriod, at: Date): PeriodBounds {
  const length = period === 'day' ? dayMs : hourMs;
  const local = at.getTime() + shanghaiOffsetMs;
  const start = local - (local % length) - shanghaiOffsetMs;
  return { period, start: new Date(start), end: new Date(start + length) };
}

export interface Thresholds {
  alarm: number | null;
  limit: number | null;
}

/** What a count has reached in a period: nothing, the alarm value, or the limit value (which implies the alarm). */
export function thresholdsReached(count: number, t: Thresholds): ('alarm' | 'limit')[] {
  const reached: ('alarm' | 'limit')[] = [];
  if (t.alarm !== null && count >= t.alarm) reached.push('alarm');
  if (t.limit !== null && count >= t.limit) reached.push('limit');
  return reached;
}
