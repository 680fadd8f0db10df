import { createHash } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { lockRecipients, recipientRecords } from '../db/controls.ts';
import { frequencyLimits } from '../domain/frequency-limits.ts';

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
const longestWindowMs = Math.max(...frequencyLimits.map((l) => l.windowMs));

/**
 * Runs inside the accept transaction: locks the recipients, then refuses blocked and opted-out numbers and
 * messages over a frequency limit. The windows are taken around `at` (the send time), both ways, so a
 * scheduled message counts against sends near its time; messages of the same request count against each other.
 */
export async function screenRecipients(db: Db, tenantId: string, messages: readonly ScreenedMessage[], at: Date): Promise<Map<string, Rejection>> {
  const rejected = new Map<string, Rejection>();
  if (messages.length === 0) return rejected;
  const numbers = [...new Set(messages.map((m) => m.recipient))];
  await lockRecipients(db, tenantId, numbers);
  const records = await recipientRecords(db, tenantId, numbers, new Date(at.getTime() - longestWindowMs), new Date(at.getTime() + longestWindowMs));
  const blocked = new Map(records.filter((r) => r.kind === 'blocked').map((r) => [r.recipient, r.reason ?? '']));
  const optedOut = new Set(records.filter((r) => r.kind === 'opted_out').map((r) => r.recipient));
  const sent = records.filter((r) => r.kind === 'sent').map((r) => ({ recipient: r.recipient, hash: r.content_hash ?? '', at: r.sent_at?.getTime() ?? 0 }));

  for (const message of messages) {
    if (blocked.has(message.recipient)) {
      rejected.set(message.id, { code: 'number_blocked', message: `${message.recipient} is on the platform blocklist (${blocked.get(message.recipient)}).` });
      continue;
    }
    if (optedOut.has(message.recipient)) {
      rejected.set(message.id, { code: 'number_opted_out', message: `${message.recipient} unsubscribed from this tenant's messages.` });
      continue;
    }
    const hash = md5(message.body);
    const reached = frequencyLimits.find((limit) => {
      const inWindow = sent.filter((s) => s.recipient === message.recipient && Math.abs(s.at - at.getTime()) < limit.windowMs && (!limit.sameText || s.hash === hash));
      return inWindow.length >= limit.max;
    });
    if (reached) {
      rejected.set(message.id, { code: reached.code, message: `${message.recipient} may get at most ${reached.describe}.` });
      continue;
    }
    sent.push({ recipient: message.recipient, hash, at: at.getTime() });
  }
  return rejected;
}
