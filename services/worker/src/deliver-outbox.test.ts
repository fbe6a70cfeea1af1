import { type TenantSlug, tenantNames } from '@motcua/db';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedSmtpUrl,
  insertEmails,
  readOutbox,
  recordingMailer,
  type TestEmail,
  uniqueEmail,
} from '../test/fixtures.ts';
import { deliverTenantOutbox } from './deliver-outbox.ts';
import { deriveMessageId } from './message-id.ts';

// A private database: no other test file's tenants, so what is read here is this file's.
const { database, superuser } = useIsolatedTestDatabase(8);
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const from = 'Motcua <no-reply@motcua.vn>';
const t0 = new Date('2026-03-02T02:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const goodMailer = () => createMailer({ smtpUrl: smtp.url, from });
const nothing = { claimed: 0, sent: 0, failed: 0, givenUp: 0, serverDown: null };

describe('deliverTenantOutbox', () => {
  it('sends each due email once with its template and marks it sent; leaves the rest alone', async () => {
    const slug = await createTestTenant(database);
    const received: TestEmail = { ...uniqueEmail('received'), nextAttemptAt: at(-60) };
    const refused: TestEmail = {
      ...uniqueEmail('refused'),
      template: 'dossier.refused',
      locale: 'en',
      data: { reason: 'Not within this agency’s competence' },
      nextAttemptAt: at(0),
    };
    const later: TestEmail = { ...uniqueEmail('later'), nextAttemptAt: at(1) };
    const webhook: TestEmail = { ...uniqueEmail('webhook'), kind: 'webhook', nextAttemptAt: at(-60) };
    await insertEmails(database, slug, [received, refused, later, webhook]);

    const counts = await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0 });
    expect(counts).toEqual({ ...nothing, claimed: 2, sent: 2 });

    const [mail] = smtp.messagesTo(received.to);
    expect(mail?.subject).toBe(`Hồ sơ ${received.code} đã được tiếp nhận`);
    expect(mail?.text).toContain('Thủ tục: Đăng ký khai sinh');
    expect(mail?.text).toContain('Ngày hẹn trả kết quả: 09/03/2026');
    // The same row always goes out under the same Message-ID (a resend after a crash is recognisable).
    expect(mail?.raw).toMatch(/^Message-ID: <outbox\.[0-9a-f]{32}@[^>]+>/im);
    const [english] = smtp.messagesTo(refused.to);
    expect(english?.subject).toBe(`Dossier ${refused.code} was not accepted`);
    expect(english?.text).toContain('Reason: Not within this agency’s competence');
    expect(smtp.messagesTo(later.to)).toEqual([]);
    expect(smtp.messagesTo(webhook.to)).toEqual([]);

    const rows = await readOutbox(database, slug);
    expect(
      rows.map((r) => [r.sentAt?.toISOString() ?? null, r.attempts, r.lastError, r.leasedUntil]),
    ).toEqual([
      [t0.toISOString(), 1, null, null],
      [t0.toISOString(), 1, null, null],
      [null, 0, null, null],
      [null, 0, null, null],
    ]);

    // Nothing is due any more at t0: a second pass sends nothing.
    expect(await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0 })).toEqual(nothing);
    expect(smtp.messagesTo(received.to)).toHaveLength(1);
  });

  it('hands the batch back still due when the server cannot be reached, and sends it all once it is back', async () => {
    const slug = await createTestTenant(database);
    const emails = [1, 2, 3].map((i) => ({ ...uniqueEmail(`down${i}`), nextAttemptAt: at(-i) }));
    await insertEmails(database, slug, emails);
    let tries = 0;
    const closed = createMailer({ smtpUrl: await closedSmtpUrl(), from });
    const counting = {
      send: (message: Parameters<typeof closed.send>[0]) => {
        tries++;
        return closed.send(message);
      },
    };

    // One message on the wire at a time, to count the tries.
    const down = await deliverTenantOutbox({ database, mailer: counting, slug, now: t0, sendConcurrency: 1 });
    expect(down).toMatchObject({ claimed: 3, sent: 0, failed: 1, givenUp: 0 });
    expect(down.serverDown).toMatch(/^Error:(ESOCKET|ECONNECTION)$/);
    // One try: every other message would have met the same closed door.
    expect(tries).toBe(1);
    const rows = await readOutbox(database, slug);
    // Not pushed into the future: the backlog is due the moment the server answers again.
    expect(rows.map((r) => [r.attempts, r.nextAttemptAt.getTime() <= t0.getTime(), r.leasedUntil])).toEqual([
      [1, true, null],
      [0, true, null],
      [0, true, null],
    ]);
    expect(rows[0]?.lastError).toBe(down.serverDown);

    const up = recordingMailer(goodMailer());
    expect(await deliverTenantOutbox({ database, mailer: up.mailer, slug, now: at(1) })).toEqual({
      ...nothing,
      claimed: 3,
      sent: 3,
    });
    for (const email of emails) expect(smtp.messagesTo(email.to)).toHaveLength(1);
  });

  it('retries a payload the templates refuse on its own and sends the rest of the batch', async () => {
    const slug = await createTestTenant(database);
    const bad = { ...uniqueEmail('bad'), nextAttemptAt: at(-2) };
    const good = { ...uniqueEmail('good'), nextAttemptAt: at(-1) };
    await insertEmails(database, slug, [
      { ...bad, payload: { ...bad, template: 'dossier.received', to: 'one@example.vn, two@example.vn' } },
      good,
    ]);
    expect(await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0 })).toEqual({
      ...nothing,
      claimed: 2,
      sent: 1,
      failed: 1,
    });
    expect(smtp.messagesTo('one@example.vn')).toEqual([]);
    expect(smtp.messagesTo(good.to)).toHaveLength(1);
    const [badRow] = await readOutbox(database, slug);
    expect(badRow).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: 'InvalidEmailPayloadError:invalid_email_payload',
      givenUpAt: null,
    });
    expect(badRow?.nextAttemptAt.toISOString()).toBe(at(30).toISOString());
  });

  it('claims at most a batch, the oldest first', async () => {
    const slug = await createTestTenant(database);
    const emails = [5, 1, 4, 2, 3].map((minutes) => ({
      ...uniqueEmail(`m${minutes}`),
      nextAttemptAt: at(-60 * minutes),
    }));
    await insertEmails(database, slug, emails);
    expect(
      await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0, batch: 2 }),
    ).toMatchObject({ claimed: 2, sent: 2 });
    const sentTo = (await readOutbox(database, slug)).filter((r) => r.sentAt).map((r) => r.payload.to);
    expect(sentTo).toEqual([emails[0]?.to, emails[1]?.to]);
  });

  it('never touches another tenant’s rows', async () => {
    const a = await createTestTenant(database);
    const b = await createTestTenant(database);
    const mine = { ...uniqueEmail('mine'), nextAttemptAt: at(-1) };
    const theirs = { ...uniqueEmail('theirs'), nextAttemptAt: at(-1) };
    await insertEmails(database, a, [mine]);
    await insertEmails(database, b, [theirs]);
    const before = await readOutbox(database, b);
    expect(await deliverTenantOutbox({ database, mailer: goodMailer(), slug: a, now: t0 })).toMatchObject({
      sent: 1,
    });
    expect(await readOutbox(database, b)).toEqual(before);
    expect(smtp.messagesTo(theirs.to)).toEqual([]);
  });

  it('lets concurrent deliveries send every row exactly once', async () => {
    const slug = await createTestTenant(database);
    const emails = Array.from({ length: 30 }, (_, i) => ({
      ...uniqueEmail(`race${i}`),
      nextAttemptAt: at(-i),
    }));
    await insertEmails(database, slug, emails);
    // A slow mailer keeps each batch leased long enough for the others to run into it.
    const { mailer, sent } = recordingMailer(goodMailer(), { delayMs: 5 });
    const drain = async () => {
      while ((await deliverTenantOutbox({ database, mailer, slug, now: t0, batch: 4 })).claimed > 0) {}
    };
    await Promise.all([drain(), drain(), drain()]);
    expect(sent).toHaveLength(30);
    for (const email of emails) expect(smtp.messagesTo(email.to)).toHaveLength(1);
    expect((await readOutbox(database, slug)).every((r) => r.attempts === 1 && r.sentAt !== null)).toBe(true);
  });

  it('leaves rows another worker has leased until the lease runs out', async () => {
    const slug = await createTestTenant(database);
    const email = { ...uniqueEmail('leased'), nextAttemptAt: at(-1) };
    await insertEmails(database, slug, [email]);
    const { schema } = tenantNames(slug);
    await superuser.unsafe(`update ${schema}.outbox set leased_until = $1`, [at(60).toISOString()]);
    expect(await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0 })).toEqual(nothing);
    expect((await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: at(60) })).sent).toBe(1);
  });
});

describe('the SMTP server’s acceptance', () => {
  it('is recorded the moment it comes, so a failure later in the batch re-sends nothing', async () => {
    const slug = await createTestTenant(database);
    const emails = [1, 2, 3].map((i) => ({ ...uniqueEmail(`early${i}`), nextAttemptAt: at(-10 + i) }));
    await insertEmails(database, slug, emails);
    const { schema, role } = tenantNames(slug);
    // The SMTP server accepts the second message, then the database refuses any bookkeeping:
    // what a worker dying there, or losing its connection, leaves behind.
    const real = goodMailer();
    let handed = 0;
    const failing = {
      async send(message: Parameters<typeof real.send>[0] & { messageId: string }) {
        await real.send(message);
        handed += 1;
        if (handed === 2) await superuser.unsafe(`revoke update on ${schema}.outbox from ${role}`);
      },
    };
    const failure = await deliverTenantOutbox({
      database,
      mailer: failing,
      slug,
      now: t0,
      sendConcurrency: 1,
    }).catch((e: unknown) => e);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe('42501');
    await superuser.unsafe(`grant update on ${schema}.outbox to ${role}`);
    const rows = await readOutbox(database, slug);
    // The first acceptance was recorded before the second message was even handed over.
    expect(rows.map((r) => r.sentAt !== null)).toEqual([true, false, false]);

    // Once the lease runs out the rest goes: the second message again (at least once, the same
    // Message-ID), the third for the first time; the first is not sent twice.
    const again = recordingMailer(real);
    expect(await deliverTenantOutbox({ database, mailer: again.mailer, slug, now: at(3600) })).toMatchObject({
      sent: 2,
    });
    expect(emails.map((e) => smtp.messagesTo(e.to).length)).toEqual([1, 2, 1]);
    const [first, second] = smtp.messagesTo(emails[1]?.to ?? '');
    expect(second?.messageId).toBe(first?.messageId);
    expect(first?.messageId).toBe(deriveMessageId(slug, emails[1]?.dedupeKey ?? ''));

    // The same dedupe key in another tenant is another message.
    const other: TenantSlug = await createTestTenant(database);
    const copy = { ...uniqueEmail('copy'), dedupeKey: emails[1]?.dedupeKey ?? '' };
    await insertEmails(database, other, [copy]);
    const third = recordingMailer(real);
    await deliverTenantOutbox({ database, mailer: third.mailer, slug: other });
    expect(third.sent[0]?.messageId).not.toBe(first?.messageId);
  });

  it('counts for a server that drops the connection right after accepting: each message once', async () => {
    const dropping = await startSmtpServer({ dropAfterAccept: true });
    try {
      const slug = await createTestTenant(database);
      const emails = Array.from({ length: 8 }, (_, i) => ({
        ...uniqueEmail(`drop${i}`),
        nextAttemptAt: at(-i),
      }));
      await insertEmails(database, slug, emails);
      const mailer = createMailer({ smtpUrl: dropping.url, from });
      expect(await deliverTenantOutbox({ database, mailer, slug, now: t0 })).toEqual({
        ...nothing,
        claimed: 8,
        sent: 8,
      });
      expect(await deliverTenantOutbox({ database, mailer, slug, now: at(3600) })).toEqual(nothing);
      for (const email of emails) expect(dropping.messagesTo(email.to)).toHaveLength(1);
      expect((await readOutbox(database, slug)).every((r) => r.attempts === 1 && r.sentAt !== null)).toBe(
        true,
      );
    } finally {
      await dropping.close();
    }
  });
});
