import { sendSingles } from './accept-latency.ts';
import type { JsonPoster } from './http-client.ts';
import { recipients } from './numbers.ts';
import type { Peers } from './peers.ts';
import { distribution, nowMs, type Distribution } from './stats.ts';

export interface SinglesDuringCampaign {
  ratePerSecond: number;
  requests: number;
  errors: number;
  lastError: string;
  /** Requests sent over the time from the first scheduled send to the last. */
  achievedPerSecond: number;
  /** From the moment a request was due to its answer (202). */
  acceptMs: Distribution;
  /** From the request leaving the load generator to its answer. */
  serviceMs: Distribution;
  /** From the moment a request was due to its submit_sm reaching the simulator: a code's way to the wire. */
  dueToWireMs: Distribution;
  /** From the answer to the submit_sm reaching the simulator: the dispatch. */
  acceptToWireMs: Distribution;
  /** Codes whose submit_sm the simulator was seen to receive, and the messages its watch missed (its ring overran). */
  wireSeen: number;
  wireMissed: number;
  /** From the answer to the status report at the sink. */
  acceptToCallbackMs: Distribution;
  generatorLoopDelayMs: { p99: number; max: number };
  /** Per 10 seconds of the run: accept and due→wire percentiles of the requests due then. */
  perTenSeconds: { from: number; requests: number; acceptP50: number; acceptP99: number; wireP50: number; wireP99: number; wireMax: number }[];
}

/**
 * Verification codes sent one at a time at a fixed rate (open loop, accept-latency.ts) while a campaign runs, from
 * the `latency` range of numbers; `stop()` ends the sending, then says how long each took to be accepted and to
 * reach the simulator (which must watch their numbers: peers.ts `wirePrefix`, numbers.ts `rangePrefix(start)`) and
 * their status reports the sink.
 */
export function singlesDuringCampaign(options: { poster: JsonPoster; peers: Peers; templateId: string; ratePerSecond: number; start: number; maxMs: number }) {
  let stopping = false;
  let stoppedAt: number | undefined;
  const numbers = recipients(options.start, Math.ceil((options.ratePerSecond * options.maxMs) / 1000));
  const startedAt = nowMs();
  const running = sendSingles({ poster: options.poster, templateId: options.templateId, recipients: numbers, ratePerSecond: options.ratePerSecond, stop: () => stopping });
  return {
    /** Requests sent so far, at most (the open loop sends each when due). */
    sentSoFar: () => Math.min(numbers.length, Math.floor((((stoppedAt ?? nowMs()) - startedAt) * options.ratePerSecond) / 1000) + 1),
    async stop(): Promise<SinglesDuringCampaign> {
      stopping = true;
      stoppedAt = nowMs();
      const run = await running;
      const total = run.due.length;
      const sentTo = numbers.slice(0, total);
      const ok = (i: number) => Boolean(run.ids[i]);
      // The last codes may still be on their way to the simulator and the sink: a few seconds for them.
      const look = () => Promise.all([options.peers.wireTimes(sentTo), options.peers.arrivals(run.ids.map((id) => id || '-'))]);
      const missing = (v: number | null | undefined) => v === null || v === undefined;
      let [wire, arrivals] = await look();
      for (let tries = 0; tries < 40 && sentTo.some((_, i) => ok(i) && (missing(wire.times[i]) || missing(arrivals[i]))); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        [wire, arrivals] = await look();
      }
      const accept: number[] = [];
      const service: number[] = [];
      const dueToWire: number[] = [];
      const acceptToWire: number[] = [];
      const toCallback: number[] = [];
      const windows = new Map<number, { accept: number[]; wire: number[] }>();
      for (let i = 0; i < total; i++) {
        if (!ok(i)) continue;
        const due = run.due[i] ?? 0;
        const answered = run.answered[i] ?? 0;
        accept.push(answered - due);
        service.push(answered - (run.sent[i] ?? 0));
        const window = windows.get(Math.floor((due - run.startedAt) / 10_000)) ?? { accept: [], wire: [] };
        windows.set(Math.floor((due - run.startedAt) / 10_000), window);
        window.accept.push(answered - due);
        const atWire = wire.times[i];
        if (atWire !== null && atWire !== undefined) {
          dueToWire.push(atWire - due);
          acceptToWire.push(atWire - answered);
          window.wire.push(atWire - due);
        }
        const atSink = arrivals[i];
        if (atSink !== null && atSink !== undefined) toCallback.push(atSink - answered);
      }
      const lastDue = run.due[total - 1] ?? run.startedAt;
      return {
        ratePerSecond: options.ratePerSecond,
        requests: total,
        errors: run.errors,
        lastError: run.lastError,
        achievedPerSecond: total > 1 ? Math.round(((total - 1) / ((run.sent[total - 1] ?? lastDue) - run.startedAt)) * 1000) : 0,
        acceptMs: distribution(accept),
        serviceMs: distribution(service),
        dueToWireMs: distribution(dueToWire),
        acceptToWireMs: distribution(acceptToWire),
        wireSeen: dueToWire.length,
        wireMissed: wire.missed,
        acceptToCallbackMs: distribution(toCallback),
        generatorLoopDelayMs: run.generatorLoopDelayMs,
        perTenSeconds: [...windows].map(([w, v]) => {
          const a = distribution(v.accept);
          const d = distribution(v.wire);
          return { from: w * 10, requests: v.accept.length, acceptP50: a.p50, acceptP99: a.p99, wireP50: d.p50, wireP99: d.p99, wireMax: d.max };
        }),
      };
    },
  };
}
