import type { StatCell } from '../db/message-stats.ts';
import { deliveryPercentile } from '../domain/message-stats.ts';
import type { StatFiguresModel, StatRowModel } from './schemas/statistics.ts';

/** Running sums of one row (or of the totals) while cells are added. */
class Figures {
  messages = 0;
  segments = 0;
  readonly outcomes = { pending: 0, delivered: 0, failed: 0, cancelled: 0 };
  readonly failures = new Map<string, number>();
  readonly deliveryTimes = new Map<number, number>();

  add(cell: StatCell): void {
    this.messages += cell.messages;
    this.segments += cell.segments;
    this.outcomes[cell.outcome] += cell.messages;
    if (cell.outcome === 'failed') {
      const reason = cell.reason ?? 'unknown';
      this.failures.set(reason, (this.failures.get(reason) ?? 0) + cell.messages);
    }
    cell.deliveryTimes.forEach((count, bucket) => {
      if (count !== 0) this.deliveryTimes.set(bucket, (this.deliveryTimes.get(bucket) ?? 0) + count);
    });
  }

  model(): StatFiguresModel {
    const { delivered, failed } = this.outcomes;
    const p50 = deliveryPercentile(this.deliveryTimes, 0.5);
    const p95 = deliveryPercentile(this.deliveryTimes, 0.95);
    return {
      messages: this.messages,
      segments: this.segments,
      ...this.outcomes,
      deliveryRate: delivered + failed === 0 ? null : delivered / (delivered + failed),
      deliveryTimeMs: p50 === null || p95 === null ? null : { p50, p95 },
      failures: [...this.failures].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    };
  }
}

/** The cube's cells (ordered by period, then key) as one row per period and key, and the totals of them all. */
export function statRowsOf(cells: readonly StatCell[]): { rows: StatRowModel[]; totals: StatFiguresModel } {
  const rows: { period: string | null; start: string | null; key: string | null; figures: Figures }[] = [];
  const totals = new Figures();
  for (const cell of cells) {
    const start = cell.start?.toISOString() ?? null;
    let row = rows.at(-1);
    if (!row || row.start !== start || row.key !== cell.key) {
      row = { period: cell.period, start, key: cell.key, figures: new Figures() };
      rows.push(row);
    }
    row.figures.add(cell);
    totals.add(cell);
  }
  return { rows: rows.map(({ figures, ...at }) => ({ ...at, ...figures.model() })), totals: totals.model() };
}
