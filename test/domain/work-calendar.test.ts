import assert from 'node:assert/strict';
import { test } from 'vitest';
import { packageHolidayYears } from '../../domain/holiday-data.ts';
import { buildCalendar, coveredYears, dayKind, defaultReviewHours, reviewDeadline, reviewOpening } from '../../domain/work-calendar.ts';
import type { ReviewTime } from '../../domain/work-calendar.ts';

const calendar = buildCalendar(packageHolidayYears(), new Map());
const hours = defaultReviewHours;

/** An instant given as Shanghai wall-clock time. */
function sh(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

function opening(submitted: string, cal = calendar): ReviewTime {
  return reviewOpening(cal, hours, sh(submitted));
}

test('the package covers 2026 but not 2027, 2028 or 2099', () => {
  const years = packageHolidayYears();
  assert.ok(years.has(2026));
  assert.equal(years.has(2027), false);
  assert.equal(years.has(2028), false);
  assert.equal(years.has(2099), false);
  assert.equal(years.get(2026)?.holidays[0], '2026-01-01');
  assert.deepEqual(years.get(2026)?.workdays, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  assert.equal(packageHolidayYears(), years, 'cached');
  assert.deepEqual(coveredYears(calendar).at(-1), { year: 2026, source: 'package' });
});

test('days are judged by the package where it has data, else by Mon–Fri', () => {
  assert.deepEqual(dayKind(calendar, '2026-09-20'), { workday: true, source: 'package' }, 'make-up Sunday');
  assert.deepEqual(dayKind(calendar, '2026-10-01'), { workday: false, source: 'package' }, 'National Day');
  assert.deepEqual(dayKind(calendar, '2026-11-28'), { workday: false, source: 'package' }, 'plain Saturday');
  assert.deepEqual(dayKind(calendar, '2028-01-03'), { workday: true, source: 'fallback' });
  assert.deepEqual(dayKind(calendar, '2028-01-08'), { workday: false, source: 'fallback' });
  assert.throws(() => dayKind(calendar, '2026-02-30'), /not a calendar day/);
});

test('a review opens on the next workday morning when submitted outside review hours', () => {
  const friday = opening('2026-11-27T19:00');
  assert.equal(friday.at.toISOString(), '2026-11-30T01:00:00.000Z', 'Monday 09:00 Shanghai');
  assert.deepEqual(friday.fallbackDays, []);
  assert.deepEqual(opening('2026-09-30T19:00').at, sh('2026-10-08T09:00'), 'after National Day');
  assert.deepEqual(opening('2026-10-09T19:00').at, sh('2026-10-10T09:00'), 'make-up Saturday');
  assert.deepEqual(opening('2026-12-01T07:30').at, sh('2026-12-01T09:00'), 'same morning');
  assert.deepEqual(opening('2026-12-01T18:00').at, sh('2026-12-02T09:00'), 'end of hours is exclusive');
  assert.deepEqual(opening('2026-10-03T11:00').at, sh('2026-10-08T09:00'), 'inside hours of a holiday');
});

test('a review submitted inside review hours of a workday opens at once', () => {
  const submitted = new Date('2026-12-01T02:15:30.123Z'); // 10:15:30 Shanghai, a Tuesday
  assert.deepEqual(reviewOpening(calendar, hours, submitted), { at: submitted, fallbackDays: [] });
  assert.deepEqual(opening('2026-12-01T09:00').at, sh('2026-12-01T09:00'));
  assert.deepEqual(opening('2026-09-20T17:59').at, sh('2026-09-20T17:59'), 'make-up Sunday');
});

test('the deadline is the end of review hours of the n-th workday, counting the opening day', () => {
  const deadline = reviewDeadline(calendar, hours, sh('2026-11-30T09:00'), 2);
  assert.deepEqual(deadline, { at: sh('2026-12-01T18:00'), fallbackDays: [] });
  assert.equal(deadline.at.toISOString(), '2026-12-01T10:00:00.000Z');
  assert.deepEqual(reviewDeadline(calendar, hours, sh('2026-11-30T09:00'), 1).at, sh('2026-11-30T18:00'));
  assert.deepEqual(reviewDeadline(calendar, hours, sh('2026-09-30T10:00'), 2).at, sh('2026-10-08T18:00'), 'across the holiday');
  assert.deepEqual(reviewDeadline(calendar, hours, sh('2026-10-09T10:00'), 2).at, sh('2026-10-10T18:00'), 'make-up Saturday counts');
  assert.throws(() => reviewDeadline(calendar, hours, sh('2026-11-30T09:00'), 0), /positive integer/);
});

test('a year the package does not cover falls back to Mon–Fri and says which days it judged so', () => {
  const friday = opening('2028-01-07T19:00');
  assert.deepEqual(friday.at, sh('2028-01-10T09:00'));
  assert.deepEqual(friday.fallbackDays, ['2028-01-07', '2028-01-08', '2028-01-09', '2028-01-10']);
  assert.deepEqual(reviewDeadline(calendar, hours, sh('2026-12-31T10:00'), 2), {
    at: sh('2027-01-01T18:00'),
    fallbackDays: ['2027-01-01'],
  });
});

test('operator-declared years are used instead of the fallback and replace the package', () => {
  const operator2028 = { holidays: ['2028-01-03'], workdays: ['2028-01-08'] };
  const declared = buildCalendar(packageHolidayYears(), new Map([[2028, operator2028]]));
  assert.deepEqual(dayKind(declared, '2028-01-03'), { workday: false, source: 'operator' });
  assert.deepEqual(opening('2028-01-07T19:00', declared), { at: sh('2028-01-08T09:00'), fallbackDays: [] });
  assert.deepEqual(opening('2028-01-01T10:00', declared), { at: sh('2028-01-04T09:00'), fallbackDays: [] });
  assert.deepEqual(coveredYears(declared).at(-1), { year: 2028, source: 'operator' });

  const plain2026 = buildCalendar(packageHolidayYears(), new Map([[2026, { holidays: [], workdays: [] }]]));
  assert.deepEqual(dayKind(plain2026, '2026-09-20'), { workday: false, source: 'operator' });
  assert.deepEqual(opening('2026-09-30T19:00', plain2026), { at: sh('2026-10-01T09:00'), fallbackDays: [] });
  assert.deepEqual(
    coveredYears(plain2026).filter((y) => y.year >= 2025),
    [
      { year: 2025, source: 'package' },
      { year: 2026, source: 'operator' },
    ],
  );
});

test('bad review hours, bad operator data and endless holidays throw', () => {
  for (const bad of [
    { start: 600, end: 600 },
    { start: 700, end: 600 },
    { start: -1, end: 600 },
    { start: 0, end: 1441 },
    { start: Number.NaN, end: 600 },
  ]) {
    assert.throws(() => reviewOpening(calendar, bad, sh('2026-12-01T10:00')), /review hours/);
    assert.throws(() => reviewDeadline(calendar, bad, sh('2026-12-01T10:00'), 1), /review hours/);
  }
  assert.deepEqual(reviewOpening(calendar, { start: 0, end: 1440 }, sh('2026-12-01T00:00')).at, sh('2026-12-01T00:00'));
  assert.throws(() => buildCalendar(new Map(), new Map([[2028, { holidays: ['2027-12-31'], workdays: [] }]])), /listed under year 2028/);
  assert.throws(() => buildCalendar(new Map(), new Map([[2028, { holidays: ['2028-01-08'], workdays: ['2028-01-08'] }]])), /both/);

  const everyDay = (year: number) => {
    const days: string[] = [];
    for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    return days;
  };
  const closed = buildCalendar(new Map(), new Map([2029, 2030].map((y) => [y, { holidays: everyDay(y), workdays: [] }])));
  assert.throws(() => opening('2029-01-01T10:00', closed), /no workday within 366 days/);
});
