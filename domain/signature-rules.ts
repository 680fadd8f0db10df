import type { TemplateRegion, TemplateType } from './templates.ts';

/** Signature brackets: 【】 and the look-alikes used to fake them. Only the approved signature may show them. */
export const signatureBrackets = /[【】〖〗[\]]/;

/** On the mainland a value may not carry brackets: it would show a second, unapproved signature. */
export function valuesFakeSignature(region: TemplateRegion, values: readonly string[]): boolean {
  return region === 'mainland' && values.some((v) => signatureBrackets.test(v));
}

export interface ApprovedSignature {
  name: string;
  type: TemplateType;
}

export type SignatureRuleCode = 'signature_required' | 'signature_not_approved' | 'signature_type_mismatch' | 'signature_ambiguous';

export type SignatureChoice = { ok: true; signature: string | undefined } | { ok: false; code: SignatureRuleCode; message: string };

const fail = (code: SignatureRuleCode, message: string): SignatureChoice => ({ ok: false, code, message });

/**
 * The signature a message carries: none outside the mainland; on the mainland an approved signature of the
 * template's type (verification ↔ verification, notification ↔ notification), the one named, or the tenant's
 * only one of that type.
 */
export function chooseSignature(
  template: { region: TemplateRegion; type: TemplateType },
  approved: readonly ApprovedSignature[],
  requested: string | undefined,
): SignatureChoice {
  if (template.region !== 'mainland') return { ok: true, signature: undefined };
  const sameType = approved.filter((s) => s.type === template.type);
  if (requested !== undefined) {
    if (sameType.some((s) => s.name === requested)) return { ok: true, signature: requested };
    if (approved.some((s) => s.name === requested)) {
      return fail('signature_type_mismatch', `The signature 【${requested}】 is approved for other messages than ${template.type} ones.`);
    }
    return fail('signature_not_approved', `The signature 【${requested}】 is not an approved signature of this tenant.`);
  }
  if (sameType.length === 1) return { ok: true, signature: sameType[0]?.name };
  if (sameType.length > 1) return fail('signature_ambiguous', `This tenant has ${sameType.length} approved ${template.type} signatures; name one in signature.`);
  if (approved.length > 0) return fail('signature_type_mismatch', `A ${template.type} template needs a ${template.type} signature; this tenant has none approved.`);
  return fail('signature_required', 'Mainland messages need an approved signature; apply for one at /v1/signatures.');
}

/** The text as sent: the signature in 【】 before the template's text. */
export function signedText(text: string, signature: string | undefined): string {
  return signature === undefined ? text : `【${signature}】${text}`;
}
