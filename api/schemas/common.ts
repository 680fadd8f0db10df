import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { hasLoneSurrogate, visibleTextPattern, whyNotVisibleText } from '../../domain/visible-text.ts';

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
    'The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds.',
  headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' as const } } },
  content: { 'application/json': { schema: ErrorSchema } },
};

/**
 * The error answers of an operation, the 429 of any that authenticates, and the 503 that every operation can give
 * while the database is away.
 */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429)[]) {
  const descriptions = {
    400: 'The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`)',
    401: 'Missing or wrong credentials',
    403: 'The credentials do not allow this (an API key without the scope)',
    404: 'No such resource for this app',
    409: 'The resource is not in a state that allows this',
    410: 'The resource is gone for good (an export past its expiry)',
    413: 'The body is too large',
    415: 'The body is not of a type this operation reads (`unsupported_media_type`)',
    422: 'Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule)',
    429: 'Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`)',
  };
  // Any operation that authenticates can be throttled for failed authentications.
  const all = statuses.includes(401) && !statuses.includes(429) ? [...statuses, 429 as const] : statuses;
  return {
    ...Object.fromEntries(all.map((s) => [s, { description: descriptions[s], content: { 'application/json': { schema: ErrorSchema } } }])),
    503: unavailable,
  };
}

type Route = Omit<RouteConfig, 'path'> & { path: string };

/**
 * `createRoute`, with the error answers that follow from the operation's shape added to those it lists: 400 for
 * an operation that takes parameters or a body; 413, 415 and 422 for one with a body; 401 (and 429) for one that
 * authenticates; 503 for all. The edge (validation, body limits, authentication) gives these for every operation
 * alike, so they are documented in one place.
 */
export function apiRoute<P extends string, R extends Route & { path: P }>(config: R) {
  const request = config.request ?? {};
  const statuses: Parameters<typeof errorResponses> = [];
  if (request.params || request.query || request.headers || request.cookies || request.body) statuses.push(400);
  if (request.body) statuses.push(413, 415, 422);
  if (config.security?.length) statuses.push(401);
  return createRoute<P, R>({ ...config, responses: { ...errorResponses(...statuses), ...config.responses } });
}

/** A JSON response of `schema`, for route definitions. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * A JSON request body of `schema`, for route definitions. A request without a body is read as `{}`, so the body
 * is required exactly when `{}` is not a valid one.
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: !schema.safeParse({}).success, content: { 'application/json': { schema } } } };
}

/**
 * Text a person types once and that others read (names, sender ids, reasons, references): `min` to `max`
 * characters, no space at either end, no control, format or invisible character (`domain/visible-text.ts`). One
 * regex does the check and is the document's `pattern`, so the two cannot disagree; the error says which rule broke.
 */
export function visibleText(min: number, max: number) {
  const pattern = visibleTextPattern(min, max);
  return (
    z
      .string()
      .regex(new RegExp(pattern, 'u'), { error: (issue) => whyNotVisibleText(String(issue.input), min, max) ?? 'is not visible text' })
      .refine((text) => !hasLoneSurrogate(text), 'holds half a character (a lone UTF-16 surrogate)')
      // The pattern given again: the generator writes a regex with flags as `source/u`, which matches nothing.
      .openapi({ minLength: min, maxLength: max, pattern })
  );
}
