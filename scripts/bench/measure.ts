import type { Db } from '../../db/connect.ts';
import { cpuBetween, cpuSnapshot, type CpuUsage } from './cpu-usage.ts';
import { backendApplications, maintenanceBetween, maintenanceSnapshot, type Maintenance } from './database.ts';

export interface Accounting {
  /** CPU seconds by process while the phase ran. */
  cpu: CpuUsage;
  /** Checkpoints and autovacuum runs while the phase ran. */
  maintenance: Maintenance;
}

/** Runs a phase and says which processes used the machine meanwhile, and what Postgres did in the background. */
export async function accounted<T>(db: Db, pids: Record<string, number>, cores: number, phase: () => Promise<T>): Promise<T & Accounting> {
  const before = await cpuSnapshot(pids, await backendApplications(db));
  const maintenanceBefore = await maintenanceSnapshot(db);
  const started = performance.now();
  const result = await phase();
  const cpu = cpuBetween(before, await cpuSnapshot(pids, await backendApplications(db)), performance.now() - started, cores);
  return { ...result, cpu, maintenance: maintenanceBetween(maintenanceBefore, await maintenanceSnapshot(db)) };
}
