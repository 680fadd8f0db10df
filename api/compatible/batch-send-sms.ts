import { z } from 'zod';
import type { CompatibleSend } from './accept-compatible.ts';
import { parameterError } from './errors.ts';
import * as field from './request-fields.ts';

export const FormFields = z.object({
  from: field.from,
  to: z.string().min(1),
  templateId: field.templateId,
  templateParas: field.templateParas.optional(),
  statusCallback: field.statusCallback.optional(),
  signature: field.signature.optional(),
  extend: field.extend.optional(),
});

/**
 * The body of `batchSendSms` (spec §1.1): form-encoded, `to` a comma-separated list, `templateParas` a JSON
 * array in a string. Empty optional fields count as absent.
 */
export function parseBatchSendSms(contentType: string | undefined, body: string): CompatibleSend {
  field.requireContentType(contentType, 'application/x-www-form-urlencoded');
  const form = new URLSearchParams(body);
  const values: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name);
    if (all.length > 1) throw parameterError(`${name} is given ${all.length} times; give it once.`);
    if (all[0] !== '') values[name] = all[0];
  }
  if (typeof values.templateParas === 'string') values.templateParas = field.parseJsonText(values.templateParas, 'templateParas');
  const fields = field.parseFields(FormFields, values);
  // Spaces around the commas are tolerated. (A `+` sent without percent-encoding arrives as a space and is lost.)
  const to = fields.to.split(',').map((n) => n.trim());
  return {
    from: fields.from,
    statusCallback: fields.statusCallback,
    extend: fields.extend,
    groups: [{ to, templateId: fields.templateId, templateParas: fields.templateParas ?? [], signature: fields.signature }],
    rawBody: body,
  };
}
