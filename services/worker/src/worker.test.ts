import { type TenantSlug, tenantNames } from '@motcua/db';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  insertEmails,
  openSecondPool,
  readOutbox,
  recordingLogger,
  recordingMailer,
  type TestEmail,
  uniqueEmail,
  waitUntil,
} from '../test/fixtures.ts';
import { findDeliverableTenants } from './tenants.ts';
import { type RunningWorker, startWorker } from './worker.ts';

// A private database: the sweep visits every tenant in it, and must meet only this file's.
const { database } = useIsolatedTestDatabase(8);
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const from = 'Motcua <no-reply@motcua.vn>';
// An hour: within a test, only a notification (or the sweep at start) can deliver.
const noSweep = 3_600_000;
const running = new Set<RunningWorker>();
afterAll(async () => {
  for (const worker of running) await worker.stop();
});

async function start(
  options: Omit<Parameters<typeof startWorker>[0], 'database'> & { database?: typeof database },
) {
  const worker = await startWorker({ database, ...options });
  running.add(worker);
  await worker.idle();
  return worker;
}

async function setStatus(slug: TenantSlug, status: string) {
  await database.sql`update platform.tenants set status = ${status} where slug = ${slug}`;
}

describe('startWorker', () => {
  it('stops cleanly when its LISTEN connection is already gone (Ctrl-C also stops a local PostgreSQL)', async () => {
    const worker = await start({
      mailer: createMailer({ smtpUrl: smtp.url, from, log: () => {} }),
      sweepIntervalMs: noSweep,
    });
    const admin = postgres(inject('motcua').superuserUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ name } = { name: '' }] = await database.sql<
        { name: string }[]
      >`select current_database() as name`;
      const killed = await admin`
        select pg_terminate_backend(pid) as done from pg_stat_activity
        where query ilike '%listen%' and datname = ${name} and pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await expect(worker.stop()).resolves.toBeUndefined();
    running.delete(worker);
  });

  it('delivers a committed row within a second through LISTEN, exactly once', async () => {
    const slug = await createTestTenant(database);
    const worker = await start({
      mailer: createMailer({ smtpUrl: smtp.url, from }),
      sweepIntervalMs: noSweep,
    });
    const email: TestEmail = {
      ...uniqueEmail('listen'),
      template: 'dossier.supplement_requested',
      data: { missing: [{ document: 'Giấy chứng sinh', reason: 'Chưa có bản chính' }] },
    };
    await insertEmails(database, slug, [email]);

    const mail = await smtp.waitFor(email.to, { timeoutMs: 1_000 });
    expect(mail.subject).toBe(`Hồ sơ ${email.code} cần bổ sung giấy tờ`);
    expect(mail.text).toContain('1. Giấy chứng sinh (lý do: Chưa có bản chính)');
    expect(mail.text).toContain(`Mã hồ sơ: ${email.code}`);
    await worker.idle();
    await worker.stop();
    expect(smtp.messagesTo(email.to)).toHaveLength(1);
    expect(await readOutbox(database, slug)).toMatchObject([{ attempts: 1, lastError: null }]);
    expect((await readOutbox(database, slug))[0]?.sentAt).toBeInstanceOf(Date);
  });

  it('delivers 50 rows across 3 tenants once each with two workers running at the same time', async () => {
    const tenants = [
      await createTestTenant(database),
      await createTestTenant(database),
      await createTestTenant(database),
    ];
    const second = await openSecondPool(database);
    try {
      const one = recordingMailer(createMailer({ smtpUrl: smtp.url, from }), { delayMs: 2 });
      const two = recordingMailer(createMailer({ smtpUrl: smtp.url, from }), { delayMs: 2 });
      const workers = [
        await start({ mailer: one.mailer, sweepIntervalMs: 200, concurrency: 2, batch: 4 }),
        await start({ database: second, mailer: two.mailer, sweepIntervalMs: 200, concurrency: 2, batch: 4 }),
      ];
      const emails = Array.from({ length: 50 }, (_, i) => ({
        ...uniqueEmail(`many${i}`),
        tenant: tenants[i % 3],
      }));
      // Ten units of work of five rows each, committed while the workers run.
      await Promise.all(
        Array.from({ length: 10 }, (_, chunk) => emails.slice(chunk * 5, chunk * 5 + 5)).map(
          async (group) => {
            for (const email of group) await insertEmails(database, email.tenant as TenantSlug, [email]);
          },
        ),
      );
      await waitUntil('50 messages', async () => one.sent.length + two.sent.length >= 50);
      for (const worker of workers) await worker.idle();
      for (const worker of workers) await worker.stop();

      expect(one.sent.length + two.sent.length).toBe(50);
      for (const email of emails) expect(smtp.messagesTo(email.to), email.to).toHaveLength(1);
      const handed = [...one.sent, ...two.sent].map((m) => m.messageId);
      expect(new Set(handed).size).toBe(50);
      const rows = await Promise.all(tenants.map((tenant) => readOutbox(database, tenant)));
      expect(rows.map((r) => r.length)).toEqual([17, 17, 16]);
      expect(rows.flat().every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('still delivers a suspended tenant’s outbox, and not one still being provisioned', async () => {
    const suspended = await createTestTenant(database);
    const provisioning = await createTestTenant(database);
    await setStatus(suspended, 'suspended');
    await setStatus(provisioning, 'provisioning');
    const worker = await start({
      mailer: createMailer({ smtpUrl: smtp.url, from }),
      sweepIntervalMs: noSweep,
    });
    const owed = uniqueEmail('suspended');
    const early = uniqueEmail('provisioning');
    await insertEmails(database, suspended, [owed]);
    await insertEmails(database, provisioning, [early]);
    await smtp.waitFor(owed.to, { timeoutMs: 1_000 });
    await worker.sweep();
    await worker.idle();
    await worker.stop();
    expect(smtp.messagesTo(early.to)).toEqual([]);
    expect(await readOutbox(database, provisioning)).toMatchObject([{ sentAt: null, attempts: 0 }]);
  });

  it('waits on stop for the batch in flight to be sent and recorded', async () => {
    const slug = await createTestTenant(database);
    const slow = recordingMailer(createMailer({ smtpUrl: smtp.url, from }), { delayMs: 300 });
    let sending = false;
    const watched = {
      send: (message: Parameters<typeof slow.mailer.send>[0]) => {
        sending = true;
        return slow.mailer.send(message);
      },
    };
    const worker = await start({ mailer: watched, sweepIntervalMs: noSweep });
    const email = uniqueEmail('inflight');
    await insertEmails(database, slug, [email]);
    // The notification has queued the tenant and the send has begun: stop now.
    await waitUntil('the send to begin', async () => sending);
    await worker.stop();
    expect(slow.sent).toHaveLength(1);
    expect((await readOutbox(database, slug))[0]?.sentAt).toBeInstanceOf(Date);
  });

  it('gives up waiting on stop after stopTimeoutMs; the unfinished row is still unsent and goes out later', async () => {
    const slug = await createTestTenant(database);
    const stuck = recordingMailer(createMailer({ smtpUrl: smtp.url, from }), { delayMs: 2_000 });
    let sending = false;
    const watched = {
      send: (message: Parameters<typeof stuck.mailer.send>[0]) => {
        sending = true;
        return stuck.mailer.send(message);
      },
    };
    const worker = await start({ mailer: watched, sweepIntervalMs: noSweep, stopTimeoutMs: 200 });
    await insertEmails(database, slug, [uniqueEmail('stuck')]);
    await waitUntil('the send to begin', async () => sending);
    const started = performance.now();
    await worker.stop();
    expect(performance.now() - started).toBeLessThan(1_500);
    expect((await readOutbox(database, slug))[0]?.sentAt).toBeNull();
  });
});

describe('the worker’s log', () => {
  it('says when an email was not delivered, with the tenant, outbox id and SMTP code, never the address', async () => {
    const refusing = await startSmtpServer({
      refuseRecipient: (address) =>
        address.startsWith('log-') ? { code: 550, message: `5.1.1 <${address}>: no such user` } : undefined,
    });
    try {
      const slug = await createTestTenant(database);
      const { logger, lines, parsed } = recordingLogger();
      const worker = await start({
        mailer: createMailer({ smtpUrl: refusing.url, from }),
        sweepIntervalMs: noSweep,
        logger,
      });
      const email = uniqueEmail('log');
      await insertEmails(database, slug, [email]);
      await waitUntil('the failure to be logged', async () =>
        parsed().some((line) => line.msg === 'email undeliverable'),
      );
      await worker.stop();
      const [row] = await readOutbox(database, slug);
      expect(parsed()).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: 'email undeliverable',
          tenant: slug,
          outboxId: row?.id,
          smtpCode: 550,
          reason: 'rejected',
        }),
      );
      expect(lines.join('\n')).not.toContain(email.to);
      expect(lines.join('\n')).not.toContain(email.code);
    } finally {
      await refusing.close();
    }
  });
});

describe('findDeliverableTenants', () => {
  it('lists active, suspended and offboarding tenants whose schema has the outbox', async () => {
    const byStatus: Record<string, TenantSlug> = {};
    for (const status of ['active', 'suspended', 'offboarding', 'provisioning', 'offboarded']) {
      byStatus[status] = await createTestTenant(database);
      await setStatus(byStatus[status] as TenantSlug, status);
    }
    const unmigrated = await createTestTenant(database, { migrations: false });
    const all = Object.values(byStatus).concat(unmigrated);
    const found = await findDeliverableTenants(database, all);
    expect(found).toEqual([byStatus.active, byStatus.suspended, byStatus.offboarding].sort());
    expect(found.every((slug) => tenantNames(slug).schema.startsWith('t_'))).toBe(true);
  });
});
