// Brings one tenant schema to the head version in one transaction: all or nothing per
// tenant, so a crash leaves every tenant at a version it fully has and a re-run resumes.
import type { Database } from '../client.ts';
import { type TenantSlug, tenantNames } from '../names.ts';
import { loadMigrations, type Migration, tenantMigrationsFolder } from './bundle.ts';

let defaultMigrations: Migration[] | undefined;
export function tenantMigrations(): Migration[] {
  defaultMigrations ??= loadMigrations(tenantMigrationsFolder);
  return defaultMigrations;
}

export interface MigrateTenantOptions {
  migrations?: Migration[];
  /** How long to wait for a lock (the tenant's advisory lock or a table lock) before failing. */
  lockTimeoutMs?: number;
}

export async function migrateTenant(
  database: Database,
  slug: TenantSlug,
  { migrations = tenantMigrations(), lockTimeoutMs = 5_000 }: MigrateTenantOptions = {},
): Promise<{ from: number; to: number }> {
  const { schema, role, ownerRole } = tenantNames(slug);
  return database.sql.begin(async (tx) => {
    await tx`select set_config('lock_timeout', ${`${lockTimeoutMs}ms`}, true)`;
    await tx`select pg_advisory_xact_lock(hashtextextended(${`motcua.tenant.${slug}`}, 0))`;
    // Everything below runs as the schema's owner with the schema first on the path, so the
    // unqualified migration SQL lands in this tenant's schema and nowhere else.
    await tx`select set_config('search_path', ${schema}, true), set_config('role', ${ownerRole}, true)`;
    await tx`create table if not exists __migrations (
      version integer primary key, tag text not null, hash text not null,
      applied_at timestamptz not null default now())`;
    // The schema's default privileges give the runtime role write access to every new table;
    // the journal is written by the migrator alone (the tenant export still reads it).
    await tx.unsafe(`revoke insert, update, delete, truncate on __migrations from ${role}`);
    const [row] = await tx<{ version: number | null }[]>`select max(version) as version from __migrations`;
    const from = row?.version ?? 0;
    for (const migration of migrations.filter((m) => m.version > from)) {
      for (const statement of migration.statements) await tx.unsafe(statement);
      await tx`insert into __migrations (version, tag, hash)
        values (${migration.version}, ${migration.tag}, ${migration.hash})`;
    }
    const to = Math.max(from, migrations.length);
    await tx`select set_config('role', 'none', true), set_config('search_path', 'platform', true)`;
    // Only a change is written: a tenant already at head keeps its updated_at.
    await tx`update platform.tenants set schema_version = ${to}, updated_at = now()
      where slug = ${slug} and schema_version <> ${to}`;
    return { from, to };
  });
}
