import type { Db } from './connect.ts';
import type { YearDays } from '../domain/work-calendar.ts';

/** The years operators declared, each replacing the calendar package's data for that year. */
export async function loadOperatorYears(db: Db): Promise<Map<number, YearDays>> {
  const rows = await db.selectFrom('calendar_years').select(['year', 'holidays', 'workdays']).execute();
  return new Map(rows.map((r) => [r.year, { holidays: r.holidays, workdays: r.workdays }]));
}

export async function saveOperatorYear(db: Db, year: number, days: YearDays, operatorId: string): Promise<void> {
  const values = { year, holidays: days.holidays, workdays: days.workdays, updated_at: new Date(), updated_by: operatorId };
  await db
    .insertInto('calendar_years')
    .values(values)
    .onConflict((oc) => oc.column('year').doUpdateSet({ holidays: days.holidays, workdays: days.workdays, updated_at: values.updated_at, updated_by: operatorId }))
    .execute();
}

export async function deleteOperatorYear(db: Db, year: number): Promise<boolean> {
  const result = await db.deleteFrom('calendar_years').where('year', '=', year).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
