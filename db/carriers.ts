import type { Db } from './connect.ts';
import type { CarrierState } from './schema.ts';
import { changeRouting } from './routing-config.ts';
import { everyNumberTo, insertRoutes } from './routes.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import type { CarrierIdFormats } from '../domain/carrier-message-ids.ts';
import { smppSettings, type SmppSettings } from '../domain/smpp-settings.ts';

export interface BindSettings {
  host: string;
  port: number;
  systemId: string;
  password: string;
  window?: number;
  /** Most submit_sm a second the account allows; none when absent. */
  throughput?: number | null;
}

export interface CarrierSettings {
  id: string;
  name: string;
  state?: CarrierState;
  /** How it writes message ids; default text (matched byte for byte). */
  messageIds?: CarrierIdFormats | undefined;
  /** Its SMPP settings where they differ from the defaults. */
  smpp?: Partial<SmppSettings> | undefined;
  binds: BindSettings[];
}

/** A carrier as operators see it: bind passwords never leave the database. */
export interface CarrierView {
  id: string;
  name: string;
  state: CarrierState;
  messageIds: CarrierIdFormats;
  smpp: SmppSettings;
  binds: { position: number; host: string; port: number; systemId: string; window: number; throughput: number | null }[];
  routes: number;
  updatedAt: Date;
}

/** Sets a carrier's binds, inside a routing change. */
/**
 * Makes carrier `id` with `bind`, and routes for every country and the whole mainland to it unless routes exist,
 * when no carrier is configured yet; one routing change, so callers racing make one. Whether it made them.
 */
export function adoptCarrierIfNone(db: Db, secrets: SecretBox, id: string, name: string, bind: BindSettings): Promise<boolean> {
  return changeRouting(
    db,
    async (trx) => {
      if (await trx.selectFrom('carriers').select('id').limit(1).executeTakeFirst()) return false;
      await trx.insertInto('carriers').values({ id, name }).execute();
      await replaceBinds(trx, secrets, id, [bind]);
      if (!(await trx.selectFrom('routes').select('id').limit(1).executeTakeFirst())) await insertRoutes(trx, everyNumberTo(id));
      return true;
    },
    Boolean,
  );
}

export async function replaceBinds(trx: Db, secrets: SecretBox, carrierId: string, binds: BindSettings[]): Promise<void> {
  await trx.deleteFrom('carrier_binds').where('carrier_id', '=', carrierId).execute();
  if (binds.length === 0) return;
  await trx
    .insertInto('carrier_binds')
    .values(
      binds.map((b, i) => ({
        carrier_id: carrierId,
        position: i + 1,
        host: b.host,
        port: b.port,
        system_id: b.systemId,
        password_sealed: secrets.seal(b.password),
        window: b.window ?? 50,
        throughput: b.throughput ?? null,
      })),
    )
    .execute();
}

/** Creates a carrier with its binds; false when the id is taken. */
export function createCarrier(db: Db, secrets: SecretBox, carrier: CarrierSettings): Promise<boolean> {
  return changeRouting(
    db,
    async (trx) => {
      const inserted = await trx
        .insertInto('carriers')
        .values({
          id: carrier.id,
          name: carrier.name,
          state: carrier.state ?? 'active',
          response_id_format: carrier.messageIds?.response ?? 'text',
          receipt_id_format: carrier.messageIds?.receipt ?? 'text',
          smpp_settings: JSON.stringify(carrier.smpp ?? {}),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      await replaceBinds(trx, secrets, carrier.id, carrier.binds);
      return true;
    },
    Boolean,
  );
}

/** Changes a carrier; `binds`, when given, replaces all of them. False when there is no such carrier. */
export function updateCarrier(
  db: Db,
  secrets: SecretBox,
  id: string,
  change: { name?: string; state?: CarrierState; messageIds?: CarrierIdFormats | undefined; smpp?: Partial<SmppSettings> | undefined; binds?: BindSettings[] },
): Promise<boolean> {
  return changeRouting(
    db,
    async (trx) => {
      const updated = await trx
        .updateTable('carriers')
        .set({
          updated_at: new Date(),
          ...(change.name ? { name: change.name } : {}),
          ...(change.state ? { state: change.state } : {}),
          ...(change.messageIds ? { response_id_format: change.messageIds.response, receipt_id_format: change.messageIds.receipt } : {}),
          // Replaced whole: what is not given goes back to its default.
          ...(change.smpp ? { smpp_settings: JSON.stringify(change.smpp) } : {}),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      if (change.binds) await replaceBinds(trx, secrets, id, change.binds);
      return true;
    },
    Boolean,
  );
}

/** Creates the carrier or replaces it whole (the dev stack and the bench configure theirs this way). */
export async function putCarrier(db: Db, secrets: SecretBox, carrier: CarrierSettings): Promise<void> {
  if (!(await createCarrier(db, secrets, carrier))) await updateCarrier(db, secrets, carrier.id, carrier);
}

export async function listCarriers(db: Db, id?: string): Promise<CarrierView[]> {
  let query = db
    .selectFrom('carriers as c')
    .select((eb) => [
      'c.id',
      'c.name',
      'c.state',
      'c.response_id_format',
      'c.receipt_id_format',
      'c.smpp_settings',
      'c.updated_at',
      eb.selectFrom('routes as r').whereRef('r.carrier_id', '=', 'c.id').select((e) => e.fn.countAll<number>().as('n')).as('routes'),
    ])
    .orderBy('c.id');
  if (id) query = query.where('c.id', '=', id);
  const carriers = await query.execute();
  if (carriers.length === 0) return [];
  const binds = await db
    .selectFrom('carrier_binds')
    .select(['carrier_id', 'position', 'host', 'port', 'system_id', 'window', 'throughput'])
    .where('carrier_id', 'in', carriers.map((c) => c.id))
    .orderBy('position')
    .execute();
  return carriers.map((c) => ({
    id: c.id,
    name: c.name,
    state: c.state,
    messageIds: { response: c.response_id_format, receipt: c.receipt_id_format },
    smpp: smppSettings(c.smpp_settings),
    routes: Number(c.routes ?? 0),
    updatedAt: c.updated_at,
    binds: binds.filter((b) => b.carrier_id === c.id).map((b) => ({ position: b.position, host: b.host, port: b.port, systemId: b.system_id, window: b.window, throughput: b.throughput })),
  }));
}
