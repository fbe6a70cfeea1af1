import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { newId } from './ids.ts';
import { migrateTenant } from './migrate/tenant.ts';
import type { TenantSlug } from './names.ts';
import { settings } from './tenant/settings.ts';
import { createTenantSchema } from './tenant-lifecycle.ts';
import { withTenant } from './tenant-scope.ts';
import { testSlug, useTestDatabase } from './testing.ts';

const database = useTestDatabase(4);

async function makeTenant(db: Database, slug: TenantSlug) {
  await db.sql`insert into platform.tenants (id, slug, name, kind, admin_email, status)
    values (${newId('ten')}, ${slug}, ${slug}, 'province', 'admin@example.vn', 'active')`;
  await createTenantSchema(db, slug);
  await migrateTenant(db, slug);
}

function permissionDenied(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '42501';
}

describe('isolated unit of work', () => {
  it('keeps each tenant in its own schema and refuses another tenant’s tables', async () => {
    const a = testSlug('a');
    const b = testSlug('b');
    await makeTenant(database, a);
    await makeTenant(database, b);
    await withTenant(database, a, (db) => db.insert(settings).values({ key: 'name', value: 'A' }));
    await withTenant(database, b, (db) => db.insert(settings).values({ key: 'name', value: 'B' }));

    expect(await withTenant(database, a, (db) => db.select().from(settings))).toMatchObject([{ value: 'A' }]);
    const schemaB = `t_${b.replaceAll('-', '_')}`;
    const error = await withTenant(database, a, (db) =>
      db.execute(sql.raw(`select * from ${schemaB}.settings`)),
    ).catch((e: unknown) => e);
    expect(permissionDenied(error)).toBe(true);
  });

  it('gives the login role no rights on tenant tables outside a scope', async () => {
    const a = testSlug('a');
    await makeTenant(database, a);
    const schema = `t_${a.replaceAll('-', '_')}`;
    const error = await database.sql.unsafe(`select * from ${schema}.settings`).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('42501');
  });
});
