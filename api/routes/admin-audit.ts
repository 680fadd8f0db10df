import { OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../../db/audit-log.ts';
import type { Db } from '../../db/connect.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';

const AuditEntryView = z
  .object({
    id: z.number().int(),
    at: z.string(),
    operatorId: z.uuid(),
    operatorName: z.string(),
    action: z.string().openapi({ example: 'POST /v1/admin/reviews/{id}/decision' }),
    path: z.string(),
    status: z.number().int(),
    details: z.unknown().openapi({ description: 'The request’s fields (secrets redacted) and path parameters.' }),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

const listRoute = apiRoute({
  tags: ['Operators'],
  security: [{ operatorAuth: [] as string[] }],
  middleware: requireRole('admin'),
  method: 'get',
  path: '/',
  summary: 'Every change operators and reviewers made through /v1/admin, newest first',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Entries older than this id (the last one of the previous page).' }),
      operatorId: z.uuid().optional(),
    }),
  },
  responses: { 200: jsonResponse(z.object({ entries: z.array(AuditEntryView) }), 'The entries'), ...errorResponses(400, 401, 403) },
});

/** `/v1/admin/audit-log`: who changed what, when (admins). */
export function adminAuditRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(listRoute, async (c) => {
    const { limit, before, operatorId } = c.req.valid('query');
    const rows = await listAudit(db, { limit, ...(before ? { before } : {}), ...(operatorId ? { operatorId } : {}) });
    return c.json(
      {
        entries: rows.map((r) => ({
          id: Number(r.id),
          at: r.at.toISOString(),
          operatorId: r.operator_id,
          operatorName: r.operator_name,
          action: r.action,
          path: r.path,
          status: r.status,
          details: r.details,
          requestId: r.request_id,
        })),
      },
      200,
    );
  });
  return app;
}
