import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { requestIdOf } from './errors.ts';

/**
 * One structured line per request, after it is answered: method, path (never the query string or a body, which may
 * carry secrets), status, duration, the request id, and who asked (the app or operator id) when known; and the
 * same answer counted in the metrics.
 */
export function accessLog(logger: Logger, metrics: { record(c: Context, seconds: number): void }): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = performance.now() - started;
      metrics.record(c, ms / 1000);
      const vars = c as unknown as { get(key: string): unknown };
      const app = vars.get('app') as { id?: string } | undefined;
      const operator = vars.get('operator') as { id?: string } | undefined;
      logger.info(
        {
          requestId: requestIdOf(c),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          durationMs: Math.round(ms * 10) / 10,
          ...(app?.id ? { appId: app.id } : {}),
          ...(operator?.id ? { operatorId: operator.id } : {}),
        },
        'request',
      );
    }
  };
}
