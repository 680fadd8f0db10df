import { createHash, randomBytes } from 'node:crypto';
import { secretsEqual } from './secrets.ts';

/**
 * Bearer tokens: `<kind>_<12 hex: public id>_<43 base64url: 256-bit secret>`. The public id finds the row; only
 * a hash of the secret is stored, since a token is only ever compared. The kind tells apps' API keys (`tern`)
 * from operators' tokens (`ternop`) at a glance, in logs and in leaked-secret scanners.
 */
export type TokenKind = 'tern' | 'ternop';

export interface NewToken {
  /** Shown once, to the one who creates it. */
  token: string;
  prefix: string;
  secretHash: string;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newToken(kind: TokenKind): NewToken {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `${kind}_${prefix}_${secret}`, prefix, secretHash: hashTokenSecret(secret) };
}

export function splitToken(kind: TokenKind, token: string): { prefix: string; secret: string } | undefined {
  const match = /^([a-z]+)_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match?.[1] === kind && match[2] && match[3] ? { prefix: match[2], secret: match[3] } : undefined;
}

export function tokenSecretMatches(secret: string, storedHash: string): boolean {
  return secretsEqual(hashTokenSecret(secret), storedHash);
}
