import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { blockStatus } from '../../db/blocklist.ts';
import type { UnblockRequestRow } from '../../db/schema.ts';
import { findUnblockRequest, insertUnblockRequest, listOpenUnblockRequests, listTenantUnblockRequests } from '../../db/unblock-requests.ts';
import { NextCursor, pageOf, pageQuery, positionOf, uuidKey } from '../list-pages.ts';
import type { Unblockings } from '../../processes/blocklist-unblocking.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { conflictOnRefusal } from '../process-refusal.ts';
import { optOutRemedy } from '../../domain/opt-out.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse, visibleText } from '../schemas/common.ts';
import { NumberParams } from '../schemas/controls.ts';

const UnblockState = z.enum(['in_review', 'carrier_pending', 'unblocked', 'refused']);
const UnblockView = z
  .object({
    id: z.uuid(),
    number: z.string(),
    reason: z.string(),
    state: UnblockState,
    outcome: z.string().nullable().openapi({ description: 'Why it ended as it did.' }),
    submittedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('UnblockRequest');
const IdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const tags = ['Sending controls'];

const applyRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('manage'),
  method: 'post',
  path: '/blocklist/{number}/unblock',
  summary: 'Apply for a number to be taken off the platform blocklist',
  request: { params: NumberParams, ...jsonBody(z.object({ reason: visibleText(1, 500) }).strict()) },
  responses: { 202: jsonResponse(UnblockView, 'The request, under review'), ...errorResponses(400, 401, 403, 404, 409) },
});
const getRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('read'),
  method: 'get',
  path: '/unblock-requests/{id}',
  summary: 'An unblock request and how it ended',
  request: { params: IdParams },
  responses: { 200: jsonResponse(UnblockView, 'The request'), ...errorResponses(401, 403, 404) },
});
const listRoute = apiRoute({
  tags,
  security: [{ basicAuth: [] as string[] }],
  middleware: requireScope('read'),
  method: 'get',
  path: '/unblock-requests',
  summary: 'The tenant’s unblock requests, newest first',
  request: { query: z.object({ ...pageQuery, state: UnblockState.optional() }) },
  responses: {
    200: jsonResponse(z.object({ requests: z.array(UnblockView), nextCursor: NextCursor }).openapi('UnblockRequestList'), 'A page of requests'),
    ...errorResponses(401, 403, 422),
  },
});
const queueRoute = apiRoute({
  tags,
  security: [{ operatorAuth: [] as string[] }],
  middleware: requireRole('operator'),
  method: 'get',
  path: '/',
  summary: 'Unblock requests waiting for an operator',
  responses: { 200: jsonResponse(z.object({ requests: z.array(UnblockView.extend({ tenantId: z.uuid() })) }), 'Open requests'), ...errorResponses(401, 403) },
});
const decideRoute = apiRoute({
  tags,
  security: [{ operatorAuth: [] as string[] }],
  middleware: requireRole('operator'),
  method: 'post',
  path: '/{id}/decision',
  summary: 'Approve (the carrier is asked next) or refuse an unblock request',
  request: {
    params: IdParams,
    ...jsonBody(
      z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('approve') }).strict(),
        z.object({ decision: z.literal('refuse'), reason: visibleText(1, 500) }).strict(),
      ]),
    ),
  },
  responses: { 202: jsonResponse(UnblockView, 'The decision is on its way to the workflow'), ...errorResponses(400, 401, 403, 404, 409) },
});

const view = (r: UnblockRequestRow) => ({
  id: r.id,
  number: r.number,
  reason: r.reason,
  state: r.state,
  outcome: r.outcome,
  submittedAt: r.submitted_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});
const unavailable = () => new ApiError(503, 'unblocking_unavailable', 'Unblocking is not available in this deployment.');

/** Tenants' side: `/v1/blocklist/{number}/unblock`, `/v1/unblock-requests` and `/v1/unblock-requests/{id}`. */
export function unblockingRoutes(db: Db, unblockings: Unblockings | undefined) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(applyRoute, async (c) => {
    const { number } = c.req.valid('param');
    const tenantId = c.get('app').tenant_id;
    const status = await blockStatus(db, tenantId, number);
    if (!status.reasons.some((r) => r.kind === 'platform')) {
      // An opt-out is the recipient's own choice: say so, and how it ends, rather than "not blocked".
      if (status.reasons.some((r) => r.kind === 'opted_out')) throw new ApiError(409, 'number_opted_out', `${number} is not on the platform blocklist but opted out of your messages. ${optOutRemedy}`);
      throw new ApiError(404, 'number_not_blocked', `${number} is not on the platform blocklist.`);
    }
    if (!unblockings) throw unavailable();
    const row = await insertUnblockRequest(db, { tenantId, number, reason: c.req.valid('json').reason }, (requestId) => unblockings.start({ requestId, tenantId }));
    if (!row) throw new ApiError(409, 'unblock_in_progress', `An unblock request for ${number} is already open.`);
    return c.json(view(row), 202);
  });
  app.openapi(listRoute, async (c) => {
    const { limit, cursor, state } = c.req.valid('query');
    const rows = await listTenantUnblockRequests(db, c.get('app').tenant_id, state, limit + 1, positionOf(cursor, uuidKey));
    const { items, nextCursor } = pageOf(rows, limit, (r) => ({ micros: BigInt(r.submitted_micros), key: r.id }));
    return c.json({ requests: items.map(view), nextCursor }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findUnblockRequest(db, id);
    if (!row || row.tenant_id !== c.get('app').tenant_id) throw new ApiError(404, 'unblock_request_not_found', `No unblock request ${id}.`);
    return c.json(view(row), 200);
  });
  return app;
}

/** Operators' side: `/v1/admin/unblock-requests`. */
export function adminUnblockingRoutes(db: Db, unblockings: Unblockings | undefined) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(queueRoute, async (c) => c.json({ requests: (await listOpenUnblockRequests(db)).map((r) => ({ ...view(r), tenantId: r.tenant_id })) }, 200));
  app.openapi(decideRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await findUnblockRequest(db, id);
    if (!row) throw new ApiError(404, 'unblock_request_not_found', `No unblock request ${id}.`);
    if (row.state !== 'in_review') throw new ApiError(409, 'unblock_not_in_review', `This request is ${row.state}.`);
    if (!unblockings) throw unavailable();
    const operatorId = c.get('operator').id;
    const decision = body.decision === 'approve' ? ({ decision: 'approve', operatorId } as const) : ({ decision: 'refuse', operatorId, reason: body.reason } as const);
    await conflictOnRefusal('unblock_not_in_review', () => unblockings.decide(id, decision));
    const decided = await findUnblockRequest(db, id);
    return c.json(view(decided ?? row), 202);
  });
  return app;
}
