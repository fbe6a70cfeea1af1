// PostgreSQL crashes (`kill -9`) while the worker is delivering, and comes back. The worker
// process must live through it (postgres.js 3.4.9 threw from a timer when a connection died
// mid-query: patches/postgres@3.4.9.patch), say what failed, and deliver everything once the
// database is back (at least once: a message sent just before the crash may go again, with
// the same Message-ID), and listen for notifications again.
import { createDatabase, type Database, migratePlatform, type TenantSlug } from '@motcua/db';
import { type KillablePostgres, startKillablePostgres } from '@motcua/db/killable-postgres';
import { createTestTenant } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEmails, recordingMailer, type TestEmail, uniqueEmail, waitUntil } from '../test/fixtures.ts';
import { createLogger } from './logger.ts';
import { type RunningWorker, startWorker } from './worker.ts';

let pg: KillablePostgres;
let database: Database;
let smtp: TestSmtpServer;
let slug: TenantSlug;
let worker: RunningWorker | undefined;
const logLines: string[] = [];

beforeAll(async () => {
  pg = await startKillablePostgres();
  database = createDatabase({ url: pg.databaseUrl, max: 4, applicationName: 'motcua-worker' });
  await migratePlatform(database);
  slug = await createTestTenant(database);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await worker?.stop();
  await database?.close();
  await smtp?.close();
  await pg?.stop();
});

const delivered = (emails: TestEmail[]) => emails.every((email) => smtp.messagesTo(email.to).length > 0);

it('lives through a crash of PostgreSQL mid-delivery and delivers everything once it is back', async () => {
  // Each send takes a while, so that the crash lands while a unit of work holds its rows.
  const { mailer, sent } = recordingMailer(
    createMailer({ smtpUrl: smtp.url, from: 'Motcua <no-reply@motcua.vn>' }),
    {
      delayMs: 150,
    },
  );
  worker = await startWorker({
    database,
    mailer,
    logger: createLogger('warn', (line) => logLines.push(line)),
    concurrency: 2,
    sweepIntervalMs: 500,
    dueSoonIntervalMs: 0,
  });
  const before = Array.from({ length: 12 }, (_, i) => uniqueEmail(`before${i}`));
  await insertEmails(database, slug, before);
  await waitUntil('the first message', async () => sent.length > 0);
  await pg.kill();
  // Sweeps fail while it is away: the worker says so and goes on.
  await waitUntil('a logged failure', async () => logLines.some((line) => line.includes('"level":"error"')));
  await pg.start();

  const after = Array.from({ length: 3 }, (_, i) => uniqueEmail(`after${i}`));
  await waitUntil('the database back for writes', () =>
    insertEmails(database, slug, after).then(
      () => true,
      () => false,
    ),
  );
  await waitUntil('every message delivered', async () => delivered([...before, ...after]), 30_000);
  // And it listens again (postgres.js retries its LISTEN on every close of that connection):
  // notifications, not only the sweep, bring the next messages.
  await waitUntil('a LISTEN connection again', async () => {
    const [row] = await database.sql<{ count: number }[]>`
      select count(*)::int as count from pg_stat_activity
      where application_name = 'motcua-worker' and query ilike 'listen %'`;
    return (row?.count ?? 0) > 0;
  });
  for (const email of [...before, ...after]) {
    // At least once; more than once only for a message the crash caught between SMTP and COMMIT.
    expect(smtp.messagesTo(email.to).length).toBeGreaterThan(0);
    expect(smtp.messagesTo(email.to).length).toBeLessThanOrEqual(2);
  }
  await expect(worker.stop()).resolves.toBeUndefined();
  worker = undefined;
}, 90_000);
