import type { ReceiptStat } from '../../domain/message-status.ts';

/** What the simulated network does with a submitted part. */
export type Outcome = 'delivered' | 'undelivered' | 'expired' | 'rejected' | 'no-receipt' | 'submit-error' | 'no-answer';

export const outcomes: readonly Outcome[] = ['delivered', 'undelivered', 'expired', 'rejected', 'no-receipt', 'submit-error', 'no-answer'];

export interface OutcomeRule {
  /** Regular expression tested against the destination digits, without `+`. */
  pattern: string;
  outcome: Outcome;
}

/**
 * The default rules, checked after any custom ones; a number no rule matches is delivered (stat DELIVRD):
 * - ending in 9901: undelivered, receipt stat UNDELIV err 001
 * - ending in 9902: expired, receipt stat EXPIRED err 000
 * - ending in 9903: accepted, but no receipt ever comes
 * - ending in 9904: submit_sm refused with ESME_RINVDSTADR
 * Custom rules may also use `no-answer`: the part is taken (it shows in `received()`) but its submit_sm_resp is
 * never sent, as when an answer is lost, so the client cannot know whether it went out.
 */
export const defaultOutcomeRules: readonly OutcomeRule[] = [
  { pattern: '9901$', outcome: 'undelivered' },
  { pattern: '9902$', outcome: 'expired' },
  { pattern: '9903$', outcome: 'no-receipt' },
  { pattern: '9904$', outcome: 'submit-error' },
];

/** The receipt each outcome that has one produces. */
export const receiptForOutcome = {
  delivered: { stat: 'DELIVRD', err: '000' },
  undelivered: { stat: 'UNDELIV', err: '001' },
  expired: { stat: 'EXPIRED', err: '000' },
  rejected: { stat: 'REJECTD', err: '002' },
} as const satisfies Record<Exclude<Outcome, 'no-receipt' | 'submit-error' | 'no-answer'>, { stat: ReceiptStat; err: string }>;

/** Compiles custom rules followed by the defaults; throws on an invalid pattern or outcome (rules may come from env). */
export function compileOutcomeRules(rules: readonly OutcomeRule[] = []): (digits: string) => Outcome {
  const compiled = [...rules, ...defaultOutcomeRules].map((rule) => {
    if (!outcomes.includes(rule.outcome)) throw new Error(`Unknown outcome ${JSON.stringify(rule.outcome)} in rule ${rule.pattern}`);
    return { regex: new RegExp(rule.pattern), outcome: rule.outcome };
  });
  return (digits) => {
    for (const rule of compiled) if (rule.regex.test(digits)) return rule.outcome;
    return 'delivered';
  };
}
