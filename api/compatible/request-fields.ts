import { z } from 'zod';
import { visibleText } from '../schemas/common.ts';
import { CompatibleError, parameterError } from './errors.ts';

/** Field rules both send APIs share (spec §1). Unknown fields are ignored, as a lenient server would. */
export const from = visibleText(1, 21);
export const templateId = visibleText(1, 64);
export const statusCallback = z.url({ protocol: /^https?$/ }).max(2048);
export const extend = visibleText(1, 128);
export const signature = visibleText(2, 32);
/** Values are strings; numbers are taken as their text, since clients often send codes unquoted. */
export const templateParas = z.array(z.union([z.string(), z.number().transform(String)])).max(50);

/** Parses with `schema`, or refuses the request with E000503 naming the first bad field. */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') || 'body';
  throw parameterError(`${path}: ${issue?.message ?? 'invalid value'}.`);
}

/** Text that should hold JSON but does not parse gets E000000, as the spec says of badly quoted templateParas. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CompatibleError('E000000', `${what} is not valid JSON.`);
  }
}

export function requireContentType(header: string | undefined, expected: string): void {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== expected) throw new CompatibleError('E000040', `The Content-Type must be ${expected}.`);
}
