/**
 * Billing's words (docs/billing.md). The money itself moves in SQL, in the two functions of migration 0021: the
 * charge at accept (`tern_bill`) and the refund rule (`tern_refund_unsent`), so that it is exact under concurrency
 * and in the transactions that store and end messages.
 */
export const billingScopes = ['mainland', 'international'] as const;
export type BillingScope = (typeof billingScopes)[number];

/** 1: sending goes on, billed per use, once a scope's packages are used up; 2: international only, held when they are. */
export const billingModes = [1, 2] as const;
export type BillingMode = (typeof billingModes)[number];

/** Why the billing step refuses a message (it is not stored and not charged). */
export type BillingRefusal = 'quota_exhausted' | 'billing_mode_international_only';

export function explainBillingRefusal(code: string): string | undefined {
  if (code === 'quota_exhausted') {
    return 'The international resource packages are used up (billing mode 2): international sending is held until a new package arrives.';
  }
  if (code === 'billing_mode_international_only') return 'Billing mode 2 sends international SMS only; a Chinese-mainland message needs mode 1.';
  return undefined;
}

/** The scope a message is billed in: its template's region. */
export const scopeOf = (templateRegion: 'mainland' | 'international'): BillingScope => templateRegion;

/** A tenant notice's kinds and their SMS text (the callback event carries the details as they are). */
export type TenantNotice =
  | { kind: 'quota_alarm'; details: { scope: BillingScope; threshold: number; remaining: number } }
  | { kind: 'quota_runout'; details: { holdId: number } }
  | { kind: 'quota_resumed'; details: { holdId: number; reason: string } };

export function noticeText(notice: { kind: string; details: unknown }): string {
  const d = notice.details as Record<string, unknown>;
  switch (notice.kind) {
    case 'quota_alarm':
      return `Tern quota alarm: ${String(d.remaining)} ${String(d.scope)} SMS segments remain in your packages, below your alarm value of ${String(d.threshold)}.`;
    case 'quota_runout':
      return 'Tern: your international SMS packages are used up; international sending is suspended until you top up.';
    case 'quota_resumed':
      return 'Tern: international sending has resumed.';
    default:
      return `Tern notice: ${notice.kind}.`;
  }
}

/** A price table as operators set it: one currency, a price per segment per scope and country, `*` required per scope. */
export interface PriceEntry {
  scope: BillingScope;
  country: string;
  segmentPrice: number;
}
