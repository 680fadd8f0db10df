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
 * it were answered, so a slow answer cannot slow the offered load down. `send` must not reject. Once `stop` (if
 * given) returns true, no more leave: the run then holds only the requests sent.
 */
export async function runOpenLoop(total: number, ratePerSecond: number, send: (i: number) => Promise<void>, stop?: () => boolean): Promise<OpenLoopRun> {
  const intervalMs = 1000 / ratePerSecond;
  const due: number[] = new Array(total);
  const sent: number[] = new Array(total);
  const answered: number[] = new Array(total);
  const inFlight: Promise<void>[] = [];
  const startedAt = nowMs();
  let next = 0;
  let end = total;
  await new Promise<void>((resolve) => {
    const tick = () => {
      if (stop?.()) end = next;
      const now = nowMs();
      while (next < end && startedAt + next * intervalMs <= now) {
        const i = next++;
        due[i] = startedAt + i * intervalMs;
        sent[i] = nowMs();
        inFlight.push(send(i).then(() => void (answered[i] = nowMs())));
      }
      if (next >= end) resolve();
      else setTimeout(tick, Math.max(0, startedAt + next * intervalMs - nowMs()));
    };
    tick();
  });
  await Promise.all(inFlight);
  if (end < total) for (const times of [due, sent, answered]) times.length = end;
  return { startedAt, due, sent, answered };
}
