import { sql } from 'kysely';
import { smppSettings, type SmppSettings } from '../domain/smpp-settings.ts';
import type { CarrierIdFormats } from '../domain/carrier-message-ids.ts';
import type { Db } from './connect.ts';
import type { CarrierState } from './schema.ts';
import type { Route } from '../domain/routing.ts';

/**
 * Runs one routing change: the configuration row is locked first, so changes happen one at a time (a replace of
 * the route table never interleaves with another edit), and the version is bumped in the same transaction, so a
 * worker reloads exactly when something changed (`changed` tells a refused change from a real one).
 */
export function changeRouting<T>(db: Db, change: (trx: Db) => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select version from routing_config for update`.execute(trx);
    const result = await change(trx);
    if (changed(result)) await sql`update routing_config set version = version + 1`.execute(trx);
    return result;
  });
}

export async function routingVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('routing_config').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

export interface StoredBind {
  host: string;
  port: number;
  systemId: string;
  passwordSealed: string;
  window: number;
  throughput: number | null;
}

export interface RoutingSnapshot {
  version: number;
  carriers: { id: string; name: string; state: CarrierState; messageIds: CarrierIdFormats; smpp: SmppSettings; binds: StoredBind[] }[];
  routes: Route[];
  hasPortedNumbers: boolean;
}

/** The whole routing configuration as of one version (read in one transaction, so it is consistent). */
export function loadRouting(db: Db): Promise<RoutingSnapshot> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const config = await trx.selectFrom('routing_config').select('version').executeTakeFirstOrThrow();
    const ported = await sql<{ any: boolean }>`select exists (select 1 from ported_numbers) as any`.execute(trx);
    const carriers = await trx.selectFrom('carriers').select(['id', 'name', 'state', 'response_id_format', 'receipt_id_format', 'smpp_settings']).orderBy('id').execute();
    const binds = await trx.selectFrom('carrier_binds').selectAll().orderBy('carrier_id').orderBy('position').execute();
    const routes = await listRoutes(trx);
    return {
      version: Number(config.version),
      hasPortedNumbers: ported.rows[0]?.any ?? false,
      routes,
      carriers: carriers.map((c) => ({
        id: c.id,
        name: c.name,
        state: c.state,
        messageIds: { response: c.response_id_format, receipt: c.receipt_id_format },
        smpp: smppSettings(c.smpp_settings),
        binds: binds
          .filter((b) => b.carrier_id === c.id)
          .map((b) => ({ host: b.host, port: b.port, systemId: b.system_id, passwordSealed: b.password_sealed, window: b.window, throughput: b.throughput })),
      })),
    };
  });
}

export async function listRoutes(db: Db): Promise<Route[]> {
  const rows = await db.selectFrom('routes').selectAll().orderBy('country').orderBy('priority').orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, country: r.country, network: r.network, prefix: r.prefix, carrierId: r.carrier_id, priority: r.priority }));
}
