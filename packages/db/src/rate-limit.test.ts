import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consumeRateLimit } from './rate-limit.ts';
import { useTestDatabase } from './testing.ts';

const database = useTestDatabase(4);

describe('consumeRateLimit', () => {
  it('allows up to the limit in a window, counting concurrent callers together', async () => {
    const key = `test:${randomBytes(6).toString('hex')}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => consumeRateLimit(database, key, { limit: 5, windowSeconds: 3600 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('starts a new window once the old one is over', async () => {
    const key = `test:${randomBytes(6).toString('hex')}`;
    await database.sql`insert into platform.rate_limits (key, window_start, count)
      values (${key}, now() - interval '2 hours', 99)`;
    expect(await consumeRateLimit(database, key, { limit: 5, windowSeconds: 3600 })).toMatchObject({
      allowed: true,
      remaining: 4,
    });
  });
});
