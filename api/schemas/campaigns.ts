import { z } from '@hono/zod-openapi';
import { visibleText } from './common.ts';

export const CreateCampaignBody = z
  .object({
    name: visibleText(1, 100).openapi({ example: 'November notice' }),
    uploadId: z.uuid().openapi({ description: 'A recipient list uploaded with `POST /v1/campaigns/uploads`, read to the end (`ready`).' }),
    sendAt: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Start at this time (ISO 8601), at most 90 days ahead; at once when absent.' }),
    ratePerSecond: z.int().min(1).max(10_000).optional().openapi({ description: 'At most this many messages a second; as fast as the platform allows when absent.' }),
  })
  .strict()
  .openapi('CreateCampaign');

export const CampaignIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const CampaignView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    uploadId: z.uuid(),
    templateId: z.string(),
    signature: z.string().nullable(),
    status: z.enum(['scheduled', 'running', 'paused', 'waiting', 'cancelled', 'stopped', 'completed']).openapi({
      description: '`waiting`: the tenant may not send now (a traffic suspension, or sending held until a top-up); it goes on by itself after. `stopped`: its template or signature can no longer be sent (`stopReason`).',
    }),
    stopReason: z.string().nullable(),
    waitingFor: z.string().nullable().openapi({ description: 'Why a `waiting` campaign waits.' }),
    sendAt: z.string().nullable(),
    ratePerSecond: z.int().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    progress: z.object({
      recipients: z.int().openapi({ description: 'Rows of the upload.' }),
      queued: z.int().openapi({ description: 'Rows handed to the hot path as messages.' }),
      refused: z.int().openapi({ description: 'Rows the sending controls or billing refused when queued (see the report).' }),
      remaining: z.int().openapi({ description: 'Rows not yet queued.' }),
      submitted: z.int().openapi({ description: 'Messages a carrier took, awaiting their receipt.' }),
      delivered: z.int(),
      failed: z.int().openapi({ description: 'Messages that ended undelivered, expired, rejected or failed.' }),
      failureReasons: z.record(z.string(), z.int()).openapi({ description: 'Refused rows and failed messages by reason code.' }),
    }),
    eta: z.string().nullable().openapi({ description: 'When the last row should be queued, at the rate so far (or the campaign’s rate); null when not running.' }),
  })
  .openapi('Campaign');

export const CampaignList = z.object({ campaigns: z.array(CampaignView) }).openapi('CampaignList');

export type CampaignViewBody = z.infer<typeof CampaignView>;
