import fs from 'node:fs/promises';

export interface ProcessMemory {
  pid: number;
  /** What runs under the pid (/proc/<pid>/exe and its first arguments): the node process itself, not a wrapper. */
  program: string;
  /** The highest VmRSS seen by the samples, per phase (MiB). */
  peakMbByPhase: Record<string, number>;
  /** The highest VmRSS seen by any sample (MiB). */
  peakMb: number;
  /** The kernel's own high-water mark (VmHWM) at the last sample: the peak over the process's whole life (MiB). */
  hwmMb: number;
}

const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;

async function status(pid: number): Promise<{ rssKb: number; hwmKb: number } | undefined> {
  const text = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text)?.[1] ?? 0);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

async function program(pid: number): Promise<string> {
  const exe = await fs.readlink(`/proc/${pid}/exe`).catch(() => '?');
  const argv = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
  return `${exe} (${argv.slice(1, 4).join(' ')})`;
}

/**
 * Samples the resident memory of some processes (Linux /proc/<pid>/status) every `everyMs`, keeping each one's peak
 * per phase (`phase()` names the phase the next samples count for). The services run as `node --import tsx …`
 * (startService, through `setpriv`, which execs node in place): the pid is node's own, which `program` shows.
 */
export function sampleRss(pids: Record<string, number>, everyMs = 500) {
  let phase = 'before';
  const peaks = new Map<string, { peakKb: number; hwmKb: number; byPhase: Map<string, number> }>();
  for (const name of Object.keys(pids)) peaks.set(name, { peakKb: 0, hwmKb: 0, byPhase: new Map() });
  const sample = async () => {
    await Promise.all(
      Object.entries(pids).map(async ([name, pid]) => {
        const s = await status(pid);
        const p = peaks.get(name);
        if (!s || !p) return;
        p.peakKb = Math.max(p.peakKb, s.rssKb);
        p.hwmKb = Math.max(p.hwmKb, s.hwmKb);
        p.byPhase.set(phase, Math.max(p.byPhase.get(phase) ?? 0, s.rssKb));
      }),
    );
  };
  let running = sample();
  const timer = setInterval(() => void (running = running.then(sample)), everyMs);
  let stopped: Promise<Record<string, ProcessMemory>> | undefined;
  const stop = async (): Promise<Record<string, ProcessMemory>> => {
    clearInterval(timer);
    await running;
    await sample();
    const out: Record<string, ProcessMemory> = {};
    for (const [name, p] of peaks) {
      const pid = pids[name] ?? 0;
      out[name] = {
        pid,
        program: await program(pid),
        peakMbByPhase: Object.fromEntries([...p.byPhase].map(([k, v]) => [k, mib(v)])),
        peakMb: mib(p.peakKb),
        hwmMb: mib(p.hwmKb),
      };
    }
    return out;
  };
  return {
    phase(name: string) {
      phase = name;
    },
    /** Stops sampling (once; later calls answer the same) and gives each process's figures. */
    stop: () => (stopped ??= stop()),
  };
}
