import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { portedNetworks } from '../../db/ported-numbers.ts';
import { addRoute, deleteRoute, repeatedRoutes, replaceRoutes, type NewRoute } from '../../db/routes.ts';
import { listRoutes, loadRouting } from '../../db/routing-config.ts';
import { routeCandidates, routeTarget } from '../../domain/routing.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { NumberParams } from '../schemas/controls.ts';
import { RouteIdParams, RouteInput, RouteLookup, RouteView } from '../schemas/routing.ts';

const operatorOnly = { tags: ['Routing'], security: [{ operatorAuth: [] as string[] }] };
const common = { ...operatorOnly, middleware: requireRole('admin') };
const RouteList = z.object({ routes: z.array(RouteView) });

const listRoute = apiRoute({
  ...operatorOnly,
  middleware: requireRole('operator'),
  method: 'get',
  path: '/',
  summary: 'The route table',
  responses: { 200: jsonResponse(RouteList, 'Every route'), ...errorResponses(401, 403) },
});
const addRouteRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Add a route',
  description:
    'A message may go through every route that matches its number: the narrowest first (a mainland network, then more national digits in the prefix, then a named country over `*`), then by priority. `*` is every country but the Chinese mainland, whose numbers only take `CN` routes. The next one is used when an upstream is down or refuses the message (a routing error, or a temporary refusal).',
  request: jsonBody(RouteInput),
  responses: { 201: jsonResponse(RouteView, 'Added'), ...errorResponses(400, 401, 403, 409, 422) },
});
const replaceRoute = apiRoute({
  ...common,
  method: 'put',
  path: '/',
  summary: 'Replace the whole route table at once',
  request: jsonBody(z.object({ routes: z.array(RouteInput).max(10_000) })),
  responses: { 200: jsonResponse(RouteList, 'The new table'), ...errorResponses(400, 401, 403, 422) },
});
const deleteRouteRoute = apiRoute({
  ...common,
  method: 'delete',
  path: '/{id}',
  summary: 'Remove a route',
  request: { params: RouteIdParams },
  responses: { 200: jsonResponse(z.object({ id: z.uuid(), removed: z.literal(true) }), 'Removed'), ...errorResponses(401, 403, 404) },
});
const lookupRoute = apiRoute({
  ...operatorOnly,
  middleware: requireRole('operator'),
  method: 'get',
  path: '/lookup/{number}',
  summary: 'Which network a number is on and which carriers would carry it, in order',
  request: { params: NumberParams },
  responses: { 200: jsonResponse(RouteLookup, 'The route'), ...errorResponses(400, 401, 403) },
});

const asNewRoute = (r: z.infer<typeof RouteInput>): NewRoute => ({
  country: r.country,
  network: r.network ?? null,
  prefix: r.prefix ?? null,
  carrierId: r.carrierId,
  priority: r.priority,
});

/** `/v1/admin/routes`: which carriers carry which numbers. Workers pick up changes within a few seconds. */
export function adminRouteTableRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  app.openapi(listRoute, async (c) => c.json({ routes: await listRoutes(db) }, 200));
  app.openapi(addRouteRoute, async (c) => {
    const result = await addRoute(db, asNewRoute(c.req.valid('json')));
    if (result.ok) return c.json(result.route, 201);
    if (result.reason === 'route_exists') throw new ApiError(409, 'route_exists', 'This carrier already has a route for this country, network and prefix.');
    throw new ApiError(422, 'carrier_not_found', `There is no carrier ${c.req.valid('json').carrierId}; add it first.`);
  });
  app.openapi(replaceRoute, async (c) => {
    const routes = c.req.valid('json').routes.map(asNewRoute);
    const [repeat] = repeatedRoutes(routes);
    if (repeat !== undefined) {
      throw new ApiError(422, 'route_duplicate', `routes.${repeat} repeats an earlier route for the same country, network, prefix and carrier; nothing was changed.`);
    }
    const result = await replaceRoutes(db, routes);
    if (!result.ok) throw new ApiError(422, 'carrier_not_found', `No such carrier: ${result.unknownCarriers.join(', ')}; nothing was changed.`);
    return c.json({ routes: result.routes }, 200);
  });
  app.openapi(deleteRouteRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteRoute(db, id))) throw new ApiError(404, 'route_not_found', `There is no route ${id}.`);
    return c.json({ id, removed: true as const }, 200);
  });
  app.openapi(lookupRoute, async (c) => {
    const { number } = c.req.valid('param');
    const [routing, ported] = await Promise.all([loadRouting(db), portedNetworks(db, [number])]);
    const target = routeTarget(number, ported.get(number));
    const state = new Map(routing.carriers.map((carrier) => [carrier.id, carrier.state]));
    const active = routing.routes.filter((r) => state.get(r.carrierId) === 'active');
    const carriers = routeCandidates(active, target).map((id) => ({ id, state: state.get(id) ?? 'off' }));
    return c.json({ number, country: target.country, network: target.network, networkSource: target.networkSource, carriers }, 200);
  });
  return app;
}
