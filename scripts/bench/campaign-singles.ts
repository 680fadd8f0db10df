import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
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
  /** The legs of a code's way to the wire, from its row's times (codeLegs). */
  legs?: { dueToInsertMs: Distribution; insertToClaimMs: Distribution; claimToWireMs: Distribution };
  /** Per 10 seconds of the run: accept and due→wire percentiles of the requests due then. */
  perTenSeconds: { from: number; requests: number; acceptP50: number; acceptP99: number; wireP50: number; wireP99: number; wireMax: number }[];
}

/**
 * Verification codes sent one at a time at a fixed rate (open loop, accept-latency.ts) while a campaign runs, from
 * the `latency` range of numbers; `stop()` ends the sending, then says how long each took to be accepted and to
 * reach the simulator (which must watch their numbers: peers.ts `wirePrefix`, numbers.ts `rangePrefix(start)`) and
 * their status reports the sink.
 */
export function singlesDuringCampaign(options: {
  poster: JsonPoster;
  peers: Peers;
  templateId: string;
  ratePerSecond: number;
  start: number;
  maxMs: number;
  /** Where the legs of a code's way are read from (its row's times); none, no legs. */
  db?: Db;
  /** The dispatcher's claim lease (`TERN_DISPATCH_LEASE_MS`): a claim sets next_attempt_at this far ahead. */
  dispatchLeaseMs?: number;
}) {
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
      const legs = options.db ? await codeLegs(options.db, run, wire.times, options.dispatchLeaseMs ?? (Number(process.env.TERN_DISPATCH_LEASE_MS) || 10_000)) : undefined;
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
        ...(legs ? { legs } : {}),
        perTenSeconds: [...windows].map(([w, v]) => {
          const a = distribution(v.accept);
          const d = distribution(v.wire);
          return { from: w * 10, requests: v.accept.length, acceptP50: a.p50, acceptP99: a.p99, wireP50: d.p50, wireP99: d.p99, wireMax: d.max };
        }),
      };
    },
  };
}

/**
 * Where a code's time to the wire went, from its row: due → its insert (the request, the accept's group commit
 * gathering it, the insert's transaction starting), insert → its claim (the accept's commit, the dispatcher
 * waking, the claim), claim → wire (the binds: a window slot, the recorder's room). A claim's time is its lease's end
 * less the lease (codes claimed once, their lease not renewed: a claim to the wire well under a third of the lease).
 */
async function codeLegs(db: Db, run: { ids: string[]; due: number[] }, wireTimes: readonly (number | null)[], leaseMs: number) {
  const ids = run.ids.filter(Boolean);
  const { rows } = await sql<{ id: string; created: number; claimed: number }>`
    select id, extract(epoch from created_at) * 1000 as created, extract(epoch from next_attempt_at) * 1000 - ${leaseMs} as claimed
    from messages where id = any(${ids}::uuid[]) and attempts = 1`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const toInsert: number[] = [];
  const toClaim: number[] = [];
  const toWire: number[] = [];
  run.ids.forEach((id, i) => {
    const row = byId.get(id);
    const atWire = wireTimes[i];
    if (!row || atWire === null || atWire === undefined) return;
    toInsert.push(Number(row.created) - (run.due[i] ?? 0));
    toClaim.push(Number(row.claimed) - Number(row.created));
    toWire.push(atWire - Number(row.claimed));
  });
  return { dueToInsertMs: distribution(toInsert), insertToClaimMs: distribution(toClaim), claimToWireMs: distribution(toWire) };
}
