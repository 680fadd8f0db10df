/** What `npm run bench` measures, from the environment; every knob has the default the targets are stated for. */
export interface BenchConfig {
  /** Messages in the end-to-end run and in each baseline. */
  messages: number;
  /** Recipients per POST /v1/messages (the API's maximum is 1 000). */
  recipientsPerRequest: number;
  /** Requests in flight at once during the end-to-end run. */
  requestConcurrency: number;
  /** Messages sent end to end before measuring, so both children are warm. */
  warmupMessages: number;
  /** Outstanding submit_sm in all, for the worker's binds (shared among them) and the raw baseline's session alike. */
  window: number;
  /** Binds of the bench carrier (one account), so that two workers can share them. */
  binds: number;
  /** The simulator's delay between submit_sm_resp and the delivery receipt. */
  receiptDelayMs: number;
  /** Phase (c): the rate, how long it is measured, and how long it runs before that (not measured). */
  latency: { ratePerSecond: number; durationMs: number; warmupMs: number };
  /** Phase (d): how long each rate step runs, and the first rate. */
  capacity: { stepMs: number; startRate: number };
  /** Writes a V8 CPU profile of the api and worker children to this folder. */
  cpuProfileDir: string | undefined;
  /** Gives up on a phase that makes no progress for this long. */
  stallMs: number;
  /** Which phases run (all by default); a partial run is for profiling and writes no results file. */
  phases: Set<Phase>;
}

export const allPhases = ['e2e', 'workers2', 'baseline', 'latency', 'capacity'] as const;
export type Phase = (typeof allPhases)[number];

function phases(): Set<Phase> {
  const raw = process.env.TERN_BENCH_PHASES;
  if (!raw) return new Set(allPhases);
  const chosen = raw.split(',').map((p) => p.trim());
  for (const p of chosen) if (!allPhases.includes(p as Phase)) throw new Error(`TERN_BENCH_PHASES: unknown phase ${p}; use ${allPhases.join(', ')}`);
  return new Set(chosen as Phase[]);
}

export function integer(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

export function readConfig(): BenchConfig {
  return {
    messages: integer('TERN_BENCH_MESSAGES', 20_000, 1),
    recipientsPerRequest: Math.min(1_000, integer('TERN_BENCH_BATCH', 1_000, 1)),
    requestConcurrency: integer('TERN_BENCH_CONCURRENCY', 4, 1),
    warmupMessages: integer('TERN_BENCH_WARMUP', 2_000),
    window: integer('TERN_BENCH_WINDOW', 50, 1),
    binds: integer('TERN_BENCH_BINDS', 2, 1),
    receiptDelayMs: integer('TERN_BENCH_RECEIPT_DELAY_MS', 10),
    latency: {
      ratePerSecond: integer('TERN_BENCH_RATE', 500, 1),
      durationMs: integer('TERN_BENCH_LATENCY_MS', 10_000, 100),
      warmupMs: integer('TERN_BENCH_LATENCY_WARMUP_MS', 3_000),
    },
    capacity: {
      stepMs: integer('TERN_BENCH_CAPACITY_STEP_MS', 8_000, 500),
      startRate: integer('TERN_BENCH_CAPACITY_START', 100, 1),
    },
    cpuProfileDir: process.env.TERN_BENCH_CPU_PROF || undefined,
    stallMs: integer('TERN_BENCH_STALL_MS', 30_000, 1_000),
    phases: phases(),
  };
}
