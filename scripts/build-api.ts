// `npm run build`: the api as one JavaScript file (`dist/api.mjs`, with its source map) for production, run by plain
// `node`. Under tsx the process also keeps a loader thread that compiles TypeScript, about 40 MB of its memory
// (docs/benchmarks.md#details-benchmark); the worker stays on tsx (its workflows are bundled by Temporal's own bundler).
// Packages stay outside the file and are loaded from node_modules as usual.
import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const apiBundle = path.join(root, 'dist', 'api.mjs');

/** Builds `dist/api.mjs`; each file is written beside and renamed into place, so builds at once never mix. */
export async function buildApi(): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [path.join(root, 'api', 'main.ts')],
    outfile: apiBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    write: false,
    logLevel: 'warning',
  });
  await fs.mkdir(path.dirname(apiBundle), { recursive: true });
  for (const file of outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    await fs.writeFile(partial, file.contents);
    await fs.rename(partial, file.path);
  }
  return apiBundle;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`built ${path.relative(root, await buildApi())}`);
}
