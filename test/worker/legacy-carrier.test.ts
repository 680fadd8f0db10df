import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listCarriers } from '../../db/carriers.ts';
import { listRoutes } from '../../db/routing-config.ts';
import { adoptLegacyCarrier } from '../../worker/legacy-carrier.ts';
import { testLogger } from '../support/logger.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';

describe('upgrading from the single-bind worker (TERN_SMPP_*)', () => {
  let database: TestDatabase;
  before(async () => (database = await createTestDatabase()));
  after(async () => database?.drop());

  test('with no carrier yet, the old settings become a carrier of the old name routing every number; later ones are ignored', async () => {
    const bind = { host: 'smsc.example.net', port: 2775, systemId: 'acct', password: 'pw', window: 20 };
    await adoptLegacyCarrier(database.db, testSecrets, 'smsc', bind, testLogger);
    const [carrier, ...others] = await listCarriers(database.db);
    assert.equal(others.length, 0);
    assert.equal(carrier?.id, 'smsc');
    assert.deepEqual(carrier?.binds, [{ position: 1, host: 'smsc.example.net', port: 2775, systemId: 'acct', window: 20 }]);
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
});
