import type { Db } from './connect.ts';
import { changeRouting } from './routing-config.ts';
import type { Route } from '../domain/routing.ts';

export type NewRoute = Omit<Route, 'id'>;

/** Routes that send every number to one carrier: the mainland (which `*` leaves out) and every other country. */
export function everyNumberTo(carrierId: string): NewRoute[] {
  return [
    { country: 'CN', network: null, prefix: null, carrierId, priority: 1 },
    { country: '*', network: null, prefix: null, carrierId, priority: 1 },
  ];
}

export type AddRouteResult = { ok: true; route: Route } | { ok: false; reason: 'carrier_not_found' | 'route_exists' };

const isOk = (result: { ok: boolean }) => result.ok;

/** Indexes of routes that repeat an earlier one (same country, network, prefix and carrier). */
export function repeatedRoutes(routes: NewRoute[]): number[] {
  const seen = new Set<string>();
  return routes.flatMap((r, i) => {
    const key = JSON.stringify([r.country, r.network, r.prefix, r.carrierId]);
    if (seen.has(key)) return [i];
    seen.add(key);
    return [];
  });
}

export function addRoute(db: Db, route: NewRoute): Promise<AddRouteResult> {
  return changeRouting(
    db,
    async (trx): Promise<AddRouteResult> => {
      const carrier = await trx.selectFrom('carriers').select('id').where('id', '=', route.carrierId).executeTakeFirst();
      if (!carrier) return { ok: false, reason: 'carrier_not_found' };
      const duplicate = await trx
        .selectFrom('routes')
        .select('id')
        .where('country', '=', route.country)
        .where('carrier_id', '=', route.carrierId)
        .where((eb) => (route.network ? eb('network', '=', route.network) : eb('network', 'is', null)))
        .where((eb) => (route.prefix ? eb('prefix', '=', route.prefix) : eb('prefix', 'is', null)))
        .executeTakeFirst();
      if (duplicate) return { ok: false, reason: 'route_exists' };
      const { id } = await trx
        .insertInto('routes')
        .values({ country: route.country, network: route.network, prefix: route.prefix, carrier_id: route.carrierId, priority: route.priority })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ok: true, route: { id, ...route } };
    },
    isOk,
  );
}

export function deleteRoute(db: Db, id: string): Promise<boolean> {
  return changeRouting(db, async (trx) => Number((await trx.deleteFrom('routes').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0, Boolean);
}

/**
 * Replaces the whole route table at once, so workers never see half of an edit. Returns the carrier ids the
 * routes name that do not exist (and writes nothing then). Callers refuse repeated routes first.
 */
export function replaceRoutes(db: Db, routes: NewRoute[]): Promise<{ ok: true; routes: Route[] } | { ok: false; unknownCarriers: string[] }> {
  return changeRouting(
    db,
    async (trx): Promise<{ ok: true; routes: Route[] } | { ok: false; unknownCarriers: string[] }> => {
      const named = [...new Set(routes.map((r) => r.carrierId))];
      const known = named.length ? (await trx.selectFrom('carriers').select('id').where('id', 'in', named).execute()).map((c) => c.id) : [];
      const unknownCarriers = named.filter((id) => !known.includes(id));
      if (unknownCarriers.length) return { ok: false, unknownCarriers };
      await trx.deleteFrom('routes').execute();
      return { ok: true, routes: await insertRoutes(trx, routes) };
    },
    isOk,
  );
}

/** Adds routes, inside a routing change. */
export async function insertRoutes(trx: Db, routes: NewRoute[]): Promise<Route[]> {
  if (routes.length === 0) return [];
  const inserted = await trx
    .insertInto('routes')
    .values(routes.map((r) => ({ country: r.country, network: r.network, prefix: r.prefix, carrier_id: r.carrierId, priority: r.priority })))
    .returning('id')
    .execute();
  return routes.map((r, i) => ({ id: inserted[i]?.id ?? '', ...r }));
}
