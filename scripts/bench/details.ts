// `npm run bench -- details` (issue 18): sending details, statistics and exports on a table of TERN_BENCH_DETAILS_ROWS
// messages of one tenant (ten million by default, over 100 days, a tenth more of another tenant), through the api
// process over HTTP: page latency for common filter sets, statistics for 1, 30 and 90 days, and an export's rate
// and the api's peak memory beside a raw baseline, `COPY (select …) TO STDOUT` of the same rows. Prints the figures
// and writes them to bench/results/details-<time>.json.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { rebuildMessageStats } from '../../db/message-stats.ts';
import { createTenant, createTenantApp } from '../../db/provisioning.ts';
import { masterKeyFrom, newMasterKey, secretBox } from '../../domain/secret-box.ts';
import { freePort } from '../stack/free-port.ts';
import { integer } from './config.ts';
import { startBenchDatabase } from './database.ts';
import { loadDetails, type LoadedDetails } from './details-load.ts';
import { dropOldestMonth } from './details-retention.ts';
import { machine } from './report.ts';
import { sampleRss } from './rss.ts';
import { apiHeap, builtApi } from './stack.ts';
import { apiReady, startService, until } from './services.ts';
import { distribution, nowMs, perSecond, type Distribution } from './stats.ts';

const rows = integer('TERN_BENCH_DETAILS_ROWS', 10_000_000, 10_000);
const days = 100;
const exportDays = integer('TERN_BENCH_DETAILS_EXPORT_DAYS', 10, 1);
const samples = integer('TERN_BENCH_DETAILS_SAMPLES', 40, 5);
const targets = { pageP99Ms: 100, statisticsMs: 200, exportRatio: 0.5, exportRssMb: 200 } as const;
const log = (message: string) => console.error(`[bench] ${message}`);
const dayMs = 86_400_000;

async function timed(url: string, authorization: string): Promise<{ ms: number; body: { nextCursor?: string | null } }> {
  const started = nowMs();
  const res = await fetch(url, { headers: { authorization } });
  const body = (await res.json()) as { nextCursor?: string | null; code?: string };
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: nowMs() - started, body };
}

/** Page latency of one filter set: its first page and the four after it, again and again. */
async function pages(apiUrl: string, authorization: string, query: Record<string, string>): Promise<Distribution> {
  const times: number[] = [];
  while (times.length < samples) {
    let cursor: string | null | undefined;
    for (let page = 0; page < 5 && times.length < samples; page++) {
      const params = new URLSearchParams({ ...query, limit: '50', ...(cursor ? { cursor } : {}) });
      const { ms, body } = await timed(`${apiUrl}/v1/messages?${params}`, authorization);
      times.push(ms);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  }
  return distribution(times);
}

async function statistics(apiUrl: string, authorization: string, query: Record<string, string>): Promise<Distribution> {
  const times: number[] = [];
  for (let i = 0; i < Math.max(5, samples / 2); i++) times.push((await timed(`${apiUrl}/v1/statistics?${new URLSearchParams(query)}`, authorization)).ms);
  return distribution(times);
}

/** Bytes and lines of a stream, counted as it passes, nothing kept. */
function counter() {
  let bytes = 0;
  let lines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done();
    },
  });
  return { sink, figures: () => ({ bytes, lines }) };
}

async function exportThroughApi(apiUrl: string, authorization: string, since: Date) {
  const started = nowMs();
  const res = await fetch(`${apiUrl}/v1/messages/export?${new URLSearchParams({ since: since.toISOString() })}`, { headers: { authorization } });
  if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status}`);
  const count = counter();
  await pipeline(res.body, count.sink);
  const ms = nowMs() - started;
  const { bytes, lines } = count.figures();
  return { rows: lines - 1, bytes, ms: Math.round(ms), rowsPerSecond: perSecond(lines - 1, ms) };
}

/** The raw baseline: the same rows and columns, in the same order, as Postgres writes CSV itself. */
async function rawCopy(url: string, tenantId: string, since: Date) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = nowMs();
    const count = counter();
    const query = `copy (select id, request_id, recipient, sender, template_id, segments, status, error_code, error_message, reference, carrier,
                               campaign_id, send_at, created_at, submitted_at, completed_at, country, region, signature
                        from messages where tenant_id = '${tenantId}' and created_at >= '${since.toISOString()}'
                        order by created_at desc, id desc) to stdout with (format csv, header)`;
    await pipeline(client.query(copyTo(query)), count.sink);
    const ms = nowMs() - started;
    const { bytes, lines } = count.figures();
    return { rows: lines - 1, bytes, ms: Math.round(ms), rowsPerSecond: perSecond(lines - 1, ms) };
  } finally {
    await client.end();
  }
}

const iso = (d: Date) => d.toISOString();
const ago = (loaded: LoadedDetails, d: number) => new Date(loaded.newest.getTime() - d * dayMs);

async function main(): Promise<void> {
  const at = new Date().toISOString();
  log('starting Postgres…');
  const database = await startBenchDatabase();
  const stops: (() => Promise<unknown>)[] = [() => database.stop()];
  try {
    const masterKey = newMasterKey();
    const secrets = secretBox(masterKeyFrom(masterKey));
    const tenantId = await createTenant(database.db, 'Details Co');
    const otherTenantId = await createTenant(database.db, 'Other Co');
    const app = await createTenantApp(database.db, secrets, { tenantId, name: 'details', senderId: 'TERN', callbackUrl: null });
    const otherApp = await createTenantApp(database.db, secrets, { tenantId: otherTenantId, name: 'other', senderId: 'TERN', callbackUrl: null });
    const authorization = `Basic ${Buffer.from(`${app.appKey}:${app.appSecret}`).toString('base64')}`;

    log(`loading ${rows.toLocaleString('en-US')} messages over ${days} days…`);
    const loadStarted = nowMs();
    const loaded = await loadDetails(database.db, { tenantId, otherTenantId, appId: app.id, otherAppId: otherApp.id, rows, days }, log);
    const loadMs = Math.round(nowMs() - loadStarted);
    const { rows: sizes } = await sql<{ table_mb: string; indexes_mb: string }>`
      select sum(pg_table_size(relid)) / 1048576 as table_mb, sum(pg_indexes_size(relid)) / 1048576 as indexes_mb
      from pg_partition_tree('messages') where isleaf`.execute(database.db);
    log('computing the statistics from the messages (the rebuild)…');
    const rebuildStarted = nowMs();
    const cubeRows = await rebuildMessageStats(database.db, { since: ago(loaded, days + 1) });
    const rebuildMs = Math.round(nowMs() - rebuildStarted);
    await sql`analyze message_stats`.execute(database.db);

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = startService({
      ...(await builtApi()),
      env: {
        DATABASE_URL: database.url,
        TERN_MASTER_KEY: masterKey,
        TERN_API_PORT: String(apiPort),
        TERN_API_HOST: '127.0.0.1',
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
        TERN_APP_REQUESTS_PER_SECOND: '100000',
        // The api's heap limit as docker-compose sets it (docs/operations.md): its RSS is measured as deployed.
        NODE_OPTIONS: apiHeap,
      },
    });
    stops.push(() => api.stop());
    await until('the api', () => apiReady(apiUrl));
    const memory = sampleRss({ api: api.pid }, 100);

    log('(1) page latency…');
    const filterSets: [string, Record<string, string>][] = [
      ['newest, no filter', {}],
      ['failed in the last 7 days', { status: 'undelivered,expired,rejected,failed', since: iso(ago(loaded, 7)) }],
      ['one template, last 30 days', { templateId: loaded.templates[5] ?? '', since: iso(ago(loaded, 30)) }],
      ['one recipient', { to: loaded.frequentNumber }],
      ['one campaign', { campaignId: loaded.campaigns[7] ?? '' }],
      ['one country, last day', { country: 'GB', since: iso(ago(loaded, 1)) }],
    ];
    const pageLatency: Record<string, Distribution> = {};
    for (const [name, query] of filterSets) {
      pageLatency[name] = await pages(apiUrl, authorization, query);
      log(`(1) ${name}: p50 ${pageLatency[name]?.p50} ms, p99 ${pageLatency[name]?.p99} ms`);
    }

    log('(2) statistics latency…');
    const statisticsSets: [string, Record<string, string>][] = [
      ['1 day by hour, by template', { granularity: 'hour', groupBy: 'template', since: iso(ago(loaded, 1)), until: iso(loaded.newest) }],
      ['30 days by day, by template', { granularity: 'day', groupBy: 'template', since: iso(ago(loaded, 30)), until: iso(loaded.newest) }],
      ['90 days by day, by country', { granularity: 'day', groupBy: 'country', since: iso(ago(loaded, 90)), until: iso(loaded.newest) }],
      ['90 days in total, by status', { granularity: 'total', groupBy: 'status', since: iso(ago(loaded, 90)), until: iso(loaded.newest) }],
    ];
    const statisticsLatency: Record<string, Distribution> = {};
    for (const [name, query] of statisticsSets) {
      statisticsLatency[name] = await statistics(apiUrl, authorization, query);
      log(`(2) ${name}: p50 ${statisticsLatency[name]?.p50} ms, max ${statisticsLatency[name]?.max} ms`);
    }

    log(`(3) export of the last ${exportDays} days through the api, then the raw COPY…`);
    memory.phase('export');
    const viaApi = await exportThroughApi(apiUrl, authorization, ago(loaded, exportDays));
    memory.phase('after');
    const raw = await rawCopy(database.url, tenantId, ago(loaded, exportDays));
    const peaks = await memory.stop();
    const exportRssMb = peaks.api?.peakMbByPhase.export ?? Number.NaN;
    const idleRssMb = peaks.api?.peakMbByPhase.before ?? Number.NaN;
    const exportRatio = Math.round((viaApi.rowsPerSecond / raw.rowsPerSecond) * 100) / 100;
    log(`(3) api ${viaApi.rowsPerSecond.toLocaleString('en-US')} rows/s, raw COPY ${raw.rowsPerSecond.toLocaleString('en-US')} rows/s`);

    log('(4) the oldest month dropped while a probe claims and updates messages…');
    const retention = await dropOldestMonth(database.db, database.url, 5_000);
    log(`(4) ${retention.month}: ${retention.messages} messages in ${retention.dropMs} ms`);

    const pageP99 = Math.max(...Object.values(pageLatency).map((d) => d.p99));
    const statisticsMax = Math.max(...Object.values(statisticsLatency).map((d) => d.p99));
    const report = {
      at,
      machine: machine(),
      rows,
      days,
      load: { ms: loadMs, rowsPerSecond: perSecond(rows * 1.1, loadMs), tableMb: Number(sizes[0]?.table_mb), indexesMb: Number(sizes[0]?.indexes_mb) },
      statisticsRebuild: { ms: rebuildMs, cubeRows },
      pageLatency,
      statisticsLatency,
      export: { viaApi, raw, ratio: exportRatio, apiPeakRssMb: exportRssMb, apiRssBeforeMb: idleRssMb },
      retention,
      targets,
      met: { pageP99: pageP99 <= targets.pageP99Ms, statistics: statisticsMax <= targets.statisticsMs, exportRatio: exportRatio >= targets.exportRatio, exportRss: exportRssMb < targets.exportRssMb },
    };
    const lines = [
      `Tern details bench: ${rows.toLocaleString('en-US')} messages of one tenant over ${days} days (+10% of another), ${report.machine.cpus} CPUs, Node ${process.version}`,
      `load            ${report.load.rowsPerSecond.toLocaleString('en-US')} rows/s generated in Postgres; messages ${report.load.tableMb} MB, its indexes ${report.load.indexesMb} MB`,
      `stats rebuild   ${(rebuildMs / 1000).toFixed(1)} s for every message (${cubeRows.toLocaleString('en-US')} cube rows)`,
      'page latency (50 a page, first page and the four after it, over HTTP):',
      ...Object.entries(pageLatency).map(([name, d]) => `  ${name.padEnd(30)} p50 ${d.p50} ms  p99 ${d.p99} ms  (${d.count} pages)`),
      'statistics latency:',
      ...Object.entries(statisticsLatency).map(([name, d]) => `  ${name.padEnd(30)} p50 ${d.p50} ms  p99 ${d.p99} ms  (${d.count} queries)`),
      `export          ${viaApi.rows.toLocaleString('en-US')} rows (${exportDays} days) in ${(viaApi.ms / 1000).toFixed(1)} s: ${viaApi.rowsPerSecond.toLocaleString('en-US')} rows/s; api peak RSS ${exportRssMb} MB (${idleRssMb} MB before, through the page and statistics phases)`,
      `raw COPY        ${raw.rows.toLocaleString('en-US')} rows in ${(raw.ms / 1000).toFixed(1)} s: ${raw.rowsPerSecond.toLocaleString('en-US')} rows/s; ratio ${exportRatio}`,
      `retention       ${retention.month} (${retention.messages.toLocaleString('en-US')} messages) dropped in ${(retention.dropMs / 1000).toFixed(1)} s; ` +
        `hot-path probe p99 ${retention.probe.duringDrop.p99} ms, max ${retention.probe.duringDrop.max} ms during it vs p99 ${retention.probe.baseline.p99} ms, max ${retention.probe.baseline.max} ms before ` +
        `(ratio of p99 ${Math.round((retention.probe.duringDrop.p99 / Math.max(retention.probe.baseline.p99, 0.001)) * 100) / 100})`,
      `targets: page p99 ≤ ${targets.pageP99Ms} ms ${report.met.pageP99 ? 'met' : 'NOT MET'} (worst ${pageP99} ms); statistics ≤ ${targets.statisticsMs} ms ${report.met.statistics ? 'met' : 'NOT MET'} (worst p99 ${statisticsMax} ms); ` +
        `export ≥ ${targets.exportRatio}× raw ${report.met.exportRatio ? 'met' : 'NOT MET'}; RSS < ${targets.exportRssMb} MB ${report.met.exportRss ? 'met' : 'NOT MET'}`,
    ];
    console.log(lines.join('\n'));
    const dir = path.resolve(import.meta.dirname, '../../bench/results');
    const file = path.join(dir, `details-${at.replace(/[:.]/g, '-')}.json`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten to ${file}`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => log(`clean-up step failed: ${String(err)}`));
  }
}

await main();
