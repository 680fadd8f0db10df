export type TemplateRegion = 'mainland' | 'international';
export type TemplateType = 'verification' | 'notification';

const variablePattern = /\$\{(\d+)\}/g;

/** How many values a template takes: its variables are `${1}` … `${n}`, filled in order. */
export function templateVariableCount(body: string): number {
  let highest = 0;
  for (const match of body.matchAll(variablePattern)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; code: 'params_missing' | 'params_extra' | 'param_empty'; message: string };

export function renderTemplate(body: string, params: readonly string[]): RenderResult {
  const expected = templateVariableCount(body);
  if (params.length < expected) {
    return { ok: false, code: 'params_missing', message: `The template takes ${expected} value(s); ${params.length} given.` };
  }
  if (params.length > expected) {
    return { ok: false, code: 'params_extra', message: `The template takes ${expected} value(s); ${params.length} given.` };
  }
  const empty = params.findIndex((p) => p.trim() === '');
  if (empty >= 0) return { ok: false, code: 'param_empty', message: `Value ${empty + 1} is empty.` };
  return { ok: true, text: body.replace(variablePattern, (_, n: string) => params[Number(n) - 1] ?? '') };
}
