import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';
import { frequencyLimits } from '../domain/frequency-limits.ts';

export interface ScreenInput {
  tenantId: string;
  numbers: readonly string[];
  /** md5 of each message's text: the same template and values give the same text. */
  hashes: readonly string[];
  at: Date;
}

/**
 * Screens mainland messages in one call (the function of migration 0012, set-based since 0032): blocklist,
 * opt-outs and the frequency limits of `domain/frequency-limits.ts`, exact under concurrency, and records the
 * accepted ones. Returns the refused messages by their index in `numbers` (0-based) with the rule's code.
 */
export async function screenMainland(db: Db, input: ScreenInput): Promise<Map<number, string>> {
  const { rows } = await sql<{ idx: number; code: string }>`${prepared} select idx, code from ${screenCall(input)}`.execute(db);
  return new Map(rows.map((r) => [r.idx - 1, r.code]));
}

/** The screen function's call, with the limits of `domain/frequency-limits.ts`; rows `(idx, code)`, 1-based. */
export function screenCall(input: ScreenInput) {
  return sql`tern_screen_recipients(
      ${input.tenantId}::uuid, ${input.numbers}::text[], ${input.hashes}::text[], ${input.at}::timestamptz,
      ${frequencyLimits.map((l) => l.windowMs)}::bigint[], ${frequencyLimits.map((l) => l.max)}::int[],
      ${frequencyLimits.map((l) => l.sameText)}::boolean[], ${frequencyLimits.map((l) => l.code)}::text[])`;
}

/** Forgets messages older than every frequency window; returns how many rows went. */
export async function deleteOldRecipientSends(db: Db, olderThan: Date, limit: number): Promise<number> {
  const result = await sql`
    delete from recipient_sends where ctid in (select ctid from recipient_sends where sent_at < ${olderThan} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
