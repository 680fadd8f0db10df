import { OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../../db/audit-log.ts';
import type { Db } from '../../db/connect.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { AuditEntryView, auditEntryView, auditPageQuery } from '../schemas/audit.ts';

const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];

const listRoute = apiRoute({
  tags: ['Settings'],
  security,
  middleware: requireScope('read'),
  method: 'get',
  path: '/',
  summary: 'Every change to this tenant’s settings, templates, signatures and campaigns, by whom; newest first',
  request: { query: z.object(auditPageQuery) },
  responses: { 200: jsonResponse(z.object({ entries: z.array(AuditEntryView) }), 'The entries'), ...errorResponses(400, 401, 403) },
});

/** `/v1/audit-log`: the tenant's own audit trail, whichever of its apps, keys or console users made the change. */
export function auditLogRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(listRoute, async (c) => {
    const { limit, before } = c.req.valid('query');
    const rows = await listAudit(db, { limit, tenantId: c.get('app').tenant_id, ...(before ? { before } : {}) });
    return c.json({ entries: rows.map(auditEntryView) }, 200);
  });
  return app;
}
