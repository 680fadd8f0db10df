import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LatencyResult } from './accept-latency.ts';
import type { BenchConfig } from './config.ts';
import type { StatementCost, StatementTotals, WalCost } from './database.ts';
import type { BulkInsertResult } from './bulk-insert.ts';
import type { CpuUsage } from './cpu-usage.ts';
import type { Accounting } from './measure.ts';
import type { EndToEndResult } from './end-to-end.ts';
import type { RawSmppResult } from './raw-smpp.ts';
import type { SingleSendCapacity } from './single-send-capacity.ts';
import type { LaneFigures } from './lanes.ts';

export const targets = { endToEndPerSecond: 3_000, ratioToBaseline: 0.5, acceptP99Ms: 20 } as const;

export interface BenchReport {
  at: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  config: Omit<BenchConfig, 'phases'> & { phases: string[] };
  postgres: Record<string, string>;
  endToEnd: EndToEndResult & Accounting & { lanes: LaneFigures; database: WalCost & { topStatements: StatementCost[]; totals: StatementTotals } };
  /** The same end to end with a second worker process sharing the binds. */
  twoWorkers: EndToEndResult & Accounting & { lanes: LaneFigures };
  baseline: {
    bulkInsert: BulkInsertResult & Accounting;
    rawSmpp: RawSmppResult & Accounting;
    /** The two halves one after the other: messages / (insert time + SMPP time). */
    messagesPerSecond: number;
  };
  ratio: number;
  acceptLatency: LatencyResult & Accounting & { database: { topStatements: StatementCost[]; totals: StatementTotals } };
  capacity: SingleSendCapacity;
  verdict: { endToEnd: boolean; ratio: boolean; acceptP99: boolean; capacityRatio: boolean };
  cpuProfiles: string | null;
}

export function machine(): BenchReport['machine'] {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const n = (v: number) => v.toLocaleString('en-US');

export const cpuLine = (c: CpuUsage) => {
  const entries = Object.entries(c.seconds);
  const postgres = entries.filter(([g]) => g.startsWith('postgres:')).map(([g, s]) => `${g.slice('postgres:'.length)} ${s.toFixed(1)}`);
  const top = entries.filter(([g]) => !g.startsWith('postgres:')).map(([g, s]) => (g === 'postgres' ? `postgres ${s.toFixed(1)} (${postgres.join(', ')})` : `${g} ${s.toFixed(1)}`));
  return `${top.join(', ')}; ${Math.round(c.machineBusy * 100)}% of the machine`;
};

export function printReport(r: BenchReport): void {
  const pg = r.postgres;
  const e = r.endToEnd;
  const b = r.baseline;
  const l = r.acceptLatency;
  const lines = [
    '',
    `Tern hot path bench: ${n(r.config.messages)} messages, ${r.machine.cpus} CPUs (${r.machine.cpuModel}), Node ${r.machine.node}`,
    `Postgres ${pg.server_version}: fsync=${pg.fsync} synchronous_commit=${pg.synchronous_commit} full_page_writes=${pg.full_page_writes} ` +
      `shared_buffers=${pg.shared_buffers}, data on ${pg.data_directory}`,
    `simulator receipt delay ${r.config.receiptDelayMs} ms, SMPP window ${r.config.window}, ${r.config.recipientsPerRequest} recipients per request, ` +
      `${r.config.requestConcurrency} requests in flight, warm-up ${n(r.config.warmupMessages)} messages`,
    '',
    `(a) end to end      ${n(e.messagesPerSecond).padStart(7)} msg/s   ${n(e.messages)} in ${(e.totalMs / 1000).toFixed(2)} s ` +
      `(all accepted after ${(e.acceptMs / 1000).toFixed(2)} s = ${n(e.acceptPerSecond)} msg/s)   ${JSON.stringify(e.byStatus)}`,
    `    ${laneLine(e.lanes)}`,
    `(a2) two workers    ${n(r.twoWorkers.messagesPerSecond).padStart(7)} msg/s   ${n(r.twoWorkers.messages)} in ${(r.twoWorkers.totalMs / 1000).toFixed(2)} s   ` +
      `ratio to one worker ${(r.twoWorkers.messagesPerSecond / e.messagesPerSecond).toFixed(2)}`,
    `    ${laneLine(r.twoWorkers.lanes)}`,
    `(b) raw baseline    ${n(b.messagesPerSecond).padStart(7)} msg/s   bulk insert ${n(b.bulkInsert.rowsPerSecond)} rows/s (${b.bulkInsert.ms} ms) ` +
      `+ raw SMPP ${n(b.rawSmpp.messagesPerSecond)} msg/s (${b.rawSmpp.ms} ms), one after the other`,
    `    ratio (a)/(b)   ${r.ratio.toFixed(2)}`,
    `(c) accept latency  p50 ${l.acceptMs.p50} ms  p99 ${l.acceptMs.p99} ms  max ${l.acceptMs.max} ms   at ${l.ratePerSecond} req/s ` +
      `(achieved ${l.achievedPerSecond}) for ${(l.durationMs / 1000).toFixed(0)} s after ${(r.config.latency.warmupMs / 1000).toFixed(0)} s unmeasured, ` +
      `${l.requests} requests, ${l.errors} errors`,
    `    p99 second by second: ${l.perSecond.map((b) => b.p99.toFixed(0)).join(' ')} ms`,
    `    accept → callback p50 ${l.acceptToCallbackMs.p50} ms  p99 ${l.acceptToCallbackMs.p99} ms  max ${l.acceptToCallbackMs.max} ms`,
    ...capacityLines(r.capacity),
    '',
    `targets: end to end ≥ ${n(targets.endToEndPerSecond)} msg/s ${pass(r.verdict.endToEnd)}; ratio ≥ ${targets.ratioToBaseline} ${pass(r.verdict.ratio)}; ` +
      `accept p99 ≤ ${targets.acceptP99Ms} ms ${pass(r.verdict.acceptP99)}; single-send capacity ratio ≥ ${targets.ratioToBaseline} ${pass(r.verdict.capacityRatio)}`,
    '',
    'CPU seconds by process (and share of all cores busy):',
    `  (a) ${cpuLine(e.cpu)}`,
    `  (a2) ${cpuLine(r.twoWorkers.cpu)}`,
    `  (b) bulk insert ${cpuLine(b.bulkInsert.cpu)}`,
    `  (b) raw SMPP ${cpuLine(b.rawSmpp.cpu)}`,
    `  (c) ${cpuLine(l.cpu)}`,
    `Postgres background work during (a): ${JSON.stringify(e.maintenance)}; during (c): ${JSON.stringify(l.maintenance)}`,
    '',
    `database during (a): ${n(e.database.totals.calls)} statements (foreign-key checks included), ${n(Math.round(e.database.totals.execMs))} ms executing, ` +
      `${n(Math.round(e.database.totals.planMs))} ms planning; the most expensive:`,
    ...e.database.topStatements.slice(0, 8).map((s) => `  ${(s.totalMs + s.planMs).toFixed(0).padStart(7)} ms ${String(s.calls).padStart(6)}× ${s.query.slice(0, 110)}`),
    `  ${n(e.database.commits)} commits, ${n(e.database.walSyncs)} WAL syncs, ${(e.database.walBytes / 2 ** 20).toFixed(1)} MiB WAL (${n(e.database.walFpi)} full-page images)`,
  ];
  const t = l.database.totals;
  lines.push(`database during (c): ${n(t.calls)} statements, foreign-key checks included (${(t.calls / l.requests).toFixed(1)} per message), ` +
    `${n(Math.round(t.execMs))} ms executing, ${n(Math.round(t.planMs))} ms planning`);
  if (r.cpuProfiles) lines.push(`CPU profiles of the api and worker: ${r.cpuProfiles}`);
  console.log(lines.join('\n'));
}

function laneLine(l: LaneFigures): string {
  const owners = Object.values(l.bindsByWorker).join(' + ');
  const lanes = l.lanes.map((x) => `${x.carrier} ${n(x.messages)} messages (${n(x.handedOver)} handed over by another worker)`).join('; ');
  return `sessions at the SMSC ${l.sessions}, binds held per worker ${owners || 'none'}; lanes: ${lanes}`;
}

function capacityLines(c: SingleSendCapacity): string[] {
  const steps = (result: SingleSendCapacity['api']) => result.steps.map((s) => `${s.rate}:${s.p99.toFixed(0)}${s.errors ? `/${s.errors}err` : ''}`).join(' ');
  return [
    `(d) single-send capacity (highest rate with accept p99 ≤ ${c.api.limitMs} ms, ${c.api.stepMs / 1000} s per step): ` +
      `api ${n(c.api.capacity)} req/s, raw baseline ${n(c.raw.capacity)} req/s, ratio ${c.ratio.toFixed(2)}`,
    `    steps rate:p99 ms   api ${steps(c.api)}   raw ${steps(c.raw)}`,
  ];
}

/** A run of some phases only (TERN_BENCH_PHASES, for profiling): their figures, no results file. */
export function printPartial(r: Partial<Pick<BenchReport, 'endToEnd' | 'twoWorkers' | 'baseline' | 'acceptLatency' | 'capacity'>>): void {
  const lines = ['', 'a partial run (TERN_BENCH_PHASES): no results file'];
  if (r.twoWorkers) lines.push(`(a2) two workers ${n(r.twoWorkers.messagesPerSecond)} msg/s; ${laneLine(r.twoWorkers.lanes)}; CPU: ${cpuLine(r.twoWorkers.cpu)}`);
  if (r.capacity) lines.push(...capacityLines(r.capacity));
  if (r.endToEnd) lines.push(`(a) end to end ${n(r.endToEnd.messagesPerSecond)} msg/s; ${laneLine(r.endToEnd.lanes)}; CPU: ${cpuLine(r.endToEnd.cpu)}`);
  if (r.baseline) {
    lines.push(`(b) baseline ${n(r.baseline.messagesPerSecond)} msg/s: bulk insert ${n(r.baseline.bulkInsert.rowsPerSecond)} rows/s, raw SMPP ${n(r.baseline.rawSmpp.messagesPerSecond)} msg/s`);
  }
  const l = r.acceptLatency;
  if (l) {
    lines.push(`(c) accept p50 ${l.acceptMs.p50} ms, p99 ${l.acceptMs.p99} ms, max ${l.acceptMs.max} ms; CPU: ${cpuLine(l.cpu)}`);
    lines.push(`    p99 second by second: ${l.perSecond.map((b) => b.p99.toFixed(0)).join(' ')} ms; load generator loop delay ${JSON.stringify(l.generatorLoopDelayMs)}`);
  }
  for (const [phase, result] of [['(a)', r.endToEnd], ['(c)', l]] as const) {
    if (!result) continue;
    lines.push(`database during ${phase}: ${JSON.stringify(result.database.totals)}; ${JSON.stringify(result.maintenance)}`);
    for (const s of result.database.topStatements) {
      lines.push(`  ${(s.totalMs + s.planMs).toFixed(0).padStart(7)} ms ${String(s.calls).padStart(6)}× max ${s.maxMs.toFixed(0).padStart(4)} ms ${s.query.slice(0, 100)}`);
    }
  }
  console.log(lines.join('\n'));
}

export async function writeReport(r: BenchReport): Promise<string> {
  const dir = path.resolve(import.meta.dirname, '../../bench/results');
  const file = path.join(dir, `hot-path-${r.at.replace(/[:.]/g, '-')}.json`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
