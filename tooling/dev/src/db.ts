// `npm run db:migrate` and `npm run db:status`: the fleet migrator on DATABASE_URL, or on the
// embedded PostgreSQL under .data/ when none is given.
import { createDatabase, printFleetStatus, runFleetMigration } from '@motcua/db';
import { startStack } from './stack.ts';

const command = process.argv[2];
const concurrencyArg = process.argv.find((a) => a.startsWith('--concurrency='));
const concurrency = concurrencyArg ? Number(concurrencyArg.split('=')[1]) : 4;
if (command !== 'migrate' && command !== 'status') {
  console.error('usage: db.ts migrate [--concurrency=N] | status');
  process.exit(2);
}
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
  console.error('--concurrency must be a whole number from 1 to 64');
  process.exit(2);
}

const stack = await startStack(process.env, { withS3: false });
const database = createDatabase({ url: stack.databaseUrl, max: concurrency + 1 });
let code = 0;
try {
  if (command === 'migrate') code = await runFleetMigration(database, { concurrency, out: process.stdout });
  else await printFleetStatus(database, process.stdout);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await database.close();
  await stack.stop();
}
process.exit(code);
