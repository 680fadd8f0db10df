import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { listUnmatchedReceipts } from '../../db/receipts.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';

const UnmatchedReceiptView = z
  .object({
    id: z.number().int(),
    carrier: z.string(),
    carrierMessageId: z.string().openapi({ description: 'The id as stored: its match key when the carrier has numeric message-id formats.' }),
    stat: z.string(),
    err: z.string(),
    raw: z.string().openapi({ description: 'The receipt as the carrier sent it.' }),
    receivedAt: z.string(),
    attempts: z.number().int(),
    state: z.enum(['retrying', 'parked']).openapi({ description: 'retrying: its submit may not be recorded yet; parked: given up on.' }),
  })
  .openapi('UnmatchedReceipt');

const listRoute = apiRoute({
  tags: ['Operators'],
  security: [{ operatorAuth: [] as string[] }],
  middleware: requireRole('operator'),
  method: 'get',
  path: '/unmatched',
  summary: 'Delivery receipts that matched no sent part, newest first (a carrier whose message ids are read wrong shows here)',
  request: {
    query: z.object({
      carrier: z.string().max(40).optional(),
      state: z.enum(['retrying', 'parked']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Receipts older than this id (`nextBefore`).' }),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ receipts: z.array(UnmatchedReceiptView), nextBefore: z.number().int().nullable() }), 'A page'),
    ...errorResponses(401, 403),
  },
});

/** `/v1/admin/receipts`: receipts the matcher could not place, for operators. */
export function adminReceiptRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(listRoute, async (c) => {
    const { carrier, state, limit, before } = c.req.valid('query');
    const rows = await listUnmatchedReceipts(db, { carrier, state, limit, before });
    const receipts = rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
    const last = receipts.at(-1);
    return c.json({ receipts, nextBefore: receipts.length === limit && last ? last.id : null }, 200);
  });
  return app;
}
