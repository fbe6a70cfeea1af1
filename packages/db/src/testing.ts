// Test helpers for code that uses the database (imported as `@motcua/db/testing`, from tests
// only): a pool on the run's test database with the platform schema migrated, and unique
// tenant slugs so that tests never share tenants.
import { randomBytes } from 'node:crypto';
import type {} from '@motcua/testing/provided';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from './client.ts';
import { migratePlatform } from './migrate/platform.ts';
import { parseSlug, type TenantSlug } from './names.ts';

export function testSlug(prefix = 't'): TenantSlug {
  return parseSlug(`${prefix}-${randomBytes(5).toString('hex')}`);
}

export function useTestDatabase(max = 4): Database {
  const database = createDatabase({ url: inject('motcua').databaseUrl, max });
  beforeAll(() => migratePlatform(database));
  afterAll(() => database.close());
  return database;
}
