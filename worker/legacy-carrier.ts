import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { adoptCarrierIfNone, type BindSettings } from '../db/carriers.ts';
import type { SecretBox } from '../domain/secret-box.ts';

const carrierId = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Upgrading from the single-bind worker (TERN_SMPP_*): when no carrier is configured yet, the old settings become
 * a carrier of the old name (so receipts for parts it submitted before the upgrade still match) with routes for
 * every country and the whole mainland, unless routes exist. One routing change, so workers starting together
 * make one carrier. Once a carrier exists the settings are ignored.
 */
export async function adoptLegacyCarrier(db: Db, secrets: SecretBox, name: string, bind: BindSettings, logger: Logger): Promise<void> {
  if (!carrierId.test(name)) {
    throw new Error(`TERN_SMPP_NAME ${JSON.stringify(name)} cannot be a carrier id (lower-case letters, digits and dashes); set another, or configure carriers through /v1/admin/carriers`);
  }
  const adopted = await adoptCarrierIfNone(db, secrets, name, `${name} (from TERN_SMPP_*)`, bind);
  if (adopted) logger.warn({ carrier: name }, 'made a carrier and routes from TERN_SMPP_*; manage them through /v1/admin/carriers and /v1/admin/routes from now on');
  else logger.warn('TERN_SMPP_* is set but carriers are configured in Postgres; the setting is ignored (see docs/controls-and-routing.md, Routing)');
}
