import type { Simulator } from '../../carriers/simulator/simulator.ts';

export interface WireTimes {
  /** When each number's submit_sm reached the simulator (epoch ms), or null when it was not seen. */
  times: (number | null)[];
  /** Messages the simulator received that fell out of its ring buffer before a look: their times are unknown. */
  missed: number;
}

/**
 * Notes when the simulator received each message to a number beginning with `prefix` (digits, no `+`), from what
 * it keeps of the messages it received (`received()`, a ring buffer): looked at every `everyMs`, only the messages
 * new since the last look. For the campaign bench, which needs the wire time of a few single sends among a million
 * campaign messages; the ring must hold more than arrive between two looks (`missed` says if it did not).
 */
export function watchWire(simulator: Simulator, prefix: string, everyMs = 100) {
  const seen = new Map<string, number>();
  let lastCount = simulator.stats().messages;
  let missed = 0;
  const look = () => {
    const count = simulator.stats().messages;
    const fresh = count - lastCount;
    lastCount = count;
    if (fresh <= 0) return;
    const kept = simulator.received();
    if (fresh > kept.length) missed += fresh - kept.length;
    for (let i = Math.max(0, kept.length - fresh); i < kept.length; i++) {
      const message = kept[i];
      if (!message) continue;
      const to = message.to.replace(/^\+/, '');
      if (to.startsWith(prefix) && !seen.has(to)) seen.set(to, message.receivedAt.getTime());
    }
  };
  const timer = setInterval(look, everyMs);
  return {
    wireTimes(numbers: readonly string[]): WireTimes {
      look();
      return { times: numbers.map((n) => seen.get(n.replace(/^\+/, '')) ?? null), missed };
    },
    stop: () => clearInterval(timer),
  };
}
