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
}

/** The one error-to-response mapping for the whole app: every 4xx and 5xx has the shape `{ code, message }`. */
export function errorResponder(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) {
      const body: ErrorBody = { code: err.code, message: err.message };
      if (err.details !== undefined) body.details = err.details;
      return c.json(body, err.status, err.headers);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 413) return c.json({ code: 'payload_too_large', message: 'The request body is too large.' }, 413);
      if (status === 400 && /json/i.test(err.message)) {
        return c.json({ code: 'malformed_json', message: 'The request body is not valid JSON.' }, 400);
      }
      if (status === 400) return c.json({ code: 'bad_request', message: err.message || 'Bad request.' }, 400);
      return c.json({ code: 'http_error', message: err.message || 'Request failed.' }, status);
    }
    if (isInvalidText(err)) return c.json({ code: 'invalid_characters', message: invalidTextMessage }, 400);
    const unavailable = unavailableService(err);
    if (unavailable) {
      logger.warn({ err: err.message, path: c.req.path }, unavailable.logAs);
      return c.json({ code: unavailable.code, message: unavailable.message }, 503, { 'retry-after': String(unavailable.retryAfterSeconds) });
    }
    logger.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ code: 'internal_error', message: 'Something went wrong on our side; the request may be retried.' }, 500);
  };
}

export function notFound(c: Context) {
  return c.json({ code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` }, 404);
}
