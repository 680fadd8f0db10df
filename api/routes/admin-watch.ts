import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { recentFailovers } from '../../db/failover-events.ts';
import { allActiveSuspensions } from '../../db/traffic.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';

const common = { tags: ['Operators'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };

const Failover = z
  .object({
    messageId: z.uuid(),
    at: z.string(),
    carrier: z.string().openapi({ description: 'The carrier passed over.' }),
    code: z.string(),
    reason: z.string(),
  })
  .openapi('Failover');

const Suspension = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    tenantName: z.string(),
    period: z.enum(['day', 'hour']),
    periodStart: z.string(),
    until: z.string(),
    reason: z.string(),
    since: z.string(),
  })
  .openapi('ActiveSuspension');

const failoversRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/failovers',
  summary: 'The latest failovers: a carrier passed over for a message, and why (the last 7 days)',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      carrier: z.string().max(40).optional(),
    }),
  },
  responses: { 200: jsonResponse(z.object({ failovers: z.array(Failover) }), 'Newest first'), ...errorResponses(401, 403) },
});
const suspensionsRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/suspensions',
  summary: 'Every tenant’s sending suspensions in force',
  responses: { 200: jsonResponse(z.object({ suspensions: z.array(Suspension) }), 'The latest first'), ...errorResponses(401, 403) },
});

/** `/v1/admin/failovers` and `/v1/admin/suspensions`: what operators watch across tenants and carriers. */
export function adminWatchRoutes(db: Db, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(failoversRoute, async (c) => {
    const { limit, carrier } = c.req.valid('query');
    const rows = await recentFailovers(db, { limit, since: new Date(now().getTime() - 7 * 86_400_000), ...(carrier ? { carrier } : {}) });
    return c.json({ failovers: rows.map((r) => ({ messageId: r.message_id, at: r.at.toISOString(), carrier: r.carrier, code: r.code, reason: r.reason })) }, 200);
  });
  app.openapi(suspensionsRoute, async (c) => {
    const rows = await allActiveSuspensions(db);
    return c.json(
      {
        suspensions: rows.map((s) => ({
          id: s.id,
          tenantId: s.tenant_id,
          tenantName: s.tenant_name,
          period: s.period,
          periodStart: s.period_start.toISOString(),
          until: s.until.toISOString(),
          reason: s.reason,
          since: s.created_at.toISOString(),
        })),
      },
      200,
    );
  });
  return app;
}
