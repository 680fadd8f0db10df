import fs from 'node:fs/promises';
import { masterKeyFrom, newMasterKey } from '../../domain/secret-box.ts';

/**
 * The dev stack's master key: TERN_MASTER_KEY if set, else the one kept in the state folder, made on first run.
 * Losing it makes the stored app secrets unreadable, so it lives beside the data it protects.
 */
export async function devMasterKey(file: string): Promise<Buffer> {
  if (process.env.TERN_MASTER_KEY) return masterKeyFrom(process.env.TERN_MASTER_KEY);
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing) return masterKeyFrom(existing, file);
  const key = newMasterKey();
  await fs.writeFile(file, key + '\n', { mode: 0o600 });
  return masterKeyFrom(key);
}
