// `npm run bench`: (a) the hot path end to end against the SMPP simulator, (b) a raw baseline on the same machine,
// (c) accept latency at a fixed rate, (d) single-send capacity beside a raw baseline's; prints the figures and writes them to bench/results/hot-path-<time>.json.
// The api and the worker run as child processes (api/main.ts, worker/main.ts), the simulator and the callback
// sink in two more (peers-main.ts); this process only generates load and measures. Knobs: config.ts.
import { runAcceptLatency } from './accept-latency.ts';
import { runBulkInsert } from './bulk-insert.ts';
import { readConfig } from './config.ts';
import { resetStatementStats, statementTotals, topStatements, walSnapshot, walDelta } from './database.ts';
import { runEndToEnd } from './end-to-end.ts';
import { laneFigures } from './lanes.ts';
import { until } from './services.ts';
import { jsonPoster } from './http-client.ts';
import { accounted } from './measure.ts';
import { ranges, recipients } from './numbers.ts';
import { rawSmppOnBench } from './raw-smpp.ts';
import { capacityLimitMs, runSingleSendCapacity } from './single-send-capacity.ts';
import { machine, printPartial, printReport, targets, writeReport, type BenchReport } from './report.ts';
import { benchSignature, codeTemplate, sender, startStack, type Stack } from './stack.ts';
import { signedText } from '../../domain/signature-rules.ts';
import { SetupError } from '../setup-error.ts';

const config = readConfig();
const log = (message: string) => console.error(`[bench] ${message}`);
// The text as the platform sends it, signature included, so the baseline carries the same bytes.
const codeText = signedText(codeTemplate.replace('${1}', '246810'), benchSignature);

/** The row every baseline writes: what an accepted single send stores. */
function benchRow(stack: Stack) {
  const { tenant, peers } = stack;
  return { tenantId: tenant.tenantId, appId: tenant.appId, templateId: tenant.templateId, sender, body: codeText, callbackUrl: peers.sinkUrl };
}

async function run(stack: Stack): Promise<void> {
  const at = new Date().toISOString();
  const { database, peers, tenant } = stack;
  const db = database.db;
  const cores = machine().cpus;
  const measured = <T>(phase: () => Promise<T>) => accounted(db, stack.pids, cores, phase);
  const poster = jsonPoster(stack.apiUrl, tenant.authorization);
  try {
    const e2e = { poster, peers, templateId: tenant.templateId, perRequest: config.recipientsPerRequest, concurrency: config.requestConcurrency, stallMs: config.stallMs };
    if (config.warmupMessages > 0) {
      log(`warm-up: ${config.warmupMessages} messages end to end…`);
      await runEndToEnd({ ...e2e, recipients: recipients(ranges.warmup, config.warmupMessages) });
    }

    let endToEnd: BenchReport['endToEnd'] | undefined;
    if (config.phases.has('e2e')) {
      log(`(a) end to end: ${config.messages} messages…`);
      const since = new Date();
      await resetStatementStats(db);
      const walBefore = await walSnapshot(db);
      const result = await measured(() => runEndToEnd({ ...e2e, recipients: recipients(ranges.e2e, config.messages) }));
      const walAfter = await walSnapshot(db);
      endToEnd = {
        ...result,
        database: {
          topStatements: await topStatements(db),
          totals: await statementTotals(db),
          ...walDelta(walBefore, walAfter),
        },
        lanes: await laneFigures(db, peers, since),
      };
      log(`(a) ${result.messagesPerSecond} msg/s (${result.totalMs} ms; all accepted after ${result.acceptMs} ms)`);
    }

    let twoWorkers: BenchReport['twoWorkers'] | undefined;
    if (config.phases.has('workers2')) {
      log(`(a2) end to end with two worker processes sharing the ${config.binds} binds: ${config.messages} messages…`);
      const second = stack.startSecondWorker();
      await until('the binds shared by the two workers', async () => {
        const figures = await laneFigures(db, peers, new Date());
        return Object.keys(figures.bindsByWorker).length === Math.min(2, config.binds) && figures.sessions === config.binds;
      });
      const since = new Date();
      const result = await measured(() => runEndToEnd({ ...e2e, recipients: recipients(ranges.twoWorkers, config.messages) }));
      twoWorkers = { ...result, lanes: await laneFigures(db, peers, since) };
      log(`(a2) ${result.messagesPerSecond} msg/s (${result.totalMs} ms); stopping the second worker…`);
      await second.stop();
      await until('the first worker to hold every bind again', async () => (await laneFigures(db, peers, new Date())).sessions === config.binds);
    }

    let baseline: BenchReport['baseline'] | undefined;
    if (config.phases.has('baseline')) {
      log('(b) raw baseline: bulk insert…');
      const numbers = recipients(ranges.baseline, config.messages);
      const bulkInsert = await measured(() => runBulkInsert(db, benchRow(stack), numbers));
      log(`(b) bulk insert ${bulkInsert.rowsPerSecond} rows/s; raw SMPP…`);
      const rawSmpp = await measured(() => rawSmppOnBench(peers.smppPort, config, codeText, numbers));
      baseline = { bulkInsert, rawSmpp, messagesPerSecond: Math.round((config.messages / (bulkInsert.ms + rawSmpp.ms)) * 1000) };
      log(`(b) raw SMPP ${rawSmpp.messagesPerSecond} msg/s; baseline ${baseline.messagesPerSecond} msg/s`);
    }

    let acceptLatency: BenchReport['acceptLatency'] | undefined;
    if (config.phases.has('latency')) {
      const { ratePerSecond, durationMs, warmupMs } = config.latency;
      const count = (ms: number) => Math.round((ratePerSecond * ms) / 1000);
      const single = { poster, peers, templateId: tenant.templateId, ratePerSecond, stallMs: config.stallMs };
      if (warmupMs > 0) {
        // Single sends take code paths the batch warm-up did not (and more connections): warm them up at the same rate.
        log(`(c) warm-up: ${ratePerSecond} req/s for ${warmupMs / 1000} s, not measured…`);
        await runAcceptLatency({ ...single, recipients: recipients(ranges.latencyWarmup, count(warmupMs)) });
      }
      log(`(c) accept latency: ${ratePerSecond} req/s for ${durationMs / 1000} s…`);
      await resetStatementStats(db);
      const result = await measured(() => runAcceptLatency({ ...single, recipients: recipients(ranges.latency, count(durationMs)) }));
      acceptLatency = { ...result, database: { topStatements: await topStatements(db), totals: await statementTotals(db) } };
      const { acceptMs: a, serviceMs: s } = result;
      log(`(c) accept p50 ${a.p50} ms, p99 ${a.p99} ms, max ${a.max} ms (service p50 ${s.p50}, p99 ${s.p99})`);
    }

    let capacity: BenchReport['capacity'] | undefined;
    if (config.phases.has('capacity')) {
      log(`(d) single-send capacity: the highest rate with accept p99 ≤ ${capacityLimitMs} ms, the api and then the raw baseline…`);
      capacity = await runSingleSendCapacity(stack, config, benchRow(stack), log);
      log(`(d) api ${capacity.api.capacity} req/s, raw ${capacity.raw.capacity} req/s, ratio ${capacity.ratio}`);
    }

    log('stopping…');
    await stack.stop();

    if (!endToEnd || !twoWorkers || !baseline || !acceptLatency || !capacity) {
      printPartial({ endToEnd, twoWorkers, baseline, acceptLatency, capacity });
      return;
    }
    const ratio = Math.round((endToEnd.messagesPerSecond / baseline.messagesPerSecond) * 100) / 100;
    const report: BenchReport = {
      at,
      machine: machine(),
      config: { ...config, phases: [...config.phases] },
      postgres: database.settings,
      endToEnd,
      twoWorkers,
      baseline,
      ratio,
      acceptLatency,
      capacity,
      verdict: {
        endToEnd: endToEnd.messagesPerSecond >= targets.endToEndPerSecond,
        ratio: ratio >= targets.ratioToBaseline,
        acceptP99: acceptLatency.acceptMs.p99 <= targets.acceptP99Ms,
        capacityRatio: capacity.ratio >= targets.ratioToBaseline,
      },
      cpuProfiles: config.cpuProfileDir ?? null,
    };
    printReport(report);
    console.log(`\nwritten to ${await writeReport(report)}`);
  } finally {
    poster.close();
  }
}

let stack: Stack | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
}
try {
  stack = await startStack(config, log);
  await run(stack);
} catch (err) {
  if (err instanceof SetupError) console.error(`[tern] ${err.message}`);
  else console.error('[bench] failed:', err);
  await stack?.stop();
  process.exitCode = 1;
}
