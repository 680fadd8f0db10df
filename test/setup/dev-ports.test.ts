import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm run dev with a port taken', () => {
  test('says which port, what needs it and the setting that moves it, and exits 1 having started nothing', async () => {
    const held = net.createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const heldPort = (held.address() as net.AddressInfo).port;
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-dev-ports-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TERN_DEV_DIR: stateDir, LOG_LEVEL: 'warn', TERN_CALLBACK_SINK_PORT: String(heldPort) };
      for (const name of ['TERN_PG_PORT', 'TERN_TEMPORAL_PORT', 'TERN_TEMPORAL_UI_PORT', 'TERN_API_PORT', 'TERN_SMSC_CONTROL_PORT', 'TERN_CARRIER_API_PORT']) {
        env[name] = String(await freePort());
      }
      env.TERN_SMSC_PORT = String(await freePort());
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`${heldPort} (the callback sink; TERN_CALLBACK_SINK_PORT=…)`);
      expect(stderr).not.toMatch(/at .*\(node:/);
      expect(await fs.readdir(stateDir)).toEqual([]);
    } finally {
      held.close();
      await fs.rm(stateDir, { recursive: true, force: true });
    }
  });
});
