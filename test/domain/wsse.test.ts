import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'vitest';
import { digestFor, parseWsseHeaders, verifyToken } from '../../domain/wsse.ts';
import type { WsseErrorCode, WsseToken } from '../../domain/wsse.ts';

// Spec §6.1 vectors.
const APP_KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4';
const SECRET = 's3cr3tAppSecretForTests0001';
const NONCE = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const CREATED = '2024-05-01T08:00:00Z';
const HASHED = '0f1e2d3c4b5a69788796a5b4c3d2e1f02024-05-01T08:00:00Zs3cr3tAppSecretForTests0001';
const SHA_HEX = '7ed677b91fabc2e9c537d1453e43fd3908c99ec99e04c819f638ad9b3f2f1944';
const DIGEST_A = 'ftZ3uR+rwunFN9FFPkP9OQjJnsmeBMgZ9jitmz8vGUQ=';
const DIGEST_B = 'N2VkNjc3YjkxZmFiYzJlOWM1MzdkMTQ1M2U0M2ZkMzkwOGM5OWVjOTllMDRjODE5ZjYzOGFkOWIzZjJmMTk0NA==';
const AUTH = 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"';
const X_WSSE = `UsernameToken Username="${APP_KEY}",PasswordDigest="${DIGEST_A}",Nonce="${NONCE}",Created="${CREATED}"`;
const NOW = new Date('2024-05-01T08:00:00Z');

function parsed(authorization: string | undefined, xWsse: string | undefined): WsseToken {
  const result = parseWsseHeaders(authorization, xWsse);
  assert.ok(result.ok, `expected a token, got ${JSON.stringify(result)}`);
  return result.token;
}

function token(overrides: Partial<WsseToken> = {}): WsseToken {
  return { ...parsed(AUTH, X_WSSE), ...overrides };
}

function assertParseError(authorization: string | undefined, xWsse: string | undefined, code: WsseErrorCode): void {
  const result = parseWsseHeaders(authorization, xWsse);
  assert.equal(result.ok, false, `expected ${code} for ${String(authorization)} / ${String(xWsse)}`);
  if (!result.ok) {
    assert.equal(result.code, code);
    assert.match(result.message, /^[A-Z].*\.$/);
  }
}

test('§6.1: the hashed string and its SHA-256 match the spec', () => {
  assert.equal(NONCE + CREATED + SECRET, HASHED);
  assert.equal(createHash('sha256').update(HASHED, 'utf8').digest('hex'), SHA_HEX);
});

test('§6.1: digestFor gives both encodings of the spec', () => {
  assert.deepEqual(digestFor(NONCE, CREATED, SECRET), { raw: DIGEST_A, hex: DIGEST_B });
});

test('§6.1: the example header parses to the right fields, keeping Created as sent', () => {
  const t = parsed(AUTH, X_WSSE);
  assert.equal(t.username, APP_KEY);
  assert.equal(t.passwordDigest, DIGEST_A);
  assert.equal(t.nonce, NONCE);
  assert.equal(t.createdText, CREATED);
  assert.equal(t.created.toISOString(), '2024-05-01T08:00:00.000Z');
});

test('§6.1: digest A and digest B both verify', () => {
  assert.deepEqual(verifyToken(token({ passwordDigest: DIGEST_A }), SECRET, NOW), { ok: true });
  assert.deepEqual(verifyToken(token({ passwordDigest: DIGEST_B }), SECRET, NOW), { ok: true });
});

test('changing one byte of the secret, the nonce or Created gives E000105', () => {
  for (const digest of [DIGEST_A, DIGEST_B]) {
    const cases: Array<[WsseToken, string]> = [
      [token({ passwordDigest: digest }), 's3cr3tAppSecretForTests0002'],
      [token({ passwordDigest: digest, nonce: '0f1e2d3c4b5a69788796a5b4c3d2e1f1' }), SECRET],
      [
        token({
          passwordDigest: digest,
          createdText: '2024-05-01T08:00:01Z',
          created: new Date('2024-05-01T08:00:01Z'),
        }),
        SECRET,
      ],
    ];
    for (const [t, secret] of cases) {
      const result = verifyToken(t, secret, NOW);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.code, 'E000105');
    }
  }
});

test('a digest of the wrong length, or empty, is refused without throwing', () => {
  for (const passwordDigest of ['x', DIGEST_A + DIGEST_B, DIGEST_A.toLowerCase(), SHA_HEX]) {
    const result = verifyToken(token({ passwordDigest }), SECRET, NOW);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.code, 'E000105');
  }
});

test('the digest is over Created as sent, not over a re-formatted date', () => {
  // Text and Date disagree on purpose: only an implementation hashing the text verifies this.
  const t = token({ created: new Date('2024-05-01T08:00:05Z') });
  assert.deepEqual(verifyToken(t, SECRET, NOW), { ok: true });
});

test('clock window: exactly 24 h either way is ok, one second more is E000110', () => {
  const t = token();
  assert.deepEqual(verifyToken(t, SECRET, new Date('2024-05-02T08:00:00Z')), { ok: true });
  assert.deepEqual(verifyToken(t, SECRET, new Date('2024-04-30T08:00:00Z')), { ok: true });
  for (const now of ['2024-05-02T08:00:01Z', '2024-04-30T07:59:59Z']) {
    const result = verifyToken(t, SECRET, new Date(now));
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.code, 'E000110');
  }
});

test('the window is checked before the digest, and is configurable', () => {
  const late = verifyToken(token({ passwordDigest: 'wrong' }), SECRET, new Date('2024-05-02T08:00:01Z'));
  assert.equal(late.ok, false);
  if (!late.ok) assert.equal(late.code, 'E000110');
  const strict = verifyToken(token(), SECRET, new Date('2024-05-01T08:15:01Z'), 15 * 60 * 1000);
  assert.equal(strict.ok, false);
  if (!strict.ok) assert.equal(strict.code, 'E000110');
  assert.deepEqual(verifyToken(token(), SECRET, new Date('2024-05-01T08:15:00Z'), 15 * 60 * 1000), { ok: true });
});

test('an invalid clock fails closed', () => {
  const result = verifyToken(token(), SECRET, new Date('not a date'));
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.code, 'E000110');
});

test('Authorization errors, in the spec order', () => {
  assertParseError(undefined, X_WSSE, 'E000001');
  assertParseError('  ', X_WSSE, 'E000001');
  assertParseError('Basic dXNlcjpwYXNz', X_WSSE, 'E000008');
  assertParseError('realm="SDP",profile="UsernameToken",type="Appkey"', X_WSSE, 'E000008');
  assertParseError('WSSE realm="SDP" profile="UsernameToken"', X_WSSE, 'E000008');
  assertParseError('WSSE realm="SDP",realm="SDP",profile="UsernameToken",type="Appkey"', X_WSSE, 'E000008');
  assertParseError('WSSE profile="UsernameToken",type="Appkey"', X_WSSE, 'E000002');
  assertParseError('WSSE', X_WSSE, 'E000002');
  assertParseError('WSSE realm="",profile="UsernameToken",type="Appkey"', X_WSSE, 'E000002');
  assertParseError('WSSE realm="SDP",type="Appkey"', X_WSSE, 'E000003');
  assertParseError('WSSE realm="SDP",profile="UsernameToken"', X_WSSE, 'E000007');
  // Missing attributes are reported before wrong values.
  assertParseError('WSSE realm="XYZ",profile="UsernameToken"', X_WSSE, 'E000007');
  assertParseError('WSSE realm="XYZ",profile="UsernameToken",type="Appkey"', X_WSSE, 'E000004');
  assertParseError('WSSE realm="sdp",profile="UsernameToken",type="Appkey"', X_WSSE, 'E000004');
  assertParseError('WSSE realm="SDP",profile="Digest",type="Appkey"', X_WSSE, 'E000005');
  assertParseError('WSSE realm="SDP",profile="UsernameToken",type="AKSK"', X_WSSE, 'E000006');
  // Authorization is checked before X-WSSE.
  assertParseError('WSSE realm="SDP",profile="UsernameToken",type="AKSK"', undefined, 'E000006');
});

test('X-WSSE errors, in the spec order', () => {
  const u = `Username="${APP_KEY}"`;
  const d = `PasswordDigest="${DIGEST_A}"`;
  const n = `Nonce="${NONCE}"`;
  const c = `Created="${CREATED}"`;
  assertParseError(AUTH, undefined, 'E000020');
  assertParseError(AUTH, '', 'E000020');
  assertParseError(AUTH, `${u},${d},${n},${c}`, 'E000026');
  assertParseError(AUTH, `PasswordToken ${u},${d},${n},${c}`, 'E000026');
  assertParseError(AUTH, `UsernameToken ${u},${d},${n},${c},`, 'E000026');
  assertParseError(AUTH, `UsernameToken ${d},${n},${c}`, 'E000021');
  assertParseError(AUTH, 'UsernameToken', 'E000021');
  assertParseError(AUTH, `UsernameToken ${u},${d},${c}`, 'E000022');
  assertParseError(AUTH, `UsernameToken ${u},${d},${n}`, 'E000023');
  assertParseError(AUTH, `UsernameToken ${u},${n},${c}`, 'E000024');
  assertParseError(AUTH, `UsernameToken ${u},PasswordDigest="",${n},${c}`, 'E000024');
  for (const created of [
    '2024-05-01 08:00:00Z',
    '2024-05-01T08:00:00',
    '2024-05-01T08:00:00+08:00',
    '2024-05-01T08:00:00.000Z',
    '2024-5-1T8:00:00Z',
    '2024-02-30T08:00:00Z',
    '2024-05-01T24:00:00Z',
    '1714550400',
  ]) {
    assertParseError(AUTH, `UsernameToken ${u},${d},${n},Created="${created}"`, 'E000025');
  }
  // A malformed Nonce gets E000027: §3.3 has no dedicated code for it.
  for (const nonce of ['0f1e-2d3c', 'nonce with spaces', 'ñ', 'a'.repeat(129)]) {
    assertParseError(AUTH, `UsernameToken ${u},${d},Nonce="${nonce}",${c}`, 'E000027');
  }
  assert.ok(parseWsseHeaders(AUTH, `UsernameToken ${u},${d},Nonce="${'a'.repeat(128)}",${c}`).ok);
  assert.ok(parseWsseHeaders(AUTH, `UsernameToken ${u},${d},Nonce="Z",${c}`).ok);
});

test('spaces after commas and unquoted values are accepted', () => {
  const expected = parsed(AUTH, X_WSSE);
  assert.deepEqual(
    parsed(
      'WSSE realm="SDP", profile="UsernameToken", type="Appkey"',
      `UsernameToken Username="${APP_KEY}", PasswordDigest="${DIGEST_A}", Nonce="${NONCE}", Created="${CREATED}"`,
    ),
    expected,
  );
  assert.deepEqual(
    parsed(
      'WSSE realm=SDP,profile=UsernameToken,type=Appkey',
      `UsernameToken Username=${APP_KEY},PasswordDigest=${DIGEST_B},Nonce=${NONCE},Created=${CREATED}`,
    ),
    { ...expected, passwordDigest: DIGEST_B },
  );
});

test('scheme and attribute names are case-insensitive and attributes may come in any order', () => {
  const expected = parsed(AUTH, X_WSSE);
  assert.deepEqual(
    parsed(
      'wsse type="Appkey", REALM="SDP",Profile="UsernameToken"',
      `usernametoken created="${CREATED}", nonce="${NONCE}",username="${APP_KEY}",passworddigest="${DIGEST_A}"`,
    ),
    expected,
  );
});
