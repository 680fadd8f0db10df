import assert from 'node:assert/strict';
import { test } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { classifyNumber, mainlandIotPrefixes } from '../../domain/number-classes.ts';
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

test('a mainland mobile segment’s remembered verdict is libphonenumber’s for every number in it, across every 5-digit prefix', () => {
  // Numbers of one 7-digit segment share a verdict (the first one classified is remembered): compare each with the
  // metadata's own verdict, three numbers a segment, one random segment for each 1xxxx prefix.
  const digits = (count: number) => String(Math.floor(Math.random() * 10 ** count)).padStart(count, '0');
  let mobiles = 0;
  for (let prefix = 10_000; prefix < 20_000; prefix += 1) {
    const segment = `${prefix}${digits(2)}`;
    for (let i = 0; i < 3; i += 1) {
      const e164 = `+86${segment}${digits(4)}`;
      const verdict = classifyNumber(e164);
      const parsed = parsePhoneNumberFromString(e164);
      const iot = mainlandIotPrefixes.some((p) => segment.startsWith(p));
      const mobile = !iot && parsed?.country === 'CN' && parsed.isValid() && parsed.getType() === 'MOBILE';
      if (mobile) mobiles += 1;
      assert.equal(verdict.ok, mobile, `${e164}: ${JSON.stringify(verdict)}`);
      if (verdict.ok) assert.deepEqual(verdict, { ok: true, e164: parsed?.number, country: 'CN', callingCode: '86', mainland: true });
      else assert.equal(verdict.code, iot ? 'number_iot' : parsed?.isValid() ? 'number_not_mobile' : 'invalid_number', e164);
    }
  }
  // The mobile ranges are most of 13x–19x: a test that found none would prove nothing.
  assert.ok(mobiles > 10_000, `${mobiles} mobiles`);
});
