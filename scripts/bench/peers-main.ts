// One of the benchmark's peers in a process of its own, `simulator` (the SMPP simulator) or `sink` (the
// tenant's callback server), started by peers.ts and driven over IPC. Each has its own event loop, as the
// carrier and the tenant have their own machines: a busy simulator must not slow the tenant's answers down.
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startCountingSink } from './counting-sink.ts';
import { accounts, type PeersRequest } from './peers.ts';
import { watchWire } from './wire-watch.ts';

const role = process.argv[2];
const send = (message: unknown) => process.send?.(message);

let simulator: Simulator | undefined;
let sink: Awaited<ReturnType<typeof startCountingSink>> | undefined;
let wire: ReturnType<typeof watchWire> | undefined;
if (role === 'simulator') {
  // Two accounts: the simulator hands a receipt to any session of the submitting account, so the raw baseline
  // must not share one with the worker.
  const receiptDelayMs = Number(process.env.TERN_BENCH_RECEIPT_DELAY_MS ?? 10);
  // Only the campaign bench watches for wire times (peers.ts `wirePrefix`): it keeps more of what it received.
  const wirePrefix = process.env.TERN_BENCH_WIRE_PREFIX;
  simulator = await startSimulator({ receiptDelayMs, accounts: [accounts.platform, accounts.raw], ...(wirePrefix ? { receivedCapacity: 20_000 } : {}) });
  if (wirePrefix) wire = watchWire(simulator, wirePrefix);
  send({ ready: { smppPort: simulator.port } });
} else {
  sink = await startCountingSink();
  send({ ready: { sinkUrl: sink.url } });
}

process.on('message', (raw) => {
  const request = raw as PeersRequest;
  const answer = (result: unknown) => send({ id: request.id, result });
  switch (request.op) {
    case 'counts':
      return answer(sink?.counts());
    case 'reset':
      sink?.reset();
      return answer(null);
    case 'arrivals':
      return answer(sink?.arrivals(request.ids ?? []));
    case 'simulator':
      return answer(simulator?.stats());
    case 'sessions':
      return answer(simulator?.sessions());
    case 'wire':
      return answer(wire?.wireTimes(request.ids ?? []) ?? { times: (request.ids ?? []).map(() => null), missed: 0 });
    case 'close':
      wire?.stop();
      return void Promise.all([simulator?.close(), sink?.close()]).then(() => {
        answer(null);
        process.disconnect?.();
      });
  }
});
process.on('disconnect', () => process.exit(0));
