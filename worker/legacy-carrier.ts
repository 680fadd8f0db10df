import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { createCarrier, type BindSettings } from '../db/carriers.ts';
import { everyNumberTo, replaceRoutes } from '../db/routes.ts';
import { listRoutes } from '../db/routing-config.ts';
import type { SecretBox } from '../domain/secret-box.ts';

/**
 * Upgrading from the single-bind worker (TERN_SMPP_*): when no carrier is configured yet, the old settings become
 * a carrier of the old name (so receipts for parts it submitted before the upgrade still match) with routes for
 * every country and the whole mainland, unless routes exist. Once a carrier exists the settings are ignored.
 */
export async function adoptLegacyCarrier(db: Db, secrets: SecretBox, name: string, bind: BindSettings, logger: Logger): Promise<void> {
  const anyCarrier = await db.selectFrom('carriers').select('id').limit(1).executeTakeFirst();
  if (anyCarrier) {
    logger.warn('TERN_SMPP_* is set but carriers are configured in Postgres; the setting is ignored (see README, Routing)');
    return;
  }
  if (!(await createCarrier(db, secrets, { id: name, name: `${name} (from TERN_SMPP_*)`, binds: [bind] }))) return;
  if ((await listRoutes(db)).length === 0) {
    await replaceRoutes(db, everyNumberTo(name));
  }
  logger.warn({ carrier: name }, 'made a carrier and routes from TERN_SMPP_*; manage them through /v1/admin/carriers and /v1/admin/routes from now on');
}
