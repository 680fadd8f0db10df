import { sql, type Kysely } from 'kysely';

/**
 * Mode 2 holds international sending from the first message its packages cannot cover, within the request too:
 * the messages after it are refused (`quota_exhausted`) even when a shorter one would still fit. Before, a later
 * one-segment message was charged after an earlier three-segment one was refused, so a request (a campaign's
 * chunk) had gaps: its refused rows could not be queued again after the top-up without sending the later ones
 * twice. One condition of `tern_bill` (migration 0021) changes; the function is rewritten from its stored
 * definition, and the migration fails if that condition is not where 0021 put it.
 */
const before = 'if t < need then';
const after = 'if hold or t < need then';

async function rewrite(db: Kysely<unknown>, from: string, to: string): Promise<void> {
  await sql`
    do $$
    declare
      def text := pg_get_functiondef('tern_bill(uuid, uuid[], text[], text[], int[], timestamptz)'::regprocedure);
    begin
      if position(${sql.lit(from)} in def) = 0 then
        raise exception 'tern_bill has no "%"', ${sql.lit(from)};
      end if;
      execute replace(def, ${sql.lit(from)}, ${sql.lit(to)});
    end $$`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rewrite(db, before, after);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rewrite(db, after, before);
}
