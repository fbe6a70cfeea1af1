import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/test-database.ts';
import { clientAddress, consumeRateLimit, purgeExpiredRateLimits, rateLimitKey } from './rate-limit.ts';

const database = useTestDatabase(4);
const hourly = { limit: 5, windowSeconds: 3600 };

const bucket = () => `test:${randomBytes(6).toString('hex')}`;

async function countOf(key: string): Promise<number | undefined> {
  const [row] = await database.sql<
    { count: number }[]
  >`select count from platform.rate_limits where key = ${key}`;
  return row?.count;
}

describe('consumeRateLimit', () => {
  it('allows up to the limit in a window, counting concurrent callers together', async () => {
    const subject = { bucket: bucket(), client: '203.0.113.9' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => consumeRateLimit(database, subject, hourly)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('starts a new window once the old one is over', async () => {
    const subject = { bucket: bucket(), client: '203.0.113.9' };
    await database.sql`insert into platform.rate_limits (key, window_start, count, expires_at)
      values (${rateLimitKey(subject)}, now() - interval '2 hours', 99, now() - interval '1 hour')`;
    expect(await consumeRateLimit(database, subject, hourly)).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('counts every address of one IPv6 /64 as one client, and IPv4-mapped IPv6 as its IPv4', async () => {
    const limited = bucket();
    const sameNetwork = Array.from({ length: 5 }, (_, i) => `2001:db8:a:b:${i + 1}::${i + 7}`);
    for (const client of sameNetwork) {
      expect((await consumeRateLimit(database, { bucket: limited, client }, hourly)).allowed).toBe(true);
    }
    const again = { bucket: limited, client: '2001:DB8:A:B:FFFF:1:2:3' };
    expect((await consumeRateLimit(database, again, hourly)).allowed).toBe(false);
    const neighbour = { bucket: limited, client: '2001:db8:a:c::1' };
    expect((await consumeRateLimit(database, neighbour, hourly)).allowed).toBe(true);

    const v4 = bucket();
    for (let i = 0; i < 5; i += 1)
      await consumeRateLimit(database, { bucket: v4, client: '198.51.100.4' }, hourly);
    expect(
      (await consumeRateLimit(database, { bucket: v4, client: '::ffff:198.51.100.4' }, hourly)).allowed,
    ).toBe(false);
    expect(
      (await consumeRateLimit(database, { bucket: v4, client: '::ffff:c633:6404' }, hourly)).allowed,
    ).toBe(false);
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not an address', null],
  ])('keys the client %s as %s', (input, expected) => {
    expect(clientAddress(input)).toBe(expected);
  });
});

describe('purgeExpiredRateLimits', () => {
  it('removes only the counters whose window has ended, and the limits still hold after it', async () => {
    const ended = { bucket: bucket(), client: '192.0.2.10' };
    await database.sql`insert into platform.rate_limits (key, window_start, count, expires_at)
      values (${rateLimitKey(ended)}, now() - interval '2 hours', 3, now() - interval '1 hour')`;
    const current = { bucket: bucket(), client: '192.0.2.11' };
    for (let i = 0; i < 5; i += 1) await consumeRateLimit(database, current, hourly);
    expect((await consumeRateLimit(database, current, hourly)).allowed).toBe(false);

    expect(await purgeExpiredRateLimits(database)).toBeGreaterThanOrEqual(1);
    expect(await countOf(rateLimitKey(ended))).toBeUndefined();
    expect(await countOf(rateLimitKey(current))).toBe(6);
    expect((await consumeRateLimit(database, current, hourly)).allowed).toBe(false);
  });
});
