import { sql, type Kysely } from 'kysely';

// Migrations are frozen once released: they take Kysely<unknown> on purpose, so a later change to the
// Database type can never change what an old migration does.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('apps')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('app_key', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'text', (c) => c.notNull())
    .addColumn('callback_url', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull().check(sql`region in ('mainland', 'international')`))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('verification', 'notification')`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 500`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('send_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('app_id', 'uuid', (c) => c.notNull().references('apps.id'))
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'jsonb')
    .addColumn('send_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('send_requests_idempotency')
    .on('send_requests')
    .columns(['app_id', 'idempotency_key'])
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('send_requests.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('app_id', 'uuid', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('segments', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('reference', 'text')
    .addColumn('callback_url', 'text')
    .addColumn('send_at', 'timestamptz')
    .addColumn('carrier', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Due time for the dispatcher; while a worker holds the message it is pushed forward as a lease.
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await sql`create index messages_queue on messages (next_attempt_at) where status = 'accepted'`.execute(db);
  await db.schema.createIndex('messages_request').on('messages').column('request_id').execute();
  await db.schema.createIndex('messages_tenant_created').on('messages').columns(['tenant_id', 'created_at']).execute();

  await db.schema
    .createTable('message_parts')
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id'))
    .addColumn('part_no', 'integer', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('carrier_message_id', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('receipt_stat', 'text')
    .addColumn('receipt_err', 'text')
    .addColumn('receipt_at', 'timestamptz')
    .addPrimaryKeyConstraint('message_parts_pk', ['message_id', 'part_no'])
    .execute();
  await db.schema
    .createIndex('message_parts_carrier_id')
    .on('message_parts')
    .columns(['carrier', 'carrier_message_id'])
    .execute();

  // Receipts are stored as they arrive and matched afterwards: a receipt can overtake the record of its
  // submit_sm_resp, and the carrier must be acknowledged only once the receipt is durable.
  await db.schema
    .createTable('receipt_inbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('carrier_message_id', 'text', (c) => c.notNull())
    .addColumn('stat', 'text', (c) => c.notNull())
    .addColumn('err', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('match_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_match_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('receipt_inbox_due').on('receipt_inbox').column('next_match_at').execute();

  await db.schema
    .createTable('callback_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('give_up_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await sql`create index callback_outbox_due on callback_outbox (next_attempt_at) where status = 'pending'`.execute(db);
  await db.schema.createIndex('callback_outbox_message').on('callback_outbox').column('message_id').execute();

  await db.schema
    .createTable('callback_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().references('callback_outbox.id'))
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('http_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_attempts_outbox').on('callback_attempts').column('outbox_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'callback_attempts',
    'callback_outbox',
    'receipt_inbox',
    'message_parts',
    'messages',
    'send_requests',
    'templates',
    'apps',
    'tenants',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
