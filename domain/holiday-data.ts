import { createRequire } from 'node:module';
import type { YearDays } from './work-calendar.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  /** make-up working days that fall on weekends */
  workdays: Record<string, string>;
}

let cached: Map<number, YearDays> | undefined;

function byYear(data: ChineseDaysData): Map<number, YearDays> {
  const years = new Map<number, YearDays>();
  for (const day of Object.keys(data.holidays).sort()) {
    const year = Number(day.slice(0, 4));
    const days = years.get(year) ?? { holidays: [], workdays: [] };
    days.holidays.push(day);
    years.set(year, days);
  }
  // A year without any holiday is one the package has not published yet; its stray workdays do not cover it.
  for (const day of Object.keys(data.workdays).sort()) years.get(Number(day.slice(0, 4)))?.workdays.push(day);
  return years;
}

/** Holidays and make-up workdays of the `chinese-days` package, per year it covers. */
export function packageHolidayYears(): Map<number, YearDays> {
  cached ??= byYear(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData);
  return cached;
}
