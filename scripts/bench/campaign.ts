// `npm run bench -- campaign` (issue 17): a campaign of TERN_BENCH_CAMPAIGN_ROWS recipients (a million by default)
// against the simulator, beside raw baselines run the same way: (1) the list uploaded through the API against
// csv-parse + a bulk INSERT; (2) the campaign sent, with verification codes sent one at a time meanwhile (their
// accept and wire latency) and the api's and worker's memory sampled, against the hot path's own rate (API requests of
// 1,000) and raw SMPP; (3) the campaign's workflow
// history. Prints the figures and writes them to bench/results/campaign-<time>.json. Knobs: campaign-config.ts, config.ts.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { campaignWorkflowId } from '../../processes/campaigns.ts';
import { signedText } from '../../domain/signature-rules.ts';
import { SetupError } from '../setup-error.ts';
import { readCampaignConfig } from './campaign-config.ts';
import { followCampaign } from './campaign-follow.ts';
import { writeRecipientList } from './campaign-list.ts';
import { campaignTargets, printCampaignReport, writeCampaignReport, type CampaignBenchReport, type CampaignRun } from './campaign-report.ts';
import { singlesDuringCampaign, type SinglesDuringCampaign } from './campaign-singles.ts';
import { uploadList } from './campaign-upload.ts';
import { readConfig } from './config.ts';
import { resetStatementStats, statementTotals, topStatements, walSnapshot, walDelta, walBreakdownWanted, walByRelation } from './database.ts';
import { sampleWaits, type WaitProfile } from './db-waits.ts';
import { runEndToEnd } from './end-to-end.ts';
import { jsonPoster } from './http-client.ts';
import { accounted } from './measure.ts';
import { rangePrefix, ranges, recipients } from './numbers.ts';
import { rawSmppOnBench } from './raw-smpp.ts';
import { machine } from './report.ts';
import { sampleRss } from './rss.ts';
import { benchSignature, codeTemplate, startStack, type Stack } from './stack.ts';
import { nowMs, perSecond } from './stats.ts';
import { runRawUpload } from './upload-baseline.ts';
import { workflowHistory } from './workflow-history.ts';

const config = readConfig();
const campaignConfig = readCampaignConfig();
const log = (message: string) => console.error(`[bench] ${message}`);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** The campaign's messages as Postgres has them at the end: counts by status, and when the first and last went out. */
async function campaignMessages(stack: Stack, campaignId: string) {
  const db = stack.database.db;
  const { rows: times } = await sql<{ first_submit: Date | null; last_submit: Date | null; last_completed: Date | null }>`
    select min(submitted_at) as first_submit, max(submitted_at) as last_submit, max(completed_at) as last_completed
    from messages where campaign_id = ${campaignId}`.execute(db);
  const { rows: statuses } = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from messages where campaign_id = ${campaignId} group by status order by status`.execute(db);
  const at = (d: Date | null | undefined) => (d ? d.getTime() : Number.NaN);
  const t = times[0];
  return {
    firstSubmit: at(t?.first_submit),
    lastSubmit: at(t?.last_submit),
    lastCompleted: at(t?.last_completed),
    byStatus: Object.fromEntries(statuses.map((r) => [r.status, r.n])),
  };
}

async function run(stack: Stack, listFile: string): Promise<void> {
  const at = new Date().toISOString();
  const { database, peers, tenant } = stack;
  const db = database.db;
  const measured = <T>(phase: () => Promise<T>) => accounted(db, stack.pids, machine().cpus, phase);
  const memory = sampleRss(stack.pids);
  // The codes go at a low rate (20/s): connections are reused oldest first, see jsonPoster.
  const poster = jsonPoster(stack.apiUrl, tenant.authorization, 64, 'fifo');
  try {
    const rows = campaignConfig.rows;
    log(`(1) writing ${rows.toLocaleString('en-US')} recipients to ${listFile}…`);
    const list = await writeRecipientList(listFile, ranges.campaign, rows);

    log(`(1) uploading the list (${(list.bytes / 2 ** 20).toFixed(1)} MiB) to POST /v1/campaigns/uploads…`);
    memory.phase('upload');
    const upload = await measured(() => uploadList({ apiUrl: stack.apiUrl, authorization: tenant.authorization, templateId: tenant.templateId, name: 'bench list', file: listFile, rows }));
    log(`(1) upload ${upload.rowsPerSecond.toLocaleString('en-US')} rows/s (${upload.ms} ms); raw baseline: csv-parse + bulk INSERT…`);
    memory.phase('raw upload');
    const rawUpload = await measured(() => runRawUpload(db, listFile));
    log(`(1) raw upload ${rawUpload.rowsPerSecond.toLocaleString('en-US')} rows/s (${rawUpload.ms} ms)`);

    log(`(2) starting the campaign, with single codes at ${campaignConfig.singlesPerSecond}/s meanwhile…`);
    memory.phase('campaign');
    await resetStatementStats(db);
    const walBefore = await walSnapshot(db);
    const waits = sampleWaits(db);
    const partsBefore = (await peers.simulator()).parts;
    let singles: ReturnType<typeof singlesDuringCampaign> | undefined;
    let singlesResult: SinglesDuringCampaign | undefined;
    let stopping: Promise<void> | undefined;
    const stopSingles = () => (stopping ??= singles ? singles.stop().then((r) => void (singlesResult = r)) : Promise.resolve());
    let waitProfile: WaitProfile | undefined;
    const startedAt = nowMs();
    const campaign = await measured(async () => {
      try {
        const created = await poster.post('/v1/campaigns', {
          name: 'bench campaign',
          uploadId: upload.summary.id,
          ...(campaignConfig.campaignRate ? { ratePerSecond: campaignConfig.campaignRate } : {}),
        });
        if (created.status !== 201) throw new Error(`POST /v1/campaigns answered ${created.status}: ${created.body.slice(0, 300)}`);
        const id = (JSON.parse(created.body) as { id: string }).id;
        const codes = singlesDuringCampaign({
          poster,
          peers,
          templateId: tenant.templateId,
          ratePerSecond: campaignConfig.singlesPerSecond,
          start: ranges.latency,
          maxMs: campaignConfig.timeoutMs,
          db,
        });
        singles = codes;
        const followed = await followCampaign({
          apiUrl: stack.apiUrl,
          authorization: tenant.authorization,
          peers,
          campaignId: id,
          rows,
          startedAt,
          partsBefore,
          singlesSent: () => codes.sentSoFar(),
          allSubmitted: () => void stopSingles(),
          stallMs: Math.max(config.stallMs, 60_000),
          timeoutMs: campaignConfig.timeoutMs,
          log,
        });
        return { id, followed };
      } finally {
        waitProfile = waits.stop();
        await stopSingles();
      }
    });
    const { id, followed } = campaign;
    const walAfter = await walSnapshot(db);
    const statements = {
      topStatements: await topStatements(db, 20),
      totals: await statementTotals(db),
      waits: waitProfile ?? waits.stop(),
      ...walDelta(walBefore, walAfter),
      ...(walBreakdownWanted() ? { walByRelation: await walByRelation(db, walBefore, walAfter) } : {}),
    };
    const messages = await campaignMessages(stack, id);
    const since = (t: number) => Math.round(t - startedAt);
    const run: CampaignRun = {
      id,
      rows,
      toLastSubmitMs: since(messages.lastSubmit),
      sendPerSecond: perSecond(rows, messages.lastSubmit - startedAt),
      toLastReceiptMs: since(messages.lastCompleted),
      perSecondToLastReceipt: perSecond(rows, messages.lastCompleted - startedAt),
      toCompletedMs: followed.completedMs,
      perSecondToCompleted: perSecond(rows, followed.completedMs),
      toFirstSubmitMs: since(messages.firstSubmit),
      byStatus: messages.byStatus,
      final: followed.final.progress,
      samples: followed.samples,
      database: statements,
    };
    log(`(2) campaign ${run.sendPerSecond} msg/s to the last submit (${run.toLastSubmitMs} ms), completed after ${run.toCompletedMs} ms`);
    const singlesFigures = singlesResult;
    if (!singlesFigures) throw new Error('the single sends did not report');

    log('(3) the campaign workflow’s history…');
    const history = await workflowHistory(stack.temporal.client, campaignWorkflowId(id));

    const hotPathMessages = campaignConfig.hotPathMessages;
    log(`(2) the hot path's rate: ${hotPathMessages.toLocaleString('en-US')} messages through POST /v1/messages, ${config.recipientsPerRequest} a request…`);
    memory.phase('hot path');
    const batches = jsonPoster(stack.apiUrl, tenant.authorization);
    const hotPath = await measured(() =>
      runEndToEnd({ poster: batches, peers, templateId: tenant.templateId, recipients: recipients(ranges.e2e, hotPathMessages), perRequest: config.recipientsPerRequest, concurrency: config.requestConcurrency, stallMs: config.stallMs }),
    ).finally(() => batches.close());
    log(`(2) hot path ${hotPath.messagesPerSecond} msg/s`);

    log(`(2) raw baseline: ${campaignConfig.rawSmppMessages.toLocaleString('en-US')} submit_sm over raw SMPP…`);
    memory.phase('raw SMPP');
    const rawText = signedText(codeTemplate.replace('${1}', '100000'), benchSignature);
    const rawSmpp = await measured(() => rawSmppOnBench(peers.smppPort, config, rawText, recipients(ranges.baseline, campaignConfig.rawSmppMessages)));
    log(`(2) raw SMPP ${rawSmpp.messagesPerSecond} msg/s`);
    const memoryPeaks = await memory.stop();

    log('stopping…');
    await stack.stop();

    const workerRss = memoryPeaks.worker?.peakMb ?? Number.NaN;
    const { summary, ...uploaded } = upload;
    const report: CampaignBenchReport = {
      at,
      machine: machine(),
      config: { bench: { ...config, phases: [...config.phases] }, campaign: campaignConfig },
      postgres: database.settings,
      list: { rows: list.rows, bytes: list.bytes, first: list.first },
      upload: { ...uploaded, estimate: summary.estimate },
      rawUpload,
      uploadRatio: ratio(upload.rowsPerSecond, rawUpload.rowsPerSecond),
      campaign: { ...run, cpu: campaign.cpu, maintenance: campaign.maintenance },
      rawSmpp,
      sendRatio: ratio(run.perSecondToLastReceipt, rawSmpp.messagesPerSecond),
      hotPath,
      hotPathRatio: ratio(run.perSecondToLastReceipt, hotPath.messagesPerSecond),
      singles: singlesFigures,
      memory: memoryPeaks,
      history,
      verdict: {
        upload: upload.rowsPerSecond >= campaignTargets.uploadRowsPerSecond,
        send: run.perSecondToLastReceipt >= campaignTargets.sendToHotPath * hotPath.messagesPerSecond,
        workerRss: workerRss < campaignTargets.workerRssMb,
        codeToWire: singlesFigures.errors === 0 && singlesFigures.wireSeen === singlesFigures.requests && singlesFigures.dueToWireMs.p99 < campaignTargets.codeToWireP99Ms,
      },
    };
    printCampaignReport(report);
    console.log(`\nwritten to ${await writeCampaignReport(report)}`);
  } finally {
    poster.close();
    await memory.stop().catch(() => undefined);
  }
}

let stack: Stack | undefined;
const listFile = path.join(os.tmpdir(), `tern-bench-campaign-${process.pid}.csv`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (stack?.stop() ?? Promise.resolve()).finally(() => void fs.rm(listFile, { force: true }).finally(() => process.exit(130))));
}
try {
  // The simulator notes when each single send's submit_sm arrives (their numbers share this prefix).
  stack = await startStack(config, log, { wirePrefix: rangePrefix(ranges.latency) });
  await run(stack, listFile);
} catch (err) {
  if (err instanceof SetupError) console.error(`[tern] ${err.message}`);
  else console.error('[bench] failed:', err);
  await stack?.stop();
  process.exitCode = 1;
} finally {
  await fs.rm(listFile, { force: true });
}
