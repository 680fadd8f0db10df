import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Simulator } from '../../carriers/simulator/simulator.ts';
import type { Db } from '../../db/connect.ts';

export interface SmscAccount {
  accepted: number;
  delivered: number;
  /** Accepted messages of which the SMSC never got every part. */
  lost: number;
  /** Parts the SMSC got more than once, counted per extra copy. */
  duplicatedParts: number;
  /**
   * Messages with more copies at the SMSC than Tern's record accounts for: its recorded submissions plus, for
   * each attempt recorded as maybe sent (no answer, or a worker that stopped before recording), one more copy.
   */
  unrecordedDuplicates: number;
}

const digits = (number: string) => number.replace(/^\+/, '');

/**
 * Compares what reached the SMSC with what Postgres says of these messages (each to a recipient of its own):
 * the fault suite's measure of loss and of duplicates, and of whether every duplicate left a trace.
 */
export async function accountAtSmsc(db: Db, simulator: Simulator, messageIds: readonly string[]): Promise<SmscAccount> {
  const partsAt = new Map<string, number>();
  for (const received of simulator.received()) partsAt.set(digits(received.to), (partsAt.get(digits(received.to)) ?? 0) + received.pdus.length);
  const { rows } = await sql<{ recipient: string; segments: number; status: string; recorded: number; maybe: number }>`
    select m.recipient, m.segments, m.status,
      (select count(*)::int from message_parts p where p.message_id = m.id) as recorded,
      (select count(*)::int from message_retries r where r.message_id = m.id and r.maybe_sent) as maybe
    from messages m where m.id = any(${messageIds}::uuid[])`.execute(db);
  let [lost, duplicatedParts, unrecordedDuplicates, delivered] = [0, 0, 0, 0];
  for (const row of rows) {
    const copies = partsAt.get(digits(row.recipient)) ?? 0;
    if (copies < row.segments) lost++;
    duplicatedParts += Math.max(0, copies - row.segments);
    if (copies > row.recorded + row.maybe * row.segments) unrecordedDuplicates++;
    if (row.status === 'delivered') delivered++;
  }
  return { accepted: messageIds.length, delivered, lost: lost + (messageIds.length - rows.length), duplicatedParts, unrecordedDuplicates };
}

/** Prints a fault's figures on one line, as `[faults] <name>: {…}`, for the CI log and the issue notes. */
export function reportFault(name: string, figures: Record<string, unknown>): void {
  process.stderr.write(`[faults] ${name}: ${JSON.stringify(figures)}\n`);
}

/** The fault suite's promise: nothing accepted is lost, and no SMS goes out twice without a trace. */
export function expectNothingLostNothingUnrecorded(account: SmscAccount): void {
  expect(account.lost, 'accepted messages that never reached the SMSC').toBe(0);
  expect(account.delivered, 'accepted messages delivered').toBe(account.accepted);
  expect(account.unrecordedDuplicates, 'copies at the SMSC that Tern’s record does not account for').toBe(0);
}
