import { hasHiddenOrControl } from './visible-text.ts';

export type TemplateRegion = 'mainland' | 'international';
export type TemplateType = 'verification' | 'notification';

/** What a variable may hold; each type has its own limits (`variableRules`). */
export const variableTypes = ['code', 'number', 'amount', 'date', 'phone', 'other'] as const;
export type VariableType = (typeof variableTypes)[number];

/** Limits on a variable's value, by type: at most `maxLength` characters, all matching `pattern`. */
export const variableRules: Record<VariableType, { maxLength: number; pattern: RegExp; describe: string }> = {
  code: { maxLength: 8, pattern: /^[A-Za-z0-9]+$/, describe: 'up to 8 letters or digits' },
  number: { maxLength: 20, pattern: /^\d+$/, describe: 'up to 20 digits' },
  amount: { maxLength: 20, pattern: /^[\d.,]+$/, describe: 'up to 20 digits, dots and commas' },
  date: { maxLength: 20, pattern: /^[\d\-/: 年月日时分秒T]+$/, describe: 'up to 20 characters of a date or time' },
  phone: { maxLength: 20, pattern: /^[\d+\- ]+$/, describe: 'up to 20 digits, +, - and spaces' },
  // No dots (nor ideographic full stops): an "other" value must not smuggle a link into an approved text.
  other: { maxLength: 35, pattern: /^[^.。]+$/, describe: 'up to 35 characters, no dots' },
};

const variablePattern = /\$\{(\d+)\}/g;

/** How many values a template takes: its variables are `${1}` … `${n}`, filled in order. */
export function templateVariableCount(body: string): number {
  let highest = 0;
  for (const match of body.matchAll(variablePattern)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; code: 'params_missing' | 'params_extra' | 'param_empty' | 'param_invalid'; message: string };

/**
 * Fills a template's variables with `params`, checking each value against its variable's type. A template
 * without variable types (made before types existed) only gets the count and emptiness checks.
 */
export function renderTemplate(body: string, params: readonly string[], variables: readonly VariableType[] = []): RenderResult {
  const expected = templateVariableCount(body);
  if (params.length < expected) {
    return { ok: false, code: 'params_missing', message: `The template takes ${expected} value(s); ${params.length} given.` };
  }
  if (params.length > expected) {
    return { ok: false, code: 'params_extra', message: `The template takes ${expected} value(s); ${params.length} given.` };
  }
  const empty = params.findIndex((p) => p.trim() === '');
  if (empty >= 0) return { ok: false, code: 'param_empty', message: `Value ${empty + 1} is empty.` };
  const hidden = params.findIndex(hasHiddenOrControl);
  if (hidden >= 0) {
    return { ok: false, code: 'param_invalid', message: `Value ${hidden + 1} holds a control, format or invisible character (a newline, a tab, a direction mark…).` };
  }
  for (const [i, type] of variables.entries()) {
    // Checked in their compatibility form (NFKC), so that a fullwidth "．" counts as the "." it shows as.
    const value = (params[i] ?? '').normalize('NFKC');
    const rule = variableRules[type];
    if ([...value].length > rule.maxLength || !rule.pattern.test(value)) {
      return { ok: false, code: 'param_invalid', message: `Value ${i + 1} must be ${rule.describe} (a ${type} variable).` };
    }
  }
  return { ok: true, text: body.replace(variablePattern, (_, n: string) => params[Number(n) - 1] ?? '') };
}
