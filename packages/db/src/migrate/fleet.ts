// The fleet migrator: platform first, then every tenant behind head, a few at a time.
// Tenants already at head are never touched: one indexed query finds the rest.
import type { Database } from '../client.ts';
import type { TenantSlug } from '../names.ts';
import type { Migration } from './bundle.ts';
import { migratePlatform } from './platform.ts';
import { migrateTenant, tenantMigrations } from './tenant.ts';

export interface FleetProgress {
  done: number;
  total: number;
  slug: string;
  ok: boolean;
  ms: number;
}

export interface FleetPlan {
  /** Tenants behind head, about to be migrated. */
  total: number;
  atHead: number;
  head: number;
}

export interface FleetOptions {
  concurrency?: number;
  lockTimeoutMs?: number;
  migrations?: Migration[];
  /** Called once the platform is migrated and the tenants behind head are known. */
  onStart?: (plan: FleetPlan) => void;
  onProgress?: (progress: FleetProgress) => void;
}

export interface FleetResult {
  head: number;
  platformApplied: number;
  atHead: number;
  migrated: string[];
  failed: { slug: string; error: string }[];
  durationsMs: number[];
}

export async function migrateFleet(database: Database, options: FleetOptions = {}): Promise<FleetResult> {
  const { concurrency = 4, migrations = tenantMigrations(), onStart, onProgress, lockTimeoutMs } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    // Zero workers would report success having migrated nothing.
    throw new RangeError(`concurrency must be a positive integer, not ${concurrency}`);
  }
  const platform = await migratePlatform(database);
  const head = migrations.length;
  const behind = await database.sql<{ slug: TenantSlug }[]>`
    select slug from platform.tenants
    where status in ('active', 'suspended') and schema_version < ${head}
    order by slug`;
  const [counts] = await database.sql<{ n: number }[]>`
    select count(*)::int as n from platform.tenants
    where status in ('active', 'suspended') and schema_version >= ${head}`;

  const result: FleetResult = {
    head,
    platformApplied: platform.applied,
    atHead: counts?.n ?? 0,
    migrated: [],
    failed: [],
    durationsMs: [],
  };
  onStart?.({ total: behind.length, atHead: result.atHead, head });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < behind.length) {
      const { slug } = behind[next++]!;
      const started = performance.now();
      let ok = true;
      try {
        await migrateTenant(database, slug, { migrations, ...(lockTimeoutMs ? { lockTimeoutMs } : {}) });
        result.migrated.push(slug);
      } catch (error) {
        ok = false;
        result.failed.push({ slug, error: error instanceof Error ? error.message : String(error) });
      }
      const ms = performance.now() - started;
      result.durationsMs.push(ms);
      done += 1;
      onProgress?.({ done, total: behind.length, slug, ok, ms });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, behind.length) }, worker));
  return result;
}

export interface TenantVersion {
  slug: string;
  status: string;
  version: number;
  head: number;
}

export async function fleetStatus(
  database: Database,
  head = tenantMigrations().length,
): Promise<TenantVersion[]> {
  const rows = await database.sql<{ slug: string; status: string; version: number }[]>`
    select slug, status, schema_version as version from platform.tenants order by slug`;
  return rows.map((r) => ({ ...r, head }));
}
