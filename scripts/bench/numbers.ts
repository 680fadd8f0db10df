/**
 * Unique valid mainland mobile numbers, `+86138` and eight digits, from disjoint ranges per phase. Numbers
 * ending in 9901–9904 are skipped: the simulator gives those a failure or no receipt at all (outcomes.ts).
 */
export function recipients(start: number, count: number): string[] {
  const out: string[] = [];
  for (let i = start; out.length < count; i++) {
    const last4 = i % 10_000;
    if (last4 >= 9901 && last4 <= 9904) continue;
    out.push(`+86138${String(i).padStart(8, '0')}`);
  }
  return out;
}

/** Ranges far enough apart that no phase reuses another's numbers. */
export const ranges = { warmup: 10_000_000, e2e: 20_000_000, latencyWarmup: 30_000_000, latency: 40_000_000, baseline: 60_000_000, capacity: 70_000_000, rawCapacity: 80_000_000, twoWorkers: 90_000_000 } as const;
