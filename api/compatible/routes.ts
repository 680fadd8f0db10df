import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AuthVariables } from '../auth/authenticate.ts';
import { limitBody } from '../body-limit.ts';
import type { AcceptDeps } from '../../accept/accept.ts';
import { acceptCompatible } from './accept-compatible.ts';
import { parseBatchSendDiffSms } from './batch-send-diff-sms.ts';
import { parseBatchSendSms } from './batch-send-sms.ts';
import { compatibleErrorResponder } from './errors.ts';
import { compatibleJson } from './responses.ts';

/** The whole content of a diff request is at most 64 KB (spec §1.2); the same cap serves the form API. */
export const maxCompatibleBodyBytes = 64 * 1024;

export interface CompatibleRoutesDeps {
  accept: AcceptDeps;
  logger: Logger;
  /** WSSE authentication, then the app's request rate limit. */
  auth: MiddlewareHandler<{ Variables: AuthVariables }>;
  rateLimit: MiddlewareHandler<{ Variables: AuthVariables }>;
}

/** `/sms`: the Huawei-compatible send API (spec: compatible-api.md), with its own error shape and codes. */
export function compatibleRoutes(deps: CompatibleRoutesDeps) {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.onError(compatibleErrorResponder(deps.logger));
  for (const [path, parse] of [
    ['/batchSendSms/v1', parseBatchSendSms],
    ['/batchSendDiffSms/v1', parseBatchSendDiffSms],
  ] as const) {
    // Only the two APIs authenticate: any other path, or method, is the spec's 404 (or a 405) without a check.
    app.post(path, limitBody(maxCompatibleBodyBytes), deps.auth, deps.rateLimit, async (c) => {
      const request = parse(c.req.header('content-type'), await c.req.text());
      const result = await acceptCompatible(deps.accept, c.get('app'), request);
      return compatibleJson(c, { code: '000000', description: 'Success', result }, 200);
    });
  }
  return app;
}
