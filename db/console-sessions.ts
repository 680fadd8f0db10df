import { randomBytes } from 'node:crypto';
import type { Db } from './connect.ts';
import type { ConsoleUserRow } from './schema.ts';
import { hashTokenSecret } from '../domain/tokens.ts';

export interface ConsoleSession {
  tokenHash: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  user: ConsoleUserRow;
}

/** Opens a session: the token goes into the cookie, only its hash is kept. Expired sessions are cleared on the way. */
export async function openConsoleSession(db: Db, userId: string, ttlMs: number, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.deleteFrom('console_sessions').where('expires_at', '<', now).execute();
  await db.insertInto('console_sessions').values({ token_hash: hashTokenSecret(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt, last_seen_at: now }).execute();
  return { token, csrfToken, expiresAt };
}

/** The unexpired session of an enabled user the cookie's token opens. */
export async function findConsoleSession(db: Db, token: string, now = new Date()): Promise<ConsoleSession | undefined> {
  const row = await db
    .selectFrom('console_sessions as s')
    .innerJoin('console_users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.token_hash', 's.csrf_token', 's.created_at as session_created_at', 's.expires_at', 's.last_seen_at'])
    .where('s.token_hash', '=', hashTokenSecret(token))
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_hash, csrf_token, session_created_at, expires_at, last_seen_at, ...user } = row;
  return { tokenHash: token_hash, csrfToken: csrf_token, createdAt: session_created_at, expiresAt: expires_at, lastSeenAt: last_seen_at, user };
}

/** Moves an idle session's end on; called at most once a minute per session. */
export async function touchConsoleSession(db: Db, tokenHash: string, expiresAt: Date, now = new Date()): Promise<void> {
  await db.updateTable('console_sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function closeConsoleSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).execute();
}
