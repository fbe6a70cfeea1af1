import { randomBytes } from 'node:crypto';
import { type TenantSlug, withTenant } from '@motcua/db';
import { operatorSignInThrottles } from '@motcua/db/platform';
import { signInThrottles } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { days, later, minutes } from '../test/fixtures.ts';
import { purgeExpiredLimits } from './purge-expired-limits.ts';
import { admitAttempt, type ThrottleScope } from './throttle.ts';

const database = useTestDatabase(6);

let slug: TenantSlug;
let other: TenantSlug;
beforeEach(async () => {
  slug = await createTestTenant(database);
  other = await createTestTenant(database);
});

const email = () => `person-${randomBytes(4).toString('hex')}@example.vn`;

/** Rows as a day-old quiet key, a long-locked key and a reset window would leave them. */
function staleRows(now: Date) {
  const tag = randomBytes(4).toString('hex');
  return [
    { key: `acct:quiet-${tag}`, failures: 3, updatedAt: later(now, -days(2)), lockedUntil: null },
    {
      key: `acct:unlocked-${tag}`,
      failures: 9,
      updatedAt: later(now, -days(2)),
      lockedUntil: later(now, -days(1)),
    },
    { key: `reset:acct:old-${tag}`, failures: 2, updatedAt: later(now, -days(3)), lockedUntil: null },
  ];
}

function recentRows(now: Date) {
  const tag = randomBytes(4).toString('hex');
  return [
    { key: `acct:recent-${tag}`, failures: 2, updatedAt: later(now, -minutes(30)), lockedUntil: null },
    // An old count whose lock has not ended yet still limits.
    {
      key: `acct:locked-${tag}`,
      failures: 20,
      updatedAt: later(now, -days(2)),
      lockedUntil: later(now, minutes(5)),
    },
  ];
}

async function tenantKeys(s: TenantSlug, keys: string[]): Promise<string[]> {
  const rows = await withTenant(database, s, (db) =>
    db.select({ key: signInThrottles.key }).from(signInThrottles).where(inArray(signInThrottles.key, keys)),
  );
  return rows.map((r) => r.key).sort();
}

describe('purgeExpiredLimits', () => {
  it('removes only the throttle rows that no longer limit anything, in the tenants named', async () => {
    const now = new Date();
    const stale = staleRows(now);
    const recent = recentRows(now);
    const all = [...stale, ...recent].map((r) => r.key);
    for (const s of [slug, other]) {
      await withTenant(database, s, (db) => db.insert(signInThrottles).values([...stale, ...recent]));
    }

    const purged = await purgeExpiredLimits(database, { slugs: [slug], now });
    expect(purged.throttles).toBeGreaterThanOrEqual(stale.length);
    expect(await tenantKeys(slug, all)).toEqual(recent.map((r) => r.key).sort());
    // A tenant the sweep did not name keeps everything.
    expect(await tenantKeys(other, all)).toEqual([...all].sort());
  });

  it('removes the operators’ expired rows too', async () => {
    const now = new Date();
    const stale = staleRows(now);
    const recent = recentRows(now);
    await database.platform.insert(operatorSignInThrottles).values([...stale, ...recent]);
    await purgeExpiredLimits(database, { slugs: [], now });
    const left = await database.platform
      .select({ key: operatorSignInThrottles.key })
      .from(operatorSignInThrottles)
      .where(
        inArray(
          operatorSignInThrottles.key,
          [...stale, ...recent].map((r) => r.key),
        ),
      );
    expect(left.map((r) => r.key).sort()).toEqual(recent.map((r) => r.key).sort());
  });

  it('leaves a current lock in force', async () => {
    const now = new Date();
    const scope: ThrottleScope = { realm: 'tenant', database, slug };
    const operators: ThrottleScope = { realm: 'operator', database };
    const attempt = { email: email(), ip: '203.0.113.30' };
    for (const s of [scope, operators]) {
      for (let i = 0; i < 5; i += 1) await admitAttempt(s, attempt, now);
    }
    await purgeExpiredLimits(database, { slugs: [slug], now: later(now, 500) });
    for (const s of [scope, operators]) {
      expect(await admitAttempt(s, attempt, later(now, 500))).toEqual({
        allowed: false,
        retryAfterSeconds: 1,
      });
    }
  });
});
