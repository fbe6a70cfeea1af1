import { type TenantSlug, tenantNames } from '@motcua/db';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverTenantOutbox } from './deliver-outbox.ts';
import { deriveMessageId } from './message-id.ts';
import {
  closedSmtpUrl,
  insertEmails,
  readOutbox,
  recordingMailer,
  type TestEmail,
  uniqueEmail,
} from './test-support.ts';

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
    expect(counts).toEqual({ claimed: 2, sent: 2, failed: 0 });

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
    expect(rows.map((r) => [r.sentAt?.toISOString() ?? null, r.attempts, r.lastError])).toEqual([
      [t0.toISOString(), 1, null],
      [t0.toISOString(), 1, null],
      [null, 0, null],
      [null, 0, null],
    ]);

    // Nothing is due any more at t0: a second pass sends nothing.
    expect(await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0 })).toEqual({
      claimed: 0,
      sent: 0,
      failed: 0,
    });
    expect(smtp.messagesTo(received.to)).toHaveLength(1);
  });

  it('backs off while the SMTP server is down, loses nothing, and delivers once it is back', async () => {
    const slug = await createTestTenant(database);
    const emails = [1, 2, 3].map((i) => ({ ...uniqueEmail(`down${i}`), nextAttemptAt: at(-i) }));
    await insertEmails(database, slug, emails);
    const down = recordingMailer(createMailer({ smtpUrl: await closedSmtpUrl(), from }));

    expect(await deliverTenantOutbox({ database, mailer: down.mailer, slug, now: t0 })).toEqual({
      claimed: 3,
      sent: 0,
      failed: 3,
    });
    let rows = await readOutbox(database, slug);
    for (const row of rows) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.nextAttemptAt.toISOString()).toBe(at(30).toISOString());
      // The kind of failure only: the SMTP error's text would hold the address.
      expect(row.lastError).toMatch(/^Error:(ESOCKET|ECONNECTION)$/);
    }

    // Not due yet 29 s later; due at 30 s, then 2 min after that second failure.
    expect((await deliverTenantOutbox({ database, mailer: down.mailer, slug, now: at(29) })).claimed).toBe(0);
    await deliverTenantOutbox({ database, mailer: down.mailer, slug, now: at(30) });
    rows = await readOutbox(database, slug);
    expect(rows.map((r) => [r.attempts, r.nextAttemptAt.toISOString()])).toEqual(
      rows.map(() => [2, at(150).toISOString()]),
    );

    const up = recordingMailer(goodMailer());
    expect(await deliverTenantOutbox({ database, mailer: up.mailer, slug, now: at(150) })).toEqual({
      claimed: 3,
      sent: 3,
      failed: 0,
    });
    for (const email of emails) expect(smtp.messagesTo(email.to)).toHaveLength(1);
    rows = await readOutbox(database, slug);
    expect(rows.map((r) => [r.sentAt?.toISOString(), r.attempts, r.lastError])).toEqual(
      rows.map(() => [at(150).toISOString(), 3, null]),
    );
  });

  it('stops trying the rest of a batch once the server proves unreachable', async () => {
    const slug = await createTestTenant(database);
    await insertEmails(
      database,
      slug,
      [1, 2, 3, 4].map((i) => ({ ...uniqueEmail(`batch${i}`), nextAttemptAt: at(-i) })),
    );
    let tries = 0;
    const closed = createMailer({ smtpUrl: await closedSmtpUrl(), from });
    const counting = {
      send: (message: Parameters<typeof closed.send>[0]) => {
        tries++;
        return closed.send(message);
      },
    };
    expect(await deliverTenantOutbox({ database, mailer: counting, slug, now: t0 })).toMatchObject({
      failed: 4,
    });
    expect(tries).toBe(1);
    expect((await readOutbox(database, slug)).every((r) => r.attempts === 1 && r.lastError !== null)).toBe(
      true,
    );
  });

  it('fails a payload the templates refuse on its own and sends the rest of the batch', async () => {
    const slug = await createTestTenant(database);
    const bad = { ...uniqueEmail('bad'), nextAttemptAt: at(-2) };
    const good = { ...uniqueEmail('good'), nextAttemptAt: at(-1) };
    await insertEmails(database, slug, [
      { ...bad, payload: { ...bad, template: 'dossier.received', to: 'one@example.vn, two@example.vn' } },
      good,
    ]);
    expect(await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0 })).toEqual({
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
    });
    expect(badRow?.nextAttemptAt.toISOString()).toBe(at(30).toISOString());
  });

  it('claims at most a batch, the longest-waiting first', async () => {
    const slug = await createTestTenant(database);
    const emails = [5, 1, 4, 2, 3].map((minutes) => ({
      ...uniqueEmail(`m${minutes}`),
      nextAttemptAt: at(-60 * minutes),
    }));
    await insertEmails(database, slug, emails);
    expect(
      await deliverTenantOutbox({ database, mailer: goodMailer(), slug, now: t0, batch: 2 }),
    ).toMatchObject({
      claimed: 2,
      sent: 2,
    });
    const sentTo = new Set(
      (await readOutbox(database, slug)).filter((r) => r.sentAt).map((r) => r.payload.to),
    );
    expect(sentTo).toEqual(new Set([emails[0]?.to, emails[2]?.to]));
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
    // A slow mailer holds each batch's locks long enough for the others to run into them.
    const { mailer, sent } = recordingMailer(goodMailer(), { delayMs: 5 });
    const drain = async () => {
      while ((await deliverTenantOutbox({ database, mailer, slug, now: t0, batch: 4 })).claimed > 0) {}
    };
    await Promise.all([drain(), drain(), drain()]);
    expect(sent).toHaveLength(30);
    for (const email of emails) expect(smtp.messagesTo(email.to)).toHaveLength(1);
    expect((await readOutbox(database, slug)).every((r) => r.attempts === 1 && r.sentAt !== null)).toBe(true);
  });
});

describe('a message sent again after a crash', () => {
  it('carries the Message-ID derived from its dedupe key, the same each time', async () => {
    const slug = await createTestTenant(database);
    const email = { ...uniqueEmail('crash'), nextAttemptAt: at(-1) };
    await insertEmails(database, slug, [email]);
    const { schema, role } = tenantNames(slug);
    // The SMTP server accepts, then the unit of work fails before COMMIT. (Killing the backend
    // would be the truer crash, but postgres.js 3.4.9 hangs a reserved connection whose backend
    // dies: porsager/postgres#1199, #1208.) Losing the right to mark the row sent does the same.
    const real = goodMailer();
    const handed: string[] = [];
    const crashing = {
      async send(message: Parameters<typeof real.send>[0] & { messageId: string }) {
        await real.send(message);
        handed.push(message.messageId);
        await superuser.unsafe(`revoke update on ${schema}.outbox from ${role}`);
      },
    };
    const failure = await deliverTenantOutbox({ database, mailer: crashing, slug, now: t0 }).catch(
      (e: unknown) => e,
    );
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe('42501');
    await superuser.unsafe(`grant update on ${schema}.outbox to ${role}`);
    expect((await readOutbox(database, slug))[0]).toMatchObject({ sentAt: null, attempts: 0 });

    // At least once: the next pass sends it again, recognisably the same message.
    const again = recordingMailer(real);
    expect(await deliverTenantOutbox({ database, mailer: again.mailer, slug, now: t0 })).toMatchObject({
      sent: 1,
    });
    expect(smtp.messagesTo(email.to)).toHaveLength(2);
    expect(again.sent[0]?.messageId).toBe(handed[0]);
    expect(handed[0]).toBe(deriveMessageId(slug, email.dedupeKey));

    // The same dedupe key in another tenant is another message.
    const other: TenantSlug = await createTestTenant(database);
    await insertEmails(database, other, [email]);
    const third = recordingMailer(real);
    await deliverTenantOutbox({ database, mailer: third.mailer, slug: other, now: t0 });
    expect(third.sent[0]?.messageId).not.toBe(handed[0]);
  });
});
