import { X509Certificate } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { bindSessions } from '../../db/carrier-status.ts';
import { bindKey, bindOwners } from '../../db/bind-leases.ts';
import { createCarrier, listCarriers, updateCarrier } from '../../db/carriers.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { CarrierChange, CarrierIdParams, CarrierInput, CarrierView } from '../schemas/routing.ts';

// Carriers hold SMPP credentials and decide where every message goes: admins only.
// Operators watch the carriers (their binds, live); only admins add or change them.
const watch = { tags: ['Routing'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('operator') };
const common = { ...watch, middleware: requireRole('admin') };

const listRoute = apiRoute({
  ...watch,
  method: 'get',
  path: '/',
  summary: 'List the carriers (upstreams) and their binds',
  responses: { 200: jsonResponse(z.object({ carriers: z.array(CarrierView) }), 'The carriers'), ...errorResponses(401, 403) },
});
const createCarrierRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Add a carrier with its SMPP binds',
  description: 'Workers open the binds within a few seconds (TERN_ROUTING_RELOAD_MS). Routes send traffic to it.',
  request: jsonBody(CarrierInput),
  responses: { 201: jsonResponse(CarrierView, 'Created'), ...errorResponses(400, 401, 403, 409, 422) },
});
const getRoute = apiRoute({
  ...watch,
  method: 'get',
  path: '/{id}',
  summary: 'One carrier',
  request: { params: CarrierIdParams },
  responses: { 200: jsonResponse(CarrierView, 'The carrier'), ...errorResponses(401, 403, 404) },
});
const patchRoute = apiRoute({
  ...common,
  method: 'patch',
  path: '/{id}',
  summary: 'Rename a carrier, drain or switch it off, change its SMPP settings, or replace its binds',
  description: 'Binds whose settings are unchanged keep their sessions; changed ones (a change of `smpp` changes all) are reopened.',
  request: { params: CarrierIdParams, ...jsonBody(CarrierChange) },
  responses: { 200: jsonResponse(CarrierView, 'Changed'), ...errorResponses(400, 401, 403, 404, 422) },
});

/** Workers report every 30 s at the latest; a report older than three of those is a worker that is gone. */
const freshSessionMs = 90_000;

const ownerView = (lease: { owner: string; since: Date } | undefined) => (lease ? { worker: lease.owner, since: lease.since.toISOString() } : null);

/** Carriers with each bind's owner and sessions as the workers last reported them. */
async function carrierViews(db: Db, id?: string) {
  const carriers = await listCarriers(db, id);
  const sessions = await bindSessions(db, carriers.map((c) => c.id), freshSessionMs);
  const owners = await bindOwners(db, carriers.map((c) => c.id));
  return carriers.map((c) => ({
    ...c,
    updatedAt: c.updatedAt.toISOString(),
    binds: c.binds.map((b) => ({
      ...b,
      owner: ownerView(owners.get(bindKey({ carrierId: c.id, position: b.position }))),
      sessions: sessions
        .filter((s) => s.carrierId === c.id && s.position === b.position)
        .map((s) => ({ worker: s.worker, bound: s.bound, since: s.since.toISOString(), lastFailure: s.lastFailure, reportedAt: s.reportedAt.toISOString() })),
    })),
  }));
}

/** PEM that looks right to the schema but holds no certificate Node can read is refused before it is stored. */
function checkTls(smpp: { tls?: { caPem?: string | undefined } | null | undefined } | undefined): void {
  const pem = smpp?.tls?.caPem;
  if (!pem) return;
  try {
    new X509Certificate(pem);
  } catch {
    throw new ApiError(422, 'tls_certificate_invalid', 'smpp.tls.caPem holds no readable X.509 certificate; nothing was changed.');
  }
}

async function findOrFail(db: Db, id: string) {
  const [carrier] = await carrierViews(db, id);
  if (!carrier) throw new ApiError(404, 'carrier_not_found', `There is no carrier ${id}.`);
  return carrier;
}

/** `/v1/admin/carriers`: the upstreams messages can go through. */
export function adminCarrierRoutes(db: Db, secrets: SecretBox) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(listRoute, async (c) => c.json({ carriers: await carrierViews(db) }, 200));
  app.openapi(createCarrierRoute, async (c) => {
    const carrier = c.req.valid('json');
    checkTls(carrier.smpp);
    if (!(await createCarrier(db, secrets, carrier))) throw new ApiError(409, 'carrier_exists', `A carrier ${carrier.id} already exists.`);
    return c.json(await findOrFail(db, carrier.id), 201);
  });
  app.openapi(getRoute, async (c) => c.json(await findOrFail(db, c.req.valid('param').id), 200));
  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const change = c.req.valid('json');
    checkTls(change.smpp);
    if (!(await updateCarrier(db, secrets, id, change))) throw new ApiError(404, 'carrier_not_found', `There is no carrier ${id}.`);
    return c.json(await findOrFail(db, id), 200);
  });
  return app;
}
