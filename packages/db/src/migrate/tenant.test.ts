import { describe, expect, it } from 'vitest';
import { createTestTenant, testSlug, useIsolatedTestDatabase } from '../../test/test-database.ts';
import { tenantNames } from '../names.ts';
import { createTenantSchema } from '../tenant-lifecycle.ts';
import { migrateTenant, tenantMigrations } from './tenant.ts';

// A private database, so that the catalog snapshots below see no other test's objects.
const { database, superuser } = useIsolatedTestDatabase(4);

interface CatalogObject {
  key: string;
  namespace: string;
  name: string;
}

/**
 * Every relation, type, constraint and function with the schema it belongs to. A TOAST table
 * and its index live in `pg_toast` but belong to the table they store values for.
 */
async function catalog(): Promise<CatalogObject[]> {
  return database.sql<CatalogObject[]>`
    select 'pg_class:' || c.oid as key, c.relname::text as name,
           coalesce(
             (select mn.nspname from pg_class m join pg_namespace mn on mn.oid = m.relnamespace
              where m.reltoastrelid in (c.oid, (select i.indrelid from pg_index i where i.indexrelid = c.oid))),
             n.nspname)::text as namespace
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
    union all
    select 'pg_type:' || t.oid, t.typname::text, n.nspname::text
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
    union all
    select 'pg_constraint:' || k.oid, k.conname::text, n.nspname::text
      from pg_constraint k join pg_namespace n on n.oid = k.connamespace
    union all
    select 'pg_proc:' || p.oid, p.proname::text, n.nspname::text
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    union all
    select 'pg_namespace:' || n.oid, n.nspname::text, n.nspname::text from pg_namespace n`;
}

describe('migrateTenant', () => {
  it('lands every object of a new tenant inside its own schema and nothing in public', async () => {
    const slug = testSlug('land');
    const { schema } = tenantNames(slug);
    const before = new Set((await catalog()).map((o) => o.key));

    await createTestTenant(database, { slug });

    const added = (await catalog()).filter((o) => !before.has(o.key));
    expect(added.filter((o) => o.namespace !== schema)).toEqual([]);
    const tables = added.filter((o) => o.key.startsWith('pg_class:')).map((o) => o.name);
    expect(tables).toEqual(
      expect.arrayContaining(['__migrations', 'audit_log', 'settings', 'staff_users', 'units']),
    );
    const [inPublic] = await database.sql<{ n: number }[]>`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'`;
    expect(inPublic?.n).toBe(0);
    // Foreign keys must point inside the schema too (drizzle-kit 0.31 writes "public"."x").
    const references = await database.sql<{ target: string }[]>`
      select tn.nspname::text as target from pg_constraint k
        join pg_class t on t.oid = k.confrelid join pg_namespace tn on tn.oid = t.relnamespace
      where k.contype = 'f' and k.connamespace = ${schema}::regnamespace`;
    expect(references.length).toBeGreaterThan(0);
    expect(new Set(references.map((r) => r.target))).toEqual(new Set([schema]));
  });

  it('fails with a lock timeout, instead of waiting, while another session holds the tenant', async () => {
    const slug = testSlug('lock');
    await createTestTenant(database, { slug, migrations: false });
    const holder = await database.sql.reserve();
    try {
      await holder`select pg_advisory_lock(hashtextextended(${`motcua.tenant.${slug}`}, 0))`;
      const error = await migrateTenant(database, slug, { lockTimeoutMs: 200 }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('55P03');
      await holder`select pg_advisory_unlock(hashtextextended(${`motcua.tenant.${slug}`}, 0))`;
    } finally {
      holder.release();
    }
    const [row] = await database.sql<{ version: number }[]>`
      select schema_version as version from platform.tenants where slug = ${slug}`;
    expect(row?.version).toBe(0);
    expect(await migrateTenant(database, slug, { lockTimeoutMs: 200 })).toEqual({
      from: 0,
      to: tenantMigrations().length,
    });
  });

  it('leaves a tenant at head untouched when run again', async () => {
    const slug = await createTestTenant(database);
    const head = tenantMigrations().length;
    const read = async () => ({
      journal: await superuser.unsafe(
        `select version, hash, applied_at from ${tenantNames(slug).schema}.__migrations order by version`,
      ),
      tenant: await superuser`select schema_version, updated_at from platform.tenants where slug = ${slug}`,
    });
    const before = await read();
    expect(await migrateTenant(database, slug)).toEqual({ from: head, to: head });
    expect(await read()).toEqual(before);
  });

  it('is idempotent for the schema itself: createTenantSchema again changes nothing', async () => {
    const slug = await createTestTenant(database);
    const keys = async () => (await catalog()).map((o) => o.key).sort();
    const before = await keys();
    await createTenantSchema(database, slug);
    expect(await keys()).toEqual(before);
  });
});
