import { OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../../db/audit-log.ts';
import type { Db } from '../../db/connect.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { AuditEntryView, auditEntryView, auditPageQuery } from '../schemas/audit.ts';

const listRoute = apiRoute({
  tags: ['Operators'],
  security: [{ operatorAuth: [] as string[] }],
  middleware: requireRole('admin'),
  method: 'get',
  path: '/',
  summary: 'Every change made through /v1: by operators and reviewers, and to tenants’ settings; newest first',
  request: {
    query: z.object({
      ...auditPageQuery,
      actorId: z.uuid().optional().openapi({ description: 'Only this operator’s, console user’s, app’s or API key’s changes.' }),
      tenantId: z.uuid().optional().openapi({ description: 'Only the changes made for this tenant.' }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ entries: z.array(AuditEntryView) }), 'The entries'), ...errorResponses(400, 401, 403) },
});

/** `/v1/admin/audit-log`: who changed what, when (admins). */
export function adminAuditRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(listRoute, async (c) => {
    const { limit, before, actorId, tenantId } = c.req.valid('query');
    const rows = await listAudit(db, { limit, ...(before ? { before } : {}), ...(actorId ? { actorId } : {}), ...(tenantId ? { tenantId } : {}) });
    return c.json({ entries: rows.map(auditEntryView) }, 200);
  });
  return app;
}
