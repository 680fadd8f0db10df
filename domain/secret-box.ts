import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * App secrets are kept encrypted, not hashed: WSSE proves knowledge of the secret by a digest the server must
 * recompute, so the server needs the secret itself. AES-256-GCM under a master key from the environment.
 */
export interface SecretBox {
  seal(plain: string): string;
  /** Throws if the text was not sealed under this master key or was altered. */
  open(sealed: string): string;
}

const version = 'v1';

export function secretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes.');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [version, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== version || !iv || !tag || body === undefined) throw new Error('Not a sealed secret of a known version.');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Reads the master key as 32 bytes in base64 (what `newMasterKey` writes), with an error that says what is wrong. */
export function masterKeyFrom(value: string | undefined, name = 'TERN_MASTER_KEY'): Buffer {
  if (!value) throw new Error(`${name} is required: 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`).`);
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes in base64; it decodes to ${key.length} bytes.`);
  return key;
}

export function newMasterKey(): string {
  return randomBytes(32).toString('base64');
}

/** The process's secret box from TERN_MASTER_KEY; a missing or malformed key ends the process with a clear log line. */
export function secretBoxFromEnvOrExit(logger: { fatal(message: string): void }): SecretBox {
  try {
    return secretBox(masterKeyFrom(process.env.TERN_MASTER_KEY));
  } catch (err) {
    logger.fatal((err as Error).message);
    process.exit(2);
  }
}
