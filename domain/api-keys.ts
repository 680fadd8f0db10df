import { createHash, randomBytes } from 'node:crypto';
import { secretsEqual } from './secrets.ts';

/** What a bearer key may do; the app secret (Basic) may do all of it and manage keys too. */
export const apiScopes = ['send', 'read'] as const;
export type ApiScope = (typeof apiScopes)[number];

export interface NewApiKey {
  /** Shown once, to the one who creates it. */
  key: string;
  prefix: string;
  secretHash: string;
}

const keyPattern = /^tern_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function hashKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** `tern_<12 hex: public prefix>_<43 base64url: 256-bit secret>`. */
export function newApiKey(): NewApiKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `tern_${prefix}_${secret}`, prefix, secretHash: hashKeySecret(secret) };
}

export function splitApiKey(key: string): { prefix: string; secret: string } | undefined {
  const match = keyPattern.exec(key);
  return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : undefined;
}

export function keySecretMatches(secret: string, storedHash: string): boolean {
  return secretsEqual(hashKeySecret(secret), storedHash);
}
