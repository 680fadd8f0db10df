import type { SecretBox } from './secret-box.ts';
import { secretsEqual } from './secrets.ts';

export interface SealedAppSecrets {
  secret_sealed: string | null;
  previous_secret_sealed: string | null;
  previous_secret_until: Date | null;
}

/** The secrets an app accepts right now: the current one, and the previous one while its grace period lasts. */
export function acceptedSecrets(app: SealedAppSecrets, secrets: SecretBox, now: Date = new Date()): string[] {
  const accepted: string[] = [];
  if (app.secret_sealed) accepted.push(secrets.open(app.secret_sealed));
  if (app.previous_secret_sealed && app.previous_secret_until && app.previous_secret_until > now) {
    accepted.push(secrets.open(app.previous_secret_sealed));
  }
  return accepted;
}

/** Checks a secret against every accepted one, without stopping early. */
export function secretAccepted(given: string, app: SealedAppSecrets, secrets: SecretBox, now?: Date): boolean {
  return acceptedSecrets(app, secrets, now).reduce((ok, expected) => secretsEqual(given, expected) || ok, false);
}

/**
 * Whether a presented key or token can be one at all (printable ASCII, at most `maxLength` characters): anything
 * else is refused like an unknown one, without a database lookup (a NUL would not even reach one).
 */
export function plausibleCredential(text: string, maxLength = 64): boolean {
  return text.length <= maxLength && /^[\x21-\x7e]+$/.test(text);
}
