// `npm run build`: what production runs, built: the api as one file (scripts/build-api.ts) and the browser console
// (scripts/build-console.ts).
import path from 'node:path';
import { buildApi } from './build-api.ts';
import { buildConsole } from './build-console.ts';

const root = path.resolve(import.meta.dirname, '..');
const [api, built] = await Promise.all([buildApi(), buildConsole()]);
console.log(`built ${path.relative(root, api)}`);
console.log(`built ${path.relative(root, built.dir)}: first load ${(built.firstLoadBrotliBytes / 1024).toFixed(1)} KiB with brotli`);
