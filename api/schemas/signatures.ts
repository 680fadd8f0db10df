import { z } from '@hono/zod-openapi';
import { visibleText } from './common.ts';

const Document = (description: string) => z.file().openapi({ type: 'string', format: 'binary', description: `${description}: PDF, JPEG or PNG, at most 5 MB.` });

export const ApplySignatureForm = z
  .object({
    name: visibleText(2, 32).openapi({ description: 'The text shown in 【】, e.g. your company’s short name.' }),
    type: z.enum(['verification', 'notification']),
    attorneyLetter: Document('Letter of attorney'),
    businessLicense: Document('Business license'),
  })
  .openapi('ApplySignatureRequest');

export const DocumentsForm = z
  .object({ attorneyLetter: Document('Letter of attorney').optional(), businessLicense: Document('Business license').optional() })
  .openapi('SignatureDocumentsRequest');

export const DocumentView = z
  .object({ id: z.uuid(), kind: z.enum(['attorney_letter', 'business_license']), contentType: z.string(), size: z.number().int(), sha256: z.string(), fileName: z.string().nullable(), uploadedAt: z.string() })
  .openapi('SignatureDocument');

export const SignatureView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(['verification', 'notification']),
    state: z.enum(['in_review', 'documents_requested', 'approved', 'rejected', 'expired']),
    reason: z.string().nullable().openapi({ description: 'Why it was rejected, or which documents the reviewer asks for.' }),
    submittedAt: z.string(),
    expiresAt: z.string().nullable().openapi({ description: 'While documents are requested: when the application expires without them.' }),
    decidedAt: z.string().nullable(),
    documents: z.array(DocumentView),
  })
  .openapi('Signature');

export const SignatureIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
