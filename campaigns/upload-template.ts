import { planGroup } from '../accept/accept.ts';
import type { AcceptLookups } from '../accept/lookups/index.ts';
import type { Rejection } from '../accept/mainland-screen.ts';
import type { AppRow, TemplateRow } from '../db/schema.ts';
import { templateVariableCount } from '../domain/templates.ts';

/** What every row of a list shares: the template, its number of values, the signature asked for. */
export interface UploadTemplate {
  template: TemplateRow;
  templateId: string;
  signature: string | undefined;
  valueCount: number;
}

/**
 * The template and signature of a list, judged before its file is read, by the accept pipeline's own rules. The
 * values are judged per row; here they are stand-ins that every variable type takes (`0`), so that only the
 * template (unknown, not approved) and the signature (not approved, of the other type, ambiguous) can refuse.
 */
export async function checkUploadTemplate(
  lookups: AcceptLookups,
  app: AppRow,
  templateId: string,
  signature: string | undefined,
): Promise<{ ok: true; list: UploadTemplate } | { ok: false; refusal: Rejection }> {
  const found = await lookups.template(app.tenant_id, templateId);
  const valueCount = templateVariableCount(found?.body ?? '');
  const params = Array.from({ length: valueCount }, () => '0');
  const planned = await planGroup({ lookups }, app, { templateId, signature, params }, {});
  if (!planned.ok) return { ok: false, refusal: { code: planned.refusal.code, message: planned.refusal.message } };
  return { ok: true, list: { template: planned.template, templateId, signature, valueCount } };
}
