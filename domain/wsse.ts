import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * X-WSSE authentication for the Huawei-compatible API (spec: compatible-api.md §2, §3.3, §6.1).
 * Pure: no I/O and no clock reads; the caller passes `now`.
 */

export type WsseParseErrorCode =
  | 'E000001'
  | 'E000002'
  | 'E000003'
  | 'E000004'
  | 'E000005'
  | 'E000006'
  | 'E000007'
  | 'E000008'
  | 'E000020'
  | 'E000021'
  | 'E000022'
  | 'E000023'
  | 'E000024'
  | 'E000025'
  | 'E000026'
  | 'E000027';

export type WsseVerifyErrorCode = 'E000110' | 'E000105';

export type WsseErrorCode = WsseParseErrorCode | WsseVerifyErrorCode;

export interface WsseToken {
  username: string;
  passwordDigest: string;
  nonce: string;
  created: Date;
  /** Created exactly as sent: the digest is computed over this text, not over a re-formatted date. */
  createdText: string;
}

export type WsseParseResult =
  | { ok: true; token: WsseToken }
  | { ok: false; code: WsseParseErrorCode; message: string };

export type WsseVerifyResult = { ok: true } | { ok: false; code: WsseVerifyErrorCode; message: string };

export const WSSE_WINDOW_MS = 24 * 60 * 60 * 1000;

const CREATED_FORMAT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const NONCE_FORMAT = /^[0-9A-Za-z]{1,128}$/;
const SCHEME_AND_REST = /^\s*(\S+)(?:\s+([\s\S]*))?$/;
const PARAM_SOURCE = String.raw`\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(?:"([^"]*)"|([^\s,"]*))\s*(,|$)`;

function fail(code: WsseParseErrorCode, message: string): WsseParseResult {
  return { ok: false, code, message };
}

/**
 * `name=value` pairs separated by commas, optional spaces around them, values quoted or not.
 * Attribute names are matched case-insensitively: the spec is silent, and leniency here cannot
 * weaken the check because the values themselves are still compared exactly.
 * Returns null when the list is malformed or repeats an attribute (ambiguous, so refused).
 */
function parseParams(text: string): Map<string, string> | null {
  const params = new Map<string, string>();
  if (text.trim() === '') return params;
  const re = new RegExp(PARAM_SOURCE, 'y');
  let pos = 0;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    const name = (m[1] ?? '').toLowerCase();
    if (params.has(name)) return null;
    params.set(name, m[2] ?? m[3] ?? '');
    pos = re.lastIndex;
    if (m[4] === '') return params;
  }
}

function splitScheme(header: string): { scheme: string; params: Map<string, string> | null } {
  const m = SCHEME_AND_REST.exec(header);
  return { scheme: m?.[1] ?? '', params: parseParams(m?.[2] ?? '') };
}

/** An empty value is treated as missing: it carries no more information than an absent one. */
function present(params: Map<string, string>, name: string): string | undefined {
  const value = params.get(name.toLowerCase());
  return value === undefined || value === '' ? undefined : value;
}

/** Strict `yyyy-MM-ddTHH:mm:ssZ`; calendar-impossible dates (2024-02-30) are refused, not rolled over. */
export function parseCreated(text: string): Date | null {
  const m = CREATED_FORMAT.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const roundTrips =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return roundTrips ? date : null;
}

export function parseWsseHeaders(authorization: string | undefined, xWsse: string | undefined): WsseParseResult {
  if (authorization === undefined || authorization.trim() === '') {
    return fail('E000001', 'The Authorization header is missing.');
  }
  // Auth schemes are case-insensitive (RFC 7235). A malformed attribute list also gets E000008:
  // the header does not carry a usable WSSE credential.
  const auth = splitScheme(authorization);
  if (auth.scheme.toLowerCase() !== 'wsse' || auth.params === null) {
    return fail('E000008', 'The Authorization header must use WSSE, e.g. WSSE realm="SDP",profile="UsernameToken",type="Appkey".');
  }
  const realm = present(auth.params, 'realm');
  const profile = present(auth.params, 'profile');
  const type = present(auth.params, 'type');
  if (realm === undefined) return fail('E000002', 'The realm is missing in Authorization.');
  if (profile === undefined) return fail('E000003', 'The profile is missing in Authorization.');
  if (type === undefined) return fail('E000007', 'The type is missing in Authorization.');
  // Values are compared exactly, as documented; only names and schemes are case-tolerant.
  if (realm !== 'SDP') return fail('E000004', 'The value of realm in Authorization must be SDP.');
  if (profile !== 'UsernameToken') {
    return fail('E000005', 'The value of profile in Authorization must be UsernameToken.');
  }
  if (type !== 'Appkey') return fail('E000006', 'The value of type in Authorization must be Appkey.');

  if (xWsse === undefined || xWsse.trim() === '') {
    return fail('E000020', 'The X-WSSE header is missing.');
  }
  // A malformed attribute list gets E000026 for the same reason as E000008 above.
  const wsse = splitScheme(xWsse);
  if (wsse.scheme.toLowerCase() !== 'usernametoken' || wsse.params === null) {
    return fail('E000026', 'The X-WSSE header must start with UsernameToken followed by its attributes.');
  }
  const username = present(wsse.params, 'Username');
  const nonce = present(wsse.params, 'Nonce');
  const createdText = present(wsse.params, 'Created');
  const passwordDigest = present(wsse.params, 'PasswordDigest');
  if (username === undefined) return fail('E000021', 'The Username is missing in X-WSSE.');
  if (nonce === undefined) return fail('E000022', 'The Nonce is missing in X-WSSE.');
  if (createdText === undefined) return fail('E000023', 'The Created time is missing in X-WSSE.');
  if (passwordDigest === undefined) return fail('E000024', 'The PasswordDigest is missing in X-WSSE.');

  const created = parseCreated(createdText);
  if (created === null) {
    return fail('E000025', 'The Created time in X-WSSE must be a UTC time like 2024-05-01T08:00:00Z.');
  }
  // §3.3 has no dedicated code for a malformed Nonce; E000027 ("illegal request") is the closest,
  // and E000022 would wrongly tell the client the Nonce was absent.
  if (!NONCE_FORMAT.test(nonce)) {
    return fail('E000027', 'The Nonce in X-WSSE must be 1 to 128 letters or digits.');
  }
  return { ok: true, token: { username, passwordDigest, nonce, created, createdText } };
}

/** Both digest encodings in real use (§2): A = Base64 of the raw hash, B = Base64 of its lowercase hex. */
export function digestFor(nonce: string, created: string, secret: string): { raw: string; hex: string } {
  const hash = createHash('sha256').update(nonce + created + secret, 'utf8').digest();
  return {
    raw: hash.toString('base64'),
    hex: Buffer.from(hash.toString('hex'), 'utf8').toString('base64'),
  };
}

// Hashing both sides first gives equal-length buffers for timingSafeEqual whatever the input length,
// so neither the length of the sent digest nor which encoding it resembles leaks through timing.
function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Created must be within `windowMs` of the server clock, either side. */
export function checkCreated(token: WsseToken, now: Date, windowMs = WSSE_WINDOW_MS): WsseVerifyResult {
  const skew = Math.abs(now.getTime() - token.created.getTime());
  // Written as !(<=) so an invalid date (NaN) fails closed.
  if (!(skew <= windowMs)) {
    return { ok: false, code: 'E000110', message: 'The Created time in X-WSSE is too far from the server time.' };
  }
  return { ok: true };
}

export function verifyToken(token: WsseToken, secret: string, now: Date, windowMs = WSSE_WINDOW_MS): WsseVerifyResult {
  const timely = checkCreated(token, now, windowMs);
  if (!timely.ok) return timely;
  const expected = digestFor(token.nonce, token.createdText, secret);
  const given = sha256(token.passwordDigest);
  const matchesRaw = timingSafeEqual(given, sha256(expected.raw));
  const matchesHex = timingSafeEqual(given, sha256(expected.hex));
  // Bitwise OR: both comparisons always run, with no short-circuit.
  if ((Number(matchesRaw) | Number(matchesHex)) === 1) return { ok: true };
  return { ok: false, code: 'E000105', message: 'The PasswordDigest is invalid.' };
}
