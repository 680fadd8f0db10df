import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningApi } from '../../api/start-api.ts';
import { templateReviewWorkflowId } from '../../processes/template-review.ts';
import { createOperator } from '../../db/operators.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';
import { callApi } from '../support/http.ts';
import { packageHolidayYears } from '../../domain/holiday-data.ts';
import { buildCalendar, dayKind } from '../../domain/work-calendar.ts';

const taskQueue = 'template-review-test';

const dayMs = 86_400_000;
/** A day of the plain week (`plainWeek()`) at an hour UTC, as the API answers times. */
const at = (friday: number, days: number, hourUtc: number, seconds = 0) => new Date(friday + days * dayMs + hourUtc * 3600_000 + seconds * 1000).toISOString();

/**
 * The Friday (00:00 UTC) of the first week from tomorrow on without holidays from Friday to Wednesday: Friday a
 * workday, the weekend rest, Monday to Wednesday workdays, by the package's calendar the platform uses. The
 * time-skipping server starts at the wall clock and only moves forward, so the tests' dates follow today's.
 */
function plainWeek(): number {
  const calendar = buildCalendar(packageHolidayYears(), new Map());
  const day = new Date(Date.now() + dayMs);
  day.setUTCHours(0, 0, 0, 0);
  const expected = [true, false, false, true, true, true];
  for (let friday = day.getTime() + ((5 - day.getUTCDay() + 7) % 7) * dayMs; ; friday += 7 * dayMs) {
    const days = expected.map((_, i) => dayKind(calendar, new Date(friday + i * dayMs).toISOString().slice(0, 10)).workday);
    if (days.every((workday, i) => workday === expected[i])) return friday;
  }
}

interface TemplateAnswer {
  id: string;
  status: string;
  body: string;
  approvedVersion: number | null;
  versions: { version: number; reviewId: string; state: string; opensAt: string | null; dueAt: string | null; overdue: boolean; reason: string | null }[];
  review: { state: string } | null;
}

describe('template review on workdays only (time-skipping Temporal, real Postgres, real HTTP)', () => {
  let stack: TimeSkippingStack;
  let database: TestDatabase;
  let api: RunningApi;
  let env: TestWorkflowEnvironment;
  let tenant: TestTenant;
  let reviewer: string;
  let operator: string;
  const friday = plainWeek();

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ database, api, env } = stack);
    tenant = await createTestTenant(database.db);
    reviewer = `Bearer ${(await createOperator(database.db, 'rita', 'reviewer')).token}`;
    operator = `Bearer ${(await createOperator(database.db, 'otto', 'operator')).token}`;
  });
  afterAll(() => stack?.stop());

  const skipTo = (iso: string) => stack.skipTo(iso);
  const call = (method: string, path: string, auth: string, body?: unknown) => callApi(api.url, method, path, auth, body);
  const apply = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/v1/templates', tenant.authorization, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as unknown as TemplateAnswer;
  };
  const template = async (id: string) => (await call('GET', `/v1/templates/${id}`, tenant.authorization)).body as unknown as TemplateAnswer;
  const versionState = (id: string, version: number, state: string) =>
    waitFor(`version ${version} ${state}`, async () => {
      const t = await template(id);
      return t.versions.find((v) => v.version === version && v.state === state) ? t : undefined;
    });
  const queue = async () => ((await call('GET', '/v1/admin/reviews', reviewer)).body.reviews as { reviewId: string; overdue: boolean }[]).map((r) => r.reviewId);
  const decide = (reviewId: string, body: unknown) => call('POST', `/v1/admin/reviews/${reviewId}/decision`, reviewer, body);
  // Not `result()`: on the time-skipping server that unlocks skipping, and with nothing else scheduled the
  // server then jumps to the workflows' run timeouts, ten years ahead.
  const workflowStatus = async (reviewId: string) => (await env.client.workflow.getHandle(templateReviewWorkflowId(reviewId)).describe()).status.name;
  const send = (templateId: string, params: string[]) =>
    fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tenant.authorization },
      body: JSON.stringify({ to: ['+447400123456'], templateId, params }),
    });

  test('submitted on Friday evening, the review opens on Monday morning; approved, the template sends', async () => {
    await skipTo(at(friday, 0, 11)); // Friday 19:00 in Shanghai
    const applied = await apply({ name: 'login', region: 'international', type: 'verification', body: 'Your login code is ${1}.' });
    assert.equal(applied.status, 'pending');
    const [v1] = applied.versions;
    assert.equal(v1?.state, 'waiting');
    const scheduled = await waitFor('opening time', async () => (await template(applied.id)).versions[0]?.opensAt ?? undefined);
    assert.equal(scheduled, at(friday, 3, 1), 'Monday 09:00 Shanghai');
    assert.equal((await template(applied.id)).review?.state, 'waiting');
    assert.ok(!(await queue()).includes(v1!.reviewId), 'not in the queue before its window');
    assert.equal((await decide(v1!.reviewId, { decision: 'approve' })).status, 409);
    assert.equal((await send(applied.id, ['123456'])).status, 422, 'not approved yet');

    await skipTo(at(friday, 3, 1, 1));
    const opened = await versionState(applied.id, 1, 'in_review');
    assert.equal(opened.versions[0]?.dueAt, at(friday, 4, 10), 'two workdays: Tuesday 18:00 Shanghai');
    assert.equal(opened.review?.state, 'in_review');
    assert.ok((await queue()).includes(v1!.reviewId));

    const decided = await decide(v1!.reviewId, { decision: 'approve' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.state, 'approved');
    assert.equal((await template(applied.id)).status, 'approved');
    assert.equal((await send(applied.id, ['123456'])).status, 202);
    assert.equal((await decide(v1!.reviewId, { decision: 'reject', reason: 'late' })).status, 409, 'a decided review is not open');
    assert.equal(await workflowStatus(v1!.reviewId), 'COMPLETED');
  });

  test('undecided for two workdays, a review is overdue and escalated; rejected, the template cannot send', async () => {
    await skipTo(at(friday, 3, 2)); // Monday 10:00 in Shanghai: inside review hours
    const applied = await apply({ name: 'notice', region: 'international', type: 'notification', body: 'Your parcel ${1} is on its way.' });
    const opened = await versionState(applied.id, 1, 'in_review');
    const submittedAt = (await database.db.selectFrom('template_versions').select('submitted_at').where('template_id', '=', applied.id).executeTakeFirstOrThrow()).submitted_at;
    assert.equal(opened.versions[0]?.opensAt, submittedAt.toISOString(), 'inside review hours it opens at once');
    assert.equal(opened.versions[0]?.dueAt, at(friday, 4, 10));

    await skipTo(at(friday, 4, 10, 1));
    const overdue = await waitFor('overdue', async () => ((await template(applied.id)).versions[0]?.overdue ? template(applied.id) : undefined));
    assert.equal(overdue.review?.state, 'overdue');
    const row = await database.db.selectFrom('template_versions').select('escalated_at').where('template_id', '=', applied.id).executeTakeFirstOrThrow();
    assert.ok(row.escalated_at);
    assert.equal((await queue())[0], opened.versions[0]?.reviewId, 'overdue reviews head the queue');

    assert.equal((await decide(opened.versions[0]!.reviewId, { decision: 'reject' })).status, 400, 'a rejection needs a reason');
    const rejected = await decide(opened.versions[0]!.reviewId, { decision: 'reject', reason: 'Names no sender.' });
    assert.equal(rejected.status, 200);
    const after = await template(applied.id);
    assert.equal(after.status, 'rejected');
    assert.equal(after.versions[0]?.reason, 'Names no sender.');
    assert.equal((await send(applied.id, ['P-1'])).status, 422);
  });

  test('the applicant can withdraw while the review waits', async () => {
    await skipTo(at(friday, 4, 12)); // Tuesday 20:00 in Shanghai: after review hours, the review waits
    const applied = await apply({ name: 'promo', region: 'international', type: 'notification', body: 'Hello ${1}.' });
    const withdrawn = await call('POST', `/v1/templates/${applied.id}/withdraw`, tenant.authorization);
    assert.equal(withdrawn.status, 202);
    const after = await versionState(applied.id, 1, 'withdrawn');
    assert.equal(after.status, 'withdrawn');
    assert.equal((await call('POST', `/v1/templates/${applied.id}/withdraw`, tenant.authorization)).status, 409);
    await waitFor('workflow completed', async () => ((await workflowStatus(applied.versions[0]!.reviewId)) === 'COMPLETED' ? true : undefined));
  });

  test('editing an approved template makes a new version; the approved one sends until the new one is approved', async () => {
    await skipTo(at(friday, 5, 2)); // Wednesday 10:00
    const applied = await apply({ name: 'ship', region: 'international', type: 'notification', body: 'Order ${1} shipped.' });
    const v1 = (await versionState(applied.id, 1, 'in_review')).versions[0]!;
    assert.equal((await decide(v1.reviewId, { decision: 'approve' })).status, 200);

    const edited = await call('PUT', `/v1/templates/${applied.id}`, tenant.authorization, { body: 'Order ${1} has shipped today.' });
    assert.equal(edited.status, 201, JSON.stringify(edited.body));
    assert.equal((await call('PUT', `/v1/templates/${applied.id}`, tenant.authorization, { body: 'Third ${1}.' })).status, 409, 'one review at a time');
    const v2 = (await versionState(applied.id, 2, 'in_review')).versions[1]!;
    const textOf = async () => {
      const res = await send(applied.id, ['A1']);
      const id = ((await res.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
      return (await database.db.selectFrom('messages').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body;
    };
    assert.equal(await textOf(), 'Order A1 shipped.', 'version 1 is used while version 2 is reviewed');
    assert.equal((await decide(v2.reviewId, { decision: 'approve' })).status, 200);
    // The API caches approved templates for up to 5 s.
    await waitFor('version 2 in use', async () => ((await textOf()) === 'Order A1 has shipped today.' ? true : undefined), 10_000);
    const after = await template(applied.id);
    assert.deepEqual(after.versions.map((v) => v.state), ['superseded', 'approved']);
    assert.equal(after.approvedVersion, 2);
  });

  test('two reviewers deciding at once: the workflow takes one decision (an Update) and refuses the other with 409', async () => {
    await skipTo(at(friday, 5, 3)); // Wednesday 11:00
    const applied = await apply({ name: 'race', region: 'international', type: 'notification', body: 'Race ${1}.' });
    const v1 = (await versionState(applied.id, 1, 'in_review')).versions[0]!;
    // When both requests find the review open in the database, only the workflow's validator tells them apart
    // ("decided meanwhile"); when one comes after the other was recorded, the database already says so.
    const answers = await Promise.all([decide(v1.reviewId, { decision: 'approve' }), decide(v1.reviewId, { decision: 'reject', reason: 'Too late.' })]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409], JSON.stringify(answers.map((a) => a.body)));
    const refused = answers.find((a) => a.status === 409)!;
    assert.equal(refused.body.code, 'review_not_open');
    assert.match(String(refused.body.message), /decided meanwhile|only open reviews can be decided/);
    const won = answers.find((a) => a.status === 200)!;
    assert.ok(['approved', 'rejected'].includes(String(won.body.state)), 'the answer shows the recorded decision, no polling');
    assert.equal((await template(applied.id)).versions[0]!.state, won.body.state);
  });

  test('the calendar: National Day 2026 and its make-up Saturday, and a year declared by operators', async () => {
    // Submissions stamped in the past open at once, but their opening time shows how the calendar judged them.
    const openingFor = async (submittedAt: string, body: string) => {
      stack.pretendNow(Date.parse(submittedAt));
      const applied = await apply({ name: 'cal', region: 'international', type: 'notification', body });
      await stack.syncClock();
      return waitFor('opening', async () => (await template(applied.id)).versions[0]?.opensAt ?? undefined);
    };
    assert.equal(await openingFor('2026-09-30T11:00:00Z', 'Holiday ${1}.'), '2026-10-08T01:00:00.000Z', 'after the holiday');
    assert.equal(await openingFor('2026-10-09T11:00:00Z', 'Make-up ${1}.'), '2026-10-10T01:00:00.000Z', 'the make-up Saturday is a workday');

    // Two years ahead is not in the package: an operator declares it (test data), and a review follows it on the clock.
    const year = new Date(friday).getUTCFullYear() + 2;
    const janFriday = Date.UTC(year, 0, 4 + ((5 - new Date(Date.UTC(year, 0, 4)).getUTCDay() + 7) % 7)); // the first Friday from 4 January
    const saturday = new Date(janFriday + dayMs).toISOString().slice(0, 10);
    const declared = await call('PUT', `/v1/admin/calendar/${year}`, operator, { holidays: [`${year}-01-01`], workdays: [saturday] });
    assert.equal(declared.status, 200, JSON.stringify(declared.body));
    await skipTo(at(janFriday, 0, 11)); // Friday 19:00
    const applied = await apply({ name: 'declared', region: 'international', type: 'notification', body: 'New year ${1}.' });
    const opensAt = await waitFor('opening', async () => (await template(applied.id)).versions[0]?.opensAt ?? undefined);
    assert.equal(opensAt, at(janFriday, 1, 1), 'the declared make-up Saturday');
    await skipTo(at(janFriday, 1, 1, 1));
    await versionState(applied.id, 1, 'in_review');
    const bad = await call('PUT', `/v1/admin/calendar/${year + 1}`, operator, { holidays: [`${year}-05-01`], workdays: [] });
    assert.equal(bad.status, 422, 'a day of another year');
    assert.equal((await call('PUT', `/v1/admin/calendar/${year + 1}`, reviewer, { holidays: [], workdays: [] })).status, 403);
  });
});
