let next = Math.floor(Math.random() * 1_000_000);

/**
 * A mainland mobile number not used before in this test process, for tests that send the same message many
 * times and must not meet the per-number frequency limits.
 */
export function freshMainlandNumber(): string {
  next += 1;
  return `+86135${String(next % 100_000_000).padStart(8, '0')}`;
}
