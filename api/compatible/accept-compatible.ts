import { createHash } from 'node:crypto';
import type { AppRow } from '../../db/schema.ts';
import { channelNumbers } from '../../domain/channel-numbers.ts';
import { compatibleTime } from '../../domain/compatible-reports.ts';
import { compatibleNumberSyntax, compatibleToE164 } from '../../domain/phone-numbers.ts';
import type { TemplateRegion } from '../../domain/templates.ts';
import { acceptGroups, SendingSuspended, type AcceptDeps } from '../../accept/accept.ts';
import { CompatibleError, parameterError } from './errors.ts';
import type { CompatibleResult } from './responses.ts';
import { checkCallbackUrl } from '../callback-url.ts';

/** One group of a send: the same template and values to every number in `to`. */
interface CompatibleGroup {
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

const maxNumbersPerGroup = 500;
const maxNumbersPerRequest = 1000;
const maxNumberLength = 21;

/**
 * Per-number submit statuses (spec §3.4). Where the spec names none, our choices: E200031 ("protocol check
 * failed") for an invalid number and for a missing, unknown or unapproved signature; E200029 ("template type
 * check failed") for a signature of the other type than the template's.
 */
const submitStatus = {
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
function statusForControl(code: string, templateRegion?: TemplateRegion): string {
  if (code.startsWith('frequency_limit')) return 'E200015';
  // Billing (docs/billing.md): the request-level "sending quota reached" for a number the packages cannot pay for
  // in mode 2; a mainland template in mode 2 is a template that cannot be used, E200030 ("template not active").
  if (code === 'quota_exhausted') return 'E000623';
  if (code === 'billing_mode_international_only') return submitStatus.templateNotActive;
  // The spec's receiver channel match failures: domestic (a mainland template to another number), international.
  if (code === 'template_region_mismatch') return templateRegion === 'mainland' ? 'E200023' : 'E200026';
  if (code.startsWith('duplicate_limit')) return 'E200041';
  return submitStatus.numberInvalid;
}

/** The whole-request checks of a recipient list: count and characters (spec §1.1). */
function checkNumberList(to: readonly string[], where: string): void {
  if (to.length === 0) throw parameterError(`${where} holds no number.`);
  if (to.length > maxNumbersPerGroup) throw parameterError(`${where} holds ${to.length} numbers; at most ${maxNumbersPerGroup} are allowed.`);
  const bad = to.find((n) => !compatibleNumberSyntax.test(n) || n.length > maxNumberLength);
  if (bad !== undefined) {
    throw parameterError(`${where} holds "${bad}"; a number is up to ${maxNumberLength} digits with an optional leading +.`);
  }
}

// Values may not hold single quotes or braces (spec §1.1), which would let them pose as template syntax.
const forbiddenInValue = /['{}]/;

/** The per-number status (spec §3.4) for a group the pipeline refused, by its reason. */
function statusForGroup(code: string): string {
  if (code === 'template_not_found' || code === 'template_not_approved') return submitStatus.templateNotActive;
  if (code === 'template_from_mismatch' || code === 'signature_type_mismatch') return submitStatus.templateTypeMismatch;
  if (code.startsWith('signature_')) return submitStatus.signatureInvalid;
  return submitStatus.paramsInvalid;
}

/**
 * The compatible API on the accept pipeline (`accept/accept.ts`): the spec's checks of the request (the `from`
 * channel number, list sizes and number syntax), then the pipeline's verdicts as each number's status. If no
 * number is accepted the request fails with E000510 and its result.
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

  const createTime = compatibleTime(deps.now?.() ?? new Date());
  let outcome: Awaited<ReturnType<typeof acceptGroups>>;
  try {
    outcome = await acceptGroups(deps, app, {
      groups: send.groups.map((g) => ({ templateId: g.templateId, params: g.templateParas, signature: g.signature, to: g.to })),
      fromRegion,
      valuesAllowed: (params) => !params.some((p) => forbiddenInValue.test(p)),
      readNumber: compatibleToE164,
      reference: send.extend ?? null,
      callbackUrl: send.statusCallback ?? null,
      requestHash: createHash('sha256').update(send.rawBody).digest('hex'),
      surface: 'compatible',
    });
  } catch (err) {
    if (err instanceof SendingSuspended) throw new CompatibleError('E000623', err.message, { status: 403 });
    throw err;
  }
  const results = outcome.groups.flatMap((group) =>
    group.recipients.map((r): CompatibleResult => {
      const status = r.status !== 'rejected' ? submitStatus.accepted : group.refusal ? statusForGroup(group.refusal.code) : statusForControl(r.error.code, group.template?.region);
      // Keys in the order of the spec's example (§3.1).
      const entry: CompatibleResult = { originTo: r.given, createTime, from: send.from, smsMsgId: r.status !== 'rejected' ? r.id : undefined, status };
      if (r.callingCode) entry.countryId = r.callingCode;
      if (r.status !== 'rejected') entry.total = r.segments;
      return entry;
    }),
  );
  if (!outcome.stored) {
    // Every number refused because the international sending is held (billing mode 2): the quota code for the request.
    if (results.length > 0 && results.every((r) => r.status === 'E000623')) {
      throw new CompatibleError('E000623', 'The international resource packages are used up; sending resumes after a top-up.', { status: 403, result: results });
    }
    throw new CompatibleError('E000510', 'No number was accepted; see the status of each in result.', { result: results });
  }
  return results;
}
