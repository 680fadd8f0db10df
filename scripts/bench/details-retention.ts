// The details bench's retention phase: the oldest month dropped (db/message-partitions.ts) while a probe runs the
// statements of the hot path that touch every month's partition, beside the same probe with nothing dropped.
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../db/connect.ts';
import { dropMessageMonths, listMessagePartitions, type MessagePartition } from '../../db/message-partitions.ts';
import { distribution, nowMs, type Distribution } from './stats.ts';

export interface RetentionFigures {
  month: string;
  messages: number;
  dropMs: number;
  /** The probe while nothing is dropped, and while the month is. */
  probe: { baseline: Distribution; duringDrop: Distribution };
}

/**
 * A dispatcher's claim (every month's queue index, rows locked) and a status update of a recent message, in one
 * transaction, again and again until `stop` resolves.
 */
async function probe(databaseUrl: string, recentId: string, stop: Promise<unknown>): Promise<Distribution> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let stopped = false;
  void stop.then(() => (stopped = true));
  const times: number[] = [];
  try {
    while (!stopped || times.length < 20) {
      const started = nowMs();
      await client.query('begin');
      await client.query(`select id from messages where status = 'accepted' and campaign_id is null and next_attempt_at <= now()
                          order by next_attempt_at limit 50 for update skip locked`);
      await client.query('update messages set attempts = attempts where id = $1', [recentId]);
      await client.query('commit');
      times.push(nowMs() - started);
    }
  } finally {
    await client.end();
  }
  return distribution(times);
}

export async function dropOldestMonth(db: Db, databaseUrl: string, baselineMs: number): Promise<RetentionFigures> {
  // The oldest month holding messages (the bench's database has empty ones before the loaded days), with the empty
  // ones before it.
  let oldest: MessagePartition | undefined;
  for (const month of (await listMessagePartitions(db)).filter((p) => p.tableName === 'messages')) {
    if ((await sql`select 1 from ${sql.table(month.partitionName)} limit 1`.execute(db)).rows.length) {
      oldest = month;
      break;
    }
  }
  if (!oldest) throw new Error('no month holds messages');
  const { rows } = await sql<{ id: string }>`select id from messages order by id desc limit 1`.execute(db);
  const recentId = rows[0]?.id ?? '';
  const baseline = await probe(databaseUrl, recentId, new Promise((resolve) => setTimeout(resolve, baselineMs)));
  const started = nowMs();
  const dropping = dropMessageMonths(db, oldest.toAt, () => {
    throw new Error('the oldest month holds unfinished messages');
  });
  const [dropped, duringDrop] = await Promise.all([dropping, probe(databaseUrl, recentId, dropping)]);
  return { month: oldest.partitionName, messages: dropped.reduce((n, m) => n + m.messages, 0), dropMs: Math.round(nowMs() - started), probe: { baseline, duringDrop } };
}
