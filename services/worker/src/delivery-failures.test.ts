import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedSmtpUrl,
  insertEmails,
  readOutbox,
  recordingLogger,
  type TestEmail,
  uniqueEmail,
} from '../test/fixtures.ts';
import { deliverTenantOutbox } from './deliver-outbox.ts';

const { database } = useIsolatedTestDatabase(4);
const from = 'Motcua <no-reply@motcua.vn>';
const day = 24 * 3_600_000;

// Refuses for good whoever is in `gone`; answers "try later" to the first attempt for each
// address in `busy` (greylisting, a full mailbox), then accepts it.
const gone = new Set<string>();
const busy = new Set<string>();
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({
    refuseRecipient(address) {
      if (gone.has(address)) return { code: 550, message: `5.1.1 <${address}>: no such user` };
      if (busy.delete(address)) return { code: 450, message: `4.2.1 <${address}>: try again later` };
      return undefined;
    },
  });
});
afterAll(() => smtp.close());

const mailer = () => createMailer({ smtpUrl: smtp.url, from });

describe('a message the server refuses', () => {
  it('for good (550) is given up at once with the reason, logged without the address, and the rest goes on', async () => {
    const slug = await createTestTenant(database);
    const refused = uniqueEmail('refused');
    const fine = uniqueEmail('fine');
    gone.add(refused.to);
    await insertEmails(database, slug, [refused, fine]);
    const { logger, lines, parsed } = recordingLogger();

    const counts = await deliverTenantOutbox({ database, mailer: mailer(), slug, logger });
    expect(counts).toMatchObject({ claimed: 2, sent: 1, failed: 0, givenUp: 1, serverDown: null });
    expect(smtp.messagesTo(fine.to)).toHaveLength(1);
    const [row] = await readOutbox(database, slug);
    expect(row).toMatchObject({
      sentAt: null,
      attempts: 1,
      givenUpReason: 'rejected',
      lastError: 'Error:EENVELOPE:550',
    });
    expect(row?.givenUpAt).toBeInstanceOf(Date);
    expect(parsed()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'email undeliverable',
        tenant: slug,
        outboxId: row?.id,
        reason: 'rejected',
        smtpCode: 550,
      }),
    );
    expect(lines.join('\n')).not.toContain(refused.to);

    // Never tried again, whatever the time.
    const later = await deliverTenantOutbox({
      database,
      mailer: mailer(),
      slug,
      now: new Date(Date.now() + 7 * day),
    });
    expect(later.claimed).toBe(0);
  });

  it('for now (450) is retried on its own, and holds back that person’s later messages until it goes', async () => {
    const slug = await createTestTenant(database);
    const first: TestEmail = uniqueEmail('busy');
    const second: TestEmail = { ...uniqueEmail('busy2'), to: first.to };
    const third: TestEmail = { ...uniqueEmail('busy3'), to: first.to };
    const someoneElse = uniqueEmail('other');
    busy.add(first.to);
    await insertEmails(database, slug, [first, second, someoneElse, third]);
    const { logger, lines, parsed } = recordingLogger();

    const counts = await deliverTenantOutbox({ database, mailer: mailer(), slug, logger });
    expect(counts).toMatchObject({ claimed: 4, sent: 1, failed: 1, givenUp: 0 });
    expect(smtp.messagesTo(first.to)).toEqual([]);
    expect(smtp.messagesTo(someoneElse.to)).toHaveLength(1);
    expect(parsed()).toContainEqual(
      expect.objectContaining({ level: 'warn', tenant: slug, smtpCode: 450, retryInSeconds: 30 }),
    );
    expect(lines.join('\n')).not.toContain(first.to);

    // Before the retry time: the later messages do not overtake the first.
    expect((await deliverTenantOutbox({ database, mailer: mailer(), slug })).claimed).toBe(0);
    const retryAt = new Date(Date.now() + 60_000);
    expect(await deliverTenantOutbox({ database, mailer: mailer(), slug, now: retryAt })).toMatchObject({
      claimed: 3,
      sent: 3,
    });
    expect(smtp.messagesTo(first.to).map((m) => m.subject)).toEqual(
      [first, second, third].map((e) => `Hồ sơ ${e.code} đã được tiếp nhận`),
    );
  });

  it('again and again for three days is given up as expired, with a log line', async () => {
    const slug = await createTestTenant(database);
    const email = uniqueEmail('stuck');
    await insertEmails(database, slug, [
      { ...email, payload: { template: 'dossier.received', to: email.to } }, // refused by the templates
    ]);
    const { logger, parsed } = recordingLogger();
    const early = await deliverTenantOutbox({ database, mailer: mailer(), slug, logger });
    expect(early).toMatchObject({ failed: 1, givenUp: 0 });
    const late = await deliverTenantOutbox({
      database,
      mailer: mailer(),
      slug,
      logger,
      now: new Date(Date.now() + 3 * day + 60_000),
    });
    expect(late).toMatchObject({ claimed: 1, failed: 0, givenUp: 1 });
    const [row] = await readOutbox(database, slug);
    expect(row).toMatchObject({ givenUpReason: 'expired', attempts: 2 });
    expect(parsed().at(-1)).toMatchObject({
      msg: 'email undeliverable',
      reason: 'expired',
      outboxId: row?.id,
    });
  });

  it('because the server is away for three days gives up the batch as expired, not only the message tried', async () => {
    const slug = await createTestTenant(database);
    await insertEmails(database, slug, [uniqueEmail('away1'), uniqueEmail('away2')]);
    const down = createMailer({ smtpUrl: await closedSmtpUrl(), from });
    const counts = await deliverTenantOutbox({
      database,
      mailer: down,
      slug,
      now: new Date(Date.now() + 3 * day + 60_000),
    });
    expect(counts).toMatchObject({ claimed: 2, givenUp: 2 });
    expect((await readOutbox(database, slug)).map((r) => r.givenUpReason)).toEqual(['expired', 'expired']);
  });
});
