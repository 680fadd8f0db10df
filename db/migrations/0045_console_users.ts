import { sql, type Kysely } from 'kysely';

/**
 * The console's people (issue 19): users with a role, signed in by password (scrypt, domain/passwords.ts) into
 * sessions held in HTTP-only cookies. Staff users act through an operator of their role, so /v1/admin and its
 * audit log treat them as operators. The audit log now also records tenants' setting changes: its actor is an
 * operator, a console user or an app, and the tenant the change was made for, when it was one's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table console_users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email) and length(email) <= 254),
      name text not null check (length(name) between 1 and 100),
      role text not null check (role in ('tenant_owner', 'tenant_member', 'reviewer', 'operator', 'admin')),
      tenant_id uuid references tenants (id),
      operator_id uuid unique references operators (id),
      password_hash text,
      locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
      invite_hash text unique,
      invite_expires_at timestamptz,
      invited_by text not null,
      created_at timestamptz not null default now(),
      disabled_at timestamptz,
      check ((role in ('tenant_owner', 'tenant_member')) = (tenant_id is not null)),
      check ((role in ('tenant_owner', 'tenant_member')) = (operator_id is null))
    )`.execute(db);
  await sql`create index console_users_of_tenant on console_users (tenant_id) where tenant_id is not null`.execute(db);
  await sql`
    create table console_sessions (
      token_hash text primary key,
      user_id uuid not null references console_users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index console_sessions_of_user on console_sessions (user_id)`.execute(db);
  await sql`create index console_sessions_expiry on console_sessions (expires_at)`.execute(db);

  await sql`alter table audit_log rename column operator_id to actor_id`.execute(db);
  await sql`alter table audit_log rename column operator_name to actor_name`.execute(db);
  await sql`alter table audit_log add column actor_kind text not null default 'operator' check (actor_kind in ('operator', 'console_user', 'app', 'api_key'))`.execute(db);
  await sql`alter table audit_log add column tenant_id uuid`.execute(db);
  await sql`alter index audit_log_operator rename to audit_log_actor`.execute(db);
  await sql`create index audit_log_of_tenant on audit_log (tenant_id, id) where tenant_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from audit_log where actor_kind <> 'operator'`.execute(db);
  await sql`drop index audit_log_of_tenant`.execute(db);
  await sql`alter index audit_log_actor rename to audit_log_operator`.execute(db);
  await sql`alter table audit_log drop column tenant_id, drop column actor_kind`.execute(db);
  await sql`alter table audit_log rename column actor_name to operator_name`.execute(db);
  await sql`alter table audit_log rename column actor_id to operator_id`.execute(db);
  await sql`drop table console_sessions, console_users`.execute(db);
}
