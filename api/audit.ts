import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import { recordAudit, type AuditActor } from '../db/audit-log.ts';
import type { Db } from '../db/connect.ts';
import type { OperatorVariables } from './auth/operator.ts';
import { requestIdOf } from './errors.ts';

/** Field names whose values never reach the log: passwords, secrets, tokens, keys. */
const secretField = /pass|secret|token|key/i;

/** A NUL, which a jsonb value cannot hold, written as its escape: a body carrying one is still recorded. */
const visible = (text: string) => text.replaceAll('\u0000', '\\u0000');

/** A request body as the audit log keeps it: every field, but each secret one replaced. */
function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (typeof value === 'string') return visible(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [visible(k), secretField.test(k) ? '[redacted]' : redacted(v)]));
  }
  return value ?? null;
}

/** Sends and uploads are the tenant's traffic, kept as messages and lists; they are not setting changes. */
const traffic = [/^\/v1\/messages(\/|$)/, /^\/v1\/campaigns\/uploads(\/|$)/];

/** The actor of a request, as set by whichever authentication let it in. */
function actorOf(c: Context): { actor: AuditActor; tenantId: string | null } | undefined {
  const vars = c as unknown as { get(key: string): unknown };
  const operator = vars.get('operator') as OperatorVariables['operator'] | undefined;
  if (operator) return { actor: { kind: 'operator', id: operator.id, name: operator.name }, tenantId: null };
  const actor = vars.get('actor') as AuditActor | undefined;
  const app = vars.get('app') as { tenant_id: string } | undefined;
  return actor && app ? { actor, tenantId: app.tenant_id } : undefined;
}

/**
 * Records every change made through /v1 (any method but GET that succeeded, sends and uploads aside): who (the
 * operator, the console user, the app or the API key), which operation (`POST /v1/admin/reviews/{id}/decision`), on
 * what (the path), for which tenant, with the request's fields (secrets redacted; uploads by their size only), and the
 * request id. Written after the change succeeded.
 */
export function auditChanges(db: Db, logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
    if (traffic.some((t) => t.test(c.req.path))) return;
    const who = actorOf(c);
    if (!who) return;
    const type = c.req.header('content-type') ?? '';
    let fields: unknown = null;
    if (type.includes('json')) fields = redacted(await c.req.json().catch(() => null));
    else if (c.req.header('content-length')) fields = { bytes: Number(c.req.header('content-length')), contentType: type || null };
    await recordAudit(db, {
      ...who,
      action: `${c.req.method} ${routePath(c, -1).replace(/:(\w+)/g, '{$1}')}`,
      path: c.req.path,
      status: c.res.status,
      details: { fields, params: c.req.param() },
      requestId: requestIdOf(c) ?? null,
    }).catch((err: unknown) => logger.error({ err, path: c.req.path }, 'could not write the audit log'));
  };
}
