import { type Database, newId } from '@motcua/db';
import { createTestTenant, testSlug, useIsolatedTestDatabase } from '@motcua/db/testing';
import { describe, expect, it } from 'vitest';
import { addUsageRows } from '../../test/usage-rows.ts';
import { measureFleetUsage } from './measure-fleet-usage.ts';
import { readUsage } from './read-usage.ts';

// A private database: the fleet is exactly the agencies this file creates.
const { database } = useIsolatedTestDatabase(6);
const ctx = { database };

const setStatus = (slug: string, status: string) =>
  database.sql`update platform.tenants set status = ${status} where slug = ${slug}`;
const idOf = async (slug: string) =>
  (await database.sql<{ id: string }[]>`select id from platform.tenants where slug = ${slug}`)[0]?.id ?? '';

async function usageRows(slug: string) {
  return database.sql<{ day: string; received: number }[]>`
    select u.day::text as day, u.dossiers_received as received from platform.tenant_usage u
    join platform.tenants t on t.id = u.tenant_id where t.slug = ${slug} order by u.day`;
}

describe('measureFleetUsage', () => {
  it('measures active and suspended agencies, reports one that fails and measures the others', async () => {
    const [active, suspended, provisioning, offboarded, broken] = await Promise.all([
      createTestTenant(database, { slug: testSlug('fa') }),
      createTestTenant(database, { slug: testSlug('fb') }),
      createTestTenant(database, { slug: testSlug('fc') }),
      createTestTenant(database, { slug: testSlug('fd') }),
      // Active, but its schema has no tables: reading it fails.
      createTestTenant(database, { slug: testSlug('fe'), migrations: false }),
    ]);
    await setStatus(suspended, 'suspended');
    await setStatus(provisioning, 'provisioning');
    await setStatus(offboarded, 'offboarded');
    await addUsageRows(database, active, {
      dossiers: [{ receivedAt: '2026-11-20T02:00:00.000Z' }, { receivedAt: '2026-11-21T02:00:00.000Z' }],
    });
    await addUsageRows(database, suspended, { dossiers: [{ receivedAt: '2026-11-20T03:00:00.000Z' }] });

    for (const concurrency of [1, 3]) {
      const report = await measureFleetUsage(ctx, '2026-11-20', { concurrency });
      expect(report.day).toBe('2026-11-20');
      expect(report.measured).toEqual([active, suspended]);
      expect(report.failed.map((f) => f.slug)).toEqual([broken]);
      expect(report.failed[0]?.error).toBeInstanceOf(Error);
    }
    await measureFleetUsage(ctx, '2026-11-21');
    expect(await usageRows(active)).toEqual([
      { day: '2026-11-20', received: 1 },
      { day: '2026-11-21', received: 1 },
    ]);
    expect(await usageRows(suspended)).toEqual([
      { day: '2026-11-20', received: 1 },
      { day: '2026-11-21', received: 0 },
    ]);
    for (const slug of [provisioning, offboarded, broken]) expect(await usageRows(slug)).toEqual([]);

    const usage = await readUsage(ctx, [await idOf(active), await idOf(broken)]);
    expect([...usage.keys()]).toEqual([await idOf(active)]);
    expect(usage.get(await idOf(active))).toMatchObject({
      day: '2026-11-21',
      dossiersReceived: 1,
      month: '2026-11',
      monthReceived: 2,
    });
  });

  it('refuses a bad day before measuring anyone', async () => {
    await expect(measureFleetUsage(ctx, '2026-02-29')).rejects.toMatchObject({ code: 'invalid_date' });
  });
});

/** An agency row with usage rows written as given (no schema: readUsage reads the platform only). */
async function agencyWithUsage(
  rows: { day: string; received: number; storage?: number; seats?: number; measuredAt?: string }[],
) {
  const id = newId('ten');
  const slug = testSlug('ru');
  await database.sql`insert into platform.tenants (id, slug, name, kind, admin_email, status)
    values (${id}, ${slug}, ${slug}, 'province', 'admin@example.vn', 'active')`;
  for (const row of rows) {
    await database.sql`insert into platform.tenant_usage
      (tenant_id, day, dossiers_received, dossiers_submitted, storage_bytes, staff_seats, measured_at)
      values (${id}, ${row.day}, ${row.received}, ${row.received + 1}, ${row.storage ?? 0},
        ${row.seats ?? 0}, ${row.measuredAt ?? `${row.day}T16:00:00Z`})`;
  }
  return id;
}

/** The database with its postgres.js client counting statements, and drizzle out of reach. */
function countingDatabase(): { database: Database; statements: () => number } {
  let count = 0;
  const sql = new Proxy(database.sql, {
    apply(target, self, args) {
      count += 1;
      return Reflect.apply(target, self, args);
    },
  });
  const unreachable = new Proxy(
    {},
    {
      get() {
        throw new Error('readUsage must not use drizzle here');
      },
    },
  );
  return {
    database: { ...database, sql, platform: unreachable } as Database,
    statements: () => count,
  };
}

describe('readUsage', () => {
  it('gives the latest day of each agency with the dossiers received since the first of its month', async () => {
    const a = await agencyWithUsage([
      { day: '2026-10-31', received: 5 },
      { day: '2026-11-01', received: 3 },
      { day: '2026-11-15', received: 4 },
      {
        day: '2026-11-20',
        received: 2,
        storage: 1_500_000,
        seats: 7,
        measuredAt: '2026-11-20T09:15:00.123Z',
      },
    ]);
    const b = await agencyWithUsage([
      { day: '2026-11-30', received: 6 },
      { day: '2026-12-01', received: 7, storage: 5_000_000_000, seats: 2 },
    ]);
    const never = await agencyWithUsage([]);
    const counting = countingDatabase();
    const ids = [a, b, never, ...Array.from({ length: 47 }, () => newId('ten'))];
    const usage = await readUsage({ database: counting.database }, ids);
    expect(counting.statements()).toBe(1);
    expect(new Set(usage.keys())).toEqual(new Set([a, b]));
    expect(usage.get(a)).toEqual({
      tenantId: a,
      day: '2026-11-20',
      dossiersReceived: 2,
      dossiersSubmitted: 3,
      storageBytes: 1_500_000,
      staffSeats: 7,
      measuredAt: new Date('2026-11-20T09:15:00.123Z'),
      month: '2026-11',
      monthReceived: 9,
    });
    expect(usage.get(b)).toMatchObject({
      day: '2026-12-01',
      storageBytes: 5_000_000_000,
      staffSeats: 2,
      month: '2026-12',
      monthReceived: 7,
    });
  });

  it('asks nothing for no agencies', async () => {
    const counting = countingDatabase();
    expect((await readUsage({ database: counting.database }, [])).size).toBe(0);
    expect(counting.statements()).toBe(0);
  });
});
