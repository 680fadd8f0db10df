import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/connect.ts';
import { findAppByKey } from '../../db/apps.ts';
import type { AppRow } from '../../db/schema.ts';
import { claimNonce } from '../../db/wsse-nonces.ts';
import { acceptedSecrets, plausibleCredential } from '../../domain/app-secrets.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { checkCreated, parseWsseHeaders, verifyToken, WSSE_WINDOW_MS } from '../../domain/wsse.ts';
import type { AuthVariables } from '../auth/authenticate.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';
import { CompatibleError } from './errors.ts';
import { clientAddress, type FailedAttempts } from '../auth/failed-attempts.ts';

export interface WsseAuthOptions {
  db: Db;
  secrets: SecretBox;
  now?: () => Date;
  /** How far Created may be from the server clock, and how long a nonce is remembered (default 24 h). */
  windowMs?: number;
  cacheMs?: number;
  /** Failed authentications, throttled per client address and app key. */
  attempts: FailedAttempts;
}

/**
 * X-WSSE authentication (spec §2), checks in the spec's order: headers, Created, app key, digest, then the
 * nonce. The nonce is recorded only for a request whose digest is right, so nobody without the secret can
 * fill the store or burn a client's nonces.
 */
export function wsseAuth(options: WsseAuthOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  const windowMs = options.windowMs ?? WSSE_WINDOW_MS;
  const appByKey = ttlCache<AppRow | undefined>({ ttlMs: options.cacheMs ?? 5_000, load: (key) => findAppByKey(options.db, key) });

  return async (c, next) => {
    const parsed = parseWsseHeaders(c.req.header('authorization'), c.req.header('x-wsse'));
    if (!parsed.ok) throw new CompatibleError(parsed.code, parsed.message);
    const { token } = parsed;
    const now = options.now?.() ?? new Date();
    const timely = checkCreated(token, now, windowMs);
    if (!timely.ok) throw new CompatibleError(timely.code, timely.message);
    const address = clientAddress(c);
    options.attempts.check(address, token.username);
    const app = plausibleCredential(token.username) ? await appByKey(token.username) : undefined;
    if (!app) {
      options.attempts.failed(address, token.username);
      throw new CompatibleError('E000102', 'The app_key is invalid.');
    }
    // Every accepted secret is tried (the previous one during a rotation's grace period), without stopping early.
    const verified = acceptedSecrets(app, options.secrets, now).reduce((ok, secret) => verifyToken(token, secret, now, windowMs).ok || ok, false);
    if (!verified) {
      options.attempts.failed(address, token.username);
      throw new CompatibleError('E000105', 'The PasswordDigest is invalid.');
    }

    if (app.wsse_nonce_check) {
      const fresh = await claimNonce(options.db, app.id, token.nonce, new Date(token.created.getTime() + windowMs), now);
      if (!fresh) throw new CompatibleError('E000027', 'This Nonce was already used; make a fresh Nonce for every request.');
    }
    c.set('app', app);
    c.set('scopes', ['send']);
    await next();
  };
}
