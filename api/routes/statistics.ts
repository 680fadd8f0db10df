import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { readMessageStats, setStatsTimeZone, statRange, statsTimeZone, type StatsQuery } from '../../db/message-stats.ts';
import { checkStatsTimeZone } from '../../domain/message-stats.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { csvOf } from '../paged-csv.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { StatisticsExportQuery, StatisticsQuery, StatisticsResponse, StatsTimeZone, type StatRowModel } from '../schemas/statistics.ts';
import { statRowsOf } from '../stat-rows.ts';

const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
const tags = ['Statistics'];

const readRoute = apiRoute({
  method: 'get',
  path: '/',
  summary: 'Service statistics: messages, segments, deliveries and failures by hour or day, by any one dimension',
  description:
    'Kept as messages change state (never recounted), so a long range reads sums, not messages. Counted by the hour each message was to go ' +
    '(its send time, else its accept time), in the tenant’s time zone; messages removed by retention stay counted.',
  tags,
  security,
  middleware: requireScope('read'),
  request: { query: StatisticsQuery },
  responses: { 200: jsonResponse(StatisticsResponse, 'The figures, a row per period and group, and their totals'), ...errorResponses(401, 403, 422) },
});

const exportRoute = apiRoute({
  method: 'get',
  path: '/export',
  summary: 'Service statistics as CSV',
  description:
    'The query of `GET /v1/statistics`, a line per row: `period,start,key,messages,segments,pending,delivered,failed,cancelled,delivery_rate,' +
    'delivery_p50_ms,delivery_p95_ms,failures` (failures as `CODE:count` separated by `;`).',
  tags,
  security,
  middleware: requireScope('read'),
  request: { query: StatisticsExportQuery },
  responses: { 200: { description: 'The statistics', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 403, 422) },
});

const zoneGetRoute = apiRoute({
  method: 'get',
  path: '/time-zone',
  summary: 'The zone the tenant’s statistics days are kept in',
  description: 'Asia/Shanghai unless the tenant chose another.',
  tags,
  security,
  middleware: requireScope('read'),
  responses: { 200: jsonResponse(StatsTimeZone, 'The zone'), ...errorResponses(401, 403) },
});

const zonePutRoute = apiRoute({
  method: 'put',
  path: '/time-zone',
  summary: 'Keep the tenant’s statistics days in another zone',
  description: 'Days already counted are summed again in the new zone from the hourly figures, so every figure stays exact. The zone must be a whole number of hours from UTC.',
  tags,
  security,
  middleware: requireScope('send'),
  request: { body: { required: true, content: { 'application/json': { schema: StatsTimeZone } } } },
  responses: { 200: jsonResponse(StatsTimeZone, 'The zone'), ...errorResponses(400, 401, 403, 422) },
});

/** Ranges longer than these would be more rows than a page of figures is for. */
const maxRangeDays = { hour: 31, day: 400, total: 400 } as const;
const dayMs = 24 * 3600_000;

/** A statistics query of the API checked beyond its schema (the range, the zone) and rounded to whole periods. */
async function statsQueryOf(db: Db, tenantId: string, query: z.infer<typeof StatisticsQuery>): Promise<StatsQuery> {
  const { since, until, granularity, groupBy, timeZone: askedZone, ...filters } = query;
  const tenantZone = await statsTimeZone(db, tenantId);
  const timeZone = askedZone ?? tenantZone;
  const end = until ? new Date(until) : new Date();
  const start = since ? new Date(since) : new Date(end.getTime() - 7 * dayMs);
  if (start >= end) throw new ApiError(422, 'invalid_time_range', '`since` must be before `until`.');
  if (end.getTime() - start.getTime() > maxRangeDays[granularity] * dayMs) {
    throw new ApiError(422, 'range_too_long', `A ${granularity} query covers at most ${maxRangeDays[granularity]} days; narrow since and until.`);
  }
  const zone = checkStatsTimeZone(timeZone, start, end);
  if (!zone.ok) throw new ApiError(422, zone.code, zone.message);
  const range = await statRange(db, { since: start, until: end, granularity, timeZone });
  return { tenantId, ...range, granularity, timeZone, groupBy, filters, daily: granularity !== 'hour' && timeZone === tenantZone };
}

/** A row as a line of the export. */
function exportLine(row: StatRowModel) {
  return {
    period: row.period ?? '',
    start: row.start ?? '',
    key: row.key ?? '',
    messages: row.messages,
    segments: row.segments,
    pending: row.pending,
    delivered: row.delivered,
    failed: row.failed,
    cancelled: row.cancelled,
    delivery_rate: row.deliveryRate === null ? '' : row.deliveryRate.toFixed(4),
    delivery_p50_ms: row.deliveryTimeMs?.p50 ?? '',
    delivery_p95_ms: row.deliveryTimeMs?.p95 ?? '',
    failures: row.failures.map((f) => `${f.reason}:${f.count}`).join(';'),
  };
}
const exportColumns = ['period', 'start', 'key', 'messages', 'segments', 'pending', 'delivered', 'failed', 'cancelled', 'delivery_rate', 'delivery_p50_ms', 'delivery_p95_ms', 'failures'] as const;

/** `/v1/statistics`: the tenant's service statistics, read from the cube kept by migration 0037's triggers. */
export function statisticsRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();

  app.openapi(readRoute, async (c) => {
    const query = await statsQueryOf(db, c.get('app').tenant_id, c.req.valid('query'));
    const { rows, totals } = statRowsOf(await readMessageStats(db, query));
    return c.json(
      {
        since: query.since.toISOString(),
        until: query.until.toISOString(),
        timeZone: query.timeZone,
        granularity: query.granularity,
        groupBy: query.groupBy ?? null,
        rows,
        totals,
      },
      200,
    );
  });

  app.openapi(exportRoute, async (c) => {
    const { bom, ...rest } = c.req.valid('query');
    const query = await statsQueryOf(db, c.get('app').tenant_id, rest);
    const { rows } = statRowsOf(await readMessageStats(db, query));
    c.header('content-disposition', `attachment; filename="statistics-${query.granularity}-${query.since.toISOString().slice(0, 10)}.csv"`);
    // Keys (template ids, signatures) are the tenant's own text.
    return c.body(csvOf(rows.map(exportLine), exportColumns, { guardFormulas: true, bom: bom === 'true' }), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.openapi(zoneGetRoute, async (c) => c.json({ timeZone: await statsTimeZone(db, c.get('app').tenant_id) }, 200));

  app.openapi(zonePutRoute, async (c) => {
    const { timeZone } = c.req.valid('json');
    // A zone is kept for good: its offset must be whole hours now and across the year (summer time).
    const now = new Date();
    const zone = checkStatsTimeZone(timeZone, now, new Date(now.getTime() + 182 * dayMs));
    if (!zone.ok) throw new ApiError(422, zone.code, zone.message);
    await setStatsTimeZone(db, c.get('app').tenant_id, timeZone);
    return c.json({ timeZone }, 200);
  });

  return app;
}
