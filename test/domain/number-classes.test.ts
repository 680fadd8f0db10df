import assert from 'node:assert/strict';
import { test } from 'vitest';
import { classifyNumber } from '../../domain/number-classes.ts';
import { checkRegion } from '../../domain/regions.ts';

test('numbers are classified: mainland mobiles only, no IoT, no fixed lines; international mobiles and SMS-capable fixed lines', () => {
  const table: [string, string][] = [
    ['+8613800138000', 'ok'], // China Mobile
    ['+8618600000000', 'ok'], // China Unicom
    ['+8619200000000', 'ok'], // China Broadnet
    ['+8614500000000', 'ok'], // a data card: a person's, receives SMS
    ['+8614400000000', 'number_iot'],
    ['+8614800001234', 'number_iot'],
    ['+8614600001234', 'number_iot'],
    ['+861064812345678', 'number_iot'], // a 13-digit IoT number
    ['+861012345678', 'number_not_mobile'], // a Beijing fixed line
    ['+8675512345678', 'number_not_mobile'], // a Shenzhen fixed line
    ['+447400123456', 'ok'], // a UK mobile
    ['+442079460000', 'ok'], // a UK fixed line (landline SMS)
    ['+12025550123', 'ok'], // US: fixed line or mobile
    ['+4915123456789', 'ok'], // a German mobile
    ['+49301234567', 'number_type_not_allowed'], // a German fixed line
    ['+18005550123', 'number_type_not_allowed'], // US toll-free
    ['+86123', 'invalid_number'],
    ['8613800138000', 'invalid_number'],
  ];
  for (const [number, expected] of table) {
    const verdict = classifyNumber(number);
    assert.equal(verdict.ok ? 'ok' : verdict.code, expected, number);
  }
  const cn = classifyNumber('+8613800138000');
  assert.deepEqual(cn, { ok: true, e164: '+8613800138000', country: 'CN', callingCode: '86', mainland: true });
});

test('regions: the mainland always; countries listed or *; deny prefixes win, allow prefixes admit', () => {
  const gb = { e164: '+447400123456', country: 'GB' };
  const hk = { e164: '+85291234567', country: 'HK' };
  const cn = { e164: '+8613800138000', country: 'CN' };
  assert.equal(checkRegion({ countries: [], rules: [] }, cn).ok, true);
  assert.equal(checkRegion({ countries: [], rules: [] }, gb).ok, false);
  assert.equal(checkRegion({ countries: ['HK'], rules: [] }, hk).ok, true);
  assert.equal(checkRegion({ countries: ['HK'], rules: [] }, gb).ok, false);
  assert.equal(checkRegion({ countries: ['*'], rules: [] }, gb).ok, true);
  assert.equal(checkRegion({ countries: ['*'], rules: [{ prefix: '+4474', action: 'deny' }] }, gb).ok, false);
  assert.equal(checkRegion({ countries: [], rules: [{ prefix: '+4474', action: 'allow' }] }, gb).ok, true);
  assert.equal(checkRegion({ countries: [], rules: [{ prefix: '+86138', action: 'deny' }] }, cn).ok, false);
});
