// The periodic sweep also deletes expired rate-limit counters and sign-in throttle rows.
import { withTenant } from '@motcua/db';
import { signInThrottles } from '@motcua/db/tenant';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from './worker.ts';

const { database } = useIsolatedTestDatabase(6);
const running = new Set<RunningWorker>();
afterAll(async () => {
  for (const worker of running) await worker.stop();
});

describe('the sweep', () => {
  it('purges expired limits of the platform and of every tenant it visits, and keeps current ones', async () => {
    const slug = await createTestTenant(database);
    const dayAgo = new Date(Date.now() - 2 * 86_400_000);
    await withTenant(database, slug, (db) =>
      db.insert(signInThrottles).values([
        { key: 'acct:quiet@example.vn', failures: 3, updatedAt: dayAgo },
        { key: 'acct:recent@example.vn', failures: 3, updatedAt: new Date() },
      ]),
    );
    await database.sql`insert into platform.rate_limits (key, window_start, count, expires_at) values
      ('track:x:192.0.2.1', now() - interval '2 minutes', 5, now() - interval '1 minute'),
      ('track:x:192.0.2.2', now(), 5, now() + interval '1 minute')`;

    const worker = await startWorker({
      database,
      mailer: createMailer({ from: 'Motcua <no-reply@motcua.vn>', log: () => {} }),
      sweepIntervalMs: 3_600_000,
      usageIntervalMs: 0,
    });
    running.add(worker);
    await worker.idle();

    const throttles = await withTenant(database, slug, (db) =>
      db.select({ key: signInThrottles.key }).from(signInThrottles),
    );
    expect(throttles.map((r) => r.key)).toEqual(['acct:recent@example.vn']);
    const limits = await database.sql<{ key: string }[]>`select key from platform.rate_limits order by key`;
    expect(limits.map((r) => r.key)).toEqual(['track:x:192.0.2.2']);
  });
});
