import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Console passwords, hashed with scrypt (memory-hard: 2^15 × 8 × 128 bytes = 32 MiB a hash, about 100 ms on one
 * core), stored as `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` so the cost can be raised later without a migration:
 * a hash is checked with the parameters it was made with.
 */
const current = { log2N: 15, r: 8, p: 1 };
const keyLength = 32;

/** Length bounds a person can live with; the upper one keeps a hash from being a way to burn CPU. */
export const passwordRules = { min: 10, max: 200 } as const;

function derive(password: string, salt: Buffer, params: { log2N: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 2 * 128 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, current);
  return ['scrypt', current.log2N, current.r, current.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, log2N, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const params = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (!(params.log2N >= 10 && params.log2N <= 20 && params.r >= 1 && params.r <= 32 && params.p >= 1 && params.p <= 4)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/**
 * A hash of a random password, checked when the email is unknown so a miss takes as long as a wrong password. Made
 * on the first sign-in, not when the module loads: a process that signs no one in never spends the 32 MiB.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < passwordRules.min) return `A password needs at least ${passwordRules.min} characters.`;
  if (password.length > passwordRules.max) return `A password has at most ${passwordRules.max} characters.`;
  return undefined;
}
