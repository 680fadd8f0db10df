import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { activeSuspensions, endSuspension, setThresholds, tenantThresholds } from '../../db/traffic.ts';
import type { Suspensions } from '../../processes/sending-suspension.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { IdParams } from '../schemas/admin.ts';

const Count = z.number().int().min(1).max(100_000_000).nullable();
export const ThresholdsBody = z
  .object({
    dailyAlarm: Count.openapi({ description: 'Messages a day (Asia/Shanghai) at which one alarm SMS goes to the contact numbers.' }),
    dailyLimit: Count.openapi({ description: 'Messages a day at which sending is suspended until midnight.' }),
    hourlyAlarm: Count.default(null),
    hourlyLimit: Count.default(null),
    contactNumbers: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/)).max(10).openapi({ description: 'Where alarms and notices go (E.164).' }),
  })
  .strict()
  .refine((t) => t.dailyAlarm === null || t.dailyLimit === null || t.dailyAlarm <= t.dailyLimit, { message: 'dailyAlarm must not exceed dailyLimit' })
  .refine((t) => t.hourlyAlarm === null || t.hourlyLimit === null || t.hourlyAlarm <= t.hourlyLimit, { message: 'hourlyAlarm must not exceed hourlyLimit' })
  .openapi('TrafficThresholds');
const ThresholdsView = z
  .object({
    dailyAlarm: z.number().nullable(),
    dailyLimit: z.number().nullable(),
    hourlyAlarm: z.number().nullable(),
    hourlyLimit: z.number().nullable(),
    contactNumbers: z.array(z.string()),
    suspension: z.object({ period: z.string(), until: z.string(), reason: z.string() }).nullable(),
  })
  .openapi('TrafficThresholdsView');

const tags = ['Traffic thresholds'];
const getRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('read'),
  method: 'get',
  path: '/',
  summary: "The tenant's traffic thresholds and any active suspension",
  responses: { 200: jsonResponse(ThresholdsView, 'The thresholds'), ...errorResponses(401, 403) },
});
const putRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('manage'),
  method: 'put',
  path: '/',
  summary: 'Set the traffic thresholds; raising a limit above the count ends a suspension',
  request: jsonBody(ThresholdsBody),
  responses: { 200: jsonResponse(ThresholdsView, 'The thresholds'), ...errorResponses(400, 401, 403) },
});
const liftRoute = apiRoute({
  tags,
  security: [{ operatorAuth: [] as string[] }],
  middleware: requireRole('operator'),
  method: 'post',
  path: '/{id}/suspension/lift',
  summary: "Lift a tenant's sending suspension",
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ lifted: z.literal(true) }), 'Lifted'), ...errorResponses(401, 403, 404, 409) },
});

async function view(db: Db, tenantId: string) {
  const t = await tenantThresholds(db, tenantId);
  const [s] = await activeSuspensions(db, tenantId);
  return {
    dailyAlarm: t?.daily_alarm ?? null,
    dailyLimit: t?.daily_limit ?? null,
    hourlyAlarm: t?.hourly_alarm ?? null,
    hourlyLimit: t?.hourly_limit ?? null,
    contactNumbers: t?.contact_numbers ?? [],
    suspension: s ? { period: s.period, until: s.until.toISOString(), reason: s.reason } : null,
  };
}

const suspensionKey = (s: { tenant_id: string; period: string; period_start: Date }) => ({
  tenantId: s.tenant_id,
  period: s.period,
  periodStart: s.period_start.toISOString(),
});

/** `/v1/traffic-thresholds`: a tenant's alarm and limit values. */
export function trafficRoutes(db: Db, suspensions: Suspensions | undefined) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(getRoute, async (c) => c.json(await view(db, c.get('app').tenant_id), 200));
  app.openapi(putRoute, async (c) => {
    const body = c.req.valid('json');
    const tenantId = c.get('app').tenant_id;
    await setThresholds(db, tenantId, body);
    // Every suspension in force (a day's and an hour's may both be) checks the count against the new limits.
    for (const active of await activeSuspensions(db, tenantId)) await suspensions?.limitChanged(suspensionKey(active));
    return c.json(await view(db, tenantId), 200);
  });
  return app;
}

/** `/v1/admin/tenants/{id}/suspension/lift`: operators end a suspension early. */
export function adminSuspensionRoutes(db: Db, suspensions: Suspensions | undefined) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(liftRoute, async (c) => {
    const { id } = c.req.valid('param');
    const active = await activeSuspensions(db, id);
    if (active.length === 0) throw new ApiError(409, 'not_suspended', `Tenant ${id} has no active suspension.`);
    const operatorId = c.get('operator').id;
    for (const s of active) {
      const told = suspensions ? await suspensions.lift(suspensionKey(s), operatorId) : false;
      // No workflow to tell (not configured, or it is gone): the row itself is ended, so no suspension outlives it.
      if (!told) await endSuspension(db, s.tenant_id, s.period, s.period_start, 'lifted', operatorId);
    }
    return c.json({ lifted: true as const }, 200);
  });
  return app;
}
