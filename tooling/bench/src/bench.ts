// `npm run bench -- [--tenants N] [--provision-samples N] [--iterations N] [--concurrency N]
// [--load-seconds N] [--load-connections N] [--db-pool N] [--pages-only] [--page-requests N]
// [--page-warm-up N] [--page-seconds N] [--page-connections N]`: measures, in one run on a fresh
// embedded PostgreSQL and S3 server, the figures docs/design.md and issue 5 set targets for.
//   --tenants, --provision-samples, --concurrency: the fleet provisioned and migrated (1000, 25, 4)
//   --iterations: primary-key selects per variant for the isolation overhead (4000)
//   --load-seconds, --load-connections: each dossier submission and tracking load run (10 s, 50)
//   --db-pool: the API's database connections, and each baseline's (10)
//   --pages-only: skip all of the above and measure only the main pages with the demo data
//   --page-requests, --page-warm-up: sequential requests per page, measured and not (200, 20)
//   --page-seconds, --page-connections: each page's run under load (3 s, 10)
// Not a test: it prints figures and ratios and never fails on a number.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createDatabase,
  type Migration,
  migrateFleet,
  migratePlatform,
  parseSlug,
  tenantMigrations,
} from '@motcua/db';
import { provisionTenant, retryProvisioning } from '@motcua/provisioning';
import { createStorage } from '@motcua/storage';
import { bootstrapDatabase, startPostgres, startS3 } from '@motcua/testing';
import { measureApiMemory } from './api-memory.ts';
import { runDossierBench } from './dossier-bench.ts';
import { measureIsolation } from './isolation.ts';
import { runPageBench } from './page-bench.ts';
import { inParallel, median, ms, percentile } from './stats.ts';

const { values } = parseArgs({
  options: {
    tenants: { type: 'string', default: '1000' },
    'provision-samples': { type: 'string', default: '25' },
    iterations: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '4' },
    'load-seconds': { type: 'string', default: '10' },
    'load-connections': { type: 'string', default: '50' },
    'db-pool': { type: 'string', default: '10' },
    'pages-only': { type: 'boolean', default: false },
    'page-requests': { type: 'string', default: '200' },
    'page-warm-up': { type: 'string', default: '20' },
    'page-seconds': { type: 'string', default: '3' },
    'page-connections': { type: 'string', default: '10' },
  },
});
const pagesOnly = values['pages-only'];
const fleetSize = Number(values.tenants);
const samples = Number(values['provision-samples']);
const iterations = Number(values.iterations);
const concurrency = Number(values.concurrency);
const loadSeconds = Number(values['load-seconds']);
const loadConnections = Number(values['load-connections']);
const dbPool = Number(values['db-pool']);
const pageRequests = Number(values['page-requests']);
const pageSeconds = Number(values['page-seconds']);
const pageConnections = Number(values['page-connections']);
const pageWarmUp = Number(values['page-warm-up']);
if (!Number.isInteger(pageWarmUp) || pageWarmUp < 0) {
  console.error('bench: pageWarmUp must be a whole number');
  process.exit(2);
}
for (const [name, value] of Object.entries({
  fleetSize,
  samples,
  iterations,
  concurrency,
  loadSeconds,
  loadConnections,
  dbPool,
  pageRequests,
  pageSeconds,
  pageConnections,
})) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} must be a positive whole number`);
    process.exit(2);
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
chmodSync(scratch, 0o755);
const log = (line: string) => console.log(line);
const pg = await startPostgres({ dataDir: join(scratch, 'pg') });
const s3 = await startS3({ dir: join(scratch, 's3') });
const databaseUrl = await bootstrapDatabase({
  superuserUrl: pg.superuserUrl,
  database: 'motcua_bench',
  appRole: 'motcua_app',
  appPassword: 'bench-password',
});
// One key for the bench's own pool and the API it starts: both read the operators' sealed TOTP secrets.
const secretKey = randomBytes(32).toString('base64');
// Each provisioning run holds one extra connection for its run lock.
const database = createDatabase({
  url: databaseUrl,
  max: 2 * concurrency + 2,
  secretKeys: { current: secretKey },
});
const storage = createStorage({
  endpoint: s3.endpoint,
  region: 'ap-southeast-1',
  bucket: 'motcua-bench',
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  forcePathStyle: true,
});
await storage.ensureBucket();
await migratePlatform(database);
const ctx = { database, storage };
const input = (slug: string) => ({
  slug,
  name: `Bench ${slug}`,
  kind: 'province' as const,
  adminEmail: `admin@${slug}.bench.vn`,
  actor: 'bench',
});
const apiEnv = {
  DATABASE_URL: databaseUrl,
  MOTCUA_OPS_TOKEN: 'bench-operator-token-0123456789',
  MOTCUA_SECRET_KEY: secretKey,
  PLATFORM_DOMAIN: 'localhost',
  S3_ENDPOINT: s3.endpoint,
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  S3_BUCKET: 'motcua-bench',
};

try {
  log(
    `Motcua benchmark — ${new Date().toISOString()}, Node ${process.version}, PostgreSQL (embedded) on loopback`,
  );

  if (!pagesOnly) {
    // 1. Onboarding one tenant end to end, sequentially.
    const onboard: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const started = performance.now();
      const { run } = await provisionTenant(ctx, input(`one-${i}`));
      onboard.push(performance.now() - started);
      if (run.status !== 'succeeded') throw new Error(`provisioning one-${i} failed: ${run.error}`);
    }
    log(
      `\nOnboarding one tenant (local driver, ${samples} samples): median ${ms(median(onboard))}, p90 ${ms(percentile(onboard, 90))}   target < 1000 ms median`,
    );

    // 2. Isolation overhead.
    const iso = await measureIsolation(database, parseSlug('one-0'), iterations);
    log(`\nIsolation overhead (${iterations} primary-key selects each, interleaved):`);
    log(
      `  tenant unit of work (tx + role/schema switch): median ${ms(iso.isolatedMs)}, p99 ${ms(iso.isolatedP99)}`,
    );
    log(
      `  same select in a transaction, unscoped:         median ${ms(iso.unscopedTxMs)}, p99 ${ms(iso.unscopedTxP99)}`,
    );
    log(`  same select, autocommit, unscoped:              median ${ms(iso.bareMs)}`);
    log(
      `  ratio isolated / unscoped transaction: ${(iso.isolatedMs / iso.unscopedTxMs).toFixed(3)}   target < 1.10`,
    );
    log(`  ratio isolated / unscoped autocommit:  ${(iso.isolatedMs / iso.bareMs).toFixed(3)}`);

    // 3. The fleet: provision N tenants, then migrate all of them across one new migration.
    const slugs = Array.from({ length: fleetSize }, (_, i) => `fleet-${i}`);
    const perTenant: number[] = [];
    let lastShown = 0;
    const fleetStarted = performance.now();
    const provisionFailures: string[] = [];
    await inParallel(slugs, concurrency, async (slug) => {
      const started = performance.now();
      const { run } = await provisionTenant(ctx, input(slug));
      if (run.status !== 'succeeded') provisionFailures.push(`${slug}: ${run.error}`);
      perTenant.push(performance.now() - started);
      if (perTenant.length - lastShown >= Math.max(1, Math.floor(fleetSize / 10))) {
        lastShown = perTenant.length;
        process.stdout.write(`  provisioned ${perTenant.length}/${fleetSize}\n`);
      }
    });
    const provisionSeconds = (performance.now() - fleetStarted) / 1000;
    for (const failure of provisionFailures) log(`  provisioning failed: ${failure}`);
    for (const failure of provisionFailures) {
      const slug = failure.split(':')[0] ?? '';
      const { resume } = await retryProvisioning(ctx, slug);
      const run = await resume();
      log(`  retried ${slug}: ${run.status}${run.error ? ` (${run.error})` : ''}`);
    }
    log(
      `\nFleet of ${fleetSize} (concurrency ${concurrency}): provisioned in ${provisionSeconds.toFixed(1)} s, per tenant median ${ms(median(perTenant))}, p99 ${ms(percentile(perTenant, 99))}   target < 600 s`,
    );

    const extra: Migration = {
      version: tenantMigrations().length + 1,
      tag: '9999_bench_extra',
      hash: 'bench',
      statements: [
        'create table bench_extra (id bigint primary key generated always as identity, note text not null, created_at timestamptz not null default now())',
        'create index bench_extra_created_idx on bench_extra (created_at)',
        'alter table settings add column bench_flag boolean not null default false',
      ],
    };
    const migrateStarted = performance.now();
    const fleet = await migrateFleet(database, { concurrency, migrations: [...tenantMigrations(), extra] });
    const migrateSeconds = (performance.now() - migrateStarted) / 1000;
    log(
      `Migrated ${fleet.migrated.length} tenants to v${fleet.head} in ${migrateSeconds.toFixed(1)} s (${fleet.failed.length} failed), per tenant median ${ms(median(fleet.durationsMs))}   target < 120 s`,
    );
    for (const failure of fleet.failed) log(`  failed: ${failure.slug}: ${failure.error}`);
    const again = performance.now();
    const noop = await migrateFleet(database, { concurrency, migrations: [...tenantMigrations(), extra] });
    log(
      `Re-run with every tenant at head: ${ms(performance.now() - again)} (${noop.atHead} at head, ${noop.migrated.length} migrated)`,
    );

    // 4. API memory after resolving every tenant. The extra migration changed `settings`;
    //    the API does not read it here, so it serves the fleet as is.
    const memory = await measureApiMemory(repoRoot, apiEnv, [
      ...slugs,
      ...Array.from({ length: samples }, (_, i) => `one-${i}`),
    ]);
    log(
      `\nAPI process RSS: ${memory.idleMb.toFixed(0)} MB idle, ${memory.afterMb.toFixed(0)} MB after resolving ${fleetSize + samples} tenants (${memory.resolvedPerSecond.toFixed(0)} tenant lookups/s over HTTP)   target < 300 MB`,
    );

    // 5. Dossier submission and public tracking over HTTP, against the same inserts written bare.
    //    docs/design.md's targets name 100 tenants mixed: the first 100 of the fleet.
    await runDossierBench({
      database,
      databaseUrl,
      repoRoot,
      apiEnv,
      slugs: slugs.slice(0, 100),
      scratch,
      seconds: loadSeconds,
      connections: loadConnections,
      poolMax: dbPool,
      log,
    });
  }

  // 6. The main pages with the demo data: on the fleet above, or alone with --pages-only.
  await runPageBench({
    database,
    storage,
    repoRoot,
    apiEnv,
    requests: pageRequests,
    warmUp: pageWarmUp,
    seconds: pageSeconds,
    connections: pageConnections,
    poolMax: dbPool,
    log,
  });
} finally {
  await database.close();
  await s3.stop();
  await pg.stop();
  rmSync(scratch, { recursive: true, force: true });
}
