import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runOpenLoop } from './open-loop.ts';
import { distribution } from './stats.ts';

export interface CapacityStep {
  rate: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /** The load generator's own event-loop delay during the step: a stall here is latency the server did not cause. */
  generatorDelayMaxMs: number;
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
  /** Waits, before each step, until what the previous step left behind the server is done (the api's dispatch backlog). */
  settle?: () => Promise<void>;
}

/**
 * Steps the request rate up (×1.5 from `startRate`) until a rate's p99, from when each request was due to its
 * answer, passes `limitMs` twice running, then bisects between the last rate that held and that one. A rate is measured open loop
 * for `stepMs`, after a pause that lets the previous step's queues drain; a first step at the start rate warms up.
 */
export async function findCapacity(options: CapacityOptions): Promise<CapacityResult> {
  const steps: CapacityStep[] = [];
  let offset = 0;
  const measure = async (rate: number, counted = true): Promise<boolean> => {
    await options.settle?.();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const total = Math.max(20, Math.round((rate * options.stepMs) / 1000));
    const base = offset;
    offset += total;
    let errors = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const run = await runOpenLoop(total, rate, (i) =>
      options.send(base + i).then(
        (accepted) => void (accepted || errors++),
        () => void errors++,
      ),
    );
    loopDelay.disable();
    const generatorDelayMaxMs = Math.round(loopDelay.max / 1e4) / 100;
    const d = distribution(run.answered.map((a, i) => a - (run.due[i] ?? 0)));
    const ok = errors === 0 && d.p99 <= options.limitMs;
    if (!counted) return ok;
    steps.push({ rate, requests: total, errors, p50: d.p50, p99: d.p99, max: d.max, generatorDelayMaxMs, ok });
    options.log(
      `${options.label}: ${rate} req/s → p50 ${d.p50} ms, p99 ${d.p99} ms${errors ? `, ${errors} errors` : ''} ${ok ? 'holds' : 'does not hold'} ` +
        `(load generator stalled ${generatorDelayMaxMs} ms at most)`,
    );
    return ok;
  };

  // A first step at the start rate, not counted: the server's code paths and connections warm up.
  await measure(options.startRate, false);
  // A step that fails is run once more: a stall of a few tens of milliseconds now and then (the disk, a timer of
  // some process) fails a step at any rate; a rate the machine cannot carry fails both.
  const holds = async (rate: number) => (await measure(rate)) || (await measure(rate));
  let good = 0;
  let bad = options.startRate;
  while (await holds(bad)) {
    good = bad;
    bad = Math.round(bad * 1.5);
  }
  for (let i = 0; i < options.refinements && bad - good > Math.max(10, good * 0.05); i++) {
    const mid = Math.round((good + bad) / 2);
    if (await holds(mid)) good = mid;
    else bad = mid;
  }
  return { limitMs: options.limitMs, stepMs: options.stepMs, steps, capacity: good };
}
