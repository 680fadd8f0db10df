import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./bundle-workflows-main.ts', import.meta.url));

/**
 * Bundles `workflows/` in a child process and resolves with the code. Webpack takes ~100 MB while it runs and the
 * heap it grew stays with the process that ran it: bundled apart, that memory goes back when the child exits and
 * the worker's resident size stays what the worker itself needs.
 */
export function bundleWorkflowsApart(): Promise<{ code: string }> {
  // The loader (tsx) comes along; profiling and inspector flags stay with the worker.
  const execArgv = process.execArgv.filter((arg) => !/^--(cpu-prof|heap-prof|inspect)/.test(arg));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, main], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const bundle = Buffer.concat(out).toString('utf8');
      if (code === 0 && bundle.length > 0) resolve({ code: bundle });
      else reject(new Error(`bundling the workflows failed (${code ?? signal}): ${Buffer.concat(err).toString('utf8').slice(-2000)}`));
    });
  });
}
