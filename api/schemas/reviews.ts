import { z } from '@hono/zod-openapi';
import { DocumentView } from './signatures.ts';
import { TemplateVersionView } from './templates.ts';
import { visibleText } from './common.ts';

export const TemplateReviewView = TemplateVersionView.extend({
  kind: z.literal('template'),
  tenantId: z.uuid(),
  templateId: z.string(),
  region: z.enum(['mainland', 'international']),
  type: z.enum(['verification', 'notification']),
  approvedVersion: z.number().int().nullable().openapi({ description: 'The version in use while this one is reviewed.' }),
  decidedBy: z.uuid().nullable(),
  workflowId: z.string().openapi({ description: 'The review’s workflow in Temporal, to follow in the Temporal UI.' }),
}).openapi('TemplateReview');

export const SignatureReviewView = z
  .object({
    kind: z.literal('signature'),
    reviewId: z.uuid(),
    tenantId: z.uuid(),
    name: z.string(),
    type: z.enum(['verification', 'notification']),
    state: z.enum(['in_review', 'documents_requested', 'approved', 'rejected', 'expired']),
    reason: z.string().nullable(),
    submittedAt: z.string(),
    expiresAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.uuid().nullable(),
    workflowId: z.string().openapi({ description: 'The review’s workflow in Temporal, to follow in the Temporal UI.' }),
    documents: z.array(DocumentView.extend({ download: z.string().openapi({ description: 'Path to download it (reviewers only).' }) })),
  })
  .openapi('SignatureReview');

export const ReviewView = z.union([TemplateReviewView, SignatureReviewView]).openapi('Review');

export const DecisionBody = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }).strict(),
    z.object({ decision: z.literal('reject'), reason: visibleText(1, 500) }).strict(),
    z
      .object({ decision: z.literal('request_documents'), reason: visibleText(1, 500) })
      .strict()
      .openapi({ description: 'Signatures only: ask the tenant for more documents, saying which.' }),
  ])
  .openapi('ReviewDecision');

export const ReviewIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const DocumentParams = ReviewIdParams.extend({ documentId: z.uuid().openapi({ param: { name: 'documentId', in: 'path' } }) });
