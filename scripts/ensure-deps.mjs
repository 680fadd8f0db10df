// Runs before `npm run dev`, `npm test` and `npm run bench`, with plain Node (dependencies may not be there
// yet): installs the npm dependencies when node_modules is missing or older than the lockfile.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const lockfile = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.tern-lock-hash');
const hash = createHash('sha256').update(fs.readFileSync(lockfile)).digest('hex');
const installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';

if (installed !== hash) {
  console.error('[tern] installing npm dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  fs.writeFileSync(stamp, hash);
}
