import { sql, type Kysely } from 'kysely';

/**
 * Replies that arrive in several parts (docs/api.md, "Replies in several parts"). Each part waits in `reply_parts`
 * until its set (carrier, sender, recipient, reference, total) is complete or overdue; then the set becomes one row
 * of `inbound_replies`, and its parts stay a while as `delivered`, so that a part the SMSC sends again after that
 * is known as a copy. A part's text is kept as UTF-16 code units: a handset may cut a character between two parts,
 * and half of a surrogate pair is not text Postgres can hold. `missing_parts` lists the parts a reply was
 * delivered without (after the timeout); null when it came whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reply_parts (
      carrier text not null,
      sender text not null,
      recipient text not null,
      reference int not null,
      total smallint not null check (total between 2 and 255),
      seq smallint not null check (seq between 1 and total),
      text_utf16 bytea not null,
      received_at timestamptz not null,
      stored_at timestamptz not null default now(),
      delivered_at timestamptz,
      primary key (carrier, sender, recipient, reference, total, seq)
    )`.execute(db);
  // The sets waiting past the timeout, and the delivered parts past their keeping.
  await sql`create index reply_parts_waiting on reply_parts (stored_at) where delivered_at is null`.execute(db);
  await sql`create index reply_parts_delivered on reply_parts (delivered_at) where delivered_at is not null`.execute(db);
  await sql`alter table inbound_replies add column missing_parts smallint[]`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table inbound_replies drop column missing_parts`.execute(db);
  await sql`drop table reply_parts`.execute(db);
}
