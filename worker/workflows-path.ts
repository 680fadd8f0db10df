import { fileURLToPath } from 'node:url';

/** The workflows' entry point, which the Temporal worker bundles with webpack. */
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
