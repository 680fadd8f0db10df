import { randomBytes } from 'node:crypto';
import { secretBox } from '../../domain/secret-box.ts';

/** This test process's master key, base64 as in TERN_MASTER_KEY, for worker processes the tests spawn. */
export const testMasterKey = randomBytes(32).toString('base64');

/** Apps and carriers made by the fixtures are sealed under it, and the API and workers open them. */
export const testSecrets = secretBox(Buffer.from(testMasterKey, 'base64'));
