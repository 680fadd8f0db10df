import type { Db } from './connect.ts';
import type { OperatorRow } from './schema.ts';
import type { OperatorRole } from '../domain/operators.ts';
import { newToken, splitToken, tokenSecretMatches } from '../domain/tokens.ts';

/** Creates an operator; the token is returned once and only its hash is kept. */
export async function createOperator(db: Db, name: string, role: OperatorRole): Promise<{ row: OperatorRow; token: string }> {
  const { token, prefix, secretHash } = newToken('ternop');
  const row = await db
    .insertInto('operators')
    .values({ name, role, token_prefix: prefix, token_hash: secretHash })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, token };
}

export async function findOperatorByPrefix(db: Db, prefix: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').selectAll().where('token_prefix', '=', prefix).executeTakeFirst();
}

/** The enabled operator a token belongs to, or undefined for a malformed, unknown, wrong or disabled token. */
export async function findOperatorByToken(db: Db, token: string): Promise<OperatorRow | undefined> {
  const parts = splitToken('ternop', token);
  const operator = parts && (await findOperatorByPrefix(db, parts.prefix));
  if (!parts || !operator || operator.disabled_at || !tokenSecretMatches(parts.secret, operator.token_hash)) return undefined;
  return operator;
}

export async function findOperatorById(db: Db, id: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
}
