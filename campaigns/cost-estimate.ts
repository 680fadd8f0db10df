import type { PriceTable } from '../db/prices.ts';
import type { CountrySegments } from '../db/schema.ts';

export interface CostEstimate {
  currency: string;
  /** In the currency's minor unit (fen for CNY), as prices are. */
  amount: number;
  priceVersion: number;
}

/**
 * What the segments would cost paid per use (docs/billing.md, "Prices"): each country's segments at its scope's
 * price for that country, else the scope's `*` price. Packages are left out: which of them a campaign would use
 * depends on when it is sent. Undefined when the table has no price for a scope.
 */
export function payPerUseCost(table: PriceTable, segments: readonly CountrySegments[]): CostEstimate | undefined {
  let amount = 0;
  for (const { scope, country, segments: count } of segments) {
    const inScope = table.prices.filter((p) => p.scope === scope);
    const price = inScope.find((p) => p.country === country) ?? inScope.find((p) => p.country === '*');
    if (!price) return undefined;
    amount += count * price.segmentPrice;
  }
  return { currency: table.currency, amount, priceVersion: table.version };
}
