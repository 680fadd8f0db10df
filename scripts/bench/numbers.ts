/**
 * Unique valid mainland mobile numbers, `+86138` and eight digits, from disjoint ranges per phase. Numbers
 * ending in 9901–9904 are skipped: the simulator gives those a failure or no receipt at all (outcomes.ts).
 */
export function* recipientNumbers(start: number): Generator<string> {
  for (let i = start; ; i++) {
    const last4 = i % 10_000;
    if (last4 >= 9901 && last4 <= 9904) continue;
    yield `+86138${String(i).padStart(8, '0')}`;
  }
}

/** The first `count` numbers of `recipientNumbers(start)`. */
export function recipients(start: number, count: number): string[] {
  const out: string[] = [];
  if (count <= 0) return out;
  for (const number of recipientNumbers(start)) {
    out.push(number);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * Ranges far enough apart that no phase reuses another's numbers (ten million each; `campaign` holds the campaign
 * bench's list, up to a million rows).
 */
export const ranges = { warmup: 10_000_000, e2e: 20_000_000, latencyWarmup: 30_000_000, latency: 40_000_000, campaign: 50_000_000, baseline: 60_000_000, capacity: 70_000_000, rawCapacity: 80_000_000, twoWorkers: 90_000_000 } as const;

/** The digits (no `+`) every number of the range starting at `start` begins with: `86138` and its first three digits. */
export const rangePrefix = (start: number) => `86138${String(start).padStart(8, '0').slice(0, 3)}`;
