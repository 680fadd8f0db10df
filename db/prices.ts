import type { Db } from './connect.ts';
import type { PriceEntry } from '../domain/billing.ts';

export interface PriceTable {
  version: number;
  currency: string;
  note: string;
  createdAt: Date;
  prices: PriceEntry[];
}

/** The price table in force: the newest version (the charge function reads the same one). */
export async function currentPriceTable(db: Db): Promise<PriceTable> {
  const table = await db.selectFrom('price_tables').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  const prices = await db
    .selectFrom('prices')
    .select(['scope', 'country', 'segment_price'])
    .where('version', '=', table.version)
    .orderBy('scope')
    .orderBy('country')
    .execute();
  return {
    version: table.version,
    currency: table.currency,
    note: table.note,
    createdAt: table.created_at,
    prices: prices.map((p) => ({ scope: p.scope, country: p.country, segmentPrice: Number(p.segment_price) })),
  };
}

/** A new version of the price table; charges from its commit on use it, earlier ones keep theirs. */
export async function publishPriceTable(db: Db, input: { currency: string; note: string; prices: readonly PriceEntry[]; operatorId: string }): Promise<PriceTable> {
  await db.transaction().execute(async (trx) => {
    const { version } = await trx
      .insertInto('price_tables')
      .values({ currency: input.currency, note: input.note, created_by: input.operatorId })
      .returning('version')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('prices')
      .values(input.prices.map((p) => ({ version, scope: p.scope, country: p.country, segment_price: p.segmentPrice })))
      .execute();
  });
  return currentPriceTable(db);
}
