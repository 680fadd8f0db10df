import { runOpenLoop } from './open-loop.ts';
import { distribution } from './stats.ts';

export interface CapacityStep {
  rate: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  ok: boolean;
}

export interface CapacityResult {
  /** The p99 a rate must keep to count. */
  limitMs: number;
  stepMs: number;
  steps: CapacityStep[];
  /** The highest rate tried whose p99 stayed within the limit without errors; 0 when none did. */
  capacity: number;
}

export interface CapacityOptions {
  /** Sends request `i` (numbered across every step, so each can have its own recipient); true when it was accepted. */
  send: (i: number) => Promise<boolean>;
  limitMs: number;
  stepMs: number;
  startRate: number;
  /** Bisections between the last rate that held and the first that did not. */
  refinements: number;
  log: (message: string) => void;
  label: string;
}

/**
 * Steps the request rate up (×1.5 from `startRate`) until a step's p99, from when each request was due to its
 * answer, passes `limitMs`, then bisects between the last rate that held and that one. A rate is measured open loop
 * for `stepMs`, after a pause that lets the previous step's queues drain; a first step at the start rate warms up.
 */
export async function findCapacity(options: CapacityOptions): Promise<CapacityResult> {
  const steps: CapacityStep[] = [];
  let offset = 0;
  const measure = async (rate: number, counted = true): Promise<boolean> => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const total = Math.max(20, Math.round((rate * options.stepMs) / 1000));
    const base = offset;
    offset += total;
    let errors = 0;
    const run = await runOpenLoop(total, rate, (i) =>
      options.send(base + i).then(
        (accepted) => void (accepted || errors++),
        () => void errors++,
      ),
    );
    const d = distribution(run.answered.map((a, i) => a - (run.due[i] ?? 0)));
    const ok = errors === 0 && d.p99 <= options.limitMs;
    if (!counted) return ok;
    steps.push({ rate, requests: total, errors, p50: d.p50, p99: d.p99, max: d.max, ok });
    options.log(`${options.label}: ${rate} req/s → p50 ${d.p50} ms, p99 ${d.p99} ms${errors ? `, ${errors} errors` : ''} ${ok ? 'holds' : 'does not hold'}`);
    return ok;
  };

  // A first step at the start rate, not counted: the server's code paths and connections warm up.
  await measure(options.startRate, false);
  let good = 0;
  let bad = options.startRate;
  while (await measure(bad)) {
    good = bad;
    bad = Math.round(bad * 1.5);
  }
  for (let i = 0; i < options.refinements && bad - good > Math.max(10, good * 0.05); i++) {
    const mid = Math.round((good + bad) / 2);
    if (await measure(mid)) good = mid;
    else bad = mid;
  }
  return { limitMs: options.limitMs, stepMs: options.stepMs, steps, capacity: good };
}
