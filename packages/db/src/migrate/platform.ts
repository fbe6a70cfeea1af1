// Applies the platform schema's migrations in one transaction under an advisory lock, so
// that two processes starting together do not race.
import type { Database } from '../client.ts';
import { loadMigrations, type Migration, platformMigrationsFolder } from './bundle.ts';

const platformLockKey = 0x6d6f7463; // "motc"

export async function migratePlatform(
  database: Database,
  migrations: Migration[] = loadMigrations(platformMigrationsFolder),
): Promise<{ applied: number; version: number }> {
  let applied = 0;
  await database.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${platformLockKey})`;
    // Inside the lock: `if not exists` does not stop two sessions creating the same object
    // at once (the loser fails on a catalog unique index).
    await tx`create schema if not exists platform`;
    await tx`create table if not exists platform.__migrations (
      version integer primary key, tag text not null, hash text not null,
      applied_at timestamptz not null default now())`;
    const [row] = await tx<
      { version: number | null }[]
    >`select max(version) as version from platform.__migrations`;
    const current = row?.version ?? 0;
    for (const migration of migrations.filter((m) => m.version > current)) {
      for (const statement of migration.statements) await tx.unsafe(statement);
      await tx`insert into platform.__migrations (version, tag, hash)
        values (${migration.version}, ${migration.tag}, ${migration.hash})`;
      applied += 1;
    }
  });
  return { applied, version: migrations.length };
}
