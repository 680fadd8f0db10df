import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../db/api-keys.ts';
import type { ApiKeyRow } from '../../db/schema.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { ApiKeyIdParams, ApiKeyView, CreateApiKeyBody, CreatedApiKey } from '../schemas/api-keys.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';

// Key management needs the app secret itself: a leaked key must not be able to mint or keep others.
const common = { tags: ['API keys'], security: [{ basicAuth: [] as string[] }], middleware: requireScope('manage') };

const createKey = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Create a bearer API key with scopes',
  request: jsonBody(CreateApiKeyBody),
  responses: { 201: jsonResponse(CreatedApiKey, 'The new key; the key text is shown only here'), ...errorResponses(400, 401, 403) },
});
const listKeys = apiRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: "The app's API keys (without their secrets)",
  responses: { 200: jsonResponse(z.object({ keys: z.array(ApiKeyView) }), 'The keys'), ...errorResponses(401, 403) },
});
const revokeKey = apiRoute({
  ...common,
  method: 'delete',
  path: '/{id}',
  summary: 'Revoke an API key; it stops working within seconds',
  request: { params: ApiKeyIdParams },
  responses: { 200: jsonResponse(ApiKeyView, 'The revoked key'), ...errorResponses(400, 401, 403, 404) },
});

function view(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: `tern_${row.prefix}`,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

export function apiKeysRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(createKey, async (c) => {
    const { name, scopes } = c.req.valid('json');
    const { row, key } = await createApiKey(db, c.get('app').id, name, [...new Set(scopes)]);
    return c.json({ ...view(row), key }, 201);
  });
  app.openapi(listKeys, async (c) => c.json({ keys: (await listApiKeys(db, c.get('app').id)).map(view) }, 200));
  app.openapi(revokeKey, async (c) => {
    const { id } = c.req.valid('param');
    const row = await revokeApiKey(db, c.get('app').id, id);
    if (!row) throw new ApiError(404, 'api_key_not_found', `No API key ${id} for this app.`);
    return c.json(view(row), 200);
  });
  return app;
}
