import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { JsonPoster } from './http-client.ts';
import type { Peers } from './peers.ts';
import { awaitCallbacks } from './progress.ts';
import { runOpenLoop, type OpenLoopRun } from './open-loop.ts';
import { distribution, nowMs, type Distribution } from './stats.ts';

export interface LatencyResult {
  ratePerSecond: number;
  durationMs: number;
  requests: number;
  errors: number;
  /** Achieved rate: requests sent over the time from the first scheduled send to the last. */
  achievedPerSecond: number;
  /** From the moment a request was due to its answer: includes any time it waited in the load generator. */
  acceptMs: Distribution;
  /** From the request leaving the load generator to its answer. */
  serviceMs: Distribution;
  /** From the answer to the status report at the sink: dispatch, carrier and receipt, callback. */
  acceptToCallbackMs: Distribution;
  /** The load generator's own event-loop delay meanwhile: a stall here is latency the platform did not cause. */
  generatorLoopDelayMs: { p99: number; max: number };
  /** Accept latency second by second (p50/p99/max of the requests due in that second), to tell a queue from spikes. */
  perSecond: { second: number; p50: number; p99: number; max: number }[];
}

/** Single sends at a fixed rate, as they went: each one's timings (open-loop.ts), message id, and the failures. */
export interface SinglesRun extends OpenLoopRun {
  /** The accepted message's id per request ('' or absent when it failed). */
  ids: string[];
  errors: number;
  lastError: string;
  /** The load generator's own event-loop delay meanwhile. */
  generatorLoopDelayMs: { p99: number; max: number };
}

/**
 * Sends one single-recipient code to each of `recipients` at `ratePerSecond`, open loop (open-loop.ts), or to the
 * first of them until `stop` says so; never throws for a failed send.
 */
export async function sendSingles(options: {
  poster: JsonPoster;
  templateId: string;
  recipients: readonly string[];
  ratePerSecond: number;
  stop?: () => boolean;
}): Promise<SinglesRun> {
  const { poster, recipients } = options;
  const total = recipients.length;
  const ids: string[] = new Array(total);
  let errors = 0;
  let lastError = '';
  const send = (i: number) =>
    poster.post('/v1/messages', { to: [recipients[i]], templateId: options.templateId, params: ['135790'] }).then(
      (answer) => {
        if (answer.status !== 202) {
          errors++;
          lastError = `${answer.status} ${answer.body.slice(0, 200)}`;
          return;
        }
        ids[i] = (JSON.parse(answer.body) as { messages: { id: string }[] }).messages[0]?.id ?? '';
      },
      (err: unknown) => {
        errors++;
        lastError = String(err);
      },
    );

  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const run = await runOpenLoop(total, options.ratePerSecond, send, options.stop);
  ids.length = run.due.length;
  loopDelay.disable();
  const generatorLoopDelayMs = { p99: Math.round(loopDelay.percentile(99) / 1e4) / 100, max: Math.round(loopDelay.max / 1e4) / 100 };
  return { ...run, ids, errors, lastError, generatorLoopDelayMs };
}

/** Phase (c): single-recipient sends at a fixed rate, open loop (open-loop.ts). */
export async function runAcceptLatency(options: {
  poster: JsonPoster;
  peers: Peers;
  templateId: string;
  recipients: string[];
  ratePerSecond: number;
  stallMs: number;
}): Promise<LatencyResult> {
  const { peers, recipients } = options;
  await peers.reset();
  const total = recipients.length;
  const { startedAt, due, sent, answered, ids, errors, lastError, generatorLoopDelayMs } = await sendSingles(options);
  const lastSent = sent[total - 1] ?? nowMs();
  if (errors) throw new Error(`${errors} of ${total} single sends failed; last: ${lastError}`);

  await awaitCallbacks({ peers, target: total, startedAt, accepted: () => total, stallMs: options.stallMs });
  const arrivals = await peers.arrivals(ids);
  const toCallback: number[] = [];
  arrivals.forEach((at, i) => {
    if (at !== null && answered[i] !== undefined) toCallback.push(at - (answered[i] ?? 0));
  });
  return {
    ratePerSecond: options.ratePerSecond,
    durationMs: Math.round((total * 1000) / options.ratePerSecond),
    requests: total,
    errors,
    achievedPerSecond: Math.round(((total - 1) / (lastSent - startedAt)) * 1000),
    acceptMs: distribution(answered.map((a, i) => a - (due[i] ?? 0))),
    serviceMs: distribution(answered.map((a, i) => a - (sent[i] ?? 0))),
    acceptToCallbackMs: distribution(toCallback),
    generatorLoopDelayMs,
    perSecond: bySecond(due.map((d, i) => ({ at: d - startedAt, ms: (answered[i] ?? 0) - d }))),
  };
}

export function bySecond(samples: { at: number; ms: number }[]): LatencyResult['perSecond'] {
  const buckets = new Map<number, number[]>();
  for (const { at, ms } of samples) {
    const second = Math.floor(at / 1000);
    const bucket = buckets.get(second) ?? [];
    bucket.push(ms);
    buckets.set(second, bucket);
  }
  return [...buckets].map(([second, values]) => {
    const d = distribution(values);
    return { second, p50: d.p50, p99: d.p99, max: d.max };
  });
}
