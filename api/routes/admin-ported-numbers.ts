import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { importPortedNumbers, portedNumber, removePortedNumber } from '../../db/ported-numbers.ts';
import { parsePortedList } from '../../domain/ported-list.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { NumberParams } from '../schemas/controls.ts';
import { PortedNumberView } from '../schemas/routing.ts';

const common = { tags: ['Routing'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };

const importRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Import a ported-numbers list (number portability)',
  description:
    'A CSV body (`text/csv`), one `number,network` per line, an optional header line. Numbers as `+86…`, `86…` or 11 digits; networks as `cmcc`, `ctcc`, `cucc`, `cbn` or 移动, 电信, 联通, 广电. A listed number is routed by its network instead of its prefix. One bad line refuses the whole list (422, every bad line in `details.errors`). Up to about 10 MB.',
  request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
  responses: {
    200: jsonResponse(z.object({ listed: z.number().int(), changed: z.number().int() }), 'Imported: numbers in the list, and how many were new or moved'),
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});
const getRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/{number}',
  summary: 'Whether a number is on the ported list, and its network',
  request: { params: NumberParams },
  responses: { 200: jsonResponse(PortedNumberView, 'On the list'), ...errorResponses(400, 401, 403, 404) },
});
const deleteRoute = apiRoute({
  ...common,
  method: 'delete',
  path: '/{number}',
  summary: 'Take a number off the ported list (it is routed by its prefix again)',
  request: { params: NumberParams },
  responses: { 200: jsonResponse(z.object({ number: z.string(), removed: z.literal(true) }), 'Removed'), ...errorResponses(400, 401, 403, 404) },
});

const notListed = (number: string) => new ApiError(404, 'number_not_ported', `${number} is not on the ported-numbers list.`);

/** `/v1/admin/ported-numbers`: numbers that moved network and keep their prefix. */
export function adminPortedNumberRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(importRoute, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Send the list as text/csv: one number,network per line.');
    const list = await parsePortedList(await c.req.text());
    if (!list.ok) throw new ApiError(422, 'ported_list_invalid', `The list has errors; nothing was imported. First: line ${list.errors[0]?.line}: ${list.errors[0]?.message}.`, { errors: list.errors });
    const changed = await importPortedNumbers(db, list.entries);
    return c.json({ listed: list.entries.length, changed }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const { number } = c.req.valid('param');
    const row = await portedNumber(db, number);
    if (!row) throw notListed(number);
    return c.json({ number, network: row.network, importedAt: row.imported_at.toISOString() }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { number } = c.req.valid('param');
    if (!(await removePortedNumber(db, number))) throw notListed(number);
    return c.json({ number, removed: true as const }, 200);
  });
  return app;
}
