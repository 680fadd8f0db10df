import { createHash, randomUUID } from 'node:crypto';
import type { AppRow, TemplateRow } from '../../db/schema.ts';
import type { MessageGroup } from '../../db/messages.ts';
import { channelNumbers } from '../../domain/channel-numbers.ts';
import { compatibleTime } from '../../domain/compatible-reports.ts';
import { compatibleNumberSyntax, compatibleToE164 } from '../../domain/phone-numbers.ts';
import { planSegments } from '../../domain/segments.ts';
import { renderTemplate, type TemplateRegion } from '../../domain/templates.ts';
import type { AcceptDeps } from '../accept-messages.ts';
import { storeAccepted } from '../store-accepted.ts';
import { recipientRules } from '../recipient-rules.ts';
import { findSuspensionWith, suspendedMessage } from '../suspension-cache.ts';
import type { ScreenedMessage } from '../mainland-screen.ts';
import { findSignaturesWith } from '../signature-cache.ts';
import { chooseSignature, signedText, valuesFakeSignature, type ApprovedSignature } from '../../domain/signature-rules.ts';
import { findTemplateWith } from '../template-cache.ts';
import { CompatibleError, parameterError } from './errors.ts';
import type { CompatibleResult } from './responses.ts';
import { checkCallbackUrl } from '../callback-url.ts';

/** One group of a send: the same template and values to every number in `to`. */
export interface CompatibleGroup {
  to: readonly string[];
  templateId: string;
  templateParas: readonly string[];
  /** The approved signature for a mainland template; by default the tenant's only one of the template's type. */
  signature?: string | undefined;
}

export interface CompatibleSend {
  from: string;
  statusCallback?: string | undefined;
  extend?: string | undefined;
  groups: readonly CompatibleGroup[];
  /** The request body as received, for the request's hash. */
  rawBody: string;
}

export const maxNumbersPerGroup = 500;
export const maxNumbersPerRequest = 1000;
const maxNumberLength = 21;

/**
 * Per-number submit statuses (spec §3.4). Where the spec names none, our choices: E200031 ("protocol check
 * failed") for an invalid number and for a missing, unknown or unapproved signature; E200029 ("template type
 * check failed") for a signature of the other type than the template's.
 */
export const submitStatus = {
  accepted: '000000',
  paramsInvalid: 'E200028',
  templateTypeMismatch: 'E200029',
  templateNotActive: 'E200030',
  numberInvalid: 'E200031',
  signatureInvalid: 'E200031',
} as const;

/**
 * The per-number status for a number refused by a sending control (our mapping; the spec has no codes for
 * them): frequency limits E200015 ("too many messages"), the same message repeated E200041, everything else
 * about the number (its type, region, blocklist, opt-out) E200031.
 */
export function statusForControl(code: string, templateRegion?: TemplateRegion): string {
  if (code.startsWith('frequency_limit')) return 'E200015';
  // The spec's receiver channel match failures: domestic (a mainland template to another number), international.
  if (code === 'template_region_mismatch') return templateRegion === 'mainland' ? 'E200023' : 'E200026';
  if (code.startsWith('duplicate_limit')) return 'E200041';
  return submitStatus.numberInvalid;
}

/** The whole-request checks of a recipient list: count and characters (spec §1.1). */
export function checkNumberList(to: readonly string[], where: string): void {
  if (to.length === 0) throw parameterError(`${where} holds no number.`);
  if (to.length > maxNumbersPerGroup) throw parameterError(`${where} holds ${to.length} numbers; at most ${maxNumbersPerGroup} are allowed.`);
  const bad = to.find((n) => !compatibleNumberSyntax.test(n) || n.length > maxNumberLength);
  if (bad !== undefined) {
    throw parameterError(`${where} holds "${bad}"; a number is up to ${maxNumberLength} digits with an optional leading +.`);
  }
}

// Values may not hold single quotes or braces (spec §1.1), which would let them pose as template syntax.
const forbiddenInValue = /['{}]/;

function groupStatus(
  template: TemplateRow | undefined,
  fromRegion: TemplateRegion,
  group: CompatibleGroup,
  signatures: readonly ApprovedSignature[],
) {
  // An unknown template, another tenant's and one not approved get the same answer: nothing leaks across tenants.
  if (!template || template.status !== 'approved') return { status: submitStatus.templateNotActive } as const;
  if (template.region !== fromRegion) return { status: submitStatus.templateTypeMismatch } as const;
  if (group.templateParas.some((p) => forbiddenInValue.test(p)) || valuesFakeSignature(template.region, group.templateParas)) {
    return { status: submitStatus.paramsInvalid } as const;
  }
  const rendered = renderTemplate(template.body, group.templateParas, template.variables);
  if (!rendered.ok) return { status: submitStatus.paramsInvalid } as const;
  const signature = chooseSignature(template, signatures, group.signature);
  if (!signature.ok) {
    return { status: signature.code === 'signature_type_mismatch' ? submitStatus.templateTypeMismatch : submitStatus.signatureInvalid } as const;
  }
  return { status: submitStatus.accepted, template, text: signedText(rendered.text, signature.signature) } as const;
}

/**
 * The accept step for the compatible API: the same store as `POST /v1/messages`, with the spec's rules. Numbers
 * and groups that fail get their own status; if none is accepted the request fails with E000510 and its result.
 */
export async function acceptCompatible(deps: AcceptDeps, app: AppRow, send: CompatibleSend): Promise<CompatibleResult[]> {
  const numbers = channelNumbers(app);
  const fromRegion: TemplateRegion | undefined =
    send.from === numbers.mainlandFrom ? 'mainland' : send.from === numbers.from ? 'international' : undefined;
  if (!fromRegion) throw parameterError(`from "${send.from}" is not a channel number of this app.`);
  checkCallbackUrl('statusCallback', send.statusCallback, deps.callbackTargets);
  send.groups.forEach((g, i) => checkNumberList(g.to, send.groups.length > 1 ? `smsContent[${i}].to` : 'to'));
  const total = send.groups.reduce((n, g) => n + g.to.length, 0);
  if (total > maxNumbersPerRequest) throw parameterError(`The request holds ${total} numbers; at most ${maxNumbersPerRequest} are allowed.`);

  const suspension = await findSuspensionWith(deps)(app.tenant_id);
  if (suspension) throw new CompatibleError('E000623', suspendedMessage(suspension), { status: 403 });
  const now = deps.now?.() ?? new Date();
  const createTime = compatibleTime(now);
  const findTemplate = findTemplateWith(deps);
  // Signatures matter to mainland templates only: looked up once, and only if one is sent.
  let signatures: Promise<ApprovedSignature[]> | undefined;
  const approvedSignatures = () => (signatures ??= findSignaturesWith(deps)(app.tenant_id));
  const check = await recipientRules(deps, app);
  const results: CompatibleResult[] = [];
  const entryOf = new Map<string, CompatibleResult>();
  const groups: MessageGroup[] = [];
  const screened: ScreenedMessage[] = [];
  for (const group of send.groups) {
    const template = await findTemplate(app.tenant_id, group.templateId);
    const checked = groupStatus(template, fromRegion, group, template?.region === 'mainland' ? await approvedSignatures() : []);
    const plan = checked.status === submitStatus.accepted ? planSegments(checked.text) : undefined;
    const ids: string[] = [];
    const recipients: string[] = [];
    const seen = new Set<string>();
    for (const originTo of group.to) {
      // The template's region is checked only for a usable template: an unknown or unapproved one answers alike.
      const recipient = check(compatibleToE164(originTo), checked.status === submitStatus.accepted ? template?.region : undefined);
      const key = recipient.ok ? recipient.e164 : originTo;
      // Duplicates are sent once, with one result (spec §1.1 [INF]).
      if (seen.has(key)) continue;
      seen.add(key);
      const status = recipient.ok || checked.status !== submitStatus.accepted ? checked.status : statusForControl(recipient.code, template?.region);
      const sent = recipient.ok && plan && status === submitStatus.accepted;
      const smsMsgId = sent ? randomUUID() : undefined;
      // Keys in the order of the spec's example (§3.1).
      const entry: CompatibleResult = { originTo, createTime, from: send.from, smsMsgId, status };
      if (recipient.ok) entry.countryId = recipient.callingCode;
      if (sent) entry.total = plan.parts.length;
      if (smsMsgId && recipient.ok && checked.status === submitStatus.accepted) {
        ids.push(smsMsgId);
        recipients.push(recipient.e164);
        entryOf.set(smsMsgId, entry);
        if (recipient.mainland) screened.push({ id: smsMsgId, recipient: recipient.e164, body: checked.text });
      }
      results.push(entry);
    }
    if (ids.length && plan && checked.status === submitStatus.accepted) {
      const { template, text } = checked;
      groups.push({ templateId: template.id, sender: send.from, body: text, encoding: plan.encoding, segments: plan.parts.length, ids, recipients });
    }
  }
  const noneAccepted = () => new CompatibleError('E000510', 'No number was accepted; see the status of each in result.', { result: results });
  if (groups.length === 0) throw noneAccepted();

  const requestId = randomUUID();
  const stored = await storeAccepted(deps, app, {
    request: {
      id: requestId,
      tenantId: app.tenant_id,
      appId: app.id,
      idempotencyKey: undefined,
      requestHash: createHash('sha256').update(send.rawBody).digest('hex'),
      sendAt: undefined,
    },
    batch: { status: 'accepted', reference: send.extend ?? null, callbackUrl: send.statusCallback ?? null, nextAttemptAt: now, surface: 'compatible', groups },
    screened,
    at: now,
    respond: () => null,
  });
  for (const [id, rejection] of stored.rejected) {
    const entry = entryOf.get(id);
    if (!entry) continue;
    entry.status = statusForControl(rejection.code);
    delete entry.smsMsgId;
    delete entry.total;
  }
  if (!stored.stored) throw noneAccepted();
  deps.logger.debug({ requestId, accepted: groups.reduce((n, g) => n + g.ids.length, 0) - stored.rejected.size }, 'compatible send accepted');
  return results;
}
