import assert from 'node:assert/strict';
import { listCarriers } from '../../db/carriers.ts';
import { listRoutes } from '../../db/routing-config.ts';
import { adoptLegacyCarrier } from '../../worker/legacy-carrier.ts';
import { testLogger } from '../support/logger.ts';
import { describe, test } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';

describe('upgrading from the single-bind worker (TERN_SMPP_*)', () => {
  let database: TestDatabase;
  test.beforeAll(({ database: d }) => void (database = d));

  test('with no carrier yet, the old settings become a carrier of the old name routing every number; later ones are ignored', async () => {
    const bind = { host: 'smsc.example.net', port: 2775, systemId: 'acct', password: 'pw', window: 20 };
    await adoptLegacyCarrier(database.db, testSecrets, 'smsc', bind, testLogger);
    const [carrier, ...others] = await listCarriers(database.db);
    assert.equal(others.length, 0);
    assert.equal(carrier?.id, 'smsc');
    assert.deepEqual(carrier?.binds, [{ position: 1, host: 'smsc.example.net', port: 2775, systemId: 'acct', window: 20, throughput: null }]);
    const sealed = await database.db.selectFrom('carrier_binds').select('password_sealed').executeTakeFirstOrThrow();
    assert.equal(testSecrets.open(sealed.password_sealed), 'pw');
    assert.deepEqual(
      (await listRoutes(database.db)).map((r) => [r.country, r.network, r.carrierId]).sort(),
      [['*', null, 'smsc'], ['CN', null, 'smsc']],
    );

    await adoptLegacyCarrier(database.db, testSecrets, 'other', { ...bind, host: 'elsewhere.example.net' }, testLogger);
    assert.deepEqual((await listCarriers(database.db)).map((c) => c.id), ['smsc']);
    assert.equal((await listRoutes(database.db)).length, 2);
  });

  test('workers starting together with different names make one carrier, with its routes', async () => {
    const fresh = await createTestDatabase();
    try {
      const bind = { host: 'smsc.example.net', port: 2775, systemId: 'acct', password: 'pw' };
      await Promise.all(['smsc-a', 'smsc-b', 'smsc-c'].map((name) => adoptLegacyCarrier(fresh.db, testSecrets, name, bind, testLogger)));
      const carriers = await listCarriers(fresh.db);
      assert.equal(carriers.length, 1);
      assert.deepEqual((await listRoutes(fresh.db)).map((r) => r.carrierId), [carriers[0]?.id, carriers[0]?.id]);
    } finally {
      await fresh.drop();
    }
  });

  test('an old name that cannot be a carrier id stops the worker with a message that says so', async () => {
    await assert.rejects(
      adoptLegacyCarrier(database.db, testSecrets, 'SMSC_1', { host: 'h', port: 1, systemId: 's', password: 'p' }, testLogger),
      /TERN_SMPP_NAME "SMSC_1" cannot be a carrier id/,
    );
  });
});
