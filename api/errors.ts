import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { unavailableService } from './unavailable.ts';
import { invalidTextMessage, isInvalidText } from '../db/invalid-text.ts';

/** An error a client caused or can act on: a stable `code` for programs and a sentence for people. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  /** The request's X-Request-Id, to quote when asking about it. */
  requestId?: string;
}

/** The request's id (`X-Request-Id`), set by the request-id middleware. */
export function requestIdOf(c: Context): string | undefined {
  return (c as unknown as { get(key: 'requestId'): string | undefined }).get('requestId');
}

/** An error answer's body, naming the request. */
function errorBody(c: Context, code: string, message: string, details?: unknown): ErrorBody {
  const requestId = requestIdOf(c);
  return { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { requestId } : {}) };
}

/** The one error-to-response mapping for the whole app: every 4xx and 5xx has the shape `{ code, message }`. */
export function errorResponder(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) return c.json(errorBody(c, err.code, err.message, err.details), err.status, err.headers);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 413) return c.json(errorBody(c, 'payload_too_large', 'The request body is too large.'), 413);
      if (status === 400 && /json/i.test(err.message)) return c.json(errorBody(c, 'malformed_json', 'The request body is not valid JSON.'), 400);
      if (status === 400) return c.json(errorBody(c, 'bad_request', err.message || 'Bad request.'), 400);
      if (status === 415) {
        const type = (c.req.header('content-type') ?? 'none').slice(0, 100);
        return c.json(errorBody(c, 'unsupported_media_type', `This operation does not read a body of type ${type}; the API reference (/docs) gives the type it takes.`), 415);
      }
      return c.json(errorBody(c, 'http_error', err.message || 'Request failed.'), status);
    }
    if (isInvalidText(err)) return c.json(errorBody(c, 'invalid_characters', invalidTextMessage), 422);
    const unavailable = unavailableService(err);
    if (unavailable) {
      logger.warn({ err: err.message, path: c.req.path, requestId: requestIdOf(c) }, unavailable.logAs);
      return c.json(errorBody(c, unavailable.code, unavailable.message), 503, { 'retry-after': String(unavailable.retryAfterSeconds) });
    }
    const body = errorBody(c, 'internal_error', 'Something went wrong on our side; the request may be retried.');
    logger.error({ err, path: c.req.path, requestId: body.requestId }, 'unhandled error');
    return c.json(body, 500);
  };
}

interface RouteEntry {
  method: string;
  path: string;
}

/** The methods each path answers, from the app's routes (`:param` and `*` patterns; middleware left out). */
function methodsByPath(routes: readonly RouteEntry[]): (path: string) => string[] {
  const table = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    if (method === 'ALL') continue;
    table.set(path, (table.get(path) ?? new Set()).add(method));
  }
  const patterns = [...table].map(([path, methods]) => {
    const source = path.split(/(:[^/]+|\*)/).map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')));
    return { regex: new RegExp(`^${source.join('')}$`), methods };
  });
  return (path) => {
    const allowed = new Set<string>();
    for (const { regex, methods } of patterns) if (regex.test(path)) for (const m of methods) allowed.add(m);
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  };
}

/**
 * The answer for a request no route takes: 405 with `Allow` when the path exists under other methods, else 404.
 * `routes` is read at the first such request, once every route is registered.
 */
export function notFound(routes: () => readonly RouteEntry[]) {
  let allowedFor: ((path: string) => string[]) | undefined;
  return (c: Context) => {
    allowedFor ??= methodsByPath(routes());
    const allowed = allowedFor(c.req.path);
    if (allowed.length > 0) {
      const message = `${c.req.path} does not answer ${c.req.method}; it answers ${allowed.join(', ')}.`;
      return c.json(errorBody(c, 'method_not_allowed', message), 405, { allow: allowed.join(', ') });
    }
    return c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}.`), 404);
  };
}
