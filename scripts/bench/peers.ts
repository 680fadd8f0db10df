import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BoundSession, SimulatorStats } from '../../carriers/simulator/simulator.ts';
import type { SinkCounts } from './counting-sink.ts';
import type { WireTimes } from './wire-watch.ts';

export const accounts = { platform: { systemId: 'tern', password: 'tern' }, raw: { systemId: 'bench', password: 'bench' } };

export interface PeersRequest {
  id: number;
  op: 'counts' | 'reset' | 'arrivals' | 'simulator' | 'sessions' | 'wire' | 'close';
  ids?: string[];
}

export interface Peers {
  smppPort: number;
  sinkUrl: string;
  pids: { simulator: number; sink: number };
  counts(): Promise<SinkCounts>;
  /** Forgets every report so far; the next phase counts from zero. */
  reset(): Promise<void>;
  /** When each of these messages' report arrived (epoch ms), or null. */
  arrivals(ids: string[]): Promise<(number | null)[]>;
  simulator(): Promise<SimulatorStats>;
  /** The simulator's bound sessions. */
  sessions(): Promise<BoundSession[]>;
  /** When the submit_sm to each of these numbers reached the simulator; all null unless started with `wirePrefix`. */
  wireTimes(numbers: string[]): Promise<WireTimes>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./peers-main.ts', import.meta.url));

interface PeerProcess {
  pid: number;
  ready: Record<string, unknown>;
  call<T>(op: PeersRequest['op'], extra?: Partial<PeersRequest>): Promise<T>;
  close(): Promise<void>;
}

async function forkPeer(role: 'simulator' | 'sink', env: Record<string, string>): Promise<PeerProcess> {
  const child: ChildProcess = fork(entry, [role], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${role} process exited with ${code} before it was ready`)));
    child.on('message', (raw) => {
      const message = raw as { ready?: Record<string, unknown>; id?: number; result?: unknown };
      if (message.ready) resolve(message.ready);
      else if (message.id !== undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
  });
  const call = <T>(op: PeersRequest['op'], extra: Partial<PeersRequest> = {}) =>
    new Promise<T>((resolve) => {
      const id = next++;
      pending.set(id, (result) => resolve(result as T));
      child.send({ id, op, ...extra } satisfies PeersRequest);
    });
  return {
    pid: child.pid ?? 0,
    ready,
    call,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await Promise.race([call('close'), exited]);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Forks the simulator and the callback sink (peers-main.ts), each in its own process, and talks to them over IPC.
 * With `wirePrefix` (digits), the simulator notes when each message to a number beginning with it arrived (wire-watch.ts).
 */
export async function startPeers(receiptDelayMs: number, options: { wirePrefix?: string | undefined } = {}): Promise<Peers> {
  const [simulator, sink] = await Promise.all([
    forkPeer('simulator', { TERN_BENCH_RECEIPT_DELAY_MS: String(receiptDelayMs), ...(options.wirePrefix ? { TERN_BENCH_WIRE_PREFIX: options.wirePrefix } : {}) }),
    forkPeer('sink', {}),
  ]);
  return {
    smppPort: Number(simulator.ready.smppPort),
    sinkUrl: String(sink.ready.sinkUrl),
    pids: { simulator: simulator.pid, sink: sink.pid },
    counts: () => sink.call('counts'),
    reset: () => sink.call('reset'),
    arrivals: (ids) => sink.call('arrivals', { ids }),
    simulator: () => simulator.call('simulator'),
    sessions: () => simulator.call('sessions'),
    wireTimes: (numbers) => simulator.call('wire', { ids: numbers }),
    close: async () => void (await Promise.all([simulator.close(), sink.close()])),
  };
}
