import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/connect.ts';
import { findOperatorByToken } from '../../db/operators.ts';
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
export function operatorAuth(db: Db, attempts: FailedAttempts, cacheMs = 5_000): MiddlewareHandler<{ Variables: OperatorVariables }> {
  const byToken = ttlCache<OperatorRow | undefined>({ ttlMs: cacheMs, load: (token) => findOperatorByToken(db, token) });
  return async (c, next) => {
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
