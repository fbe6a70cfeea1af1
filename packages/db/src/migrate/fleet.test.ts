import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestTenant, testSlug, useIsolatedTestDatabase } from '../../test/test-database.ts';
import { type TenantSlug, tenantNames } from '../names.ts';
import type { Migration } from './bundle.ts';
import { type FleetPlan, type FleetProgress, fleetStatus, migrateFleet } from './fleet.ts';
import { tenantMigrations } from './tenant.ts';

// A private database: migrateFleet migrates every tenant it finds, and an extra migration
// applied to other test files' tenants would move them past the head their tests expect.
// Results are still filtered by this file's own slugs, as earlier tests leave tenants behind.
const { database, superuser } = useIsolatedTestDatabase(6);
const base = tenantMigrations();

function withExtra(tag: string, statements: string[]): Migration[] {
  const hash = createHash('sha256').update(statements.join('\n')).digest('hex');
  return [...base, { version: base.length + 1, tag, hash, statements }];
}

const benchExtra = withExtra('9001_bench_extra', ['create table bench_extra (id int primary key)']);
// Creates a table, then fails where a marker table exists: a tenant that fails must keep
// neither the table nor a journal row.
const failsWhereMarked = withExtra('9002_fails_where_marked', [
  'create table bench_extra (id int primary key)',
  `DO $$ BEGIN
     IF to_regclass('fail_marker') IS NOT NULL THEN
       RAISE EXCEPTION 'fail_marker present in %', current_schema();
     END IF;
   END $$`,
]);

async function createTenants(count: number, migrations: Migration[]): Promise<TenantSlug[]> {
  const slugs: TenantSlug[] = [];
  for (let i = 0; i < count; i += 1)
    slugs.push(await createTestTenant(database, { slug: testSlug('fleet'), migrations }));
  return slugs;
}

/** What a migration run could change about a tenant, read as superuser. */
async function snapshot(slug: TenantSlug) {
  const { schema } = tenantNames(slug);
  const [tenant] = await superuser<{ version: number; updated_at: Date }[]>`
    select schema_version as version, updated_at from platform.tenants where slug = ${slug}`;
  const journal = await superuser.unsafe<{ version: number; hash: string; applied_at: Date }[]>(
    `select version, hash, applied_at from ${schema}.__migrations order by version`,
  );
  const [extra] = await superuser<{ present: boolean }[]>`
    select to_regclass(${`${schema}.bench_extra`}) is not null as present`;
  return {
    version: tenant?.version,
    updatedAt: tenant?.updated_at,
    journal: [...journal],
    hasExtra: extra?.present,
  };
}

function mine<T extends { slug: string } | string>(items: T[], slugs: TenantSlug[]): T[] {
  const own = new Set<string>(slugs);
  return items.filter((item) => own.has(typeof item === 'string' ? item : item.slug));
}

async function asOwner(slug: TenantSlug, statement: string) {
  const { schema, ownerRole } = tenantNames(slug);
  await database.sql.begin(async (tx) => {
    await tx`select set_config('search_path', ${schema}, true), set_config('role', ${ownerRole}, true)`;
    await tx.unsafe(statement);
  });
}

describe('migrateFleet', () => {
  it('skips tenants at head and migrates the rest across an extra migration', async () => {
    const current = await createTenants(3, benchExtra);
    const behind = await createTenants(4, base);
    const before = await Promise.all(current.map(snapshot));
    const plans: FleetPlan[] = [];
    const progress: FleetProgress[] = [];

    const result = await migrateFleet(database, {
      migrations: benchExtra,
      concurrency: 3,
      onStart: (plan) => plans.push(plan),
      onProgress: (p) => progress.push(p),
    });

    expect(result.head).toBe(base.length + 1);
    expect(mine(result.migrated, behind).sort()).toEqual([...behind].sort());
    expect(mine(result.migrated, current)).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(result.atHead).toBeGreaterThanOrEqual(current.length);
    expect(await Promise.all(current.map(snapshot))).toEqual(before);
    for (const after of await Promise.all(behind.map(snapshot))) {
      expect(after).toMatchObject({ version: base.length + 1, hasExtra: true });
      expect(after.journal.map((row) => row.version)).toEqual(benchExtra.map((m) => m.version));
    }
    expect(plans).toEqual([{ total: result.migrated.length, atHead: result.atHead, head: result.head }]);
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.at(-1)?.total).toBe(result.migrated.length);
    expect(result.durationsMs).toHaveLength(result.migrated.length);
  });

  it('resumes after a failure: the failed tenant keeps its old version, a re-run migrates only it', async () => {
    const tenants = await createTenants(3, base);
    const victim = tenants[1]!;
    const others = tenants.filter((slug) => slug !== victim);
    await asOwner(victim, 'create table fail_marker (id int)');

    const first = await migrateFleet(database, { migrations: failsWhereMarked, concurrency: 3 });

    expect(mine(first.failed, tenants)).toEqual([
      { slug: victim, error: expect.stringContaining('fail_marker present') },
    ]);
    expect(mine(first.migrated, tenants).sort()).toEqual([...others].sort());
    const failed = await snapshot(victim);
    expect(failed).toMatchObject({ version: base.length, hasExtra: false });
    expect(failed.journal.map((row) => row.version)).toEqual(base.map((m) => m.version));
    const othersAfterFirst = await Promise.all(others.map(snapshot));
    for (const other of othersAfterFirst)
      expect(other).toMatchObject({ version: base.length + 1, hasExtra: true });

    await asOwner(victim, 'drop table fail_marker');
    const second = await migrateFleet(database, { migrations: failsWhereMarked, concurrency: 3 });

    expect(mine(second.migrated, tenants)).toEqual([victim]);
    expect(second.failed).toEqual([]);
    expect(await snapshot(victim)).toMatchObject({ version: base.length + 1, hasExtra: true });
    expect(await Promise.all(others.map(snapshot))).toEqual(othersAfterFirst);
  });
});

describe('fleetStatus', () => {
  it('lists each tenant with its status, version and the head', async () => {
    const [current] = await createTenants(1, benchExtra);
    const [behind] = await createTenants(1, base);
    const head = benchExtra.length;

    const status = mine(await fleetStatus(database, head), [current!, behind!]);

    expect(status.toSorted((a, b) => a.version - b.version)).toEqual([
      { slug: behind, status: 'active', version: base.length, head },
      { slug: current, status: 'active', version: head, head },
    ]);
    expect((await fleetStatus(database)).every((row) => row.head === base.length)).toBe(true);
  });
});
