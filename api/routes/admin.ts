import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { findAppById } from '../../db/apps.ts';
import {
  appExists,
  createTenantApp,
  createTenantRecord,
  listTenantApps,
  listTenants,
  rotateAppSecret,
  rotateSigningSecret,
  tenantExists,
  updateApp,
} from '../../db/provisioning.ts';
import { channelNumbers } from '../../domain/channel-numbers.ts';
import { appView } from '../app-view.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import {
  AppCredentials,
  NewAppCredentials,
  SigningSecret,
  AppView,
  CreateAppBody,
  CreateTenantBody,
  IdParams,
  RotateSecretBody,
  TenantView,
  UpdateAppBody,
} from '../schemas/admin.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import type { CallbackTargetPolicy } from '../../domain/callback-targets.ts';
import { checkAppUrls } from '../callback-url.ts';

const common = { tags: ['Operators'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };

const createTenantRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/tenants',
  summary: 'Create a tenant (an enterprise)',
  request: jsonBody(CreateTenantBody),
  responses: { 201: jsonResponse(TenantView, 'The tenant'), ...errorResponses(400, 401, 403) },
});
const listTenantsRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/tenants',
  summary: 'All tenants',
  responses: { 200: jsonResponse(z.object({ tenants: z.array(TenantView) }), 'The tenants'), ...errorResponses(401, 403) },
});
const createAppRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/tenants/{id}/apps',
  summary: 'Create an app for a tenant; its key, secret and callback signing secret are shown once',
  request: { params: IdParams, ...jsonBody(CreateAppBody) },
  responses: { 201: jsonResponse(NewAppCredentials, 'The app with its credentials'), ...errorResponses(400, 401, 403, 404) },
});

const rotateSigningSecretRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/apps/{id}/signing-secret',
  summary: "Issue an app's callback signing secret (the first, or a new one); the previous one signs alongside for the grace period",
  request: { params: IdParams, ...jsonBody(RotateSecretBody) },
  responses: { 200: jsonResponse(SigningSecret, 'The new signing secret'), ...errorResponses(400, 401, 403, 404) },
});
const rotateSecretRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/apps/{id}/secret',
  summary: 'Rotate an app secret; the previous one works on for the grace period',
  request: { params: IdParams, ...jsonBody(RotateSecretBody) },
  responses: { 200: jsonResponse(AppCredentials, 'The app with its new secret'), ...errorResponses(400, 401, 403, 404) },
});

const listAppsRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/tenants/{id}/apps',
  summary: "A tenant's apps with their channel numbers",
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ apps: z.array(AppView) }), 'The apps'), ...errorResponses(401, 403, 404) },
});
const getAppRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/apps/{id}',
  summary: 'An app with its channel numbers and settings',
  request: { params: IdParams },
  responses: { 200: jsonResponse(AppView, 'The app'), ...errorResponses(401, 403, 404) },
});
const updateAppRoute = apiRoute({
  ...common,
  method: 'patch',
  path: '/apps/{id}',
  summary: "Change an app's sender id, callback and uplink URLs, rate limit or nonce check",
  request: { params: IdParams, ...jsonBody(UpdateAppBody) },
  responses: { 200: jsonResponse(AppView, 'The app as it now is'), ...errorResponses(400, 401, 403, 404) },
});

const appNotFound = (id: string) => new ApiError(404, 'app_not_found', `No app ${id}.`);

/** `/v1/admin`: operators manage tenants, apps and their channel numbers. */
export function adminRoutes(db: Db, secrets: SecretBox, callbackTargets: CallbackTargetPolicy) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(createTenantRoute, async (c) => {
    const tenant = await createTenantRecord(db, c.req.valid('json').name);
    return c.json({ id: tenant.id, name: tenant.name, createdAt: tenant.created_at.toISOString() }, 201);
  });
  app.openapi(listTenantsRoute, async (c) =>
    c.json({ tenants: (await listTenants(db)).map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at.toISOString() })) }, 200),
  );
  app.openapi(createAppRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await tenantExists(db, id))) throw new ApiError(404, 'tenant_not_found', `No tenant ${id}.`);
    const input = c.req.valid('json');
    checkAppUrls(input, callbackTargets);
    const created = await createTenantApp(db, secrets, { tenantId: id, ...input });
    return c.json(created, 201);
  });
  app.openapi(listAppsRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await tenantExists(db, id))) throw new ApiError(404, 'tenant_not_found', `No tenant ${id}.`);
    return c.json({ apps: (await listTenantApps(db, id)).map(appView) }, 200);
  });
  app.openapi(getAppRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findAppById(db, id);
    if (!row) throw appNotFound(id);
    return c.json(appView(row), 200);
  });
  app.openapi(updateAppRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    checkAppUrls(input, callbackTargets);
    const row = await updateApp(db, id, input);
    if (!row) throw appNotFound(id);
    return c.json(appView(row), 200);
  });
  app.openapi(rotateSigningSecretRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await appExists(db, id))) throw appNotFound(id);
    const signingSecret = await rotateSigningSecret(db, secrets, id, c.req.valid('json').graceSeconds * 1000);
    return c.json({ id, signingSecret }, 200);
  });
  app.openapi(rotateSecretRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await appExists(db, id))) throw appNotFound(id);
    const appSecret = await rotateAppSecret(db, secrets, id, c.req.valid('json').graceSeconds * 1000);
    const row = await findAppById(db, id);
    if (!row) throw appNotFound(id);
    return c.json({ id, appKey: row.app_key, appSecret, ...channelNumbers(row) }, 200);
  });
  return app;
}
