import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { insertMessages, notifyAccepted } from '../db/messages.ts';
import type { AppRow, NewMessage } from '../db/schema.ts';
import { findByIdempotencyKey, insertSendRequest } from '../db/send-requests.ts';
import { findTenantTemplate } from '../db/templates.ts';
import { checkRecipient } from '../domain/phone-numbers.ts';
import { planSegments } from '../domain/segments.ts';
import { renderTemplate } from '../domain/templates.ts';
import { ApiError } from './errors.ts';
import type { ScheduledSends } from './scheduled-sends.ts';
import type { SendMessagesInput, SendMessagesResult } from './schemas/messages.ts';

export interface AcceptDeps {
  db: Db;
  scheduledSends: ScheduledSends;
  logger: Logger;
  now?: () => Date;
}

export interface AcceptOutcome {
  result: SendMessagesResult;
  /** True when the answer is the stored one of an earlier request with the same idempotency key. */
  replayed: boolean;
}

const maxScheduleAheadMs = 90 * 24 * 3600 * 1000;

function requestHash(input: SendMessagesInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

function replayOf(stored: { request_hash: string; response: unknown }, hash: string): AcceptOutcome {
  if (stored.request_hash !== hash) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    );
  }
  return { result: stored.response as SendMessagesResult, replayed: true };
}

function parseSendAt(sendAt: string | undefined, now: Date): Date | undefined {
  if (sendAt === undefined) return undefined;
  const at = new Date(sendAt);
  if (at.getTime() <= now.getTime()) {
    throw new ApiError(400, 'send_at_in_past', `sendAt ${sendAt} is not in the future; leave it out to send now.`);
  }
  if (at.getTime() - now.getTime() > maxScheduleAheadMs) {
    throw new ApiError(400, 'send_at_too_far', 'sendAt may be at most 90 days ahead.');
  }
  return at;
}

/**
 * The accept step of the hot path: validate, render, and store one message per recipient in a single
 * transaction. Either every accepted recipient is queued (or scheduled) and the answer stored, or nothing is.
 */
export async function acceptMessages(
  deps: AcceptDeps,
  app: AppRow,
  input: SendMessagesInput,
  idempotencyKey: string | undefined,
): Promise<AcceptOutcome> {
  const now = deps.now?.() ?? new Date();
  const hash = requestHash(input);
  if (idempotencyKey) {
    const stored = await findByIdempotencyKey(deps.db, app.id, idempotencyKey);
    if (stored) return replayOf(stored, hash);
  }

  const template = await findTenantTemplate(deps.db, app.tenant_id, input.templateId);
  if (!template) throw new ApiError(404, 'template_not_found', `No template ${input.templateId} for this app.`);
  if (template.status !== 'approved') {
    throw new ApiError(422, 'template_not_approved', `Template ${input.templateId} is ${template.status}, not approved.`);
  }
  const rendered = renderTemplate(template.body, input.params);
  if (!rendered.ok) throw new ApiError(400, rendered.code, rendered.message);
  const sendAt = parseSendAt(input.sendAt, now);
  const plan = planSegments(rendered.text);

  const requestId = randomUUID();
  const result: SendMessagesResult = { requestId, messages: [] };
  const rows: NewMessage[] = [];
  const seen = new Set<string>();
  for (const raw of input.to) {
    const check = checkRecipient(raw);
    if (!check.ok) {
      result.messages.push({ to: raw, status: 'rejected', error: { code: check.code, message: check.message } });
      continue;
    }
    if (seen.has(check.e164)) continue;
    seen.add(check.e164);
    const id = randomUUID();
    const status = sendAt ? 'scheduled' : 'accepted';
    result.messages.push({ id, to: check.e164, status, segments: plan.parts.length });
    rows.push({
      id,
      request_id: requestId,
      tenant_id: app.tenant_id,
      app_id: app.id,
      template_id: template.id,
      sender: app.sender_id,
      recipient: check.e164,
      body: rendered.text,
      encoding: plan.encoding,
      segments: plan.parts.length,
      status,
      error_code: null,
      error_message: null,
      reference: input.reference ?? null,
      callback_url: input.callbackUrl ?? app.callback_url,
      send_at: sendAt ?? null,
      carrier: null,
      next_attempt_at: now,
      submitted_at: null,
      completed_at: null,
      cancelled_at: null,
    });
  }
  if (rows.length === 0) {
    const first = result.messages[0];
    const reason = first && 'error' in first ? first.error.message : 'No valid recipient.';
    throw new ApiError(400, 'invalid_number', reason, { messages: result.messages });
  }

  const committed = await deps.db.transaction().execute(async (trx) => {
    const fresh = await insertSendRequest(trx, {
      id: requestId,
      tenantId: app.tenant_id,
      appId: app.id,
      idempotencyKey,
      requestHash: hash,
      response: result,
      sendAt,
    });
    if (!fresh) return false;
    await insertMessages(trx, rows);
    if (sendAt) {
      // Started before commit: if the commit then fails, the workflow wakes to find nothing to send, whereas
      // the other order could leave committed messages that nothing will ever release.
      await deps.scheduledSends.schedule({ requestId, tenantId: app.tenant_id, sendAt });
    } else {
      await notifyAccepted(trx);
    }
    return true;
  });
  if (!committed && idempotencyKey) {
    // A concurrent request with the same key won the race; answer as it did.
    const stored = await findByIdempotencyKey(deps.db, app.id, idempotencyKey);
    if (stored) return replayOf(stored, hash);
  }
  deps.logger.debug({ requestId, accepted: rows.length, scheduled: Boolean(sendAt) }, 'messages accepted');
  return { result, replayed: false };
}
