import type { Db } from '../db/connect.ts';
import { findCallbackAttempts, findFailovers, findMessageParts, findRetries } from '../db/messages.ts';
import type { MessageRow } from '../db/schema.ts';
import { isFinal } from '../domain/message-status.ts';
import type { MessageSummaryModel } from './schemas/message-list.ts';
import type { MessageViewModel } from './schemas/messages.ts';

type TimelineEvent = MessageViewModel['timeline'][number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type BasicColumns =
  | 'id' | 'request_id' | 'recipient' | 'sender' | 'template_id' | 'segments' | 'status' | 'error_code' | 'error_message' | 'reference' | 'send_at' | 'carrier'
  | 'created_at' | 'country' | 'region' | 'signature';

/** What both a message and its line in a list say of it (`messageBasics` in the schemas). */
function messageBasicsOf(message: Pick<MessageRow, BasicColumns>) {
  return {
    id: message.id,
    requestId: message.request_id,
    to: message.recipient,
    from: message.sender,
    templateId: message.template_id,
    segments: message.segments,
    status: message.status,
    error: message.error_code ? { code: message.error_code, message: message.error_message ?? '' } : null,
    reference: message.reference,
    sendAt: iso(message.send_at),
    carrier: message.carrier,
    country: message.country,
    region: message.region,
    signature: message.signature,
    createdAt: message.created_at.toISOString(),
  };
}

/** A message's line in `GET /v1/messages`. */
export function messageSummary(message: Pick<MessageRow, BasicColumns | 'campaign_id' | 'submitted_at' | 'completed_at'>): MessageSummaryModel {
  return { ...messageBasicsOf(message), campaignId: message.campaign_id, submittedAt: iso(message.submitted_at), completedAt: iso(message.completed_at) };
}

/** A message as the API shows it: its row, its parts, and a timeline built from what the hot path recorded. */
export async function messageView(db: Db, message: MessageRow): Promise<MessageViewModel> {
  const [parts, attempts, failovers, retries] = await Promise.all([
    findMessageParts(db, message.id),
    findCallbackAttempts(db, message.id),
    findFailovers(db, message.id),
    findRetries(db, message.id),
  ]);
  const timeline: TimelineEvent[] = [
    { at: message.created_at.toISOString(), event: message.send_at ? 'scheduled' : 'accepted' },
    ...failovers.map((f) => ({ at: f.at.toISOString(), event: 'failover', detail: { carrier: f.carrier, code: f.code, reason: f.reason } })),
    ...retries.map((r) => ({ at: r.at.toISOString(), event: 'retry', detail: { attempt: r.attempt, carrier: r.carrier, code: r.code, reason: r.reason, maybeSent: r.maybe_sent } })),
  ];
  for (const part of parts) {
    timeline.push({
      at: part.submitted_at.toISOString(),
      event: 'submitted',
      detail: { partNo: part.part_no, attempt: part.attempt, carrier: part.carrier, carrierMessageId: part.carrier_message_id },
    });
    if (part.receipt_at) {
      timeline.push({
        at: part.receipt_at.toISOString(),
        event: 'receipt',
        detail: { partNo: part.part_no, stat: part.receipt_stat, err: part.receipt_err },
      });
    }
  }
  if (isFinal(message.status) && message.completed_at) {
    const detail = message.error_code ? { code: message.error_code, message: message.error_message } : undefined;
    timeline.push({ at: message.completed_at.toISOString(), event: message.status, ...(detail ? { detail } : {}) });
  }
  for (const attempt of attempts) {
    timeline.push({
      at: attempt.attempted_at.toISOString(),
      event: 'callback',
      detail: { url: attempt.url, attempt: attempt.attempt, httpStatus: attempt.http_status, error: attempt.error, durationMs: attempt.duration_ms },
    });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  return {
    ...messageBasicsOf(message),
    text: message.body,
    encoding: message.encoding,
    callbackUrl: message.callback_url,
    parts: parts.map((p) => ({
      partNo: p.part_no,
      attempt: p.attempt,
      carrier: p.carrier,
      carrierMessageId: p.carrier_message_id,
      submittedAt: p.submitted_at.toISOString(),
      receipt: p.receipt_stat && p.receipt_at ? { stat: p.receipt_stat, err: p.receipt_err, at: p.receipt_at.toISOString() } : null,
    })),
    timeline,
  };
}
