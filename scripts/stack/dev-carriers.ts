import type { Logger } from 'pino';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import type { Db } from '../../db/connect.ts';
import { putCarrier } from '../../db/carriers.ts';
import { replaceRoutes, type NewRoute } from '../../db/routes.ts';
import { listRoutes } from '../../db/routing-config.ts';
import { mainlandNetworks, networkNames } from '../../domain/mainland-networks.ts';
import type { SecretBox } from '../../domain/secret-box.ts';

/** The dev stack's upstreams: one simulated SMSC per mainland network, and two international ones. */
export const devCarriers = [
  ...mainlandNetworks.map((network) => ({ id: network, name: `${networkNames[network]}, simulated` })),
  { id: 'intl-a', name: 'International upstream A, simulated' },
  { id: 'intl-b', name: 'International upstream B, simulated (failover)' },
] as const;

/** Each mainland network on its own carrier; every other country on intl-a, failing over to intl-b. */
export const devRoutes: NewRoute[] = [
  ...mainlandNetworks.map((network) => ({ country: 'CN', network, prefix: null, carrierId: network, priority: 1 })),
  { country: '*', network: null, prefix: null, carrierId: 'intl-a', priority: 1 },
  { country: '*', network: null, prefix: null, carrierId: 'intl-b', priority: 2 },
];

export interface DevCarrier {
  id: string;
  simulator: Simulator;
}

/** Starts the simulators on consecutive ports from `basePort` (0: any free ports). */
export async function startDevSimulators(basePort: number, logger: Logger): Promise<DevCarrier[]> {
  const started: DevCarrier[] = [];
  try {
    for (const [i, carrier] of devCarriers.entries()) {
      const simulator = await startSimulator({ port: basePort ? basePort + i : 0, receiptDelayMs: 200, logger: logger.child({ smsc: carrier.id }) });
      started.push({ id: carrier.id, simulator });
    }
    return started;
  } catch (err) {
    await Promise.all(started.map((c) => c.simulator.close()));
    throw err;
  }
}

/**
 * Points the dev carriers at the simulators (their ports may change between runs) and, when the route table is
 * empty, writes the default routes; routes an operator changed are kept.
 */
export async function configureDevCarriers(db: Db, secrets: SecretBox, simulators: DevCarrier[]): Promise<void> {
  for (const { id, simulator } of simulators) {
    const name = devCarriers.find((c) => c.id === id)?.name ?? id;
    await putCarrier(db, secrets, { id, name, binds: [{ host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern' }] });
  }
  if ((await listRoutes(db)).length === 0) await replaceRoutes(db, devRoutes);
}
