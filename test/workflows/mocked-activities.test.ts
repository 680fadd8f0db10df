import '../support/temporal.ts';
import assert from 'node:assert/strict';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { testServerExecutable } from '../../scripts/temporal/binaries.ts';
import { workflowsPath } from '../../worker/workflows-path.ts';
import { decideUnblockUpdate, blocklistUnblocking } from '../../workflows/blocklist-unblocking.ts';
import { cancelScheduledSendSignal, scheduledSend, scheduledSendStateQuery } from '../../workflows/scheduled-send.ts';
import { liftSuspensionSignal, limitChangedSignal, sendingSuspension } from '../../workflows/sending-suspension.ts';
import { decideSignatureUpdate, documentsUploadedUpdate, signatureReview } from '../../workflows/signature-review.ts';
import { decideTemplateUpdate, templateReview, templateReviewQuery, withdrawTemplateSignal } from '../../workflows/template-review.ts';

/**
 * Each workflow alone, as the Temporal samples test them: the time-skipping test server, the real workflow code,
 * and activities replaced by functions that record their calls. No database, no HTTP: the workflow's own logic
 * (timers, signals, Updates and their validators, what it asks its activities to do) in a few seconds.
 */
describe('workflows with mocked activities (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;
  let queue = 0;
  beforeAll(async () => {
    [env, bundle] = await Promise.all([
      TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await testServerExecutable() } }),
      bundleWorkflowCode({ workflowsPath, logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined } }),
    ]);
  }, 120_000);
  afterAll(() => env?.teardown());

  const hour = 3600_000;
  const day = 24 * hour;

  /** Runs `body` with a worker whose activities are `activities`, recording each call as `[name, ...args]`. */
  async function withWorker<T>(activities: Record<string, (...args: never[]) => unknown>, body: (taskQueue: string, calls: unknown[][]) => Promise<T>): Promise<T> {
    const taskQueue = `mocked-${++queue}`;
    const calls: unknown[][] = [];
    const recorded = Object.fromEntries(
      Object.entries(activities).map(([name, fn]) => [name, async (...args: never[]) => (calls.push([name, ...args]), fn(...args))]),
    );
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: recorded });
    return worker.runUntil(body(taskQueue, calls));
  }
  const names = (calls: unknown[][]) => calls.map((c) => c[0]);
  const refusal = (err: unknown) => (err instanceof WorkflowUpdateFailedError ? String(err.cause?.message) : `not refused: ${String(err)}`);

  const reviewActivities = {
    scheduleTemplateReview: async () => ({ opensAt: new Date(Date.now() + hour).toISOString() }),
    openTemplateReview: async () => ({ dueAt: new Date(Date.now() + 2 * day).toISOString() }),
    escalateTemplateReview: async () => undefined,
    decideTemplateReview: async () => true,
    withdrawTemplateReview: async () => true,
  };

  test('template review: a decision before the review opens is refused; at the window it opens and a decision ends it', async () => {
    // Recording the decision takes a moment, so a second decision sent with it finds the workflow still running.
    const slowDecision = { ...reviewActivities, decideTemplateReview: () => new Promise<boolean>((done) => setTimeout(() => done(true), 300)) };
    await withWorker(slowDecision, async (taskQueue, calls) => {
      const handle = await env.client.workflow.start(templateReview, { taskQueue, workflowId: 'tr-1', args: [{ versionId: 'v1' }] });
      const early = await handle.executeUpdate(decideTemplateUpdate, { args: [{ decision: 'approve', reviewerId: 'r' }] }).catch(refusal);
      assert.equal(early, 'This review has not opened yet.');
      await env.sleep(hour + 1000);
      assert.equal((await handle.query(templateReviewQuery)).state, 'in_review');
      // Two decisions at once: the validator takes whichever comes first and refuses the other.
      const reject = { decision: 'reject' as const, reviewerId: 'r', reason: 'No sender.' };
      const approve = { decision: 'approve' as const, reviewerId: 's' };
      const [a, b] = await Promise.all([reject, approve].map((d) => handle.executeUpdate(decideTemplateUpdate, { args: [d] }).catch(refusal)));
      assert.equal([a, b].filter((x) => x === 'This review was decided meanwhile.').length, 1, `${a} | ${b}`);
      const won = a === 'rejected' ? reject : approve;
      assert.equal(await handle.result(), won === reject ? 'rejected' : 'approved');
      assert.deepEqual(names(calls), ['scheduleTemplateReview', 'openTemplateReview', 'decideTemplateReview'], 'one decision recorded');
      assert.deepEqual(calls[2], ['decideTemplateReview', 'v1', won]);
    });
  });

  test('template review: undecided by its due time it is escalated; a withdrawal while it waits ends it', async () => {
    await withWorker(reviewActivities, async (taskQueue, calls) => {
      const late = await env.client.workflow.start(templateReview, { taskQueue, workflowId: 'tr-2', args: [{ versionId: 'v2' }] });
      await env.sleep(hour + 2 * day + 1000);
      assert.equal((await late.query(templateReviewQuery)).state, 'overdue');
      assert.ok(names(calls).includes('escalateTemplateReview'));
      assert.equal(await late.executeUpdate(decideTemplateUpdate, { args: [{ decision: 'approve', reviewerId: 'r' }] }), 'approved');

      const withdrawn = await env.client.workflow.start(templateReview, { taskQueue, workflowId: 'tr-3', args: [{ versionId: 'v3' }] });
      await withdrawn.signal(withdrawTemplateSignal);
      assert.equal(await withdrawn.result(), 'withdrawn');
      assert.deepEqual(calls.filter((c) => c[1] === 'v3').map((c) => c[0]), ['scheduleTemplateReview', 'withdrawTemplateReview']);
    });
  });

  test('signature review: documents asked for, uploaded once (a second upload refused), then approved; left waiting, it expires', async () => {
    const activities = { decideSignature: async () => true, requestSignatureDocuments: async () => true, resumeSignatureReview: async () => true, expireSignature: async () => true };
    await withWorker(activities, async (taskQueue, calls) => {
      const handle = await env.client.workflow.start(signatureReview, { taskQueue, workflowId: 'sr-1', args: [{ signatureId: 's1' }] });
      const ask = { decision: 'request_documents' as const, reviewerId: 'r', reason: 'The whole licence, please.' };
      assert.equal(await handle.executeUpdate(decideSignatureUpdate, { args: [ask] }), 'documents_requested');
      assert.match(await handle.executeUpdate(decideSignatureUpdate, { args: [{ decision: 'approve', reviewerId: 'r' }] }).catch(refusal), /documents_requested/);
      assert.equal(await handle.executeUpdate(documentsUploadedUpdate), 'in_review');
      assert.match(await handle.executeUpdate(documentsUploadedUpdate).catch(refusal), /only when a reviewer asks/);
      assert.equal(await handle.executeUpdate(decideSignatureUpdate, { args: [{ decision: 'approve', reviewerId: 'r' }] }), 'approved');
      assert.equal(await handle.result(), 'approved');
      assert.deepEqual(names(calls), ['requestSignatureDocuments', 'resumeSignatureReview', 'decideSignature']);

      const waiting = await env.client.workflow.start(signatureReview, { taskQueue, workflowId: 'sr-2', args: [{ signatureId: 's2' }] });
      await waiting.executeUpdate(decideSignatureUpdate, { args: [ask] });
      assert.equal(await waiting.result(), 'expired', '30 days without documents');
      assert.deepEqual(calls.filter((c) => c[1] === 's2').map((c) => c[0]), ['requestSignatureDocuments', 'expireSignature']);
    });
  });

  test('blocklist unblocking: approved, the carrier is asked, checked after the waiting period, and the number unblocked; one decision only', async () => {
    let answers = ['pending', 'unblocked'];
    const activities = {
      requestCarrierUnblock: async () => 'ticket-7',
      carrierUnblockStatus: async () => answers.shift() ?? 'pending',
      finishUnblocking: async () => undefined,
    };
    await withWorker(activities, async (taskQueue, calls) => {
      const handle = await env.client.workflow.start(blocklistUnblocking, { taskQueue, workflowId: 'bu-1', args: [{ requestId: 'u1', waitingPeriodMs: hour, checkIntervalMs: hour }] });
      assert.equal(await handle.executeUpdate(decideUnblockUpdate, { args: [{ decision: 'approve', operatorId: 'o' }] }), 'carrier_pending');
      assert.equal(await handle.executeUpdate(decideUnblockUpdate, { args: [{ decision: 'refuse', operatorId: 'o', reason: 'x' }] }).catch(refusal), 'This request was decided meanwhile.');
      assert.equal(await handle.result(), 'unblocked');
      assert.deepEqual(names(calls), ['requestCarrierUnblock', 'carrierUnblockStatus', 'carrierUnblockStatus', 'finishUnblocking']);
      assert.deepEqual(calls[1], ['carrierUnblockStatus', 'ticket-7']);

      answers = [];
      const refused = await env.client.workflow.start(blocklistUnblocking, { taskQueue, workflowId: 'bu-2', args: [{ requestId: 'u2' }] });
      assert.equal(await refused.executeUpdate(decideUnblockUpdate, { args: [{ decision: 'refuse', operatorId: 'o', reason: 'Not the owner.' }] }), 'refused');
      assert.deepEqual(calls.at(-1), ['finishUnblocking', 'u2', 'refused', 'Not the owner.', 'o']);
    });
  });

  test('scheduled send: released at its time; cancelled before it, nothing is released', async () => {
    const activities = { releaseScheduledMessages: async () => 3, cancelScheduledMessages: async () => 2 };
    await withWorker(activities, async (taskQueue, calls) => {
      const sendAt = new Date((await env.currentTimeMs()) + 3 * day).toISOString();
      const released = await env.client.workflow.execute(scheduledSend, { taskQueue, workflowId: 'ss-1', args: [{ requestId: 'q1', sendAt }] });
      assert.deepEqual(released, { state: 'released', messages: 3 });
      assert.ok((await env.currentTimeMs()) >= Date.parse(sendAt), 'not before its time');

      const later = new Date((await env.currentTimeMs()) + 3 * day).toISOString();
      const cancelled = await env.client.workflow.start(scheduledSend, { taskQueue, workflowId: 'ss-2', args: [{ requestId: 'q2', sendAt: later }] });
      // Asked first, so the signal finds its timer started: the test server cannot start and cancel a timer in one task.
      assert.equal((await cancelled.query(scheduledSendStateQuery)).state, 'waiting');
      await cancelled.signal(cancelScheduledSendSignal);
      assert.deepEqual(await cancelled.result(), { state: 'cancelled', messages: 2 });
      assert.deepEqual(names(calls), ['releaseScheduledMessages', 'cancelScheduledMessages']);
    });
  });

  test('sending suspension: ends with its period, when the limit is raised above the count, or when an operator lifts it', async () => {
    let over = true;
    const activities = { beginSuspension: async () => undefined, stillOverLimit: async () => over, endSuspension: async () => undefined };
    await withWorker(activities, async (taskQueue, calls) => {
      const input = (id: string) => ({ tenantId: id, period: 'day' as const, periodStart: new Date().toISOString(), until: new Date(Date.now() + 6 * hour).toISOString() });
      assert.equal(await env.client.workflow.execute(sendingSuspension, { taskQueue, workflowId: 'su-1', args: [input('t1')] }), 'period_ended');

      const raised = await env.client.workflow.start(sendingSuspension, { taskQueue, workflowId: 'su-2', args: [input('t2')] });
      await raised.signal(limitChangedSignal);
      over = false;
      await raised.signal(limitChangedSignal);
      assert.equal(await raised.result(), 'limit_raised', 'the first change left it over the limit, the second did not');

      const lifted = await env.client.workflow.start(sendingSuspension, { taskQueue, workflowId: 'su-3', args: [input('t3')] });
      await lifted.signal(liftSuspensionSignal, { operatorId: 'o' });
      assert.equal(await lifted.result(), 'lifted');
      assert.deepEqual(calls.at(-1)?.slice(2), ['lifted', 'o']);
    });
  });
});
