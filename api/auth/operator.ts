import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/connect.ts';
import { findOperatorById, findOperatorByToken } from '../../db/operators.ts';
import type { ConsoleSessions } from './console-session.ts';
import type { OperatorRow } from '../../db/schema.ts';
import { roleAtLeast, type OperatorRole } from '../../domain/operators.ts';
import { ApiError } from '../errors.ts';
import { clientAddress, type FailedAttempts } from './failed-attempts.ts';
import { plausibleCredential } from '../../domain/app-secrets.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';

export interface OperatorVariables {
  operator: OperatorRow;
}

/** Operators authenticate with their own bearer token (`ternop_…`); an app's credentials never reach here. */
export function operatorAuth(db: Db, attempts: FailedAttempts, sessions?: ConsoleSessions, cacheMs = 5_000): MiddlewareHandler<{ Variables: OperatorVariables }> {
  const byToken = ttlCache<OperatorRow | undefined>({ ttlMs: cacheMs, load: (token) => findOperatorByToken(db, token) });
  const byId = ttlCache<OperatorRow | undefined>({ ttlMs: cacheMs, load: (id) => findOperatorById(db, id) });
  return async (c, next) => {
    // Staff signed in to the console act as their operator; a tenant's sign-in never reaches /v1/admin.
    if (sessions && c.req.header('authorization') === undefined && sessions.presented(c)) {
      const { user } = await sessions.require(c);
      const operator = user.operator_id ? await byId(user.operator_id) : undefined;
      if (!operator || operator.disabled_at) throw new ApiError(403, 'insufficient_role', 'These are the operators’ pages; your sign-in is a tenant’s.');
      c.set('operator', operator);
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const address = clientAddress(c);
    attempts.check(address, null);
    const operator = match?.[1] && plausibleCredential(match[1], 128) ? await byToken(match[1]) : undefined;
    if (!operator) {
      attempts.failed(address, null);
      throw new ApiError(401, 'unauthorized', 'Operator endpoints need an operator token: Authorization: Bearer ternop_…', undefined, {
        'WWW-Authenticate': 'Bearer realm="tern-admin"',
      });
    }
    c.set('operator', operator);
    await next();
  };
}

export function requireRole(role: OperatorRole): MiddlewareHandler<{ Variables: OperatorVariables }> {
  return async (c, next) => {
    const operator = c.get('operator');
    if (!roleAtLeast(operator.role, role)) {
      throw new ApiError(403, 'insufficient_role', `This needs the ${role} role; ${operator.name} is a ${operator.role}.`);
    }
    await next();
  };
}
