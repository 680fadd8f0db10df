import { z } from '@hono/zod-openapi';
import { TemplateVersionView } from './templates.ts';

export const ReviewView = TemplateVersionView.extend({
  kind: z.literal('template'),
  tenantId: z.uuid(),
  templateId: z.string(),
  region: z.enum(['mainland', 'international']),
  type: z.enum(['verification', 'notification']),
  approvedVersion: z.number().int().nullable().openapi({ description: 'The version in use while this one is reviewed.' }),
  decidedBy: z.uuid().nullable(),
}).openapi('Review');

export const DecisionBody = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }).strict(),
    z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(500) }).strict(),
  ])
  .openapi('ReviewDecision');

export const ReviewIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
