/**
 * Whether a dispatch round waits a moment for company before it claims. Messages arriving one after another (a few
 * hundred single sends a second, or a campaign's leaving the binds) make a round of several instead of one each: a
 * claim and a record per round rather than per message. A verification code that comes alone is claimed at once, and
 * one that comes while a round gathers a campaign's messages ends that round's wait (docs/architecture.md#fairness).
 */
export interface ClaimGathering {
  /** The API accepted messages. Answers whether a loop must be woken for them: not when a round is about to claim. */
  accepted(): boolean;
  /** Before a round claims: waits up to the linger if messages are flowing, resolves at once otherwise. */
  gather(backlog: boolean): Promise<void>;
  /** A round claimed. */
  claimed(): void;
}

/** A claim this recent means messages are flowing, and waiting a little for company is worth it. */
const busyWithinMs = 100;

export function createClaimGathering(lingerMs: number, now: () => number = Date.now): ClaimGathering {
  let gathering = false;
  let cut: (() => void) | undefined;
  let lastClaimAt = -Infinity;
  let acceptedAt = -Infinity;
  let acceptedSinceClaim = false;
  /** The API says it accepted messages more often than every two lingers: a round woken by them waits for company. */
  let acceptsFlowing = false;

  return {
    accepted() {
      const at = now();
      acceptsFlowing = at - acceptedAt < 2 * lingerMs;
      acceptedAt = at;
      acceptedSinceClaim = true;
      if (!gathering) return true;
      cut?.();
      return false;
    },
    async gather(backlog) {
      const forApi = acceptedSinceClaim;
      if (backlog || lingerMs <= 0 || now() - lastClaimAt >= busyWithinMs || (forApi && !acceptsFlowing)) return;
      gathering = true;
      try {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, lingerMs);
          // A round gathering API messages keeps gathering as more arrive; one gathering campaigns' does not.
          cut = forApi ? undefined : () => (clearTimeout(timer), resolve());
        });
      } finally {
        gathering = false;
        cut = undefined;
      }
    },
    claimed() {
      lastClaimAt = now();
      acceptedSinceClaim = false;
    },
  };
}
