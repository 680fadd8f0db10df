import { randomBytes } from 'node:crypto';
import { secretBox } from '../../domain/secret-box.ts';

/** A master key of this test process: apps made by the fixtures are sealed under it, and the API opens them. */
export const testSecrets = secretBox(randomBytes(32));
