import fs from 'node:fs/promises';

/** CPU seconds used per process group, from /proc (Linux); empty elsewhere. */
export type CpuSnapshot = Map<number, { group: string; ticks: number }>;

const ticksPerSecond = 100; // USER_HZ, 100 on every Linux the bench runs on

/**
 * Reads every process's user + system time. Known pids are named by `groups`; Postgres processes by the
 * application_name of their client (`postgresBackends`, from pg_stat_activity), or `server` for the postmaster,
 * WAL writer, checkpointer and autovacuum; the Temporal dev server by name; the rest is `other` (anything else
 * running on the machine).
 */
export async function cpuSnapshot(groups: Record<string, number>, postgresBackends = new Map<number, string>()): Promise<CpuSnapshot> {
  const byPid = new Map(Object.entries(groups).map(([name, pid]) => [pid, name]));
  const snapshot: CpuSnapshot = new Map();
  let entries: string[];
  try {
    entries = (await fs.readdir('/proc')).filter((e) => /^\d+$/.test(e));
  } catch {
    return snapshot;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      const close = stat.lastIndexOf(')');
      if (close < 0) return;
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const pid = Number(entry);
      const group =
        byPid.get(pid) ??
        (comm === 'postgres' ? `postgres:${postgresBackends.get(pid) ?? 'server'}` : comm.startsWith('temporal') ? 'temporal' : 'other');
      snapshot.set(pid, { group, ticks });
    }),
  );
  return snapshot;
}

/** CPU seconds per group between two snapshots, and the share of the machine's cores over `wallMs`. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, wallMs: number, cores: number) {
  const seconds: Record<string, number> = {};
  for (const [pid, { group, ticks }] of after) {
    const used = ticks - (before.get(pid)?.ticks ?? 0);
    if (used > 0) seconds[group] = (seconds[group] ?? 0) + used / ticksPerSecond;
  }
  const postgres = Object.entries(seconds).filter(([g]) => g.startsWith('postgres:')).reduce((s, [, v]) => s + v, 0);
  if (postgres > 0) seconds.postgres = postgres;
  const total = Object.entries(seconds).filter(([g]) => g !== 'postgres').reduce((s, [, v]) => s + v, 0);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    seconds: Object.fromEntries(Object.entries(seconds).sort((a, b) => b[1] - a[1]).map(([g, s]) => [g, round(s)])),
    /** Share of all cores busy over the phase. */
    machineBusy: round(total / ((wallMs / 1000) * cores)),
  };
}

export type CpuUsage = ReturnType<typeof cpuBetween>;
