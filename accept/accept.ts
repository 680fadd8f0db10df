import { newMessageId } from '../domain/message-ids.ts';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { MessageGroup } from '../db/messages.ts';
import type { AppRow, MessageSurface, TemplateRow } from '../db/schema.ts';
import type { CallbackTargetPolicy } from '../domain/callback-targets.ts';
import { senderFor } from '../domain/channel-numbers.ts';
import { planSegments } from '../domain/segments.ts';
import { scopeOf } from '../domain/billing.ts';
import { chargeInput, type ChargedMessage } from '../db/billing-charge.ts';
import { chooseSignature, signedText, valuesFakeSignature } from '../domain/signature-rules.ts';
import { renderTemplate, type TemplateRegion } from '../domain/templates.ts';
import type { ScheduledSends } from '../processes/scheduled-send.ts';
import type { AcceptLookups } from './lookups/index.ts';
import type { ActiveSuspension } from './lookups/suspensions.ts';
import type { Rejection, ScreenedMessage } from './mainland-screen.ts';
import { recipientRules } from './recipient-rules.ts';
import { storeAccepted, type AcceptCommitter } from './store.ts';

export interface AcceptDeps {
  db: Db;
  scheduledSends: ScheduledSends;
  logger: Logger;
  now?: () => Date;
  /** Templates, signatures, region settings and suspensions, as the API caches them. */
  lookups: AcceptLookups;
  /** Which callback URLs reports may go to. */
  callbackTargets: CallbackTargetPolicy;
  /** Gathers concurrent plain accepts of a tenant into one statement (`group-commit.ts`); without it each goes alone. */
  committer?: AcceptCommitter | undefined;
}

/** One template with its values, to a list of numbers. */
export interface AcceptGroup {
  templateId: string;
  params: readonly string[];
  /** The approved signature a mainland message carries; by default the tenant's only one of the template's type. */
  signature?: string | undefined;
  /** The numbers as the caller gave them. */
  to: readonly string[];
}

export interface AcceptInput {
  groups: readonly AcceptGroup[];
  /** The region of the sender the caller chose (the compatible `from`); a template of the other region is refused. */
  fromRegion?: TemplateRegion;
  /** A surface's own rule on values (the compatible spec refuses quotes and braces); false refuses the group. */
  valuesAllowed?: (params: readonly string[]) => boolean;
  /** How a number as given is read as E.164 (the compatible API takes mainland numbers without +86). */
  readNumber?: (given: string) => string;
  sendAt?: Date | undefined;
  reference: string | null;
  callbackUrl: string | null;
  idempotencyKey?: string | undefined;
  requestHash: string;
  surface: MessageSurface;
  /** The answer to store with an idempotency key, from the outcome as it will be answered; called once. */
  respond?: (outcome: AcceptOutcome) => unknown;
  /** The campaign whose chunk this is (`activities/campaigns.ts`); its messages carry it. */
  campaignId?: string | undefined;
}

/** A number's fate: queued (with its message id) or refused (with the rule's code). */
export type RecipientOutcome =
  | { given: string; e164: string; callingCode: string; status: 'accepted' | 'scheduled'; id: string; segments: number }
  | { given: string; e164?: string | undefined; callingCode?: string | undefined; status: 'rejected'; error: Rejection };

export interface GroupOutcome {
  /** Why the whole group was refused (its template, values or signature); each number then carries it. */
  refusal?: Rejection & { templateRegion?: TemplateRegion | undefined };
  template?: TemplateRow | undefined;
  recipients: RecipientOutcome[];
}

export interface AcceptOutcome {
  requestId: string;
  groups: GroupOutcome[];
  /** False when nothing was stored: every number refused, or (`fresh` false) the idempotency key already taken. */
  stored: boolean;
  fresh: boolean;
}

/** The tenant may not send now: its traffic limit was reached (or an operator holds it). */
export class SendingSuspended extends Error {
  constructor(readonly suspension: ActiveSuspension) {
    super(`Sending is suspended until ${suspension.until.toISOString()}: ${suspension.reason} Raise the limit, wait for the period to end, or ask an operator.`);
  }
}

export type PlannedGroup = { ok: true; template: TemplateRow; signature: string | null; text: string; encoding: MessageGroup['encoding']; segments: number } | { ok: false; refusal: GroupOutcome['refusal'] & object; template?: TemplateRow | undefined };

/**
 * A group's template, values and signature: the text its messages carry, or why none can be sent. Also the check
 * of each row of a campaign's recipient list (`campaigns/`), so that a list is judged by the rules of a send.
 */
export async function planGroup(
  deps: Pick<AcceptDeps, 'lookups'>,
  app: AppRow,
  group: Pick<AcceptGroup, 'templateId' | 'params' | 'signature'>,
  input: Pick<AcceptInput, 'fromRegion' | 'valuesAllowed'>,
): Promise<PlannedGroup> {
  const template = await deps.lookups.template(app.tenant_id, group.templateId);
  if (!template) return { ok: false, refusal: { code: 'template_not_found', message: `No template ${group.templateId} for this app.` } };
  const refuse = (code: string, message: string) => ({ ok: false as const, template, refusal: { code, message, templateRegion: template.region } });
  if (template.status !== 'approved') return refuse('template_not_approved', `Template ${group.templateId} is ${template.status}, not approved.`);
  if (input.fromRegion && template.region !== input.fromRegion) return refuse('template_from_mismatch', `Template ${group.templateId} is for ${template.region} numbers, not for this sender.`);
  if (input.valuesAllowed && !input.valuesAllowed(group.params)) return refuse('param_invalid', 'A value holds a character this API does not take.');
  const rendered = renderTemplate(template.body, group.params, template.variables);
  if (!rendered.ok) return refuse(rendered.code, rendered.message);
  if (valuesFakeSignature(template.region, group.params)) return refuse('param_invalid', 'Values of a mainland message may not hold signature brackets (【】, [ ]).');
  const approved = template.region === 'mainland' ? await deps.lookups.signatures(app.tenant_id) : [];
  const signature = chooseSignature(template, approved, group.signature);
  if (!signature.ok) return refuse(signature.code, signature.message);
  const text = signedText(rendered.text, signature.signature);
  const plan = planSegments(text);
  return { ok: true, template, signature: signature.signature ?? null, text, encoding: plan.encoding, segments: plan.parts.length };
}

/**
 * The accept step, whatever the surface (the native API, the compatible API): the tenant's suspension, each
 * group's template, values and signature, each number's rules (its class, the template's region, the app's
 * regions), then the mainland screen (blocklist, opt-outs, frequency limits), the charge and the store, in one transaction
 * with the request (`store.ts`). It returns a verdict per number in the surface's neutral words; each surface
 * translates them into its own answer. A number given twice is judged and sent once.
 */
export async function acceptGroups(deps: AcceptDeps, app: AppRow, input: AcceptInput): Promise<AcceptOutcome> {
  const suspension = await deps.lookups.suspension(app.tenant_id);
  if (suspension) throw new SendingSuspended(suspension);
  const now = deps.now?.() ?? new Date();
  const status = input.sendAt ? 'scheduled' : 'accepted';
  const rules = await recipientRules(deps.lookups.regions, app);
  const read = input.readNumber ?? ((given: string) => given);
  const outcome: AcceptOutcome = { requestId: newMessageId(), groups: [], stored: false, fresh: true };
  const batches: MessageGroup[] = [];
  const screened: ScreenedMessage[] = [];
  const charged: ChargedMessage[] = [];
  for (const group of input.groups) {
    const planned = await planGroup(deps, app, group, input);
    const result: GroupOutcome = { template: planned.template, recipients: [], ...(planned.ok ? {} : { refusal: planned.refusal }) };
    const seen = new Set<string>();
    const ids: string[] = [];
    const recipients: string[] = [];
    const countries: string[] = [];
    for (const given of group.to) {
      // The template's region counts only for a usable template: an unknown or unapproved one answers alike.
      const verdict = rules(read(given), planned.ok ? planned.template.region : undefined);
      const key = verdict.ok ? verdict.e164 : given;
      if (seen.has(key)) continue;
      seen.add(key);
      const number = verdict.ok ? { e164: verdict.e164, callingCode: verdict.callingCode } : {};
      if (!planned.ok) result.recipients.push({ given, ...number, status: 'rejected', error: { code: planned.refusal.code, message: planned.refusal.message } });
      else if (!verdict.ok) result.recipients.push({ given, status: 'rejected', error: { code: verdict.code, message: verdict.message } });
      else {
        const id = newMessageId();
        result.recipients.push({ given, e164: verdict.e164, callingCode: verdict.callingCode, status, id, segments: planned.segments });
        ids.push(id);
        recipients.push(verdict.e164);
        countries.push(verdict.country);
        charged.push({ id, scope: scopeOf(planned.template.region), country: verdict.country, segments: planned.segments });
        if (verdict.mainland) screened.push({ id, recipient: verdict.e164, body: planned.text });
      }
    }
    if (planned.ok && ids.length > 0) {
      const { template, text, encoding, segments, signature } = planned;
      batches.push({ templateId: template.id, region: template.region, signature, sender: senderFor(app, template.region), body: text, encoding, segments, ids, recipients, countries });
    }
    outcome.groups.push(result);
  }
  if (batches.length === 0) return outcome;

  // Numbers the screen refuses are answered as refused, in the stored answer too.
  const applyScreen = (rejected: ReadonlyMap<string, Rejection>) => {
    for (const group of outcome.groups) {
      group.recipients = group.recipients.map((r) => {
        const refusal = r.status !== 'rejected' ? rejected.get(r.id) : undefined;
        return refusal ? { given: r.given, e164: r.e164, callingCode: r.callingCode, status: 'rejected' as const, error: refusal } : r;
      });
    }
    return input.respond?.(outcome) ?? null;
  };
  const stored = await storeAccepted(deps, app, {
    request: { id: outcome.requestId, tenantId: app.tenant_id, appId: app.id, idempotencyKey: input.idempotencyKey, requestHash: input.requestHash, sendAt: input.sendAt },
    batch: { status, reference: input.reference, callbackUrl: input.callbackUrl, nextAttemptAt: now, surface: input.surface, groups: batches, campaignId: input.campaignId ?? null },
    screened,
    charge: chargeInput(app.tenant_id, charged, now),
    at: input.sendAt ?? now,
    respond: applyScreen,
  });
  outcome.stored = stored.stored;
  outcome.fresh = stored.fresh;
  deps.logger.debug({ requestId: outcome.requestId, surface: input.surface, accepted: batches.reduce((n, g) => n + g.ids.length, 0) - stored.rejected.size, scheduled: Boolean(input.sendAt) }, 'messages accepted');
  return outcome;
}
