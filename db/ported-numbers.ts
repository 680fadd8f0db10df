import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';
import { changeRouting } from './routing-config.ts';
import type { MainlandNetwork } from '../domain/mainland-networks.ts';

/** Adds or updates ported numbers (an import of the portability list); returns how many rows were written. */
export function importPortedNumbers(db: Db, entries: { number: string; network: MainlandNetwork }[]): Promise<number> {
  return changeRouting(db, async (trx) => {
    // Arrays rather than one row of parameters per number: the list can hold hundreds of thousands.
    const result = await sql`
      insert into ported_numbers (number, network)
      select n, w from unnest(${entries.map((e) => e.number)}::text[], ${entries.map((e) => e.network)}::text[]) as e(n, w)
      on conflict (number) do update set network = excluded.network, imported_at = now()
      where ported_numbers.network <> excluded.network`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}

export function removePortedNumber(db: Db, number: string): Promise<boolean> {
  return changeRouting(db, async (trx) => Number((await trx.deleteFrom('ported_numbers').where('number', '=', number).executeTakeFirst()).numDeletedRows) > 0, Boolean);
}

/** The ported network of each of these numbers that is on the list. */
export async function portedNetworks(db: Db, numbers: string[]): Promise<Map<string, MainlandNetwork>> {
  if (numbers.length === 0) return new Map();
  const { rows } = await sql<{ number: string; network: MainlandNetwork }>`${prepared}
    select number, network from ported_numbers where number = any(${numbers}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.number, r.network]));
}

export function portedNumber(db: Db, number: string) {
  return db.selectFrom('ported_numbers').select(['network', 'imported_at']).where('number', '=', number).executeTakeFirst();
}
