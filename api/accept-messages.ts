import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { AppRow } from '../db/schema.ts';
import { findByIdempotencyKey } from '../db/send-requests.ts';
import { senderFor } from '../domain/channel-numbers.ts';
import { planSegments } from '../domain/segments.ts';
import { renderTemplate } from '../domain/templates.ts';
import { ApiError } from './errors.ts';
import { storeAccepted } from './store-accepted.ts';
import { recipientRules } from './recipient-rules.ts';
import type { Rejection, ScreenedMessage } from './mainland-screen.ts';
import type { RegionLookup } from './region-cache.ts';
import { findSuspensionWith, suspendedMessage, type SuspensionLookup } from './suspension-cache.ts';
import { findSignaturesWith, type SignatureLookup } from './signature-cache.ts';
import { chooseSignature, signedText, valuesFakeSignature } from '../domain/signature-rules.ts';
import { findTemplateWith, type TemplateLookup } from './template-cache.ts';
import type { ScheduledSends } from '../processes/scheduled-send.ts';
import type { SendMessagesInput, SendMessagesResult } from './schemas/messages.ts';
import type { CallbackTargetPolicy } from '../domain/callback-targets.ts';
import { checkCallbackUrl } from './callback-url.ts';

export interface AcceptDeps {
  db: Db;
  scheduledSends: ScheduledSends;
  logger: Logger;
  now?: () => Date;
  /** How templates are found; by default straight from the database. */
  findTemplate?: TemplateLookup;
  /** How a tenant's approved signatures are found; by default straight from the database. */
  findSignatures?: SignatureLookup;
  /** How an app's region settings are found; by default straight from the database. */
  findRegions?: RegionLookup;
  /** How a tenant's active sending suspension is found; by default straight from the database. */
  findSuspension?: SuspensionLookup;
  /** Which callback URLs reports may go to. */
  callbackTargets: CallbackTargetPolicy;
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
    throw new ApiError(422, 'send_at_in_past', `sendAt ${sendAt} is not in the future; leave it out to send now.`);
  }
  if (at.getTime() - now.getTime() > maxScheduleAheadMs) {
    throw new ApiError(422, 'send_at_too_far', 'sendAt may be at most 90 days ahead.');
  }
  return at;
}

/**
 * The accept step of the hot path: validate, render, run the sending controls, and store one message per
 * accepted recipient (see `storeAccepted`). Either every accepted recipient is queued (or scheduled) and the
 * answer stored, or nothing is.
 */
export async function acceptMessages(
  deps: AcceptDeps,
  app: AppRow,
  input: SendMessagesInput,
  idempotencyKey: string | undefined,
): Promise<AcceptOutcome> {
  checkCallbackUrl('callbackUrl', input.callbackUrl, deps.callbackTargets);
  const now = deps.now?.() ?? new Date();
  const hash = requestHash(input);
  if (idempotencyKey) {
    const stored = await findByIdempotencyKey(deps.db, app.id, idempotencyKey);
    if (stored) return replayOf(stored, hash);
  }

  const suspension = await findSuspensionWith(deps)(app.tenant_id);
  if (suspension) throw new ApiError(403, 'sending_suspended', suspendedMessage(suspension));
  const template = await findTemplateWith(deps)(app.tenant_id, input.templateId);
  if (!template) throw new ApiError(404, 'template_not_found', `No template ${input.templateId} for this app.`);
  if (template.status !== 'approved') {
    throw new ApiError(422, 'template_not_approved', `Template ${input.templateId} is ${template.status}, not approved.`);
  }
  const rendered = renderTemplate(template.body, input.params, template.variables);
  if (!rendered.ok) throw new ApiError(422, rendered.code, rendered.message);
  if (valuesFakeSignature(template.region, input.params)) {
    throw new ApiError(422, 'param_invalid', 'Values of a mainland message may not hold signature brackets (【】, [ ]).');
  }
  const approved = template.region === 'mainland' ? await findSignaturesWith(deps)(app.tenant_id) : [];
  const signature = chooseSignature(template, approved, input.signature);
  if (!signature.ok) {
    const messages = input.to.map((to) => ({ to, status: 'rejected' as const, error: { code: signature.code, message: signature.message } }));
    throw new ApiError(422, signature.code, signature.message, { messages });
  }
  const text = signedText(rendered.text, signature.signature);
  const sendAt = parseSendAt(input.sendAt, now);
  const plan = planSegments(text);

  const requestId = randomUUID();
  const result: SendMessagesResult = { requestId, messages: [] };
  const status = sendAt ? 'scheduled' : 'accepted';
  const ids: string[] = [];
  const recipients: string[] = [];
  const screened: ScreenedMessage[] = [];
  const seen = new Set<string>();
  const check = await recipientRules(deps, app);
  for (const raw of input.to) {
    const verdict = check(raw, template.region);
    if (!verdict.ok) {
      result.messages.push({ to: raw, status: 'rejected', error: { code: verdict.code, message: verdict.message } });
      continue;
    }
    if (seen.has(verdict.e164)) continue;
    seen.add(verdict.e164);
    const id = randomUUID();
    result.messages.push({ id, to: verdict.e164, status, segments: plan.parts.length });
    ids.push(id);
    recipients.push(verdict.e164);
    if (verdict.mainland) screened.push({ id, recipient: verdict.e164, body: text });
  }
  const refuseAll = () => {
    const first = result.messages.find((m) => 'error' in m);
    const error = first && 'error' in first ? first.error : { code: 'invalid_number', message: 'No valid recipient.' };
    return new ApiError(422, error.code, error.message, { messages: result.messages });
  };
  if (ids.length === 0) throw refuseAll();

  const respond = (rejected: ReadonlyMap<string, Rejection>) => {
    result.messages = result.messages.map((m) => {
      const refusal = 'id' in m ? rejected.get(m.id) : undefined;
      return refusal ? { to: m.to, status: 'rejected' as const, error: refusal } : m;
    });
    return result;
  };
  const stored = await storeAccepted(deps, app, {
    request: { id: requestId, tenantId: app.tenant_id, appId: app.id, idempotencyKey, requestHash: hash, sendAt },
    batch: {
      status,
      reference: input.reference ?? null,
      callbackUrl: input.callbackUrl ?? app.callback_url,
      nextAttemptAt: now,
      surface: 'native',
      groups: [{ templateId: template.id, sender: senderFor(app, template.region), body: text, encoding: plan.encoding, segments: plan.parts.length, ids, recipients }],
    },
    screened,
    at: sendAt ?? now,
    respond,
  });
  if (!stored.fresh && idempotencyKey) {
    // A concurrent request with the same key won the race; answer as it did.
    const earlier = await findByIdempotencyKey(deps.db, app.id, idempotencyKey);
    if (earlier) return replayOf(earlier, hash);
  }
  if (!stored.stored) throw refuseAll();
  deps.logger.debug({ requestId, accepted: ids.length - stored.rejected.size, scheduled: Boolean(sendAt) }, 'messages accepted');
  return { result, replayed: false };
}
