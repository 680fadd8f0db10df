import { z } from '@hono/zod-openapi';
import { messageStatuses } from '../../domain/message-status.ts';
import { commaList, csvBom, NextCursor, pageQuery } from '../list-pages.ts';
import { visibleText } from './common.ts';
import { messageBasics } from './messages.ts';
import { CarrierId } from './routing.ts';

const Time = z.iso.datetime({ offset: true });

/** The filters of the sending details, for a page and for an export alike. */
export const messageFilters = {
  since: Time.optional().openapi({ description: 'Accepted at or after this time (ISO 8601).' }),
  until: Time.optional().openapi({ description: 'Accepted before this time (ISO 8601).' }),
  status: commaList(messageStatuses, 'Any of these states, comma-separated.', 'undelivered,failed'),
  templateId: visibleText(1, 64).optional(),
  campaignId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  to: z
    .string()
    .regex(/^\+[1-9]\d{5,14}$/, 'a number in E.164 form, + and 6 to 15 digits')
    .optional()
    .openapi({ description: 'The recipient, exactly.', example: '+8613812345678' }),
  toPrefix: z
    .string()
    .regex(/^\+\d{1,15}$/, '+ and 1 to 15 digits')
    .optional()
    .openapi({ description: 'The recipient’s first digits, + included.', example: '+86138' }),
  carrier: CarrierId.optional().openapi({ description: 'The upstream that carried the message.' }),
  errorCode: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : -, at most 64')
    .optional()
    .openapi({ description: 'The error code of failed and undelivered messages.', example: 'UNDELIV' }),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code, two capital letters').optional().openapi({ description: 'The recipient’s country.', example: 'GB' }),
  region: z.enum(['mainland', 'international']).optional().openapi({ description: 'The template’s region.' }),
  signature: visibleText(2, 32).optional().openapi({ description: 'The signature of mainland messages.' }),
};

export const MessageListQuery = z.object({ ...pageQuery, ...messageFilters });

export const MessageExportQuery = z.object({ ...messageFilters, bom: csvBom });

export type MessageFiltersQuery = Omit<z.infer<typeof MessageListQuery>, 'limit' | 'cursor'>;

export const MessageExportJobBody = z
  .object({
    ...messageFilters,
    bom: z.boolean().default(false).openapi({ description: 'Start the file with a UTF-8 byte order mark, by which spreadsheets (Excel) read Chinese text right.' }),
  })
  .openapi('MessageExportRequest');

export const MessageExportJob = z
  .object({
    id: z.uuid(),
    state: z.enum(['running', 'ready', 'failed', 'expired']).openapi({ description: '`running` while the file is written, `ready` to download, `failed` (see `error`), `expired` once the file is deleted.' }),
    rows: z.number().int().openapi({ description: 'Messages written so far.' }),
    bytes: z.number().int().openapi({ description: 'Size of the file so far.' }),
    filters: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string().openapi({ description: 'When the file is deleted: a day after it is ready.' }),
    downloadUrl: z.string().nullable().openapi({ description: 'Where to fetch the file while it is `ready` (with the same credentials); null otherwise.' }),
    error: z.string().nullable(),
  })
  .openapi('MessageExport');

export const MessageSummary = z
  .object({
    ...messageBasics,
    campaignId: z.uuid().nullable(),
    submittedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('MessageSummary');

export type MessageSummaryModel = z.infer<typeof MessageSummary>;

export const MessageListResponse = z
  .object({
    messages: z.array(MessageSummary),
    nextCursor: NextCursor,
  })
  .openapi('MessageList');
