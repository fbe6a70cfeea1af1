// What the `db:migrate` and `db:status` commands do, without the process around them: the
// caller parses arguments, opens the database, and exits with the code returned here.
import type { Writable } from 'node:stream';
import type { Database } from '../client.ts';
import type { Migration } from './bundle.ts';
import { fleetStatus, migrateFleet } from './fleet.ts';
import { createProgressReporter } from './progress.ts';
import { tenantMigrations } from './tenant.ts';

type Output = NodeJS.WriteStream | Writable;

export interface RunFleetMigrationOptions {
  out: Output;
  concurrency?: number;
  lockTimeoutMs?: number;
  /** Tenant migrations; the committed ones unless given. */
  migrations?: Migration[];
  /** Clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}

/** Migrates the platform and every tenant behind head; returns the process exit code. */
export async function runFleetMigration(
  database: Database,
  {
    out,
    concurrency = 4,
    lockTimeoutMs,
    migrations,
    now = () => performance.now(),
  }: RunFleetMigrationOptions,
): Promise<number> {
  const write = (line: string) => out.write(`${line}\n`);
  const reporter = createProgressReporter(out, { now });
  const started = now();
  let result: Awaited<ReturnType<typeof migrateFleet>>;
  try {
    result = await migrateFleet(database, {
      concurrency,
      ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
      ...(migrations ? { migrations } : {}),
      onStart: (plan) => reporter.start(plan),
      onProgress: (progress) => reporter.update(progress),
    });
  } catch (error) {
    // Before any tenant: the platform migration or the query for tenants failed.
    reporter.finish();
    write(`Fleet migration stopped: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  reporter.finish();

  write(`Platform migrations applied: ${result.platformApplied}`);
  write(`Tenant head version: ${result.head}`);
  write(`At head (skipped): ${result.atHead}`);
  write(`Migrated: ${result.migrated.length}`);
  write(`Failed: ${result.failed.length}`);
  const width = Math.max(0, ...result.failed.map((f) => f.slug.length));
  for (const { slug, error } of result.failed.toSorted((a, b) => a.slug.localeCompare(b.slug))) {
    write(`  ${slug.padEnd(width)}  ${error.replaceAll('\n', ' ')}`);
  }
  const median = medianOf(result.durationsMs);
  write(`Per tenant: ${median === undefined ? '-' : `median ${Math.round(median)} ms`}`);
  write(`Total: ${((now() - started) / 1000).toFixed(1)} s`);
  return result.failed.length > 0 ? 1 : 0;
}

export function medianOf(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A table of every tenant's schema version against head, and a count line. */
export async function printFleetStatus(
  database: Database,
  out: Output,
  head: number = tenantMigrations().length,
): Promise<void> {
  const rows = await fleetStatus(database, head);
  const write = (line: string) => out.write(`${line.trimEnd()}\n`);
  if (rows.length === 0) {
    write(`No tenants. Tenant head version: ${head}`);
    return;
  }
  // Offboarded tenants have no schema left to migrate.
  const isBehind = (row: (typeof rows)[number]) => row.version < head && row.status !== 'offboarded';
  const table = [
    ['slug', 'status', 'version', 'head', ''],
    ...rows.map((r) => [r.slug, r.status, String(r.version), String(r.head), isBehind(r) ? 'behind' : '']),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...table.map((cells) => cells[column]!.length)));
  for (const cells of table) {
    write(
      cells
        .map((cell, column) =>
          column === 2 || column === 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column] ?? 0),
        )
        .join('  '),
    );
  }
  const behind = rows.filter(isBehind).length;
  const atHead = rows.filter((r) => r.version >= head).length;
  const offboarded = rows.length - behind - atHead;
  write(
    `${rows.length} tenant${rows.length === 1 ? '' : 's'}: ${atHead} at head, ${behind} behind` +
      (offboarded > 0 ? `, ${offboarded} offboarded` : ''),
  );
}
