import type { Context, MiddlewareHandler } from 'hono';
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

interface RouteMethods {
  /** The methods a path answers (HEAD with GET). */
  allowed(path: string): string[];
  /** The methods of a path a route names exactly, without a parameter; undefined for any other path. */
  exact(path: string): readonly string[] | undefined;
}

/** The methods each path answers, from the app's routes (`:param` and `*` patterns; middleware left out). */
function methodsByPath(routes: readonly RouteEntry[]): RouteMethods {
  const table = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    if (method === 'ALL') continue;
    table.set(path, (table.get(path) ?? new Set()).add(method));
  }
  const patterns = [...table].map(([path, methods]) => {
    const source = path.split(/(:[^/]+|\*)/).map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')));
    return { regex: new RegExp(`^${source.join('')}$`), methods };
  });
  const withHead = (methods: Iterable<string>) => {
    const allowed = new Set(methods);
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  };
  // A path a route names exactly (`/v1/messages/export`) is that resource, not an id of `/v1/messages/{id}`.
  const exact = new Map([...table].map(([path, methods]) => [path, withHead(methods)]));
  return {
    allowed: (path) => exact.get(path) ?? withHead(patterns.flatMap(({ regex, methods }) => (regex.test(path) ? [...methods] : []))),
    exact: (path) => exact.get(path),
  };
}

/** The app's route table, read at the first request that needs it, once every route is registered. */
export function routeMethods(routes: () => readonly RouteEntry[]): () => RouteMethods {
  let table: RouteMethods | undefined;
  return () => (table ??= methodsByPath(routes()));
}

function methodNotAllowed(c: Context, allowed: string[]) {
  const message = `${c.req.path} does not answer ${c.req.method}; it answers ${allowed.join(', ')}.`;
  return c.json(errorBody(c, 'method_not_allowed', message), 405, { allow: allowed.join(', ') });
}

/**
 * A method that a path named exactly by a route does not answer is a 405 here, before a route with a parameter
 * takes the path for its own (`DELETE /v1/messages/export` is not a cancel of message `export`).
 */
export function exactPathMethods(table: () => RouteMethods): MiddlewareHandler {
  return async (c, next) => {
    const allowed = table().exact(c.req.path);
    if (!allowed || allowed.includes(c.req.method)) return next();
    return methodNotAllowed(c, [...allowed]);
  };
}

/** The answer for a request no route takes: 405 with `Allow` when the path exists under other methods, else 404. */
export function notFound(table: () => RouteMethods) {
  return (c: Context) => {
    const allowed = table().allowed(c.req.path);
    if (allowed.length > 0) return methodNotAllowed(c, allowed);
    return c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}.`), 404);
  };
}
