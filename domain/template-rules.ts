import { signatureBrackets } from './signature-rules.ts';
import { templateVariableCount, type TemplateRegion, type TemplateType, type VariableType } from './templates.ts';

export const maxTemplateLength = 500;

export interface TemplateApplication {
  region: TemplateRegion;
  type: TemplateType;
  body: string;
  /** One type per variable; by default a verification template's first variable is the code, the rest `other`. */
  variables?: readonly VariableType[] | undefined;
}

export type TemplateCheck =
  | { ok: true; variables: VariableType[]; warnings: string[] }
  | { ok: false; code: TemplateRuleCode; message: string };

export type TemplateRuleCode =
  | 'template_empty'
  | 'template_too_long'
  | 'template_variables_gap'
  | 'template_variables_mismatch'
  | 'template_code_variable'
  | 'template_signature_brackets';

const fail = (code: TemplateRuleCode, message: string): TemplateCheck => ({ ok: false, code, message });
const han = /\p{Script=Han}/u;

export function defaultVariables(type: TemplateType, count: number): VariableType[] {
  return Array.from({ length: count }, (_, i) => (type === 'verification' && i === 0 ? 'code' : 'other'));
}

/** The rules a template text must meet when it is applied for; each broken rule has its own code. */
export function checkTemplateApplication(application: TemplateApplication): TemplateCheck {
  const { body, region, type } = application;
  if (body.trim() === '') return fail('template_empty', 'The template text is empty.');
  if ([...body].length > maxTemplateLength) {
    return fail('template_too_long', `The template text is ${[...body].length} characters; at most ${maxTemplateLength} are allowed.`);
  }
  const count = templateVariableCount(body);
  const used = new Set([...body.matchAll(/\$\{(\d+)\}/g)].map((m) => Number(m[1])));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !used.has(n));
  if (missing.length > 0) {
    return fail('template_variables_gap', `Variables are numbered from \${1} without gaps; \${${missing[0]}} is missing.`);
  }
  const variables = application.variables ? [...application.variables] : defaultVariables(type, count);
  if (variables.length !== count) {
    return fail('template_variables_mismatch', `The text has ${count} variable(s) but ${variables.length} type(s) are given.`);
  }
  const codes = variables.filter((v) => v === 'code').length;
  if (type === 'verification' && codes !== 1) {
    return fail('template_code_variable', `A verification template carries exactly one code variable; this one has ${codes}.`);
  }
  if (type === 'notification' && codes > 0) {
    return fail('template_code_variable', 'A notification template carries no code variable; apply for a verification template.');
  }
  if (region === 'mainland' && signatureBrackets.test(body)) {
    return fail('template_signature_brackets', 'A mainland template carries no signature brackets; the approved signature is added when sending.');
  }
  const warnings = region === 'mainland' && !han.test(body) ? ['Mainland templates are preferably in Simplified Chinese.'] : [];
  return { ok: true, variables, warnings };
}
