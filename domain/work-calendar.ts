// The review calendar runs on Shanghai time, which has been a fixed UTC+8 without DST since 1991, so a constant
// offset is exact and needs no timezone database.
const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const minuteMs = 60 * 1000;
const maxConsecutiveNonWorkdays = 366;

export interface YearDays {
  holidays: string[];
  workdays: string[];
}

export type DaySource = 'operator' | 'package' | 'fallback';

export interface WorkCalendar {
  years: ReadonlyMap<number, { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; source: 'operator' | 'package' }>;
}

export interface ReviewHours {
  /** minutes after midnight Shanghai time */
  start: number;
  end: number;
}

export const defaultReviewHours: ReviewHours = { start: 9 * 60, end: 18 * 60 };

export interface ReviewTime {
  at: Date;
  /** Shanghai days ('YYYY-MM-DD') that were judged by the Mon–Fri fallback */
  fallbackDays: string[];
}

/** Midnight UTC of a 'YYYY-MM-DD' day, i.e. the day's number line position; throws on anything else. */
function dayEpoch(day: string): number {
  const epoch = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  // Date.parse rolls 2026-02-30 over to March, so only a round trip proves the day exists.
  if (Number.isNaN(epoch) || new Date(epoch).toISOString().slice(0, 10) !== day) throw new Error(`not a calendar day: ${day}`);
  return epoch;
}

function nextDay(day: string): string {
  return new Date(dayEpoch(day) + dayMs).toISOString().slice(0, 10);
}

function shanghaiClock(instant: Date): { day: string; msOfDay: number } {
  const shifted = instant.getTime() + shanghaiOffsetMs;
  if (Number.isNaN(shifted)) throw new Error('invalid date');
  const msOfDay = ((shifted % dayMs) + dayMs) % dayMs;
  return { day: new Date(shifted - msOfDay).toISOString().slice(0, 10), msOfDay };
}

function shanghaiInstant(day: string, minute: number): Date {
  return new Date(dayEpoch(day) - shanghaiOffsetMs + minute * minuteMs);
}

function checkHours(hours: ReviewHours): void {
  if (!(hours.start >= 0 && hours.start < hours.end && hours.end <= 24 * 60)) {
    throw new Error(`review hours must satisfy 0 <= start < end <= 1440, got ${hours.start}..${hours.end}`);
  }
}

function checkYearDays(year: number, days: YearDays): void {
  for (const day of [...days.holidays, ...days.workdays]) {
    dayEpoch(day);
    if (Number(day.slice(0, 4)) !== year) throw new Error(`${day} is listed under year ${year}`);
  }
  const clash = days.holidays.find((day) => days.workdays.includes(day));
  if (clash) throw new Error(`${clash} is declared both a holiday and a workday`);
}

/** Operator-declared years replace the package's data for that year entirely. */
export function buildCalendar(packageYears: ReadonlyMap<number, YearDays>, operatorYears: ReadonlyMap<number, YearDays>): WorkCalendar {
  const years = new Map<number, { holidays: ReadonlySet<string>; workdays: ReadonlySet<string>; source: 'operator' | 'package' }>();
  const add = (year: number, days: YearDays, source: 'operator' | 'package') => {
    checkYearDays(year, days);
    years.set(year, { holidays: new Set(days.holidays), workdays: new Set(days.workdays), source });
  };
  for (const [year, days] of packageYears) if (!operatorYears.has(year)) add(year, days, 'package');
  for (const [year, days] of operatorYears) add(year, days, 'operator');
  return { years };
}

/** Whether a Shanghai calendar day ('YYYY-MM-DD') is a workday: a declared holiday is not, a declared make-up workday is, otherwise Mon–Fri. For a year the calendar has no data for, Mon–Fri and source 'fallback'. */
export function dayKind(calendar: WorkCalendar, day: string): { workday: boolean; source: DaySource } {
  const weekday = new Date(dayEpoch(day)).getUTCDay();
  const monToFri = weekday >= 1 && weekday <= 5;
  const year = calendar.years.get(Number(day.slice(0, 4)));
  if (!year) return { workday: monToFri, source: 'fallback' };
  if (year.holidays.has(day)) return { workday: false, source: year.source };
  return { workday: monToFri || year.workdays.has(day), source: year.source };
}

function isWorkday(calendar: WorkCalendar, day: string, fallbackDays: string[]): boolean {
  const kind = dayKind(calendar, day);
  if (kind.source === 'fallback') fallbackDays.push(day);
  return kind.workday;
}

function workdayOnOrAfter(calendar: WorkCalendar, day: string, fallbackDays: string[]): string {
  let candidate = day;
  for (let skipped = 0; skipped < maxConsecutiveNonWorkdays; skipped++) {
    if (isWorkday(calendar, candidate, fallbackDays)) return candidate;
    candidate = nextDay(candidate);
  }
  throw new Error(`no workday within ${maxConsecutiveNonWorkdays} days from ${day}`);
}

/** When a review submitted at `submittedAt` opens: `submittedAt` itself if that instant is inside review hours [start, end) of a workday, else the start of review hours on the next workday (the same day if before `start` on a workday). */
export function reviewOpening(calendar: WorkCalendar, hours: ReviewHours, submittedAt: Date): ReviewTime {
  checkHours(hours);
  const { day, msOfDay } = shanghaiClock(submittedAt);
  const fallbackDays: string[] = [];
  if (isWorkday(calendar, day, fallbackDays) && msOfDay < hours.end * minuteMs) {
    const at = msOfDay < hours.start * minuteMs ? shanghaiInstant(day, hours.start) : new Date(submittedAt.getTime());
    return { at, fallbackDays };
  }
  const opening = workdayOnOrAfter(calendar, nextDay(day), fallbackDays);
  return { at: shanghaiInstant(opening, hours.start), fallbackDays };
}

/** When a review that opened at `opensAt` (always inside review hours of a workday) becomes overdue if undecided: the end of review hours of the `workdays`-th workday counting the opening day as the first (workdays >= 1). */
export function reviewDeadline(calendar: WorkCalendar, hours: ReviewHours, opensAt: Date, workdays: number): ReviewTime {
  checkHours(hours);
  if (!Number.isInteger(workdays) || workdays < 1) throw new Error(`workdays must be a positive integer, got ${workdays}`);
  const fallbackDays: string[] = [];
  // "On or after" rather than trusting the opening day: if the calendar changed since the review opened and that
  // day is no longer a workday, the count starts at the next one instead of failing.
  let day = workdayOnOrAfter(calendar, shanghaiClock(opensAt).day, fallbackDays);
  for (let counted = 1; counted < workdays; counted++) day = workdayOnOrAfter(calendar, nextDay(day), fallbackDays);
  return { at: shanghaiInstant(day, hours.end), fallbackDays };
}

/** The years the calendar has data for, with their source; for the API to report coverage. */
export function coveredYears(calendar: WorkCalendar): { year: number; source: 'operator' | 'package' }[] {
  return [...calendar.years].map(([year, { source }]) => ({ year, source })).sort((a, b) => a.year - b.year);
}
