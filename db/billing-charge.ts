import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';
import type { BillingScope } from '../domain/billing.ts';

/** The messages of one accept to charge: `ids[i]` goes to a number of `scopes[i]` and `countries[i]`. */
export interface ChargeInput {
  tenantId: string;
  ids: readonly string[];
  scopes: readonly BillingScope[];
  countries: readonly string[];
  segments: readonly number[];
  at: Date;
}

export interface ChargedMessage {
  id: string;
  scope: BillingScope;
  country: string;
  segments: number;
}

/** The charge of these messages, made at `at` (the accept, also for a message sent later). */
export function chargeInput(tenantId: string, messages: readonly ChargedMessage[], at: Date): ChargeInput {
  return {
    tenantId,
    ids: messages.map((m) => m.id),
    scopes: messages.map((m) => m.scope),
    countries: messages.map((m) => m.country),
    segments: messages.map((m) => m.segments),
    at,
  };
}

const call = (tenantId: string, at: Date, arrays: ReturnType<typeof sql>) => sql`tern_bill(${tenantId}::uuid, ${arrays}, ${at}::timestamptz)`;

/**
 * Charges the messages in a call of its own (inside the caller's transaction, which must store them): the
 * charge function of migration 0021 writes the ledger rows of the messages it accepts and returns the ones it
 * refuses (by id, with the reason), which must not be stored.
 */
export async function chargeMessages(db: Db, input: ChargeInput): Promise<Map<string, string>> {
  if (input.ids.length === 0) return new Map();
  const arrays = sql`${input.ids}::uuid[], ${input.scopes}::text[], ${input.countries}::text[], ${input.segments}::int[]`;
  const { rows } = await sql<{ idx: number; code: string }>`${prepared} select idx, code from ${call(input.tenantId, input.at, arrays)}`.execute(db);
  return new Map(rows.map((r) => [input.ids[r.idx - 1] ?? '', r.code]));
}

/**
 * The same charge as a query inside the statement that stores the messages (`db/messages.ts`): rows `(id, code)`
 * of the refused messages. It charges only the messages not in `excluded` (a query of ids: the mainland screen's
 * refusals of the same statement).
 */
export function chargeQuery(input: ChargeInput, excluded: ReturnType<typeof sql>) {
  return sql`select (a.ids)[f.idx] as id, f.code from (
      select array_agg(b.id order by b.ord) as ids, array_agg(b.scope order by b.ord) as scopes,
             array_agg(b.country order by b.ord) as countries, array_agg(b.segments order by b.ord) as segments
      from unnest(${input.ids}::uuid[], ${input.scopes}::text[], ${input.countries}::text[], ${input.segments}::int[])
        with ordinality as b(id, scope, country, segments, ord)
      where b.id not in (${excluded})
    ) a cross join lateral ${call(input.tenantId, input.at, sql`a.ids, a.scopes, a.countries, a.segments`)} as f`;
}
