import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { findAppById } from '../../db/apps.ts';
import { rotateAppSecret, rotateSigningSecret, updateApp } from '../../db/provisioning.ts';
import type { CallbackTargetPolicy } from '../../domain/callback-targets.ts';
import { channelNumbers } from '../../domain/channel-numbers.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { appView } from '../app-view.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { checkAppUrls } from '../callback-url.ts';
import { ApiError } from '../errors.ts';
import { AppCredentials, AppView, RotateSecretBody, SigningSecret, UpdateAppBody } from '../schemas/admin.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';

const tags = ['Settings'];
const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
const manage = { tags, security: [{ basicAuth: [] as string[] }], middleware: requireScope('manage') };

/** What a tenant may change of its own app; the sender id and the rate limit stay with operators. */
const OwnAppChange = UpdateAppBody.pick({ name: true, callbackUrl: true, uplinkUrl: true }).strict().openapi('UpdateOwnAppRequest');

const getRoute = apiRoute({
  tags,
  security,
  middleware: requireScope('read'),
  method: 'get',
  path: '/',
  summary: 'This app: its channel numbers, callback and reply URLs',
  responses: { 200: jsonResponse(AppView, 'The app'), ...errorResponses(401, 403) },
});
const updateRoute = apiRoute({
  ...manage,
  method: 'patch',
  path: '/',
  summary: 'Change this app’s name, callback URL (status reports) or uplink URL (replies)',
  request: jsonBody(OwnAppChange),
  responses: { 200: jsonResponse(AppView, 'The app as it now is'), ...errorResponses(400, 401, 403) },
});
const secretRoute = apiRoute({
  ...manage,
  method: 'post',
  path: '/secret',
  summary: 'Rotate this app’s secret; the previous one works on for the grace period',
  request: jsonBody(RotateSecretBody),
  responses: { 200: jsonResponse(AppCredentials, 'The app with its new secret'), ...errorResponses(400, 401, 403) },
});
const signingSecretRoute = apiRoute({
  ...manage,
  method: 'post',
  path: '/signing-secret',
  summary: 'Issue a new callback signing secret; the previous one signs alongside for the grace period',
  request: jsonBody(RotateSecretBody),
  responses: { 200: jsonResponse(SigningSecret, 'The new signing secret'), ...errorResponses(400, 401, 403) },
});

/** `/v1/app`: the app the credentials (or the console) work on, as its tenant may see and change it. */
export function ownAppRoutes(db: Db, secrets: SecretBox, callbackTargets: CallbackTargetPolicy) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const current = async (id: string) => {
    const row = await findAppById(db, id);
    if (!row) throw new ApiError(404, 'app_not_found', `No app ${id}.`);
    return row;
  };
  app.openapi(getRoute, async (c) => c.json(appView(await current(c.get('app').id)), 200));
  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    checkAppUrls(input, callbackTargets);
    const row = await updateApp(db, c.get('app').id, input);
    if (!row) throw new ApiError(404, 'app_not_found', 'This app is gone.');
    return c.json(appView(row), 200);
  });
  app.openapi(secretRoute, async (c) => {
    const { id } = c.get('app');
    const appSecret = await rotateAppSecret(db, secrets, id, c.req.valid('json').graceSeconds * 1000);
    const row = await current(id);
    return c.json({ id, appKey: row.app_key, appSecret, ...channelNumbers(row) }, 200);
  });
  app.openapi(signingSecretRoute, async (c) => {
    const { id } = c.get('app');
    const signingSecret = await rotateSigningSecret(db, secrets, id, c.req.valid('json').graceSeconds * 1000);
    return c.json({ id, signingSecret }, 200);
  });
  return app;
}
