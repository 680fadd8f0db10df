import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { deleteOperatorYear, loadOperatorYears, saveOperatorYear } from '../../db/calendar.ts';
import { packageHolidayYears } from '../../domain/holiday-data.ts';
import { buildCalendar, coveredYears } from '../../domain/work-calendar.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';

const common = { tags: ['Review calendar'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' } }) });
const YearBody = z
  .object({
    holidays: z.array(Day).max(366).openapi({ description: 'Public holidays of the year (days off, weekdays included).' }),
    workdays: z.array(Day).max(366).openapi({ description: 'Make-up workdays (weekend days worked).' }),
  })
  .strict()
  .openapi('CalendarYear');
const CalendarView = z
  .object({
    covered: z.array(z.object({ year: z.number().int(), source: z.enum(['operator', 'package']) })),
    operatorYears: z.array(z.object({ year: z.number().int(), holidays: z.array(z.string()), workdays: z.array(z.string()) })),
    note: z.string(),
  })
  .openapi('ReviewCalendar');

const getRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'Which years the review calendar knows, and from where',
  responses: { 200: jsonResponse(CalendarView, 'The calendar coverage'), ...errorResponses(401, 403) },
});
const putRoute = apiRoute({
  ...common,
  method: 'put',
  path: '/{year}',
  summary: "Declare a year's holidays and make-up workdays (replaces the package's data for that year)",
  request: { params: YearParams, ...jsonBody(YearBody) },
  responses: { 200: jsonResponse(CalendarView, 'The calendar coverage'), ...errorResponses(400, 401, 403) },
});
const deleteRoute = apiRoute({
  ...common,
  method: 'delete',
  path: '/{year}',
  summary: "Remove a year's declaration (the package's data, or Monday–Friday, applies again)",
  request: { params: YearParams },
  responses: { 200: jsonResponse(CalendarView, 'The calendar coverage'), ...errorResponses(401, 403, 404) },
});

/** `/v1/admin/calendar`: the workday calendar template reviews follow. */
export function calendarRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  async function view() {
    const operatorYears = await loadOperatorYears(db);
    return {
      covered: coveredYears(buildCalendar(packageHolidayYears(), operatorYears)),
      operatorYears: [...operatorYears].map(([year, days]) => ({ year, ...days })).sort((a, b) => a.year - b.year),
      note: 'Days in years not covered are judged Monday–Friday, with a warning in the worker log and on the review.',
    };
  }
  app.openapi(getRoute, async (c) => c.json(await view(), 200));
  app.openapi(putRoute, async (c) => {
    const { year } = c.req.valid('param');
    const body = c.req.valid('json');
    const days = { holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort() };
    try {
      buildCalendar(new Map(), new Map([[year, days]]));
    } catch (err) {
      throw new ApiError(422, 'invalid_calendar', (err as Error).message);
    }
    await saveOperatorYear(db, year, days, c.get('operator').id);
    return c.json(await view(), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { year } = c.req.valid('param');
    if (!(await deleteOperatorYear(db, year))) throw new ApiError(404, 'calendar_year_not_found', `No declaration for ${year}.`);
    return c.json(await view(), 200);
  });
  return app;
}
