// Writes the workflow bundle to stdout: run by bundle-workflows.ts in a process of its own.
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from './workflows-path.ts';

const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const { code } = await bundleWorkflowCode({ workflowsPath, logger: silent });
process.stdout.write(code);
