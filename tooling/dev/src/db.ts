// `npm run db:migrate` and `npm run db:status`: the fleet migrator on DATABASE_URL, or on the
// embedded PostgreSQL under .data/ when none is given.
import {
  createDatabase,
  type Database,
  parseSlug,
  printFleetStatus,
  runFleetMigration,
  verifyAuditChain,
} from '@motcua/db';
import { createLifecycle } from './lifecycle.ts';
import { startStack } from './stack.ts';

const command = process.argv[2];
const concurrencyArg = process.argv.find((a) => a.startsWith('--concurrency='));
const concurrency = concurrencyArg ? Number(concurrencyArg.split('=')[1]) : 4;
if (command !== 'migrate' && command !== 'status' && command !== 'audit-verify') {
  console.error('usage: db.ts migrate [--concurrency=N] | status | audit-verify [slug]');
  process.exit(2);
}
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
  console.error('--concurrency must be a whole number from 1 to 64');
  process.exit(2);
}

/** Checks each live tenant's hash-chained audit log; exit code 1 when any chain is broken. */
async function verifyAuditChains(database: Database, only: string | undefined): Promise<number> {
  const rows = await database.sql<{ slug: string }[]>`
    select slug from platform.tenants where status in ('active', 'suspended') order by slug`;
  const slugs = only ? [parseSlug(only)] : rows.map((r) => parseSlug(r.slug));
  let broken = 0;
  for (const slug of slugs) {
    const report = await verifyAuditChain(database, slug);
    if (!report.intact) broken += 1;
    console.log(
      report.intact
        ? `${slug}: intact (${report.rows} rows)`
        : `${slug}: BROKEN at row ${report.firstBrokenId} (${report.reason}), ${report.rows} rows`,
    );
  }
  return broken > 0 ? 1 : 0;
}

// Ctrl-C, SIGTERM or the end of the command stops the embedded PostgreSQL it started.
const life = createLifecycle({ say: () => {} });
let code = 0;
try {
  const stack = await startStack(process.env, life, { withS3: false });
  const database = createDatabase({ url: stack.databaseUrl, max: concurrency + 1 });
  life.onStop(() => database.close());
  if (command === 'migrate') code = await runFleetMigration(database, { concurrency, out: process.stdout });
  else if (command === 'status') await printFleetStatus(database, process.stdout);
  else code = await verifyAuditChains(database, process.argv[3]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
}
await life.stop('done', code);
