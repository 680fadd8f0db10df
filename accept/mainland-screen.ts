import { createHash } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { screenMainland } from '../db/controls.ts';
import type { StatementScreen } from '../db/messages.ts';
import { frequencyLimits } from '../domain/frequency-limits.ts';
import { explainBillingRefusal } from '../domain/billing.ts';

// The mainland screen is the one rule of the accept step that lives in SQL (the function of migrations 0012 and
// 0032, called through db/controls.ts): frequency limits are only exact when counted and recorded under the lock
// of the number, inside the transaction that stores the messages. Its parameters live in one place,
// domain/frequency-limits.ts, and are passed to it on every call; this file turns its answers into the API's words.

/** A mainland message about to be accepted, checked against the blocklist and the frequency limits. */
export interface ScreenedMessage {
  id: string;
  recipient: string;
  body: string;
}

export interface Rejection {
  code: string;
  message: string;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function explain(code: string, recipient: string): string {
  const billing = explainBillingRefusal(code);
  if (billing) return billing;
  if (code === 'number_blocked') return `${recipient} is on the platform blocklist.`;
  if (code === 'number_opted_out') return `${recipient} unsubscribed from this tenant's messages.`;
  const limit = frequencyLimits.find((l) => l.code === code);
  return `${recipient} may get at most ${limit?.describe ?? 'so many messages'}.`;
}

/** The screen's input for these messages: their numbers and the md5 of their texts, at the send time. */
export function screenInput(tenantId: string, messages: readonly ScreenedMessage[], at: Date): StatementScreen {
  return { tenantId, numbers: messages.map((m) => m.recipient), hashes: messages.map((m) => md5(m.body)), at, ids: messages.map((m) => m.id) };
}

/** The screen's (and the charge's) refusals as the API tells them, by message id. */
export function explainRefusals(refused: ReadonlyMap<string, string>, messages: readonly ScreenedMessage[]): Map<string, Rejection> {
  const recipientOf = new Map(messages.map((m) => [m.id, m.recipient]));
  return new Map([...refused].map(([id, code]) => [id, { code, message: explain(code, recipientOf.get(id) ?? 'The number') }]));
}

/**
 * Refuses blocked and opted-out numbers and messages over a frequency limit, and records the accepted ones, in
 * one call of its own, for requests whose answer must be stored with them (keyed or scheduled). The windows are
 * taken around `at` (the send time), both ways, so a scheduled message counts against sends near its time;
 * messages of the same request count against each other. If storing then fails, the recorded sends make the
 * limits stricter for a while, never looser.
 */
export async function screenMainlandRecipients(db: Db, tenantId: string, messages: readonly ScreenedMessage[], at: Date): Promise<Map<string, Rejection>> {
  if (messages.length === 0) return new Map();
  const input = screenInput(tenantId, messages, at);
  const refused = await screenMainland(db, input);
  const byId = new Map([...refused].map(([index, code]) => [input.ids[index] ?? '', code]));
  return explainRefusals(byId, messages);
}
