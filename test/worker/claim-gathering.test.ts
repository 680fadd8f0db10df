import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createClaimGathering } from '../../worker/claim-gathering.ts';

/** Settles once the gathering's wait is over; `done()` says whether it is. */
function watch(wait: Promise<void>) {
  let over = false;
  void wait.then(() => (over = true));
  return { done: async () => (await vi.advanceTimersByTimeAsync(0), over) };
}

describe('a dispatch round gathers company before it claims, but never holds a lone code (worker/claim-gathering.ts)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
  const linger = 10;

  test('a round right after another, woken by a campaign, waits the linger', async () => {
    const gathering = createClaimGathering(linger);
    gathering.claimed();
    const round = watch(gathering.gather(false));
    expect(await round.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(linger - 1);
    expect(await round.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await round.done()).toBe(true);
  });

  test('a code accepted while a round gathers campaigns’ messages ends the wait, and needs no loop woken', async () => {
    const gathering = createClaimGathering(linger);
    gathering.claimed();
    const round = watch(gathering.gather(false));
    await vi.advanceTimersByTimeAsync(2);
    expect(gathering.accepted()).toBe(false);
    expect(await round.done()).toBe(true);
  });

  test('a code that comes alone is claimed at once, though a claim was just made', async () => {
    const gathering = createClaimGathering(linger);
    gathering.claimed();
    await vi.advanceTimersByTimeAsync(50);
    expect(gathering.accepted()).toBe(true);
    expect(await watch(gathering.gather(false)).done()).toBe(true);
  });

  test('single sends arriving one after another gather: more of them do not cut the wait', async () => {
    const gathering = createClaimGathering(linger);
    gathering.claimed();
    gathering.accepted();
    await vi.advanceTimersByTimeAsync(5);
    expect(gathering.accepted()).toBe(true);
    const round = watch(gathering.gather(false));
    await vi.advanceTimersByTimeAsync(3);
    expect(gathering.accepted()).toBe(false);
    expect(await round.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(linger);
    expect(await round.done()).toBe(true);
  });

  test('no wait with a backlog, nor long after the last claim', async () => {
    const gathering = createClaimGathering(linger);
    gathering.claimed();
    expect(await watch(gathering.gather(true)).done()).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(await watch(gathering.gather(false)).done()).toBe(true);
  });
});
