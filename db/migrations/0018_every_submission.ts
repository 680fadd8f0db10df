import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every submission of a part is kept: a part sent again (its first answer was lost, or a worker stopped before
  // recording it) gets a row of its own, numbered by the dispatch attempt that sent it.
  await db.schema.alterTable('message_parts').addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('message_parts').dropConstraint('message_parts_pk').execute();
  await db.schema.alterTable('message_parts').addPrimaryKeyConstraint('message_parts_pk', ['message_id', 'part_no', 'attempt']).execute();

  // What each part amounts to, whatever number of times it was sent: a delivered submission wins; a part with
  // a submission still waiting for its final receipt is waiting; otherwise the latest submission's receipt.
  // The one place this rule lives: the receipt matcher and the status reports read it from here.
  await sql`
    create view part_outcomes as
    select distinct on (message_id, part_no) message_id, part_no, attempt, carrier, carrier_message_id, submitted_at,
      receipt_stat, receipt_err, receipt_at
    from message_parts
    order by message_id, part_no,
      case when receipt_stat = 'DELIVRD' then 0 when receipt_stat is null or receipt_stat in ('ENROUTE', 'ACCEPTD') then 1 else 2 end,
      attempt desc`.execute(db);

  // The last dispatch attempt whose outcome was recorded: a claim finding attempts beyond it knows that an
  // earlier worker stopped between submitting and recording, and says so in the message's history.
  await db.schema.alterTable('messages').addColumn('recorded_attempt', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update messages set recorded_attempt = attempts`.execute(db);

  // Attempts that did not end with the whole message at a carrier and were tried again: a temporary refusal, or
  // an attempt nobody recorded (the carrier may have taken the message then).
  await db.schema
    .createTable('message_retries')
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('carrier', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The carrier may have taken the message (or some parts) in this attempt without Tern knowing: no answer came,
    // the session dropped, or nobody recorded the answer. A copy at the handset beyond the recorded parts is one of these.
    .addColumn('maybe_sent', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_retries_pk', ['message_id', 'attempt'])
    .execute();

  await db.schema.alterTable('callback_outbox').addColumn('recorded_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update callback_outbox set recorded_attempts = attempts`.execute(db);
  await db.schema.alterTable('callback_attempts').addColumn('attempt', 'integer').execute();
  await db.schema.alterTable('callback_attempts').alterColumn('duration_ms', (c) => c.dropNotNull()).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from callback_attempts where duration_ms is null`.execute(db);
  await db.schema.alterTable('callback_attempts').alterColumn('duration_ms', (c) => c.setNotNull()).execute();
  await db.schema.alterTable('callback_attempts').dropColumn('attempt').execute();
  await db.schema.alterTable('callback_outbox').dropColumn('recorded_attempts').execute();
  await db.schema.dropTable('message_retries').execute();
  await db.schema.alterTable('messages').dropColumn('recorded_attempt').execute();
  await sql`drop view part_outcomes`.execute(db);
  await sql`delete from message_parts p where exists (select 1 from message_parts q where q.message_id = p.message_id and q.part_no = p.part_no and q.attempt > p.attempt)`.execute(db);
  await db.schema.alterTable('message_parts').dropConstraint('message_parts_pk').execute();
  await db.schema.alterTable('message_parts').addPrimaryKeyConstraint('message_parts_pk', ['message_id', 'part_no']).execute();
  await db.schema.alterTable('message_parts').dropColumn('attempt').execute();
}
