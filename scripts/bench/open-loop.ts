import { nowMs } from './stats.ts';

export interface OpenLoopRun {
  startedAt: number;
  /** When each request was due, when it left, when its answer came (ms, `nowMs`). */
  due: number[];
  sent: number[];
  answered: number[];
}

/**
 * Sends `total` requests at `ratePerSecond`, open loop: each leaves when it is due, whether or not the ones before
 * it were answered, so a slow answer cannot slow the offered load down. `send` must not reject.
 */
export async function runOpenLoop(total: number, ratePerSecond: number, send: (i: number) => Promise<void>): Promise<OpenLoopRun> {
  const intervalMs = 1000 / ratePerSecond;
  const due: number[] = new Array(total);
  const sent: number[] = new Array(total);
  const answered: number[] = new Array(total);
  const inFlight: Promise<void>[] = [];
  const startedAt = nowMs();
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = nowMs();
      while (next < total && startedAt + next * intervalMs <= now) {
        const i = next++;
        due[i] = startedAt + i * intervalMs;
        sent[i] = nowMs();
        inFlight.push(send(i).then(() => void (answered[i] = nowMs())));
      }
      if (next >= total) resolve();
      else setTimeout(tick, Math.max(0, startedAt + next * intervalMs - nowMs()));
    };
    tick();
  });
  await Promise.all(inFlight);
  return { startedAt, due, sent, answered };
}
