import { z } from 'zod';
import type { CompatibleSend } from './accept-compatible.ts';
import * as field from './request-fields.ts';

export const DiffBody = z.object({
  from: field.from,
  statusCallback: field.statusCallback.optional(),
  extend: field.extend.optional(),
  smsContent: z
    .array(
      z.object({
        to: z.array(z.string()),
        templateId: field.templateId,
        templateParas: field.templateParas.optional(),
        signature: field.signature.optional(),
      }),
    )
    .min(1),
});

/** The body of `batchSendDiffSms` (spec §1.2): JSON, one group per `smsContent` entry. */
export function parseBatchSendDiffSms(contentType: string | undefined, body: string): CompatibleSend {
  field.requireContentType(contentType, 'application/json');
  const fields = field.parseFields(DiffBody, field.parseJsonText(body, 'The request body'));
  return {
    from: fields.from,
    statusCallback: fields.statusCallback,
    extend: fields.extend,
    groups: fields.smsContent.map((g) => ({ to: g.to.map((n) => n.trim()), templateId: g.templateId, templateParas: g.templateParas ?? [], signature: g.signature })),
    rawBody: body,
  };
}
