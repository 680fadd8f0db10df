import { z } from '@hono/zod-openapi';
import { hasHiddenOrControl } from '../../domain/templates.ts';

export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: 'template_not_found' }),
    message: z.string().openapi({ example: 'No template 0123… for this app.' }),
    details: z.unknown().optional(),
    requestId: z.string().optional().openapi({ description: 'The request’s X-Request-Id: quote it when asking about this answer.' }),
  })
  .openapi('Error');

const unavailable = {
  description:
    'The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews and suspensions, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds.',
  headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' as const } } },
  content: { 'application/json': { schema: ErrorSchema } },
};

/**
 * The error answers of an operation, the 429 of any that authenticates, and the 503 that every operation can give
 * while the database is away.
 */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429)[]) {
  const descriptions = {
    400: 'The request is malformed or breaks a rule',
    401: 'Missing or wrong credentials',
    403: 'The credentials do not allow this (an API key without the scope)',
    404: 'No such resource for this app',
    409: 'The resource is not in a state that allows this',
    413: 'The body is too large',
    415: 'The body is not of a type this operation reads',
    422: 'Well-formed but cannot be processed',
    429: 'Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`)',
  };
  // Any operation that authenticates can be throttled for failed authentications.
  const all = statuses.includes(401) && !statuses.includes(429) ? [...statuses, 429 as const] : statuses;
  return {
    ...Object.fromEntries(all.map((s) => [s, { description: descriptions[s], content: { 'application/json': { schema: ErrorSchema } } }])),
    503: unavailable,
  };
}

/** A JSON response of `schema`, for route definitions. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body of `schema`, for route definitions. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/**
 * Text a person types once and that others read (names, sender ids, reasons, references): trimmed, within length,
 * and without control, format or invisible characters (`domain/templates.ts`, `hasHiddenOrControl`).
 */
export function plainText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !hasHiddenOrControl(text), { message: 'may not hold control, format or invisible characters (newlines, tabs, direction marks, NUL…)' });
}
