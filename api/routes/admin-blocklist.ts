import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { addToBlocklist, removeFromBlocklist } from '../../db/blocklist.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { BlocklistImport, NumberParams } from '../schemas/controls.ts';

const common = { tags: ['Sending controls'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };

const importRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Add numbers to the platform blocklist (complaints, or a carrier’s list)',
  request: jsonBody(BlocklistImport),
  responses: { 200: jsonResponse(z.object({ added: z.number().int(), alreadyBlocked: z.number().int() }), 'Imported'), ...errorResponses(400, 401, 403) },
});
const removeRoute = apiRoute({
  ...common,
  method: 'delete',
  path: '/{number}',
  summary: 'Take a number off the platform blocklist',
  request: { params: NumberParams },
  responses: { 200: jsonResponse(z.object({ number: z.string(), removed: z.literal(true) }), 'Removed'), ...errorResponses(401, 403, 404) },
});

/** `/v1/admin/blocklist`: the platform blocklist, kept by operators. */
export function adminBlocklistRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(importRoute, async (c) => {
    const { numbers, source, reason } = c.req.valid('json');
    const unique = [...new Set(numbers)];
    const added = await addToBlocklist(db, unique.map((number) => ({ number, source, reason })), c.get('operator').id);
    return c.json({ added, alreadyBlocked: unique.length - added }, 200);
  });
  app.openapi(removeRoute, async (c) => {
    const { number } = c.req.valid('param');
    if (!(await removeFromBlocklist(db, number))) throw new ApiError(404, 'number_not_blocked', `${number} is not on the platform blocklist.`);
    return c.json({ number, removed: true as const }, 200);
  });
  return app;
}
