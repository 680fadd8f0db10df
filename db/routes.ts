import type { Db } from './connect.ts';
import { bumpRoutingVersion } from './routing-config.ts';
import type { Route } from '../domain/routing.ts';

export type NewRoute = Omit<Route, 'id'>;

export type AddRouteResult = { ok: true; route: Route } | { ok: false; reason: 'carrier_not_found' | 'route_exists' };

export function addRoute(db: Db, route: NewRoute): Promise<AddRouteResult> {
  return db.transaction().execute(async (trx) => {
    const carrier = await trx.selectFrom('carriers').select('id').where('id', '=', route.carrierId).forShare().executeTakeFirst();
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
    await bumpRoutingVersion(trx);
    return { ok: true, route: { id, ...route } };
  });
}

export function deleteRoute(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('routes').where('id', '=', id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await bumpRoutingVersion(trx);
    return true;
  });
}

/**
 * Replaces the whole route table at once, so workers never see half of an edit. Returns the carrier ids the
 * routes name that do not exist (and writes nothing then).
 */
export function replaceRoutes(db: Db, routes: NewRoute[]): Promise<{ ok: true; routes: Route[] } | { ok: false; unknownCarriers: string[] }> {
  return db.transaction().execute(async (trx) => {
    const named = [...new Set(routes.map((r) => r.carrierId))];
    const known = named.length
      ? (await trx.selectFrom('carriers').select('id').where('id', 'in', named).forShare().execute()).map((c) => c.id)
      : [];
    const unknownCarriers = named.filter((id) => !known.includes(id));
    if (unknownCarriers.length) return { ok: false, unknownCarriers };
    await trx.deleteFrom('routes').execute();
    const inserted = routes.length
      ? await trx
          .insertInto('routes')
          .values(routes.map((r) => ({ country: r.country, network: r.network, prefix: r.prefix, carrier_id: r.carrierId, priority: r.priority })))
          .returning('id')
          .execute()
      : [];
    await bumpRoutingVersion(trx);
    return { ok: true, routes: routes.map((r, i) => ({ id: inserted[i]?.id ?? '', ...r })) };
  });
}
