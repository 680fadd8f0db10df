import assert from 'node:assert/strict';
import { acceptGroups, SendingSuspended, type AcceptDeps } from '../../accept/accept.ts';
import { cachedLookups } from '../../accept/lookups/index.ts';
import { findAppById } from '../../db/apps.ts';
import { beginSuspension } from '../../db/traffic.ts';
import { callbackTargetPolicyFromEnv } from '../../domain/callback-targets.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';

/** The accept pipeline on its own, as both send APIs use it: verdicts in neutral words, before any translation. */
describe('the accept pipeline (accept/accept.ts)', () => {
  const base = { reference: null, callbackUrl: null, requestHash: 'h', surface: 'native' as const };
  const depsFor = (database: TestDatabase): AcceptDeps => ({
    db: database.db,
    scheduledSends: noScheduling,
    logger: testLogger,
    lookups: cachedLookups(database.db),
    callbackTargets: callbackTargetPolicyFromEnv(),
  });

  test('each number judged once, in its own words; the group planned once; only accepted numbers stored', async ({ database, tenant }) => {
    const deps = depsFor(database);
    const app = (await findAppById(database.db, tenant.appId))!;
    const outcome = await acceptGroups(deps, app, {
      ...base,
      groups: [{ templateId: tenant.templates.code, params: ['123456'], to: ['+447400123456', '+447400123456', '+86abc', '+8613800138000'] }],
    });
    assert.equal(outcome.stored, true);
    const [group] = outcome.groups;
    assert.equal(group?.refusal, undefined);
    assert.deepEqual(
      group?.recipients.map((r) => [r.given, r.status === 'rejected' ? r.error.code : r.status]),
      [
        ['+447400123456', 'accepted'],
        ['+86abc', 'invalid_number'],
        ['+8613800138000', 'template_region_mismatch'],
      ],
      'the repeated number once; an international template refused for a mainland number',
    );
    const stored = await database.db.selectFrom('messages').select(['recipient', 'status']).where('request_id', '=', outcome.requestId).execute();
    assert.deepEqual(stored, [{ recipient: '+447400123456', status: 'accepted' }]);
  });

  test('a group is refused whole, with its reason, and each of its numbers carries it; nothing is stored', async ({ database, tenant }) => {
    const deps = depsFor(database);
    const app = (await findAppById(database.db, tenant.appId))!;
    const cases: [Parameters<typeof acceptGroups>[2], string][] = [
      [{ ...base, groups: [{ templateId: 'nope', params: [], to: ['+447400123456'] }] }, 'template_not_found'],
      [{ ...base, fromRegion: 'mainland', groups: [{ templateId: tenant.templates.code, params: ['1'], to: ['+447400123456'] }] }, 'template_from_mismatch'],
      [{ ...base, groups: [{ templateId: tenant.templates.code, params: [], to: ['+447400123456'] }] }, 'params_missing'],
      [{ ...base, valuesAllowed: () => false, groups: [{ templateId: tenant.templates.code, params: ['1'], to: ['+447400123456'] }] }, 'param_invalid'],
    ];
    for (const [input, code] of cases) {
      const outcome = await acceptGroups(deps, app, input);
      assert.equal(outcome.groups[0]?.refusal?.code, code);
      assert.deepEqual(outcome.groups[0]?.recipients.map((r) => r.status === 'rejected' && r.error.code), [code]);
      assert.equal(outcome.stored, false);
    }
  });

  test('a suspended tenant is refused before anything is planned', async ({ database, otherTenant }) => {
    const deps = depsFor(database);
    const app = (await findAppById(database.db, otherTenant.appId))!;
    const until = new Date(Date.now() + 3600_000);
    await beginSuspension(database.db, { tenantId: otherTenant.tenantId, period: 'day', periodStart: new Date(), until, reason: 'The daily limit of 10 was reached.' });
    await assert.rejects(
      acceptGroups(deps, app, { ...base, groups: [{ templateId: otherTenant.templates.code, params: ['1'], to: ['+447400123456'] }] }),
      (err: unknown) => err instanceof SendingSuspended && err.message.includes('daily limit'),
    );
  });
});
