// Test helpers for code that uses the database (imported as `@motcua/db/testing`, from tests
// only): a pool on the run's test database with the platform schema migrated, a private
// database for tests that need to be alone, unique tenant slugs so that tests never share
// tenants, and a tenant factory.
import { randomBytes } from 'node:crypto';
import type {} from '@motcua/testing/provided';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from '../src/client.ts';
import { newId } from '../src/ids.ts';
import type { Migration } from '../src/migrate/bundle.ts';
import { migratePlatform } from '../src/migrate/platform.ts';
import { migrateTenant } from '../src/migrate/tenant.ts';
import { parseSlug, type TenantSlug } from '../src/names.ts';
import { createTenantSchema } from '../src/tenant-lifecycle.ts';

export function testSlug(prefix = 't'): TenantSlug {
  return parseSlug(`${prefix}-${randomBytes(5).toString('hex')}`);
}

/** The fixed MOTCUA_SECRET_KEY of test runs (never a deployment's). */
export const testSecretKey = Buffer.alloc(32, 'motcua-test-secret-key').toString('base64');

export function useTestDatabase(max = 4): Database {
  const database = createDatabase({
    url: inject('motcua').databaseUrl,
    max,
    secretKeys: { current: testSecretKey },
  });
  beforeAll(() => migratePlatform(database));
  afterAll(() => database.close());
  return database;
}

export interface IsolatedTestDatabase {
  /** A pool of the application's login role on the private database. */
  database: Database;
  /** A superuser pool on the same database, for inspecting what the login role cannot read. */
  superuser: postgres.Sql;
}

/**
 * A private database, created for this test file and dropped after it, for tests that must
 * see every object or every tenant in the database (test files run concurrently on the
 * shared one). Roles are cluster-wide, so tenants still need unique slugs.
 */
export function useIsolatedTestDatabase(
  max = 4,
  { migrate = true }: { migrate?: boolean } = {},
): IsolatedTestDatabase {
  const { databaseUrl, superuserUrl } = inject('motcua');
  const name = `motcua_test_${randomBytes(5).toString('hex')}`;
  const owner = new URL(databaseUrl).username;
  if (!/^[a-z_][a-z0-9_]*$/.test(owner)) throw new Error(`Unexpected login role name ${owner}`);
  const database = createDatabase({
    url: onDatabase(databaseUrl, name),
    max,
    secretKeys: { current: testSecretKey },
  });
  const superuser = postgres(onDatabase(superuserUrl, name), { max: 2, onnotice: () => {} });
  const asAdmin = async (statement: string) => {
    const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
  };
  beforeAll(async () => {
    await asAdmin(`create database ${name} owner ${owner} encoding 'UTF8' template template0`);
    // As in production (see @motcua/testing's bootstrap): no temporary tables and no large
    // objects for anyone (function rights are per database, so revoked in this one).
    await asAdmin(`revoke temporary on database ${name} from public`);
    await superuser.unsafe(`revoke execute on function pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
      pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid) from public`);
    if (migrate) await migratePlatform(database);
  });
  afterAll(async () => {
    await database.close();
    await superuser.end();
    await asAdmin(`drop database if exists ${name} with (force)`);
  });
  return { database, superuser };
}

function onDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TestTenantOptions {
  slug?: TenantSlug;
  /** Migrations to apply; `false` leaves the schema empty at version 0. */
  migrations?: Migration[] | false;
}

/** An active tenant with its schema and roles, migrated to head unless told otherwise. */
export async function createTestTenant(
  database: Database,
  { slug = testSlug(), migrations }: TestTenantOptions = {},
): Promise<TenantSlug> {
  await database.sql`insert into platform.tenants (id, slug, name, kind, admin_email, status)
    values (${newId('ten')}, ${slug}, ${slug}, 'province', 'admin@example.vn', 'active')`;
  await createTenantSchema(database, slug);
  if (migrations !== false) await migrateTenant(database, slug, migrations ? { migrations } : {});
  return slug;
}
