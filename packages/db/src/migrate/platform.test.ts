import { describe, expect, it } from 'vitest';
import { useIsolatedTestDatabase } from '../../test/test-database.ts';
import { loadMigrations, platformMigrationsFolder } from './bundle.ts';
import { migratePlatform } from './platform.ts';

// A fresh database: the first run is the one that can race.
const { database } = useIsolatedTestDatabase(8, { migrate: false });
const head = loadMigrations(platformMigrationsFolder).length;

async function journal() {
  return database.sql<{ version: number; hash: string; applied_at: Date }[]>`
    select version, hash, applied_at from platform.__migrations order by version`;
}

describe('migratePlatform', () => {
  it('applies each migration once when several processes start together on an empty database', async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, () => migratePlatform(database)));
    expect(runs.reduce((sum, run) => sum + run.applied, 0)).toBe(head);
    expect(runs.every((run) => run.version === head)).toBe(true);
    expect((await journal()).map((row) => row.version)).toEqual(
      Array.from({ length: head }, (_, i) => i + 1),
    );
  });

  it('is idempotent: a re-run applies nothing and leaves the journal as it was', async () => {
    await migratePlatform(database);
    const before = await journal();
    expect(await migratePlatform(database)).toEqual({ applied: 0, version: head });
    expect(await journal()).toEqual(before);
  });
});
