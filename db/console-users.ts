import { randomBytes } from 'node:crypto';
import type { Db } from './connect.ts';
import type { ConsoleUserRow } from './schema.ts';
import { createOperator } from './operators.ts';
import { isTenantRole, type ConsoleLocale, type ConsoleRole } from '../domain/console-roles.ts';
import { hashTokenSecret } from '../domain/tokens.ts';

export interface NewConsoleUser {
  email: string;
  name: string;
  role: ConsoleRole;
  tenantId: string | null;
  locale?: ConsoleLocale;
  invitedBy: string;
}

/** How long an invitation link works. */
export const invitationDays = 7;

/** A one-time invitation token (shown once, only its hash kept) and when it stops working. */
function newInvitation(now: Date) {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashTokenSecret(token), expiresAt: new Date(now.getTime() + invitationDays * 86_400_000) };
}

/** A staff user gets an operator of their role, named by their email, whose token is never shown: only the console signs in as it. */
async function insertUser(db: Db, user: NewConsoleUser, fields: { password_hash: string | null; invite_hash: string | null; invite_expires_at: Date | null }): Promise<ConsoleUserRow> {
  return db.transaction().execute(async (tx) => {
    const operatorId = isTenantRole(user.role) ? null : (await createOperator(tx, user.email, user.role)).row.id;
    return tx
      .insertInto('console_users')
      .values({
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        tenant_id: isTenantRole(user.role) ? user.tenantId : null,
        operator_id: operatorId,
        locale: user.locale,
        invited_by: user.invitedBy,
        ...fields,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Invites a user: the token (shown once, in the invitation link) sets their password within `invitationDays`. */
export async function inviteConsoleUser(db: Db, user: NewConsoleUser, now = new Date()): Promise<{ user: ConsoleUserRow; token: string; expiresAt: Date }> {
  const { token, hash, expiresAt } = newInvitation(now);
  const row = await insertUser(db, user, { password_hash: null, invite_hash: hash, invite_expires_at: expiresAt });
  return { user: row, token, expiresAt };
}

/** A user with a password already (the command line and the dev stack's seed). */
export async function createConsoleUser(db: Db, user: NewConsoleUser, passwordHash: string): Promise<ConsoleUserRow> {
  return insertUser(db, user, { password_hash: passwordHash, invite_hash: null, invite_expires_at: null });
}

/** A new invitation for an existing user (a lost link, a forgotten password); the old password stops working. */
export async function reinviteConsoleUser(db: Db, id: string, now = new Date()): Promise<{ user: ConsoleUserRow; token: string; expiresAt: Date } | undefined> {
  const { token, hash, expiresAt } = newInvitation(now);
  const row = await db
    .updateTable('console_users')
    .set({ invite_hash: hash, invite_expires_at: expiresAt, password_hash: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('console_sessions').where('user_id', '=', id).execute();
  return { user: row, token, expiresAt };
}

export async function findConsoleUserByEmail(db: Db, email: string): Promise<ConsoleUserRow | undefined> {
  return db.selectFrom('console_users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findConsoleUser(db: Db, id: string): Promise<ConsoleUserRow | undefined> {
  return db.selectFrom('console_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listConsoleUsers(db: Db, options: { tenantId?: string } = {}): Promise<ConsoleUserRow[]> {
  let query = db.selectFrom('console_users').selectAll().orderBy('console_users.created_at').orderBy('console_users.id');
  if (options.tenantId) query = query.where('tenant_id', '=', options.tenantId);
  return query.execute();
}

/** Sets the password of the user an unexpired invitation token belongs to, once; undefined when the token is not one. */
export async function acceptInvitation(db: Db, token: string, passwordHash: string, now = new Date()): Promise<ConsoleUserRow | undefined> {
  return db
    .updateTable('console_users')
    .set({ password_hash: passwordHash, invite_hash: null, invite_expires_at: null })
    .where('invite_hash', '=', hashTokenSecret(token))
    .where('invite_expires_at', '>', now)
    .where('disabled_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Disables or re-enables a user, with their operator; a disabled user's sessions end at once. */
export async function setConsoleUserDisabled(db: Db, id: string, disabled: boolean, now = new Date()): Promise<ConsoleUserRow | undefined> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('console_users')
      .set({ disabled_at: disabled ? now : null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.operator_id) await tx.updateTable('operators').set({ disabled_at: disabled ? now : null }).where('id', '=', row.operator_id).execute();
    if (disabled) await tx.deleteFrom('console_sessions').where('user_id', '=', id).execute();
    return row;
  });
}

export async function setConsoleUserLocale(db: Db, id: string, locale: ConsoleLocale): Promise<void> {
  await db.updateTable('console_users').set({ locale }).where('id', '=', id).execute();
}

export async function setConsoleUserPassword(db: Db, id: string, passwordHash: string, keepSession: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('console_users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    // Every other session of the user ends: a changed password locks out whoever else had it.
    await tx.deleteFrom('console_sessions').where('user_id', '=', id).where('token_hash', '<>', keepSession).execute();
  });
}

/** Sets a password directly (the dev stack's seed): any invitation ends. */
export async function resetConsolePassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('console_users').set({ password_hash: passwordHash, invite_hash: null, invite_expires_at: null }).where('id', '=', id).execute();
}
