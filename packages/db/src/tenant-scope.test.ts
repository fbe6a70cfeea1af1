import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createTestTenant, testSlug, useTestDatabase } from '../test/test-database.ts';
import { type TenantNames, type TenantSlug, tenantNames } from './names.ts';
import { auditLog } from './tenant/audit-log.ts';
import { settings } from './tenant/settings.ts';
import { type TenantDb, TenantScopeViolationError, withTenant } from './tenant-scope.ts';

const database = useTestDatabase(4);
const loginRole = new URL(inject('motcua').databaseUrl).username;

function sqlState(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code;
}

describe('isolated unit of work', () => {
  it('keeps each tenant in its own schema and refuses another tenant’s tables', async () => {
    const a = await createTestTenant(database, { slug: testSlug('a') });
    const b = await createTestTenant(database, { slug: testSlug('b') });
    await withTenant(database, a, (db) => db.insert(settings).values({ key: 'name', value: 'A' }));
    await withTenant(database, b, (db) => db.insert(settings).values({ key: 'name', value: 'B' }));

    expect(await withTenant(database, a, (db) => db.select().from(settings))).toMatchObject([{ value: 'A' }]);
    const error = await withTenant(database, a, (db) =>
      db.execute(sql.raw(`select key from ${tenantNames(b).schema}.settings`)),
    ).catch((e: unknown) => e);
    expect(sqlState(error)).toBe('42501');
  });

  it('gives the login role no rights on tenant tables outside a scope', async () => {
    const a = await createTestTenant(database);
    const error = await database.sql
      .unsafe(`select key from ${tenantNames(a).schema}.settings`)
      .catch((e: unknown) => e);
    expect(sqlState(error)).toBe('42501');
  });

  it('gives the runtime role no rights on platform tables and a read-only migration journal', async () => {
    const a = await createTestTenant(database);
    for (const statement of [
      'select slug from platform.tenants',
      `insert into __migrations (version, tag, hash) values (999, 'forged', 'x')`,
      'delete from __migrations',
    ]) {
      const error = await withTenant(database, a, (db) => db.execute(sql.raw(statement))).catch((e) => e);
      expect(sqlState(error), statement).toBe('42501');
    }
    const journal = await withTenant(database, a, (db) => db.execute(sql`select version from __migrations`));
    expect(journal.length).toBeGreaterThan(0);
  });

  it('makes no tenant role a member of another', async () => {
    const a = tenantNames(await createTestTenant(database));
    const b = tenantNames(await createTestTenant(database));
    const [row] = await database.sql<{ member: boolean; owner: boolean }[]>`
      select pg_has_role(${a.role}, ${b.role}, 'member') as member,
             pg_has_role(${a.role}, ${b.ownerRole}, 'member') as owner`;
    expect(row).toEqual({ member: false, owner: false });
  });

  // SET ROLE is checked against the login role, which may become every tenant's role, so
  // PostgreSQL itself lets these switches through; withTenant then refuses to commit or to
  // return what the unit of work read. A unit that switches back before it ends is not
  // caught: isolation against arbitrary SQL rests on no raw SQL reaching a unit of work.
  it.each([
    ['set role to the other tenant', (b: TenantNames) => [`set role ${b.role}`, ...raid(b)]],
    [
      'set_config role to the other tenant',
      (b: TenantNames) => [`select set_config('role', '${b.role}', true)`, ...raid(b)],
    ],
    [
      "set local role to the other tenant's owner",
      (b: TenantNames) => [`set local role ${b.ownerRole}`, ...raid(b)],
    ],
    ['reset role to the login role', () => ['reset role', 'select slug as key from platform.tenants']],
  ])('fails a unit of work that tries to %s', async (_label, statements) => {
    const a = await createTestTenant(database);
    const b = await createTestTenant(database);
    await withTenant(database, b, (db) => db.insert(settings).values({ key: 'secret', value: 'B' }));
    let read: unknown[] = [];
    const outcome = await withTenant(database, a, async (db) => {
      for (const statement of statements(tenantNames(b))) read = [...(await db.execute(sql.raw(statement)))];
      return read;
    }).catch((e: unknown) => e);
    expect(read.length).toBeGreaterThan(0); // the switch did reach data…
    expect(outcome).toBeInstanceOf(TenantScopeViolationError); // …but never left the unit of work
    const rowsOfB = await withTenant(database, b, (db) => db.select({ key: settings.key }).from(settings));
    expect(rowsOfB).toEqual([{ key: 'secret' }]);
  });

  it('fails a unit of work whose transaction a swallowed error aborted, where COMMIT would roll back silently', async () => {
    const a = await createTestTenant(database);
    const outcome = await withTenant(database, a, async (db) => {
      await db.insert(settings).values({ key: 'x', value: 1 });
      await db
        .insert(settings)
        .values({ key: 'x', value: 2 })
        .catch(() => undefined);
      return 'returned';
    }).catch((e: unknown) => e);
    expect(sqlState(outcome)).toBe('25P02');
  });
});

/** What a unit of work switched to tenant B's role could do: plant a row, read B's rows. */
function raid(b: TenantNames): string[] {
  return [
    `insert into ${b.schema}.settings (key, value) values ('planted', '1')`,
    `select key from ${b.schema}.settings`,
  ];
}

describe('append-only audit log', () => {
  it('lets the runtime role add and read entries but never change or remove them', async () => {
    const a = await createTestTenant(database);
    await withTenant(database, a, (db) => db.insert(auditLog).values({ actor: 'usr_1', action: 'login' }));
    expect(
      await withTenant(database, a, (db) => db.select({ action: auditLog.action }).from(auditLog)),
    ).toEqual([{ action: 'login' }]);
    const attempts = [
      (db: TenantDb) => db.update(auditLog).set({ action: 'logout' }),
      (db: TenantDb) => db.delete(auditLog),
      (db: TenantDb) => db.execute(sql`truncate audit_log`),
    ];
    for (const attempt of attempts) {
      const error = await withTenant(database, a, attempt).catch((e: unknown) => e);
      expect(sqlState(error)).toBe('42501');
    }
    expect(
      await withTenant(database, a, (db) => db.select({ action: auditLog.action }).from(auditLog)),
    ).toEqual([{ action: 'login' }]);
  });
});

/** Runs `count` jobs with at most `limit` in flight. */
async function runBounded<T>(count: number, limit: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await job(i);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** A small seeded generator (mulberry32), so that a failing interleaving can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('isolation under load', () => {
  it('never lets 500 interleaved units of work on 4 connections see or write another tenant’s rows', async () => {
    const tenants: TenantSlug[] = [];
    for (let i = 0; i < 20; i += 1) tenants.push(await createTestTenant(database, { slug: testSlug('iso') }));
    const seed = Date.now();
    const next = random(seed);
    const plan = Array.from({ length: 500 }, (_, i) => ({
      key: `unit-${i}`,
      slug: tenants[Math.floor(next() * tenants.length)]!,
      fails: i % 9 === 4,
      delays: [next() * 3, next() * 3],
    }));

    const outcomes = await runBounded(plan.length, 16, async (i) => {
      const unit = plan[i]!;
      return withTenant(database, unit.slug, async (db) => {
        await pause(unit.delays[0]!);
        await db.insert(settings).values({ key: unit.key, value: { tenant: unit.slug } });
        const [where] = await db.execute<{ who: string; schema: string }>(
          sql`select current_user as who, current_schema() as schema`,
        );
        await pause(unit.delays[1]!);
        if (unit.fails) throw new Error(`unit ${unit.key} fails on purpose`);
        const seen = await db.select({ key: settings.key, value: settings.value }).from(settings);
        return { where, seen };
      }).then(
        (value) => ({ ok: true as const, ...value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    });

    for (const [i, outcome] of outcomes.entries()) {
      const unit = plan[i]!;
      const context = `seed ${seed}, ${unit.key}`;
      if (unit.fails) {
        expect(outcome.ok, context).toBe(false);
        expect(outcome.ok ? undefined : String(outcome.error), context).toContain('fails on purpose');
        continue;
      }
      if (!outcome.ok) throw outcome.error;
      const { schema, role } = tenantNames(unit.slug);
      expect(outcome.where, context).toEqual({ who: role, schema });
      expect(
        outcome.seen.map((row) => row.key),
        context,
      ).toContain(unit.key);
      for (const row of outcome.seen) expect(row.value, context).toEqual({ tenant: unit.slug });
    }

    for (const slug of tenants) {
      const rows = await withTenant(database, slug, (db) =>
        db.select({ key: settings.key, value: settings.value }).from(settings),
      );
      const expected = plan.filter((u) => u.slug === slug && !u.fails).map((u) => u.key);
      expect(rows.map((row) => row.key).sort(), `seed ${seed}, ${slug}`).toEqual(expected.sort());
      for (const row of rows) expect(row.value).toEqual({ tenant: slug });
    }

    // Reserving as many connections as the pool holds visits every connection the units used.
    const connections = await Promise.all(Array.from({ length: 4 }, () => database.sql.reserve()));
    try {
      const states = await Promise.all(
        connections.map(async (connection) => {
          const [state] = await connection<{ pid: number; who: string; path: string; role: string }[]>`
            select pg_backend_pid() as pid, current_user as who,
                   current_setting('search_path') as path, current_setting('role') as role`;
          return state!;
        }),
      );
      expect(new Set(states.map((s) => s.pid)).size).toBe(4);
      for (const state of states) {
        expect(state.who).toBe(loginRole);
        expect(state.role).toBe('none');
        expect(state.path).not.toMatch(/\bt_/);
      }
    } finally {
      for (const connection of connections) connection.release();
    }
  });
});

describe('nested transactions inside a unit of work', () => {
  it('use savepoints: an inner rollback keeps the outer work, an inner success commits with it', async () => {
    const slug = await createTestTenant(database);
    await withTenant(database, slug, async (db) => {
      await db.insert(settings).values({ key: 'outer', value: 1 });
      await db
        .transaction(async (inner) => {
          await inner.insert(settings).values({ key: 'rolled-back', value: 2 });
          inner.rollback();
        })
        .catch(() => {});
      await db.transaction(async (inner) => {
        await inner.insert(settings).values({ key: 'inner', value: 3 });
      });
    });
    const keys = await withTenant(database, slug, (db) => db.select({ key: settings.key }).from(settings));
    expect(keys.map((k) => k.key).sort()).toEqual(['inner', 'outer']);
  });

  it('rolls everything back when the work throws', async () => {
    const slug = await createTestTenant(database);
    await expect(
      withTenant(database, slug, async (db) => {
        await db.insert(settings).values({ key: 'lost', value: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await withTenant(database, slug, (db) => db.select().from(settings));
    expect(rows).toEqual([]);
  });
});
