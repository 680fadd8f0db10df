import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/connect.ts';
import { findAppByKey } from '../../db/apps.ts';
import type { AppRow } from '../../db/schema.ts';
import { secretAccepted } from '../../domain/app-secrets.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { ApiError } from '../errors.ts';

export interface AuthVariables {
  app: AppRow;
}

const challenge = { 'WWW-Authenticate': 'Basic realm="tern"' };

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, undefined, challenge);
}

/**
 * HTTP Basic with the app key as user and the app secret as password. App rows are cached briefly: the hot
 * path should not pay a database round trip per request for data that changes rarely.
 */
export function basicAuth(db: Db, secrets: SecretBox, cacheMs = 5_000): MiddlewareHandler<{ Variables: AuthVariables }> {
  const cache = new Map<string, { app: AppRow | undefined; until: number }>();
  async function lookup(appKey: string): Promise<AppRow | undefined> {
    const hit = cache.get(appKey);
    if (hit && hit.until > Date.now()) return hit.app;
    const app = await findAppByKey(db, appKey);
    if (cache.size > 10_000) cache.clear();
    cache.set(appKey, { app, until: Date.now() + cacheMs });
    return app;
  }

  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
    if (!match?.[1]) throw unauthorized('Authenticate with HTTP Basic: the app key as user, the app secret as password.');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw unauthorized('The Basic credentials must be "appKey:appSecret".');
    const app = await lookup(decoded.slice(0, colon));
    // The same answer for an unknown key and a wrong secret, so keys cannot be probed.
    if (!app || !secretAccepted(decoded.slice(colon + 1), app, secrets)) {
      throw unauthorized('The app key or app secret is wrong.');
    }
    c.set('app', app);
    await next();
  };
}
