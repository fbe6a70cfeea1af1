// Large objects belong to no schema: one a tenant role created would be shared with the whole
// database and would keep the role from being dropped at offboarding (2BP01). The server's
// preparation (@motcua/testing's bootstrap, the README for production) revokes their creation,
// and the API and worker refuse to start where that was not done.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestTenant, useIsolatedTestDatabase, useTestDatabase } from '../test/test-database.ts';
import { assertIsolationReady, IsolationNotPossibleError } from './client.ts';
import { withTenant } from './tenant-scope.ts';

const database = useTestDatabase(2);
const isolated = useIsolatedTestDatabase(2, { migrate: false });

function sqlState(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code;
}

describe('large objects', () => {
  it.each([
    ['lo_create', 'select lo_create(0)'],
    ['lo_creat', 'select lo_creat(-1)'],
    ['lo_from_bytea', `select lo_from_bytea(0, '\\x00'::bytea)`],
    ['lo_import', `select lo_import('/etc/hostname')`],
  ])('cannot be created by a tenant unit of work with %s', async (_name, statement) => {
    const slug = await createTestTenant(database);
    const error = await withTenant(database, slug, (db) => db.execute(sql.raw(statement))).catch((e) => e);
    expect(sqlState(error)).toBe('42501');
    const [left] = await database.sql<{ count: number }[]>`
      select count(*)::int as count from pg_largeobject_metadata`;
    expect(left?.count).toBe(0);
  });

  it('keep the API and the worker from starting in a database where everyone may create them', async () => {
    await expect(assertIsolationReady(isolated.database)).resolves.toBeUndefined();
    await isolated.superuser`grant execute on function lo_from_bytea(oid, bytea) to public`;
    try {
      const refused = await assertIsolationReady(isolated.database).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(IsolationNotPossibleError);
      expect((refused as Error).message).toMatch(/large objects.*revoke execute on function lo_create/);
    } finally {
      await isolated.superuser`revoke execute on function lo_from_bytea(oid, bytea) from public`;
    }
  });
});
