// Isolation overhead: the tenant unit of work (transaction + role and schema switch + select
// by primary key) against the same select on an identical table, unscoped, in one run.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { sql } from 'drizzle-orm';
import { median, percentile } from './stats.ts';

export interface IsolationResult {
  isolatedMs: number;
  unscopedTxMs: number;
  bareMs: number;
  isolatedP99: number;
  unscopedTxP99: number;
}

export async function measureIsolation(
  database: Database,
  slug: TenantSlug,
  iterations = 4000,
): Promise<IsolationResult> {
  const keys = Array.from({ length: 1000 }, (_, i) => `bench-key-${i}`);
  await withTenant(database, slug, async (db) => {
    for (let i = 0; i < keys.length; i += 250) {
      const batch = keys.slice(i, i + 250).map((key) => sql`(${key}, ${JSON.stringify({ n: key })}::jsonb)`);
      await db.execute(
        sql`insert into settings (key, value) values ${sql.join(batch, sql`, `)} on conflict do nothing`,
      );
    }
  });
  // An identical table outside any tenant schema, owned by the login role.
  await database.sql`create schema if not exists bench_plain`;
  await database.sql`create table if not exists bench_plain.settings (
    key text primary key, value jsonb not null, updated_at timestamptz not null default now())`;
  await database.sql`insert into bench_plain.settings (key, value)
    select key, jsonb_build_object('n', key) from unnest(${keys}::text[]) as key on conflict do nothing`;

  const isolated: number[] = [];
  const unscopedTx: number[] = [];
  const bare: number[] = [];
  const time = async (into: number[], run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  // Interleaved so that drift on the machine hits all three alike.
  for (let i = 0; i < iterations; i += 1) {
    const key = keys[i % keys.length]!;
    await time(isolated, () =>
      withTenant(database, slug, (db) => db.execute(sql`select key, value from settings where key = ${key}`)),
    );
    await time(unscopedTx, () =>
      database.tenant.transaction((tx) =>
        tx.execute(sql`select key, value from bench_plain.settings where key = ${key}`),
      ),
    );
    await time(bare, () =>
      database.tenant.execute(sql`select key, value from bench_plain.settings where key = ${key}`),
    );
  }
  const warm = (values: number[]) => values.slice(Math.floor(values.length / 10));
  return {
    isolatedMs: median(warm(isolated)),
    unscopedTxMs: median(warm(unscopedTx)),
    bareMs: median(warm(bare)),
    isolatedP99: percentile(warm(isolated), 99),
    unscopedTxP99: percentile(warm(unscopedTx), 99),
  };
}
