import { z } from '@hono/zod-openapi';
import { statDimensions, statGranularities } from '../../domain/message-stats.ts';
import { csvBom } from '../list-pages.ts';
import { visibleText } from './common.ts';
import { CarrierId } from './routing.ts';

const Time = z.iso.datetime({ offset: true });

export const TimeZoneName = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/, 'an IANA time zone name, e.g. Asia/Shanghai')
  .openapi({ example: 'Asia/Shanghai' });

export const StatsTimeZone = z
  .object({ timeZone: TimeZoneName.openapi({ description: 'Where the tenant’s statistics days start (IANA name, a whole number of hours from UTC).' }) })
  .openapi('StatsTimeZone');

/** What a statistics query counts and how it lays the counts out; a read and an export take the same. */
const statisticsQuery = {
  since: Time.optional().openapi({ description: 'From this time (ISO 8601), taken down to the start of its hour or day in `timeZone`; a week before `until` by default.' }),
  until: Time.optional().openapi({ description: 'Up to this time, taken up to the end of its hour or day; now by default.' }),
  granularity: z.enum(statGranularities).default('day').openapi({ description: 'A row per hour, per day, or one for the whole range (`total`).' }),
  timeZone: TimeZoneName.optional().openapi({
    description:
      'Where days start (IANA name); the tenant’s statistics zone (`/v1/statistics/time-zone`, Asia/Shanghai unless set) by default, and the fastest for days. Zones a fraction of an hour from UTC are refused.',
  }),
  groupBy: z.enum(statDimensions).optional().openapi({ description: 'A row per value of this dimension in each period; `status` groups by pending, delivered, failed and cancelled.' }),
  templateId: visibleText(1, 64).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code, two capital letters').optional().openapi({ example: 'CN' }),
  region: z.enum(['mainland', 'international']).optional(),
  signature: visibleText(2, 32).optional(),
  carrier: CarrierId.optional(),
  campaignId: z.uuid().optional(),
};

export const StatisticsQuery = z.object(statisticsQuery);

export const StatisticsExportQuery = z.object({ ...statisticsQuery, bom: csvBom });

const figures = {
  messages: z.number().int().openapi({ description: 'Messages accepted to go in the period (by their send time), cancelled ones included.' }),
  segments: z.number().int().openapi({ description: 'Billable segments of those messages.' }),
  pending: z.number().int().openapi({ description: 'Still on their way: scheduled, queued, or waiting for a receipt.' }),
  delivered: z.number().int(),
  failed: z.number().int().openapi({ description: 'Ended without delivery (undelivered, expired, rejected, failed); by reason in `failures`.' }),
  cancelled: z.number().int(),
  deliveryRate: z.number().nullable().openapi({ description: 'delivered / (delivered + failed); null until one ended.' }),
  deliveryTimeMs: z
    .object({ p50: z.number().int(), p95: z.number().int() })
    .nullable()
    .openapi({ description: 'Median and 95th percentile of the time from the send time to delivery, read from a histogram (within its bucket); null without deliveries.' }),
  failures: z.array(z.object({ reason: z.string(), count: z.number().int() })).openapi({ description: 'Failed messages by error code, most first.' }),
};

export const StatFigures = z.object(figures).openapi('StatFigures');

export const StatRow = z
  .object({
    period: z.string().nullable().openapi({ description: 'The hour (`2026-12-07T13:00`) or day (`2026-12-07`) in `timeZone`; null for `total`.' }),
    start: z.string().nullable().openapi({ description: 'When the period starts (ISO 8601); null for `total`.' }),
    key: z.string().nullable().openapi({ description: 'The `groupBy` value (null: unknown or none, such as a message of no campaign); null without `groupBy`.' }),
    ...figures,
  })
  .openapi('StatRow');

export const StatisticsResponse = z
  .object({
    since: z.string().openapi({ description: 'The start of the range counted, after rounding to whole periods.' }),
    until: z.string(),
    timeZone: z.string(),
    granularity: z.enum(statGranularities),
    groupBy: z.enum(statDimensions).nullable(),
    rows: z.array(StatRow).openapi({ description: 'By period then key; a period or key without messages has no row.' }),
    totals: StatFigures,
  })
  .openapi('Statistics');

export type StatFiguresModel = z.infer<typeof StatFigures>;
export type StatRowModel = z.infer<typeof StatRow>;
export type StatisticsModel = z.infer<typeof StatisticsResponse>;
