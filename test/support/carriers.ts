import type { Db } from '../../db/connect.ts';
import { putCarrier } from '../../db/carriers.ts';
import { everyNumberTo, replaceRoutes } from '../../db/routes.ts';
import { testSecrets } from './secrets.ts';

/** Configures one carrier on a simulator's port and routes every number to it, as a single-SMSC test needs. */
export async function routeEverythingTo(db: Db, port: number, carrierId = 'sim'): Promise<void> {
  await putCarrier(db, testSecrets, { id: carrierId, name: carrierId, binds: [{ host: '127.0.0.1', port, systemId: 'tern', password: 'tern' }] });
  const result = await replaceRoutes(db, everyNumberTo(carrierId));
  if (!result.ok) throw new Error(`routes name unknown carriers: ${result.unknownCarriers.join(', ')}`);
}
