import { z } from '@hono/zod-openapi';
import { billingModes, billingScopes } from '../../domain/billing.ts';
import { visibleText } from './common.ts';

const Scope = z.enum(billingScopes).openapi({ description: '`mainland` (Chinese-mainland numbers) or `international`.' });
const Mode = z.union(billingModes.map((m) => z.literal(m)) as [z.ZodLiteral<1>, z.ZodLiteral<2>]).openapi({
  description: '1: sending goes on, billed per use, once the packages of a scope are used up. 2: international only; held until a top-up once they are.',
});
const Time = z.iso.datetime({ offset: true });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const ScopeBalanceView = z.object({
  scope: Scope,
  remaining: z.number().int().openapi({ description: 'Segments the packages of this scope can pay for now.' }),
  expiredRemaining: z.number().int().openapi({ description: 'Segments left in expired packages (no longer usable).' }),
  upcoming: z.number().int().openapi({ description: 'Segments of packages whose validity has not begun.' }),
});

export const BalanceView = z
  .object({
    mode: Mode,
    currency: z.string().openapi({ example: 'CNY' }),
    priceVersion: z.number().int(),
    scopes: z.array(ScopeBalanceView),
    hold: z
      .object({ since: z.string(), reason: z.string() })
      .nullable()
      .openapi({ description: 'Mode 2: international sending held since the packages ran out, until a top-up.' }),
  })
  .openapi('Balance');

export const PackageView = z
  .object({
    id: z.uuid(),
    scope: Scope,
    segments: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    state: z.enum(['active', 'used_up', 'expired', 'not_yet_valid']),
    validFrom: z.string(),
    expiresAt: z.string(),
    source: z.enum(['purchase', 'grant']),
    reference: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Package');

export const LedgerEntryView = z
  .object({
    id: z.number().int(),
    at: z.string(),
    kind: z.enum(['charge', 'refund']),
    messageId: z.uuid(),
    packageId: z.uuid().nullable().openapi({ description: 'The package the segments came from; null for pay per use.' }),
    scope: Scope,
    country: z.string(),
    segments: z.number().int(),
    amount: z.number().int().openapi({ description: 'Pay-per-use amount in minor units of `currency` (0 from a package).' }),
    currency: z.string(),
    priceVersion: z.number().int(),
    refundOf: z.number().int().nullable(),
  })
  .openapi('LedgerEntry');

export const LedgerQuery = z.object({
  kind: z.enum(['charge', 'refund']).optional(),
  scope: Scope.optional(),
  messageId: z.uuid().optional(),
  packageId: z.uuid().optional(),
  payPerUse: z.enum(['true', 'false']).optional().openapi({ description: 'Only pay-per-use rows (`true`) or only package rows (`false`).' }),
  from: Time.optional(),
  to: Time.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Rows older than this id (`nextBefore` of the previous page).' }),
});

export const UsageQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .openapi({ example: '2026-11', description: 'The month, YYYY-MM.' }),
  timeZone: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/)
    .max(64)
    .default('Asia/Shanghai')
    .refine(isTimeZone, 'is not an IANA time zone')
    .openapi({ description: 'The IANA time zone the month is counted in.' }),
});

const UsageLineView = z.object({
  scope: Scope,
  country: z.string(),
  currency: z.string(),
  messages: z.number().int(),
  packageSegments: z.number().int(),
  payPerUseSegments: z.number().int(),
  refundedSegments: z.number().int(),
  amount: z.number().int(),
});

export const UsageView = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    lines: z.array(UsageLineView).openapi({ description: 'Per scope, country and currency; segments net of refunds.' }),
    totals: z.array(UsageLineView.omit({ country: true })).openapi({ description: 'The lines summed per scope and currency.' }),
  })
  .openapi('Usage');

const QuotaAlarmView = z.object({
  scope: Scope,
  threshold: z.number().int(),
  armed: z.boolean().openapi({ description: 'False once the balance fell below the threshold, until a top-up lifts it back.' }),
  firedAt: z.string().nullable(),
});
export const QuotaAlarmsView = z.object({ alarms: z.array(QuotaAlarmView) }).openapi('QuotaAlarms');
export const QuotaAlarmsBody = z
  .object({
    alarms: z
      .array(z.object({ scope: Scope, threshold: z.number().int().min(1).max(1_000_000_000) }).strict())
      .max(10)
      .openapi({ description: 'Up to 10 thresholds on remaining segments; crossing one sends one SMS to the contact numbers and a callback event.' }),
  })
  .strict()
  .refine((b) => new Set(b.alarms.map((a) => `${a.scope}:${a.threshold}`)).size === b.alarms.length, { message: 'each scope and threshold may appear once' })
  .openapi('QuotaAlarmsSettings');

const PriceEntrySchema = z
  .object({
    scope: Scope,
    country: z
      .string()
      .regex(/^(\*|[A-Z]{2})$/)
      .openapi({ description: 'ISO 3166 code, or `*` for every other country of the scope (required for both scopes).' }),
    segmentPrice: z.number().int().min(0).max(1_000_000_000).openapi({ description: 'Per billable segment, in minor units.' }),
  })
  .strict();
export const PriceTableBody = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/).openapi({ example: 'CNY' }),
    note: visibleText(1, 200).optional(),
    prices: z.array(PriceEntrySchema).min(2).max(1000),
  })
  .strict()
  .refine((t) => billingScopes.every((s) => t.prices.some((p) => p.scope === s && p.country === '*')), { message: 'each scope needs a `*` price' })
  .refine((t) => new Set(t.prices.map((p) => `${p.scope}:${p.country}`)).size === t.prices.length, { message: 'each scope and country may appear once' })
  .openapi('PriceTableSettings');
export const PriceTableView = z
  .object({
    version: z.number().int(),
    currency: z.string(),
    note: z.string(),
    createdAt: z.string(),
    prices: z.array(PriceEntrySchema),
  })
  .openapi('PriceTable');

export const NewPackageBody = z
  .object({
    scope: Scope,
    segments: z.number().int().min(1).max(100_000_000),
    validDays: z.number().int().min(1).max(3660).default(365),
    validFrom: Time.optional().openapi({ description: 'When the package begins (default now).' }),
    source: z.enum(['purchase', 'grant']).default('purchase').openapi({ description: 'Bought by the tenant, or granted by the platform.' }),
    reference: visibleText(1, 100).optional().openapi({ description: 'An order number or a note.' }),
  })
  .strict()
  .openapi('NewPackage');

export const BillingModeBody = z.object({ mode: Mode }).strict().openapi('BillingModeSettings');
