import { z } from '@hono/zod-openapi';
import { variableTypes } from '../../domain/templates.ts';
import { visibleText } from './common.ts';

const Variables = z
  .array(z.enum(variableTypes))
  .max(50)
  .optional()
  .openapi({
    description:
      'One type per variable ${1}, ${2}, …: code (≤8 letters/digits), number (≤20 digits), amount (≤20 digits, dots, commas), ' +
      'date (≤20), phone (≤20 digits, +, -, spaces), other (≤35, no dots). Default: a verification template’s ${1} is the code, the rest other.',
  });

export const ApplyTemplateBody = z
  .object({
    name: visibleText(1, 100),
    region: z.enum(['mainland', 'international']),
    type: z.enum(['verification', 'notification']),
    body: z.string().openapi({ description: 'At most 500 characters; variables are ${1}, ${2}, … in order.' }),
    variables: Variables,
  })
  .strict()
  .openapi('ApplyTemplateRequest');

export const NewVersionBody = z
  .object({
    name: visibleText(1, 100).optional(),
    body: z.string(),
    variables: Variables,
  })
  .strict()
  .openapi('NewTemplateVersionRequest');

export const TemplateVersionView = z
  .object({
    version: z.number().int(),
    reviewId: z.uuid(),
    name: z.string(),
    body: z.string(),
    variables: z.array(z.string()),
    state: z.enum(['waiting', 'in_review', 'approved', 'rejected', 'withdrawn', 'superseded']),
    overdue: z.boolean(),
    submittedAt: z.string(),
    opensAt: z.string().nullable().openapi({ description: 'When the review opens: the next review window on a workday.' }),
    dueAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    calendarFallbackDays: z.array(z.string()).openapi({
      description: 'Days the review calendar had no holiday data for and judged Monday–Friday.',
    }),
  })
  .openapi('TemplateVersion');

export const TemplateView = z
  .object({
    id: z.string(),
    name: z.string(),
    region: z.enum(['mainland', 'international']),
    type: z.enum(['verification', 'notification']),
    status: z.enum(['approved', 'pending', 'rejected', 'withdrawn']),
    body: z.string().openapi({ description: 'The text sends use: the approved version’s.' }),
    approvedVersion: z.number().int().nullable(),
    versions: z.array(TemplateVersionView),
    review: z
      .object({ state: z.string(), opensAt: z.string().optional(), dueAt: z.string().optional() })
      .nullable()
      .openapi({ description: 'The live state of the open review, from its workflow.' }),
    warnings: z.array(z.string()).optional(),
  })
  .openapi('Template');

export const TemplateIdParams = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
