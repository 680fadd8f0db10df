import { sql, type Kysely } from 'kysely';

/**
 * One owner per bind (docs/controls-and-routing.md, "Binds and lanes"): a worker opens a carrier bind only while it
 * holds that bind's lease, renewed every couple of seconds and taken over by another worker once it runs out.
 * `bind_workers` is each worker's heartbeat, so the binds are shared out evenly among the live ones. A message's
 * `lane` is the carrier it waits for when that carrier's binds are another worker's: only those workers claim it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table bind_leases (
      carrier_id text not null,
      position int not null,
      owner text not null,
      acquired_at timestamptz not null default now(),
      expires_at timestamptz not null,
      -- The owner's session is bound (as of its last renewal): others route to this carrier through the owner.
      bound boolean not null default false,
      primary key (carrier_id, position)
    )`.execute(db);
  await sql`create table bind_workers (worker text primary key, seen_at timestamptz not null)`.execute(db);
  await sql`alter table messages add column lane text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages drop column lane`.execute(db);
  await sql`drop table bind_workers`.execute(db);
  await sql`drop table bind_leases`.execute(db);
}
