import { planGroup } from '../accept/accept.ts';
import type { AcceptLookups } from '../accept/lookups/index.ts';
import type { Rejection } from '../accept/mainland-screen.ts';
import { recipientRules } from '../accept/recipient-rules.ts';
import type { UploadRecipient, UploadRowError } from '../db/campaign-uploads.ts';
import type { AppRow } from '../db/schema.ts';
import { scopeOf } from '../domain/billing.ts';
import type { UploadRow } from './upload-rows.ts';
import { uploadNumberAsE164 } from './upload-number.ts';
import type { UploadTemplate } from './upload-template.ts';

export type RowVerdict = { ok: true; recipient: UploadRecipient } | { ok: false; error: UploadRowError };

/**
 * Spreadsheets pad every row with empty cells to the width of the widest: empty cells past the template's values
 * are that padding, not values given.
 */
function rowValues(cells: readonly string[], valueCount: number): string[] {
  let end = cells.length;
  while (end > valueCount && cells[end - 1] === '') end -= 1;
  return cells.slice(0, end);
}

const refused = (line: number, rejection: Rejection): RowVerdict => ({ ok: false, error: { line, code: rejection.code, message: rejection.message } });

/**
 * Judges each row of a list by the rules of a send, with the accept pipeline's own code: the values rendered into
 * the template and its segments counted (`planGroup`), the number's class, the template's region and the app's
 * regions (`recipientRules`). The region settings are read once, for the whole list.
 */
export async function rowJudge(lookups: AcceptLookups, app: AppRow, list: UploadTemplate): Promise<(row: UploadRow) => Promise<RowVerdict>> {
  const rules = await recipientRules(lookups.regions, app);
  return async ({ line, cells: [given = '', ...rest] }) => {
    const values = rowValues(rest, list.valueCount);
    const planned = await planGroup({ lookups }, app, { templateId: list.templateId, signature: list.signature, params: values }, {});
    if (!planned.ok) return refused(line, planned.refusal);
    if (given === '') return refused(line, { code: 'invalid_number', message: 'The row has no number in its first cell.' });
    const region = planned.template.region;
    const number = rules(uploadNumberAsE164(given, region), region);
    if (!number.ok) return refused(line, number);
    return { ok: true, recipient: { line, recipient: number.e164, values, segments: planned.segments, country: number.country, scope: scopeOf(region) } };
  };
}
