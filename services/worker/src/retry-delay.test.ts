import { describe, expect, it } from 'vitest';
import { computeRetryDelaySeconds, maxRetryDelaySeconds } from './retry-delay.ts';

describe('computeRetryDelaySeconds', () => {
  it.each([
    [1, 30],
    [2, 120],
    [3, 600],
    [4, 3_600],
    [5, 21_600],
    [6, 21_600],
    [100, 21_600],
  ])('after failure %i waits %i s', (failures, seconds) => {
    expect(computeRetryDelaySeconds(failures)).toBe(seconds);
  });

  it('never shrinks, never passes the cap, and reaches it (every count up to 10,000)', () => {
    let previous = 0;
    for (let failures = 1; failures <= 10_000; failures++) {
      const delay = computeRetryDelaySeconds(failures);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(maxRetryDelaySeconds);
      previous = delay;
    }
    expect(previous).toBe(maxRetryDelaySeconds);
  });

  it('keeps the tries of a day-long outage to a handful', () => {
    let elapsed = 0;
    let tries = 0;
    while (elapsed < 24 * 3_600) elapsed += computeRetryDelaySeconds(++tries);
    // 30 s + 2 min + 10 min + 1 h = 1 h 12.5 min, then 6-hourly: 4 + 4 tries.
    expect(tries).toBe(8);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d failures', (failures) => {
    expect(() => computeRetryDelaySeconds(failures)).toThrow(RangeError);
  });
});
