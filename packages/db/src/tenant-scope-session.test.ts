// A unit of work must not leave anything on its pooled connection for the next one, and must
// not get out of its transaction: raw SQL inside the work (which no route can send today) tried
// each of these during the attack of issue 10. Every pool here has one connection, so the
// next unit of work always runs on the connection the previous one used.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestTenant, useTestDatabase } from '../test/test-database.ts';
import { createDatabase, type Database } from './client.ts';
import { type TenantNames, type TenantSlug, tenantNames } from './names.ts';
import { settings } from './tenant/settings.ts';
import { type TenantDb, TenantScopeViolationError, withTenant } from './tenant-scope.ts';

const { databaseUrl } = inject('motcua');
const loginRole = new URL(databaseUrl).username;
const shared = useTestDatabase(2);
const pools: Database[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

function poolOfOne(): Database {
  const pool = createDatabase({
    url: databaseUrl,
    max: 1,
    applicationName: `scope-${randomBytes(3).toString('hex')}`,
  });
  pools.push(pool);
  return pool;
}

/** Two tenants, B holding a row A must never see. */
async function twoTenants(): Promise<{ a: TenantSlug; b: TenantSlug; bNames: TenantNames }> {
  const a = await createTestTenant(shared);
  const b = await createTestTenant(shared);
  await withTenant(shared, a, (db) => db.insert(settings).values({ key: 'of-a', value: 'A' }));
  await withTenant(shared, b, (db) => db.insert(settings).values({ key: 'of-b', value: 'B' }));
  return { a, b, bNames: tenantNames(b) };
}

const run = (db: TenantDb, statement: string) => db.execute(sql.raw(statement));
const backendPid = async (db: TenantDb) =>
  (await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`))[0]!.pid;

/** What a unit of work of `slug` sees on the pool's (only) connection, and which backend that is. */
async function nextUnit(pool: Database, slug: TenantSlug) {
  return withTenant(pool, slug, async (db) => ({
    pid: await backendPid(db),
    keys: (await db.select({ key: settings.key }).from(settings)).map((row) => row.key),
    session: (
      await db.execute<{
        who: string;
        path: string;
        timeout: string;
        listening: number;
        prepared: number;
      }>(sql`
        select current_user as who, current_setting('search_path') as path,
               current_setting('statement_timeout') as timeout,
               (select count(*)::int from pg_listening_channels()) as listening,
               (select count(*)::int from pg_prepared_statements where from_sql) as prepared`)
    )[0],
  }));
}

describe('a unit of work that switches to another tenant at session level and back locally', () => {
  it('fails, and leaves nothing of the other tenant to the next query or unit of work on its connection', async () => {
    const { a, bNames } = await twoTenants();
    const { schema, role } = tenantNames(a);
    const pool = poolOfOne();
    let pid = 0;
    let readFromB: unknown[] = [];
    const outcome = await withTenant(pool, a, async (db) => {
      pid = await backendPid(db);
      await run(
        db,
        `select set_config('role', '${bNames.role}', false), set_config('search_path', '${bNames.schema}', false)`,
      );
      readFromB = [...(await run(db, 'select key from settings'))];
      await run(
        db,
        `select set_config('role', '${role}', true), set_config('search_path', '${schema}', true)`,
      );
      return 'passed the check';
    }).catch((e: unknown) => e);
    expect(readFromB).toEqual([{ key: 'of-b' }]); // the switch did reach B's rows…
    expect(outcome).toBeInstanceOf(TenantScopeViolationError); // …the unit fails…

    // …and its connection is gone: an unscoped query is the login role's again, not B's.
    const [unscoped] = await pool.sql<{ who: string; path: string; pid: number }[]>`
      select current_user as who, current_setting('search_path') as path, pg_backend_pid() as pid`;
    expect(unscoped).toMatchObject({ who: loginRole });
    expect(unscoped?.path).not.toContain('t_');
    expect(unscoped?.pid).not.toBe(pid);
    expect(
      await pool.sql`select key from settings`.then(
        () => 'read',
        (e: { code?: string }) => e.code,
      ),
    ).toBe('42P01');
    const next = await nextUnit(pool, a);
    expect(next.keys).toEqual(['of-a']);
    expect(next.session).toMatchObject({ who: role, path: schema });
  });
});

describe('a unit of work that leaves its transaction', () => {
  it.each([
    ['commits and begins again', 'commit; select slug from platform.tenants limit 1; begin'],
    ['rolls back and begins again', 'rollback; begin'],
    ['commits and stays outside', 'commit'],
  ])('fails when it %s, and its connection is not reused', async (_label, statement) => {
    const { a } = await twoTenants();
    const { schema, role } = tenantNames(a);
    const pool = poolOfOne();
    let pid = 0;
    const outcome = await withTenant(pool, a, async (db) => {
      pid = await backendPid(db);
      await run(db, statement);
      // Back in the tenant's scope, so that only the transaction tells.
      await run(
        db,
        `select set_config('role', '${role}', true), set_config('search_path', '${schema}', true)`,
      );
      return 'passed the check';
    }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(TenantScopeViolationError);
    const next = await nextUnit(pool, a);
    expect(next.pid).not.toBe(pid);
    expect(next.keys).toEqual(['of-a']);
  });
});

describe('session state a unit of work leaves behind', () => {
  it('resets a statement_timeout set at session level, on the same connection', async () => {
    const { a } = await twoTenants();
    const pool = poolOfOne();
    const pid = await withTenant(pool, a, async (db) => {
      await run(db, `select set_config('statement_timeout', '1', false)`);
      return backendPid(db);
    });
    const next = await nextUnit(pool, a);
    expect(next.pid).toBe(pid);
    expect(next.session?.timeout).toBe('0');
  });

  it.each([
    ['commits', async () => 'done'],
    [
      'fails',
      async () => {
        throw new Error('the work failed');
      },
    ],
  ])(
    'releases a session advisory lock on another tenant’s audit chain when the work %s',
    async (_label, end) => {
      const { a, bNames } = await twoTenants();
      const pool = poolOfOne();
      const key = `${bNames.schema}.audit_log`;
      await withTenant(pool, a, async (db) => {
        await run(db, `select pg_advisory_lock(hashtextextended('${key}', 0))`);
        return end();
      }).catch(() => undefined);
      // B's audit rows serialise on this key: another connection must be able to take it.
      const [row] = await shared.sql<{ locked: boolean }[]>`
      select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`;
      expect(row?.locked).toBe(true);
    },
  );

  it('stops listening', async () => {
    const { a } = await twoTenants();
    const pool = poolOfOne();
    await withTenant(pool, a, (db) => run(db, 'listen motcua_outbox'));
    expect((await nextUnit(pool, a)).session?.listening).toBe(0);
  });

  it.each([
    ['PREPARE', 'prepare motcua_left_behind as select key from settings'],
    ['a DO block', `do $$ begin execute 'PRE' || 'PARE motcua_left_behind as select 1'; end $$`],
  ])(
    'does not hand a connection with an SQL-level prepared statement (from %s) to the next unit of work',
    async (_label, statement) => {
      const { a } = await twoTenants();
      const pool = poolOfOne();
      const pid = await withTenant(pool, a, async (db) => {
        await run(db, statement);
        return backendPid(db);
      });
      const next = await nextUnit(pool, a);
      expect(next.pid).not.toBe(pid);
      expect(next.session?.prepared).toBe(0);
    },
  );
});
