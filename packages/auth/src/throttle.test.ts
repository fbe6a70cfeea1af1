import { randomBytes } from 'node:crypto';
import { type TenantSlug, withTenant } from '@motcua/db';
import { signInThrottles } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { later } from './test-support.ts';
import {
  checkThrottle,
  clearFailures,
  lockSecondsAfter,
  recordFailure,
  type ThrottleScope,
} from './throttle.ts';

const database = useTestDatabase(12);

let slug: TenantSlug;
let scope: ThrottleScope;
beforeEach(async () => {
  slug = await createTestTenant(database);
  scope = { realm: 'tenant', database, slug };
});

function email(): string {
  return `person-${randomBytes(4).toString('hex')}@example.vn`;
}

const seconds = (n: number) => n * 1000;

async function fail(times: number, attempt: { email: string; ip?: string }, at: Date, s = scope) {
  let status = { allowed: true, retryAfterSeconds: 0 };
  for (let i = 0; i < times; i += 1) status = await recordFailure(s, attempt, at);
  return status;
}

async function failures(key: string): Promise<number | undefined> {
  const [row] = await withTenant(database, slug, (db) =>
    db.select().from(signInThrottles).where(eq(signInThrottles.key, key)),
  );
  return row?.failures;
}

describe('lockSecondsAfter', () => {
  it('locks from the fifth failure for 2^(n-5) seconds, capped at 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 14, 15, 16, 1000].map(lockSecondsAfter)).toEqual([
      0, 0, 1, 2, 4, 512, 900, 900, 900,
    ]);
  });
});

describe('sign-in throttling', () => {
  it('allows four failures and locks the account at the fifth', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '203.0.113.7' };
    expect(await checkThrottle(scope, attempt, now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await fail(4, attempt, now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await recordFailure(scope, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkThrottle(scope, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkThrottle(scope, attempt, later(now, seconds(1)))).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
  });

  it('doubles the lock with each further failure up to the 15-minute cap', async () => {
    const attempt = { email: email() };
    let now = new Date();
    await fail(4, attempt, now);
    const locks: number[] = [];
    for (let n = 5; n <= 16; n += 1) {
      const status = await recordFailure(scope, attempt, now);
      locks.push(status.retryAfterSeconds);
      now = later(now, seconds(status.retryAfterSeconds));
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it('counts every one of concurrent failures', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '198.51.100.20' };
    const results = await Promise.all(Array.from({ length: 10 }, () => recordFailure(scope, attempt, now)));
    expect(await failures(`acct:${attempt.email}`)).toBe(10);
    expect(await failures('ip:198.51.100.20')).toBe(10);
    // The last of them to commit saw ten failures in a row.
    expect(Math.max(...results.map((r) => r.retryAfterSeconds))).toBe(lockSecondsAfter(10));
    expect(await checkThrottle(scope, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 32 });
  });

  it('clears the account after a success but keeps the address counting', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '192.0.2.55' };
    await fail(5, attempt, now);
    const after = later(now, seconds(1));
    await clearFailures(scope, attempt);
    expect(await failures(`acct:${attempt.email}`)).toBeUndefined();
    expect(await checkThrottle(scope, attempt, after)).toEqual({ allowed: true, retryAfterSeconds: 0 });

    expect(await recordFailure(scope, { email: attempt.email, ip: '192.0.2.56' }, after)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    expect(await recordFailure(scope, { email: email(), ip: attempt.ip }, after)).toEqual({
      allowed: false,
      retryAfterSeconds: 2,
    });
  });

  it('locks an address that fails on many accounts, and only that address', async () => {
    const now = new Date();
    const accounts = Array.from({ length: 5 }, email);
    for (const account of accounts) await recordFailure(scope, { email: account, ip: '203.0.113.99' }, now);
    expect(await checkThrottle(scope, { email: email(), ip: '203.0.113.99' }, now)).toMatchObject({
      allowed: false,
    });
    expect(await checkThrottle(scope, { email: email(), ip: '203.0.113.100' }, now)).toMatchObject({
      allowed: true,
    });
    for (const account of accounts) {
      expect(await checkThrottle(scope, { email: account, ip: '203.0.113.100' }, now)).toMatchObject({
        allowed: true,
      });
    }
  });

  it('locks an account from every address, whatever the spelling of its e-mail', async () => {
    const now = new Date();
    const account = email();
    for (let i = 0; i < 5; i += 1) await recordFailure(scope, { email: account, ip: `198.51.100.${i}` }, now);
    const status = await checkThrottle(
      scope,
      { email: ` ${account.toUpperCase()} `, ip: '198.51.100.200' },
      now,
    );
    expect(status).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('starts counting again after a day without failures', async () => {
    const now = new Date();
    const attempt = { email: email() };
    await fail(4, attempt, now);
    const nextDay = later(now, 25 * 3_600_000);
    expect(await recordFailure(scope, attempt, nextDay)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await failures(`acct:${attempt.email}`)).toBe(1);
  });

  it('keeps operator sign-ins apart from the tenants’', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '192.0.2.201' };
    const operators: ThrottleScope = { realm: 'operator', database };
    expect(await fail(5, attempt, now, operators)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkThrottle(operators, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkThrottle(scope, attempt, now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    await clearFailures(operators, attempt);
    expect(await checkThrottle(operators, { email: attempt.email }, now)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
  });
});
