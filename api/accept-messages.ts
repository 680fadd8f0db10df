import { createHash } from 'node:crypto';
import type { AppRow } from '../db/schema.ts';
import { findByIdempotencyKey } from '../db/send-requests.ts';
import { acceptGroups, SendingSuspended, type AcceptDeps, type AcceptOutcome as Accepted } from '../accept/accept.ts';
import { ApiError } from './errors.ts';
import type { SendMessagesInput, SendMessagesResult } from './schemas/messages.ts';
import { checkCallbackUrl } from './callback-url.ts';

export interface NativeAcceptOutcome {
  result: SendMessagesResult;
  /** True when the answer is the stored one of an earlier request with the same idempotency key. */
  replayed: boolean;
}

const maxScheduleAheadMs = 90 * 24 * 3600 * 1000;

function requestHash(input: SendMessagesInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

function replayOf(stored: { request_hash: string; response: unknown }, hash: string): NativeAcceptOutcome {
  if (stored.request_hash !== hash) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    );
  }
  return { result: stored.response as SendMessagesResult, replayed: true };
}

export function parseSendAt(sendAt: string | undefined, now: Date): Date | undefined {
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

/** The native answer: one entry per number, accepted with its message id or rejected with the rule. */
function resultOf(outcome: Accepted): SendMessagesResult {
  const recipients = outcome.groups.flatMap((g) => g.recipients);
  return {
    requestId: outcome.requestId,
    messages: recipients.map((r) =>
      r.status === 'rejected' ? { to: r.e164 ?? r.given, status: 'rejected' as const, error: r.error } : { id: r.id, to: r.e164, status: r.status, segments: r.segments },
    ),
  };
}

/**
 * A request nothing of which can be sent: 422 with the first reason, each number's in `details.messages`; 403 when
 * every number was refused because the tenant's international sending is held (billing mode 2), as for a suspension.
 */
function refusedWhole(result: SendMessagesResult): ApiError {
  const errors = result.messages.flatMap((m) => ('error' in m ? [m.error] : []));
  const error = errors[0] ?? { code: 'invalid_number', message: 'No valid recipient.' };
  const held = errors.length > 0 && errors.every((e) => e.code === 'quota_exhausted');
  return new ApiError(held ? 403 : 422, error.code, error.message, { messages: result.messages });
}

/**
 * `POST /v1/messages` on the accept pipeline (`accept/accept.ts`): its checks of the request (callback URL, send
 * time, a repeated idempotency key), then the pipeline's verdicts as the native answer. A refused template, values
 * or signature refuses the request (404 for an unknown template, else 422); numbers refused alone are listed in a
 * 202; when no number is left the request is a 422 and nothing is stored.
 */
export async function acceptMessages(deps: AcceptDeps, app: AppRow, input: SendMessagesInput, idempotencyKey: string | undefined): Promise<NativeAcceptOutcome> {
  checkCallbackUrl('callbackUrl', input.callbackUrl, deps.callbackTargets);
  const now = deps.now?.() ?? new Date();
  const hash = requestHash(input);
  if (idempotencyKey) {
    const stored = await findByIdempotencyKey(deps.db, app.id, idempotencyKey);
    if (stored) return replayOf(stored, hash);
  }
  let outcome: Accepted;
  try {
    outcome = await acceptGroups(deps, app, {
      groups: [{ templateId: input.templateId, params: input.params, signature: input.signature, to: input.to }],
      sendAt: parseSendAt(input.sendAt, now),
      reference: input.reference ?? null,
      callbackUrl: input.callbackUrl ?? app.callback_url,
      idempotencyKey,
      requestHash: hash,
      surface: 'native',
      respond: resultOf,
    });
  } catch (err) {
    if (err instanceof SendingSuspended) throw new ApiError(403, 'sending_suspended', err.message);
    throw err;
  }
  const refusal = outcome.groups[0]?.refusal;
  if (refusal) {
    if (refusal.code === 'template_not_found') throw new ApiError(404, refusal.code, refusal.message);
    throw new ApiError(422, refusal.code, refusal.message, { messages: resultOf(outcome).messages });
  }
  if (!outcome.fresh && idempotencyKey) {
    // A concurrent request with the same key won the race; answer as it did.
    const earlier = await findByIdempotencyKey(deps.db, app.id, idempotencyKey);
    if (earlier) return replayOf(earlier, hash);
  }
  const result = resultOf(outcome);
  if (!outcome.stored) throw refusedWhole(result);
  return { result, replayed: false };
}
