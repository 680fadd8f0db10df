// Records one history per workflow and scenario into this folder, for test/workflows/replay.test.ts:
//   npx tsx test/workflows/histories/record.ts <label> [scenario…]   (all scenarios without names)
// Each scenario runs the worker's own workflows on the time-skipping test server with activities mocked, and
// drives them by signal and Update *names*, so the same script records on an older checkout too (that is how
// the `signals-` histories, from before decisions were Updates, were made: run in a worktree of that commit).
import fs from 'node:fs/promises';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { testServerExecutable } from '../../../scripts/temporal/binaries.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const label = process.argv[2] ?? 'current';
const useUpdates = !label.startsWith('signals');
const hour = 3600_000;

const activities = {
  scheduleTemplateReview: async () => ({ opensAt: new Date(Date.now() + hour).toISOString() }),
  openTemplateReview: async () => ({ dueAt: new Date(Date.now() + 48 * hour).toISOString() }),
  escalateTemplateReview: async () => undefined,
  decideTemplateReview: async () => true,
  withdrawTemplateReview: async () => true,
  decideSignature: async () => true,
  requestSignatureDocuments: async () => true,
  resumeSignatureReview: async () => true,
  expireSignature: async () => true,
  requestCarrierUnblock: async () => 'ticket-1',
  carrierUnblockStatus: async () => 'unblocked' as const,
  finishUnblocking: async () => undefined,
  releaseScheduledMessages: async () => 1,
  cancelScheduledMessages: async () => 0,
  beginSuspension: async () => undefined,
  stillOverLimit: async () => false,
  endSuspension: async () => undefined,
  beginHold: async () => undefined,
  // The hold ends at its second look (after the top-up signal).
  whyHoldEnds: (() => {
    let looks = 0;
    return async () => (++looks >= 2 ? ('topped_up' as const) : null);
  })(),
  endHold: async () => undefined,
  // A campaign of 3,000 rows in chunks of 1,000; its second look at the queue finds it full.
  campaignQueuedMessages: (() => {
    let looks = 0;
    return async () => (++looks === 2 ? 2_500 : 0);
  })(),
  queueCampaignChunk: async ({ afterLine, size }: { afterLine: number; size: number }) => ({ kind: 'queued', lastLine: afterLine + size, queued: size, refused: 0, done: afterLine + size >= 3_000 }),
  campaignUnfinishedMessages: (() => {
    let looks = 0;
    return async () => (++looks >= 2 ? 0 : 5);
  })(),
  markCampaign: async () => undefined,
  writeMessageExport: async () => ({ rows: 12_000, bytes: 2_500_000 }),
  readyMessageExport: async () => undefined,
  failMessageExport: async () => undefined,
  expireMessageExport: async () => undefined,
};
const only = new Set(process.argv.slice(3));

// The test server the suite uses (provisioned and cached like it), tied to this process.
const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await testServerExecutable() } });
const taskQueue = 'record';
const worker = await Worker.create({
  connection: env.nativeConnection,
  taskQueue,
  workflowsPath: path.join(root, 'workflows/index.ts'),
  activities,
});
const out = import.meta.dirname;
const until = (ms: number) => env.sleep(ms);

async function record(name: string, workflow: string, input: unknown, drive: (id: string) => Promise<void>) {
  if (only.size > 0 && !only.has(name)) return;
  const workflowId = `${label}-${name}`;
  const handle = await env.client.workflow.start(workflow, { taskQueue, workflowId, args: [input] });
  await drive(workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  await fs.writeFile(path.join(out, `${label}-${name}.json`), JSON.stringify(history, null, 1) + '\n');
  process.stdout.write(`recorded ${label}-${name}\n`);
}

// Decisions go by Update where the workflow takes them, else (older versions) by signal.
const decide = async (id: string, update: string, signal: string, arg?: unknown) => {
  const handle = env.client.workflow.getHandle(id);
  if (!useUpdates) await (arg === undefined ? handle.signal(signal) : handle.signal(signal, arg));
  else await (arg === undefined ? handle.executeUpdate(update) : handle.executeUpdate(update, { args: [arg] }));
};

await worker.runUntil(async () => {
  await record('template-review-approved', 'templateReview', { versionId: 'v1' }, async (id) => {
    await until(hour + 1000);
    await decide(id, 'decideReview', 'decide', { decision: 'approve', reviewerId: 'r1' });
  });
  await record('signature-review-documents', 'signatureReview', { signatureId: 's1' }, async (id) => {
    await decide(id, 'decideReview', 'decide', { decision: 'request_documents', reason: 'A clearer licence', reviewerId: 'r1' });
    await until(1000);
    await decide(id, 'uploadDocuments', 'documentsUploaded');
    await until(1000);
    await decide(id, 'decideReview', 'decide', { decision: 'approve', reviewerId: 'r1' });
  });
  await record('blocklist-unblocking-approved', 'blocklistUnblocking', { requestId: 'u1', waitingPeriodMs: 60_000, checkIntervalMs: 60_000 }, async (id) => {
    await decide(id, 'decideRequest', 'decide', { decision: 'approve', operatorId: 'o1' });
  });
  await record('scheduled-send-released', 'scheduledSend', { requestId: 'q1', sendAt: new Date(Date.now() + hour).toISOString() }, async () => undefined);
  await record('quota-runout-topped-up', 'quotaRunout', { holdId: 1, tenantId: 't1' }, async (id) => {
    await until(11 * 60_000);
    await env.client.workflow.getHandle(id).signal('quotaChanged');
  });
  await record('campaign-paused', 'campaign', { campaignId: 'c1' }, async (id) => {
    await env.client.workflow.getHandle(id).signal('pause');
    await until(1000);
    await env.client.workflow.getHandle(id).signal('resume');
  });
  await record('message-export-expired', 'messageExport', { exportId: 'e1' }, async () => undefined);
  await record('sending-suspension-ended', 'sendingSuspension', { tenantId: 't1', period: 'day', periodStart: new Date().toISOString(), until: new Date(Date.now() + hour).toISOString() }, async () => undefined);
});
await env.teardown();
