import { newMessageId } from '../domain/message-ids.ts';
import type { Db } from '../db/connect.ts';
import type { MessageGroup } from '../db/messages.ts';
import { storeAccepted } from './store.ts';
import { findAppById } from '../db/apps.ts';
import { tenantThresholds } from '../db/traffic.ts';
import { systemAppId, systemTemplates, systemTenantId } from '../domain/system-tenant.ts';
import { channelNumbers } from '../domain/channel-numbers.ts';
import { classifyNumber } from '../domain/number-classes.ts';
import { planSegments } from '../domain/segments.ts';
import { signedText } from '../domain/signature-rules.ts';

const systemSignature = 'Tern';

/**
 * Sends a notice (a traffic alarm, a suspension) to a tenant's contact numbers through the platform's own sending
 * path, from the system tenant: mainland numbers get the 【Tern】 signature and the system app's 106 number.
 * Returns the ids of the messages queued; numbers that cannot receive SMS are skipped.
 */
export async function sendSystemNotice(db: Db, numbers: readonly string[], text: string): Promise<string[]> {
  const app = await findAppById(db, systemAppId);
  if (!app) throw new Error('the system app is missing (migration 0013)');
  const from = channelNumbers(app);
  const byRegion = { mainland: [] as { e164: string; country: string }[], international: [] as { e164: string; country: string }[] };
  for (const raw of new Set(numbers)) {
    const number = classifyNumber(raw);
    if (number.ok) byRegion[number.mainland ? 'mainland' : 'international'].push(number);
  }
  const groups: MessageGroup[] = [];
  for (const region of ['mainland', 'international'] as const) {
    const recipients = byRegion[region];
    if (recipients.length === 0) continue;
    const body = region === 'mainland' ? signedText(text, systemSignature) : text;
    const plan = planSegments(body);
    groups.push({
      templateId: systemTemplates[region],
      region,
      signature: region === 'mainland' ? systemSignature : null,
      sender: region === 'mainland' ? from.mainlandFrom : from.from,
      body,
      encoding: plan.encoding,
      segments: plan.parts.length,
      ids: recipients.map(() => newMessageId()),
      recipients: recipients.map((r) => r.e164),
      countries: recipients.map((r) => r.country),
    });
  }
  if (groups.length === 0) return [];
  const now = new Date();
  // The platform's own notices take the store of every send but not the tenant's controls: a suspension notice
  // must reach a contact number even when it sent many today.
  await storeAccepted({ db }, app, {
    request: { id: newMessageId(), tenantId: systemTenantId, appId: systemAppId, idempotencyKey: undefined, requestHash: 'system-notice', sendAt: undefined },
    batch: { status: 'accepted', reference: 'system-notice', callbackUrl: null, nextAttemptAt: now, surface: 'native', groups },
    screened: [],
    at: now,
    respond: () => null,
  });
  return groups.flatMap((g) => g.ids);
}

/** Tells a tenant something by SMS to its contact numbers (set with its traffic thresholds). */
export async function notifyTenant(db: Db, tenantId: string, text: string): Promise<string[]> {
  const thresholds = await tenantThresholds(db, tenantId);
  return sendSystemNotice(db, thresholds?.contact_numbers ?? [], text);
}
