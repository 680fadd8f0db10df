import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { blockStatus } from '../../db/blocklist.ts';
import { findTenantRegions, replaceTenantRules, setTenantCountries } from '../../db/regions.ts';
import { updateApp } from '../../db/provisioning.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { BlockStatusView, NumberParams, RegionSettingsBody, RegionSettingsView } from '../schemas/controls.ts';

const tags = ['Sending controls'];
const readSecurity: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];

const blockStatusRoute = apiRoute({
  tags,
  security: readSecurity,
  middleware: requireScope('read'),
  method: 'get',
  path: '/blocklist/{number}',
  summary: 'Whether a number is blocked for this tenant, and why',
  request: { params: NumberParams },
  responses: { 200: jsonResponse(BlockStatusView, 'The number’s status'), ...errorResponses(400, 401, 403) },
});
const getRegionsRoute = apiRoute({
  tags,
  security: readSecurity,
  middleware: requireScope('read'),
  method: 'get',
  path: '/region-settings',
  summary: 'Where this tenant (and this app) may send international SMS',
  responses: { 200: jsonResponse(RegionSettingsView, 'The settings'), ...errorResponses(401, 403) },
});
const putRegionsRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('manage'),
  method: 'put',
  path: '/region-settings',
  summary: 'Choose the countries and number prefixes this tenant (or this app) may send to',
  request: jsonBody(RegionSettingsBody),
  responses: { 200: jsonResponse(RegionSettingsView, 'The settings'), ...errorResponses(400, 401, 403) },
});

/** Tenants' view of the sending controls: block status of a number, region settings. */
export function controlsRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const view = async (tenantId: string, appCountries: string[] | null) => {
    const regions = await findTenantRegions(db, tenantId);
    return { countries: regions.countries, rules: regions.rules.filter((r) => r.appId === null).map(({ prefix, action }) => ({ prefix, action })), appCountries };
  };
  app.openapi(blockStatusRoute, async (c) => {
    const { number } = c.req.valid('param');
    const status = await blockStatus(db, c.get('app').tenant_id, number);
    return c.json({ number, blocked: status.blocked, reasons: status.reasons.map((r) => ({ ...r, since: r.since.toISOString() })) }, 200);
  });
  app.openapi(getRegionsRoute, async (c) => c.json(await view(c.get('app').tenant_id, c.get('app').allowed_countries), 200));
  app.openapi(putRegionsRoute, async (c) => {
    const body = c.req.valid('json');
    const { tenant_id: tenantId, id: appId } = c.get('app');
    await setTenantCountries(db, tenantId, [...new Set(body.countries)]);
    await replaceTenantRules(db, tenantId, body.rules);
    let appCountries = c.get('app').allowed_countries;
    if (body.appCountries !== undefined) {
      appCountries = body.appCountries && [...new Set(body.appCountries)];
      await updateApp(db, appId, { allowedCountries: appCountries });
    }
    return c.json(await view(tenantId, appCountries), 200);
  });
  return app;
}
