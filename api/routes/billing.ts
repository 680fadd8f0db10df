import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { ledgerPage, monthlyUsage } from '../../db/ledger.ts';
import { tenantPackages } from '../../db/packages.ts';
import { quotaAlarms, setQuotaAlarms } from '../../db/quota-alarms.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { balanceView, packageView } from '../billing-views.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import {
  BalanceView,
  LedgerEntryView,
  LedgerQuery,
  PackageView,
  QuotaAlarmsBody,
  QuotaAlarmsView,
  UsageQuery,
  UsageView,
} from '../schemas/billing.ts';

const tags = ['Billing'];
const reading = { tags, security: [{ basicAuth: [] as string[] }], middleware: requireScope('read') };

const balanceRoute = apiRoute({
  ...reading,
  method: 'get',
  path: '/balance',
  summary: 'The billing mode, the remaining segments per scope and any mode-2 hold',
  responses: { 200: jsonResponse(BalanceView, 'The balance') },
});
const packagesRoute = apiRoute({
  ...reading,
  method: 'get',
  path: '/packages',
  summary: 'The resource packages, in the order they are consumed (the one that expires first first)',
  responses: { 200: jsonResponse(z.object({ packages: z.array(PackageView) }), 'The packages') },
});
const ledgerRoute = apiRoute({
  ...reading,
  method: 'get',
  path: '/ledger',
  summary: 'Charges and refunds, newest first',
  request: { query: LedgerQuery },
  responses: {
    200: jsonResponse(
      z.object({ entries: z.array(LedgerEntryView), nextBefore: z.number().int().nullable().openapi({ description: 'The `before` of the next page; null on the last.' }) }),
      'A page of the ledger',
    ),
  },
});
const usageRoute = apiRoute({
  ...reading,
  method: 'get',
  path: '/usage',
  summary: 'A month of usage: segments from packages and per use, refunds and the amount, per scope and country',
  request: { query: UsageQuery },
  // 422: a time zone name of the right shape that no zone has.
  responses: { 200: jsonResponse(UsageView, 'The month'), ...errorResponses(422) },
});
const getAlarmsRoute = apiRoute({
  ...reading,
  method: 'get',
  path: '/quota-alarms',
  summary: 'The quota alarms on remaining segments',
  responses: { 200: jsonResponse(QuotaAlarmsView, 'The alarms') },
});
const putAlarmsRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('manage'),
  method: 'put',
  path: '/quota-alarms',
  summary: 'Set the quota alarms (replacing them); one the balance is already below waits for a top-up',
  request: jsonBody(QuotaAlarmsBody),
  responses: { 200: jsonResponse(QuotaAlarmsView, 'The alarms') },
});

const alarmsView = (alarms: Awaited<ReturnType<typeof quotaAlarms>>) => ({
  alarms: alarms.map((a) => ({ ...a, firedAt: a.firedAt?.toISOString() ?? null })),
});

/** `/v1/balance`, `/v1/packages`, `/v1/ledger`, `/v1/usage`, `/v1/quota-alarms`: a tenant's billing (docs/billing.md). */
export function billingRoutes(db: Db, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(balanceRoute, async (c) => {
    const view = await balanceView(db, c.get('app').tenant_id, now());
    if (!view) throw new Error('the app has no tenant');
    const { packages: _packages, ...balance } = view;
    return c.json(balance, 200);
  });
  app.openapi(packagesRoute, async (c) => c.json({ packages: (await tenantPackages(db, c.get('app').tenant_id, now())).map(packageView) }, 200));
  app.openapi(ledgerRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = await ledgerPage(
      db,
      c.get('app').tenant_id,
      {
        kind: q.kind,
        scope: q.scope,
        messageId: q.messageId,
        packageId: q.packageId,
        payPerUse: q.payPerUse === undefined ? undefined : q.payPerUse === 'true',
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      },
      { limit: q.limit, before: q.before },
    );
    const entries = rows.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      kind: r.kind,
      messageId: r.message_id,
      packageId: r.package_id,
      scope: r.scope,
      country: r.country,
      segments: r.segments,
      amount: Number(r.amount),
      currency: r.currency,
      priceVersion: r.price_version,
      refundOf: r.refund_of === null ? null : Number(r.refund_of),
    }));
    const last = entries.at(-1);
    return c.json({ entries, nextBefore: entries.length === q.limit && last ? last.id : null }, 200);
  });
  app.openapi(usageRoute, async (c) => {
    const { month, timeZone } = c.req.valid('query');
    const lines = await monthlyUsage(db, c.get('app').tenant_id, month, timeZone);
    const totals = new Map<string, Omit<(typeof lines)[number], 'country'>>();
    for (const { country: _country, ...line } of lines) {
      const key = `${line.scope}:${line.currency}`;
      const sum = totals.get(key);
      if (!sum) totals.set(key, { ...line });
      else {
        sum.messages += line.messages;
        sum.packageSegments += line.packageSegments;
        sum.payPerUseSegments += line.payPerUseSegments;
        sum.refundedSegments += line.refundedSegments;
        sum.amount += line.amount;
      }
    }
    return c.json({ month, timeZone, lines, totals: [...totals.values()] }, 200);
  });
  app.openapi(getAlarmsRoute, async (c) => c.json(alarmsView(await quotaAlarms(db, c.get('app').tenant_id)), 200));
  app.openapi(putAlarmsRoute, async (c) => {
    const { alarms } = c.req.valid('json');
    return c.json(alarmsView(await setQuotaAlarms(db, c.get('app').tenant_id, alarms, now())), 200);
  });
  return app;
}
