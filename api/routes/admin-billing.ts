import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { openHold, endHold } from '../../db/billing-holds.ts';
import { setBillingMode } from '../../db/billing-mode.ts';
import { addPackage, tenantPackages } from '../../db/packages.ts';
import { currentPriceTable, publishPriceTable, type PriceTable } from '../../db/prices.ts';
import { tenantExists } from '../../db/provisioning.ts';
import { addNoticeOnce } from '../../db/tenant-notices.ts';
import type { QuotaHolds } from '../../processes/quota-runout.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { balanceView, packageView } from '../billing-views.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { IdParams } from '../schemas/admin.ts';
import { BalanceView, BillingModeBody, NewPackageBody, PackageView, PriceTableBody, PriceTableView } from '../schemas/billing.ts';

const common = { tags: ['Operators'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };
const TenantBilling = BalanceView.extend({ packages: z.array(PackageView) }).openapi('TenantBilling');

const getPricesRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/prices',
  summary: 'The price table in force',
  responses: { 200: jsonResponse(PriceTableView, 'The price table'), ...errorResponses(401, 403) },
});
const putPricesRoute = apiRoute({
  ...common,
  method: 'put',
  path: '/prices',
  summary: 'Publish a new version of the price table (charges from now on use it; earlier ones keep theirs)',
  request: jsonBody(PriceTableBody),
  responses: { 200: jsonResponse(PriceTableView, 'The new price table'), ...errorResponses(401, 403) },
});
const tenantBillingRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/tenants/{id}/billing',
  summary: "A tenant's mode, balance, packages and hold",
  request: { params: IdParams },
  responses: { 200: jsonResponse(TenantBilling, 'The billing'), ...errorResponses(401, 403, 404) },
});
const addPackageRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/tenants/{id}/packages',
  summary: 'Top up: a package bought by the tenant or granted to it; a mode-2 hold ends with it',
  request: { params: IdParams, ...jsonBody(NewPackageBody) },
  responses: { 201: jsonResponse(PackageView, 'The package'), ...errorResponses(401, 403, 404) },
});
const modeRoute = apiRoute({
  ...common,
  method: 'put',
  path: '/tenants/{id}/billing-mode',
  summary: "Switch a tenant's billing mode (leaving mode 2 ends its hold)",
  request: { params: IdParams, ...jsonBody(BillingModeBody) },
  responses: { 200: jsonResponse(TenantBilling, 'The billing'), ...errorResponses(401, 403, 404) },
});
const releaseRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/tenants/{id}/quota-hold/release',
  summary: "End a tenant's mode-2 hold without a top-up",
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ released: z.literal(true) }), 'Released'), ...errorResponses(401, 403, 404, 409) },
});

const priceTableView = (t: PriceTable) => ({ ...t, createdAt: t.createdAt.toISOString() });

/** `/v1/admin/prices`, `/v1/admin/tenants/{id}/…`: operators' side of billing (docs/billing.md). */
export function adminBillingRoutes(db: Db, holds: QuotaHolds | undefined, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  const tenantBilling = async (id: string) => {
    const view = await balanceView(db, id, now());
    if (!view) throw new ApiError(404, 'tenant_not_found', `No tenant ${id}.`);
    return { ...view, packages: view.packages.map(packageView) };
  };
  /** Tells the tenant's hold workflow its quota changed; if it cannot be told now, it finds out within minutes. */
  const quotaChanged = async (tenantId: string) => {
    const hold = await openHold(db, tenantId);
    if (hold && holds) await holds.quotaChanged({ holdId: hold.id, tenantId }).catch(() => false);
  };

  app.openapi(getPricesRoute, async (c) => c.json(priceTableView(await currentPriceTable(db)), 200));
  app.openapi(putPricesRoute, async (c) => {
    const body = c.req.valid('json');
    const table = await publishPriceTable(db, { currency: body.currency, note: body.note ?? '', prices: body.prices, operatorId: c.get('operator').id });
    return c.json(priceTableView(table), 200);
  });
  app.openapi(tenantBillingRoute, async (c) => c.json(await tenantBilling(c.req.valid('param').id), 200));
  app.openapi(addPackageRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (!(await tenantExists(db, id))) throw new ApiError(404, 'tenant_not_found', `No tenant ${id}.`);
    const validFrom = body.validFrom ? new Date(body.validFrom) : now();
    const expiresAt = new Date(validFrom.getTime() + body.validDays * 24 * 3600 * 1000);
    const packageId = await addPackage(
      db,
      { tenantId: id, scope: body.scope, segments: body.segments, validFrom, expiresAt, source: body.source, reference: body.reference ?? null, operatorId: c.get('operator').id },
      now(),
    );
    await quotaChanged(id);
    const created = (await tenantPackages(db, id, now())).find((p) => p.id === packageId);
    if (!created) throw new Error('the package just stored is missing');
    return c.json(packageView(created), 201);
  });
  app.openapi(modeRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await setBillingMode(db, id, c.req.valid('json').mode))) throw new ApiError(404, 'tenant_not_found', `No tenant ${id}.`);
    await quotaChanged(id);
    return c.json(await tenantBilling(id), 200);
  });
  app.openapi(releaseRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await tenantExists(db, id))) throw new ApiError(404, 'tenant_not_found', `No tenant ${id}.`);
    const hold = await openHold(db, id);
    if (!hold) throw new ApiError(409, 'not_held', `Tenant ${id} has no hold on its international sending.`);
    const operatorId = c.get('operator').id;
    const told = holds ? await holds.release({ holdId: hold.id, tenantId: id }, operatorId) : false;
    // No workflow to tell (not started yet, or gone): the row itself is ended, so no hold outlives it.
    if (!told && (await endHold(db, hold.id, 'released', operatorId))) {
      await addNoticeOnce(db, id, { kind: 'quota_resumed', details: { holdId: hold.id, reason: 'released' } });
    }
    return c.json({ released: true as const }, 200);
  });
  return app;
}
