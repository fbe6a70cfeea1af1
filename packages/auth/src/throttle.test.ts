import { randomBytes } from 'node:crypto';
import { type TenantSlug, withTenant } from '@motcua/db';
import { signInThrottles } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { later } from '../test/fixtures.ts';
import {
  admitAttempt,
  checkThrottle,
  lockSecondsAfter,
  recordSuccess,
  type ThrottleScope,
  type ThrottleStatus,
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
const admitted: ThrottleStatus = { allowed: true, retryAfterSeconds: 0 };

/** `times` attempts in a row whose secret was wrong (admitted, never followed by a success). */
async function fail(times: number, attempt: { email: string; ip?: string }, at: Date, s = scope) {
  let status = admitted;
  for (let i = 0; i < times; i += 1) status = await admitAttempt(s, attempt, at);
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
  it('admits five attempts, then refuses until the lock the fifth earned has passed', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '203.0.113.7' };
    expect(await checkThrottle(scope, attempt, now)).toEqual(admitted);
    expect(await fail(5, attempt, now)).toEqual(admitted);
    expect(await checkThrottle(scope, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await admitAttempt(scope, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await admitAttempt(scope, attempt, later(now, seconds(1)))).toEqual(admitted);
  });

  it('doubles the lock with each further failure up to the 15-minute cap', async () => {
    const attempt = { email: email() };
    let now = new Date();
    await fail(4, attempt, now);
    const locks: number[] = [];
    for (let n = 5; n <= 16; n += 1) {
      expect(await admitAttempt(scope, attempt, now)).toEqual(admitted);
      const status = await checkThrottle(scope, attempt, now);
      locks.push(status.retryAfterSeconds);
      now = later(now, seconds(status.retryAfterSeconds));
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it('admits only the free attempts of many parallel ones and counts no refused one', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '198.51.100.20' };
    const results = await Promise.all(Array.from({ length: 40 }, () => admitAttempt(scope, attempt, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(35);
    for (const r of refused) expect(r.retryAfterSeconds).toBe(1);
    expect(await failures(`acct:${attempt.email}`)).toBe(5);
    expect(await failures('ip:198.51.100.20')).toBe(5);
  });

  it('admits the free attempts of parallel ones on one account from many addresses', async () => {
    const now = new Date();
    const account = email();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => admitAttempt(scope, { email: account, ip: `192.0.2.${i}` }, now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(await failures(`acct:${account}`)).toBe(5);
  });

  it('clears the account after a success and gives the address that attempt back', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '192.0.2.55' };
    await fail(4, attempt, now);
    // The fifth is admitted, and so counted, before its secret is known to be right.
    expect(await admitAttempt(scope, attempt, now)).toEqual(admitted);
    expect(await checkThrottle(scope, attempt, now)).toMatchObject({ allowed: false });
    await recordSuccess(scope, attempt);
    expect(await failures(`acct:${attempt.email}`)).toBeUndefined();
    expect(await failures('ip:192.0.2.55')).toBe(4);
    expect(await checkThrottle(scope, attempt, now)).toEqual(admitted);

    // The address keeps its four failures: one more from it, for any account, locks it.
    expect(await admitAttempt(scope, { email: attempt.email, ip: '192.0.2.56' }, now)).toEqual(admitted);
    expect(await admitAttempt(scope, { email: email(), ip: attempt.ip }, now)).toEqual(admitted);
    expect(await admitAttempt(scope, { email: email(), ip: attempt.ip }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('locks an address that fails on many accounts, and only that address', async () => {
    const now = new Date();
    const accounts = Array.from({ length: 5 }, email);
    for (const account of accounts) await admitAttempt(scope, { email: account, ip: '203.0.113.99' }, now);
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
    for (let i = 0; i < 5; i += 1) await admitAttempt(scope, { email: account, ip: `198.51.100.${i}` }, now);
    const status = await admitAttempt(
      scope,
      { email: ` ${account.toUpperCase()} `, ip: '198.51.100.200' },
      now,
    );
    expect(status).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('counts an IPv6 client by its /64', async () => {
    const now = new Date();
    for (let i = 1; i <= 5; i += 1) {
      await admitAttempt(scope, { email: email(), ip: `2001:db8:7:8:${i.toString(16)}::1` }, now);
    }
    expect(await admitAttempt(scope, { email: email(), ip: '2001:db8:7:8:ffff::9' }, now)).toMatchObject({
      allowed: false,
    });
    expect(await admitAttempt(scope, { email: email(), ip: '2001:db8:7:9::1' }, now)).toEqual(admitted);
  });

  it('starts counting again after a day without failures', async () => {
    const now = new Date();
    const attempt = { email: email() };
    await fail(4, attempt, now);
    const nextDay = later(now, 25 * 3_600_000);
    expect(await admitAttempt(scope, attempt, nextDay)).toEqual(admitted);
    expect(await failures(`acct:${attempt.email}`)).toBe(1);
  });

  it('keeps operator sign-ins apart from the tenants’', async () => {
    const now = new Date();
    const attempt = { email: email(), ip: '192.0.2.201' };
    const operators: ThrottleScope = { realm: 'operator', database };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => admitAttempt(operators, attempt, now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(await checkThrottle(operators, attempt, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await checkThrottle(scope, attempt, now)).toEqual(admitted);
    await recordSuccess(operators, attempt);
    expect(await checkThrottle(operators, { email: attempt.email }, now)).toEqual(admitted);
  });
});
