import type { Context, MiddlewareHandler } from 'hono';
import type { AuditActor } from '../../db/audit-log.ts';
import { isTenantRole, type TenantRole } from '../../domain/console-roles.ts';
import type { ConsoleSessions } from './console-session.ts';
import type { Db } from '../../db/connect.ts';
import { findApiKeyByPrefix } from '../../db/api-keys.ts';
import { findAppById, findAppByKey, findFirstAppOfTenant } from '../../db/apps.ts';
import type { ApiKeyRow, AppRow } from '../../db/schema.ts';
import type { ApiScope } from '../../domain/api-keys.ts';
import { splitToken, tokenSecretMatches } from '../../domain/tokens.ts';
import { plausibleCredential, secretAccepted } from '../../domain/app-secrets.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { ApiError } from '../errors.ts';
import { clientAddress, type FailedAttempts } from './failed-attempts.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';

/** What a request may do: a bearer key's scopes, or everything (keys included) with the app secret. */
export type Scope = ApiScope | 'manage';
const everything: readonly Scope[] = ['send', 'read', 'manage'];

export interface AuthVariables {
  app: AppRow;
  scopes: readonly Scope[];
  /** Who is asking, for the audit log: the app (its secret), an API key, or a tenant's console user. */
  actor: AuditActor;
}

/** Owners change settings and keys; members send and read. */
const consoleScopes: Record<TenantRole, readonly Scope[]> = { tenant_owner: everything, tenant_member: ['send', 'read'] };
export const consoleAppHeader = 'x-tern-app';

const challenge = { 'WWW-Authenticate': 'Basic realm="tern", Bearer realm="tern"' };

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, undefined, challenge);
}

/**
 * HTTP Basic (app key and app secret) or a bearer API key. Apps and keys are cached briefly, so the hot path
 * does not pay a database round trip per request for rows that change rarely; a revoked key stops within 5 s.
 */
export function authenticate(db: Db, secrets: SecretBox, attempts: FailedAttempts, sessions?: ConsoleSessions, cacheMs = 5_000): MiddlewareHandler<{ Variables: AuthVariables }> {
  const appByKey = ttlCache<AppRow | undefined>({ ttlMs: cacheMs, load: (key) => findAppByKey(db, key) });
  const appById = ttlCache<AppRow | undefined>({ ttlMs: cacheMs, load: (id) => findAppById(db, id) });
  const keyByPrefix = ttlCache<ApiKeyRow | undefined>({ ttlMs: cacheMs, load: (prefix) => findApiKeyByPrefix(db, prefix) });

  async function basic(key: string, secret: string | undefined): Promise<AuthVariables> {
    if (!key || secret === undefined) throw unauthorized('The Basic credentials must be "appKey:appSecret".');
    const app = plausibleCredential(key) ? await appByKey(key) : undefined;
    // The same answer for an unknown key and a wrong secret, so keys cannot be probed.
    if (!app || !secretAccepted(secret, app, secrets)) throw unauthorized('The app key or app secret is wrong.');
    return { app, scopes: everything, actor: { kind: 'app', id: app.id, name: app.app_key } };
  }

  async function bearer(parts: { prefix: string; secret: string } | undefined): Promise<AuthVariables> {
    const key = parts && (await keyByPrefix(parts.prefix));
    if (!parts || !key || key.revoked_at || !tokenSecretMatches(parts.secret, key.secret_hash)) {
      throw unauthorized('The API key is unknown or revoked.');
    }
    const app = await appById(key.app_id);
    if (!app) throw unauthorized('The API key is unknown or revoked.');
    return { app, scopes: key.scopes, actor: { kind: 'api_key', id: key.id, name: `tern_${key.prefix}` } };
  }

  const firstAppOf = ttlCache<AppRow | undefined>({ ttlMs: cacheMs, load: (tenantId) => findFirstAppOfTenant(db, tenantId) });

  /** A tenant's console user, on the app the console chose (`X-Tern-App`) or the tenant's first. */
  async function consoleUser(c: Context, sessions: ConsoleSessions): Promise<AuthVariables> {
    const { user } = await sessions.require(c);
    if (!isTenantRole(user.role) || !user.tenant_id) {
      throw new ApiError(403, 'not_a_tenant_user', 'Staff sign-ins work on the operator pages; this is the tenants’ API.');
    }
    const chosen = c.req.header(consoleAppHeader);
    const app = chosen ? (/^[0-9a-f-]{36}$/i.test(chosen) ? await appById(chosen) : undefined) : await firstAppOf(user.tenant_id);
    if (!app || app.tenant_id !== user.tenant_id) throw new ApiError(403, 'app_not_yours', 'That app is not one of your tenant’s.');
    return { app, scopes: consoleScopes[user.role], actor: { kind: 'console_user', id: user.id, name: user.email } };
  }

  return async (c, next) => {
    if (sessions && c.req.header('authorization') === undefined && sessions.presented(c)) {
      const principal = await consoleUser(c, sessions);
      c.set('app', principal.app);
      c.set('scopes', principal.scopes);
      c.set('actor', principal.actor);
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^(Basic|Bearer)\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !match[2]) {
      throw unauthorized('Authenticate with HTTP Basic (app key and app secret) or a bearer API key.');
    }
    // The credentials are read once: the key they present is what failures are counted against.
    let key: string;
    let verify: () => Promise<AuthVariables>;
    if (match[1].toLowerCase() === 'basic') {
      const decoded = Buffer.from(match[2], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      key = colon >= 0 ? decoded.slice(0, colon) : decoded;
      const secret = colon >= 0 ? decoded.slice(colon + 1) : undefined;
      verify = () => basic(key, secret);
    } else {
      const parts = splitToken('tern', match[2]);
      key = parts?.prefix ?? match[2].slice(0, 24);
      verify = () => bearer(parts);
    }
    const address = clientAddress(c);
    attempts.check(address, key);
    let principal: AuthVariables;
    try {
      principal = await verify();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) attempts.failed(address, key);
      throw err;
    }
    c.set('app', principal.app);
    c.set('scopes', principal.scopes);
    c.set('actor', principal.actor);
    await next();
  };
}

/** Refuses a request whose credentials lack `scope` (403: who it is is known, what it may do is not this). */
export function requireScope(scope: Scope): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    if (!c.get('scopes').includes(scope)) {
      throw new ApiError(
        403,
        'insufficient_scope',
        scope === 'manage' ? 'API keys can be managed only with the app secret.' : `This API key lacks the "${scope}" scope.`,
      );
    }
    await next();
  };
}
