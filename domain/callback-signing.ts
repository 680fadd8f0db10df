import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed callbacks, after the Standard Webhooks specification (standardwebhooks.com), so that receivers can use its
 * libraries as they are. Every POST carries:
 * - `webhook-id`: the id of the report (the same on every retry of it: receivers drop repeats by it);
 * - `webhook-timestamp`: when this attempt was signed, in Unix seconds;
 * - `webhook-signature`: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, one per secret in force,
 *   space-separated (two while a rotated secret's grace period lasts).
 * The secret is `whsec_` followed by 32 random bytes in base64; the HMAC key is those bytes.
 */

const signingSecretPrefix = 'whsec_';

/** How far a signature's timestamp may be from the receiver's clock: older ones are replays. */
export const replayToleranceSeconds = 5 * 60;

export function newSigningSecret(): string {
  return `${signingSecretPrefix}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(signingSecretPrefix)) throw new Error('a signing secret starts with whsec_');
  return Buffer.from(secret.slice(signingSecretPrefix.length), 'base64');
}

function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

export interface SignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The headers that sign `body` with each of `secrets` (the current one first). */
export function signCallback(secrets: readonly string[], id: string, body: string, at: Date = new Date()): SignatureHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => `v1,${signatureOf(secret, id, timestamp, body)}`).join(' '),
  };
}

export type Verification = 'valid' | 'unsigned' | 'bad_signature' | 'stale';

/**
 * What a receiver does with a callback: `valid` when one of the signatures is this secret's over exactly this body
 * and the timestamp is within the replay tolerance. The body must be the raw bytes received, before any parsing.
 */
export function verifyCallback(
  secret: string,
  headers: Record<string, string | string[] | undefined> | SignatureHeaders,
  body: string,
  now: Date = new Date(),
): Verification {
  const header = (name: keyof SignatureHeaders) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const [id, timestamp, signatures] = [header('webhook-id'), header('webhook-timestamp'), header('webhook-signature')];
  if (!id || !timestamp || !signatures) return 'unsigned';
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > replayToleranceSeconds) return 'stale';
  const expected = Buffer.from(signatureOf(secret, id, Number(timestamp), body), 'base64');
  for (const signature of signatures.split(' ')) {
    const [version, value] = signature.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return 'valid';
  }
  return 'bad_signature';
}
