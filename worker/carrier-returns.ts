import type { CarrierBind } from '../carriers/carrier.ts';
import type { CarrierRouting } from '../carriers/routing.ts';

/**
 * Calls `onBack` with a carrier's name each time it goes from no bind bound to one bound again (checked every
 * `intervalMs`, in memory): the messages that waited for it need not sit out the rest of their back-off.
 */
export function watchCarrierReturns(carriers: CarrierRouting, onBack: (carrier: string) => void, intervalMs = 250): { stop(): void } {
  const watched = new Map<CarrierBind, boolean>();
  carriers.onUpstream((upstream) => watched.set(upstream, upstream.isBound()));
  const timer = setInterval(() => {
    for (const [upstream, wasBound] of watched) {
      const bound = upstream.isBound();
      if (bound === wasBound) continue;
      watched.set(upstream, bound);
      if (bound) onBack(upstream.name);
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
