import { randomUUID } from 'node:crypto';
import type { Db } from './connect.ts';
import { insertAcceptedRequest, type MessageGroup } from './messages.ts';
import { findAppById } from './apps.ts';
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
  const byRegion = { mainland: [] as string[], international: [] as string[] };
  for (const raw of new Set(numbers)) {
    const number = classifyNumber(raw);
    if (number.ok) byRegion[number.mainland ? 'mainland' : 'international'].push(number.e164);
  }
  const groups: MessageGroup[] = [];
  for (const region of ['mainland', 'international'] as const) {
    const recipients = byRegion[region];
    if (recipients.length === 0) continue;
    const body = region === 'mainland' ? signedText(text, systemSignature) : text;
    const plan = planSegments(body);
    groups.push({
      templateId: systemTemplates[region],
      sender: region === 'mainland' ? from.mainlandFrom : from.from,
      body,
      encoding: plan.encoding,
      segments: plan.parts.length,
      ids: recipients.map(() => randomUUID()),
      recipients,
    });
  }
  if (groups.length === 0) return [];
  const now = new Date();
  const request = { id: randomUUID(), tenantId: systemTenantId, appId: systemAppId, idempotencyKey: undefined, requestHash: 'system-notice', response: null, sendAt: undefined };
  await insertAcceptedRequest(db, request, { status: 'accepted', reference: 'system-notice', callbackUrl: null, nextAttemptAt: now, surface: 'native', groups }, { notify: true });
  return groups.flatMap((g) => g.ids);
}

/** Tells a tenant something by SMS to its contact numbers (set with its traffic thresholds). */
export async function notifyTenant(db: Db, tenantId: string, text: string): Promise<string[]> {
  const tenant = await db.selectFrom('tenants').select('contact_numbers').where('id', '=', tenantId).executeTakeFirst();
  return sendSystemNotice(db, tenant?.contact_numbers ?? [], text);
}
