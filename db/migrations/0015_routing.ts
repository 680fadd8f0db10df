import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Upstreams (carriers) and their SMPP binds. A carrier that is `draining` keeps its binds for receipts and
  // replies but gets no new traffic; `off` closes them.
  await db.schema
    .createTable('carriers')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[a-z0-9][a-z0-9-]{0,39}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active').check(sql`state in ('active', 'draining', 'off')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('carrier_binds')
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('carriers.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull().check(sql`port between 1 and 65535`))
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('password_sealed', 'text', (c) => c.notNull())
    .addColumn('window', 'integer', (c) => c.notNull().defaultTo(50).check(sql`"window" between 1 and 1000`))
    .addPrimaryKeyConstraint('carrier_binds_pk', ['carrier_id', 'position'])
    .execute();

  // The route table: which carriers may carry a number, best first. Mainland routes name a network; others a
  // country ('*' for any) and optionally a prefix of the E.164 digits.
  await db.schema
    .createTable('routes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('country', 'text', (c) => c.notNull().check(sql`country = '*' or country ~ '^[A-Z]{2}$'`))
    .addColumn('network', 'text', (c) => c.check(sql`network in ('cmcc', 'ctcc', 'cucc', 'cbn')`))
    .addColumn('prefix', 'text', (c) => c.check(sql`prefix ~ '^[1-9][0-9]{0,14}$'`))
    .addColumn('carrier_id', 'text', (c) => c.notNull().references('carriers.id'))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1).check(sql`priority between 1 and 1000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('routes_network_is_mainland', sql`network is null or country = 'CN'`)
    .execute();
  await sql`create unique index routes_unique on routes (country, coalesce(network, ''), coalesce(prefix, ''), carrier_id)`.execute(db);

  // Number portability: a mainland number that moved keeps its prefix but is served by another network.
  await db.schema
    .createTable('ported_numbers')
    .addColumn('number', 'text', (c) => c.primaryKey().check(sql`number ~ '^\\+861[0-9]{10}$'`))
    .addColumn('network', 'text', (c) => c.notNull().check(sql`network in ('cmcc', 'ctcc', 'cucc', 'cbn')`))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Bumped by every change above, so workers reload the routing only when it changed. Every change also locks
  // this row first, so routing changes happen one at a time.
  await db.schema
    .createTable('routing_config')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into routing_config (id, version) values (true, 1)`.execute(db);

  // Upstreams a message was not carried by, and why: the timeline's failover events. Written only on failover.
  await db.schema
    .createTable('message_failovers')
    .addColumn('message_id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_failovers_message').on('message_failovers').column('message_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['message_failovers', 'routing_config', 'ported_numbers', 'routes', 'carrier_binds', 'carriers']) {
    await db.schema.dropTable(table).execute();
  }
}
