import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { unavailableService } from '../unavailable.ts';
import { ApiError, requestIdOf } from '../errors.ts';
import { compatibleJson, type CompatibleResult } from './responses.ts';
import { invalidTextMessage, isInvalidText } from '../../db/invalid-text.ts';

/**
 * Codes of Tern's own for the compatible API, where the spec has none: the request rate limit of the app.
 * Every other code comes from the spec (§3.3).
 */
export const rateLimitedCode = 'E000429';

/** The spec's HTTP status for a request-level code (§3.2). */
export function httpStatusFor(code: string): ContentfulStatusCode {
  if (code === '000000') return 200;
  if (code === rateLimitedCode) return 429;
  if (/^E0001\d\d$/.test(code)) return 401;
  if (code === 'E000620' || code === 'E000623' || code === 'E000630') return 403;
  return 400;
}

/** A refused compatible request: the spec's `{ code, description }`, plus `result` for E000510. */
export class CompatibleError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly options: { status?: ContentfulStatusCode; result?: CompatibleResult[]; headers?: Record<string, string> } = {},
  ) {
    super(description);
  }

  get status(): ContentfulStatusCode {
    return this.options.status ?? httpStatusFor(this.code);
  }
}

export const parameterError = (description: string) => new CompatibleError('E000503', description);

function fromApiError(err: ApiError): CompatibleError {
  if (err.status === 429) return new CompatibleError(rateLimitedCode, err.message, { headers: err.headers ?? {} });
  if (err.status === 413) return new CompatibleError('E000503', err.message, { status: 413 });
  // Tern's 422 (a rule beyond the schema) is the spec's parameter error, which is a 400.
  return new CompatibleError('E000503', err.message, { status: err.status === 422 ? 400 : err.status });
}

/** Errors on the compatible surface in the spec's shape, whichever layer raised them. */
export function compatibleErrorResponder(logger: Logger) {
  return (err: Error, c: Context) => {
    let refusal: CompatibleError;
    const unavailable = unavailableService(err);
    if (err instanceof CompatibleError) refusal = err;
    else if (err instanceof ApiError) refusal = fromApiError(err);
    else if (err instanceof HTTPException && err.status < 500) refusal = new CompatibleError('E000503', err.message, { status: err.status });
    else if (isInvalidText(err)) refusal = parameterError(invalidTextMessage);
    else if (unavailable) {
      logger.warn({ err: err.message, path: c.req.path, requestId: requestIdOf(c) }, unavailable.logAs);
      const headers = { 'retry-after': String(unavailable.retryAfterSeconds) };
      refusal = new CompatibleError('E000000', unavailable.description, { status: 503, headers });
    } else {
      logger.error({ err, path: c.req.path, requestId: requestIdOf(c) }, 'unhandled error');
      refusal = new CompatibleError('E000000', 'System error; the request may be retried.', { status: 500 });
    }
    const body = { code: refusal.code, description: refusal.description, ...(refusal.options.result ? { result: refusal.options.result } : {}) };
    return compatibleJson(c, body, refusal.status, refusal.options.headers);
  };
}
