import {
  acceptInvitation,
  confirmPasswordReset,
  inviteStaff,
  requestPasswordReset,
  resendInvitation,
} from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, outbox } from '@motcua/db/tenant';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox, recordingLogger, waitUntil } from '../test/fixtures.ts';
import { deliverTenantOutbox } from './deliver-outbox.ts';
import { startWorker } from './worker.ts';

const { database } = useIsolatedTestDatabase(6);
const from = 'Motcua <no-reply@motcua.vn>';
const admin = { kind: 'staff', id: 'usr_admin', role: 'admin' } as const;
const site = { linkBase: 'https://hue.motcua.vn', siteName: 'UBND tỉnh Huế' };
const password = 'Cầu-Trường-Tiền-2026';
const linkIn = (text: string, path: string) =>
  new RegExp(`https://hue\\.motcua\\.vn${path}\\?token=([a-z2-7]{24}\\.[a-z2-7]{32})`).exec(text)?.[1] ?? '';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

async function citizenWithEmail(slug: TenantSlug, email: string) {
  await withTenant(database, slug, (db) =>
    db.insert(citizens).values({ id: newId('usr'), email, fullName: 'Trần Thị Bình' }),
  );
}

describe('emails that carry a one-time link', () => {
  it('go out with a working link whose secret the outbox never held', async () => {
    const slug = await createTestTenant(database);
    await inviteStaff(
      { database, slug, actor: admin },
      { email: 'an@hue.gov.vn', fullName: 'An', role: 'clerk' },
      site,
    );
    await deliverTenantOutbox({ database, slug, mailer: createMailer({ smtpUrl: smtp.url, from }) });
    const mail = await smtp.waitFor('an@hue.gov.vn');
    expect(mail.subject).toBe('Lời mời tham gia / Invitation – UBND tỉnh Huế');
    const token = linkIn(mail.text, '/accept-invitation');
    expect(JSON.stringify(await readOutbox(database, slug))).not.toContain(token.split('.')[1]);
    await acceptInvitation({ database, slug }, { token, password });
  });

  it('sent again after a crash carry a new link under a new Message-ID, the older link dead', async () => {
    const slug = await createTestTenant(database);
    await inviteStaff(
      { database, slug, actor: admin },
      { email: 'bao@hue.gov.vn', fullName: 'Bảo', role: 'clerk' },
      site,
    );
    const mailer = createMailer({ smtpUrl: smtp.url, from });
    await deliverTenantOutbox({ database, slug, mailer });
    // As if the worker died between the server's 250 and its record.
    await withTenant(database, slug, (db) => db.update(outbox).set({ sentAt: null }));
    await deliverTenantOutbox({ database, slug, mailer });
    const [first, second] = [await smtp.waitFor('bao@hue.gov.vn'), await smtp.waitFor('bao@hue.gov.vn')];
    expect(second.messageId).not.toBe(first.messageId);
    const stale = linkIn(first.text, '/accept-invitation');
    await expect(acceptInvitation({ database, slug }, { token: stale, password })).rejects.toThrow();
    await acceptInvitation(
      { database, slug },
      { token: linkIn(second.text, '/accept-invitation'), password },
    );
  });

  it('resent by an admin: the new link works, the one already delivered does not', async () => {
    const slug = await createTestTenant(database);
    const ctx = { database, slug, actor: admin };
    const staff = await inviteStaff(ctx, { email: 'cuc@hue.gov.vn', fullName: 'Cúc', role: 'clerk' }, site);
    const mailer = createMailer({ smtpUrl: smtp.url, from });
    await deliverTenantOutbox({ database, slug, mailer });
    await resendInvitation(ctx, { id: staff.id }, site);
    await deliverTenantOutbox({ database, slug, mailer });
    const [old, fresh] = [await smtp.waitFor('cuc@hue.gov.vn'), await smtp.waitFor('cuc@hue.gov.vn')];
    await expect(
      acceptInvitation({ database, slug }, { token: linkIn(old.text, '/accept-invitation'), password }),
    ).rejects.toMatchObject({ code: 'invalid_or_expired_invitation' });
    await acceptInvitation({ database, slug }, { token: linkIn(fresh.text, '/accept-invitation'), password });
  });

  it('asked for during an SMTP outage (a password reset) are delivered once the server is back', async () => {
    const slug = await createTestTenant(database);
    const email = `binh-${slug}@example.vn`;
    await citizenWithEmail(slug, email);
    const server = await startSmtpServer();
    const { logger, parsed } = recordingLogger();
    const worker = await startWorker({
      database,
      mailer: createMailer({ smtpUrl: server.url, from }),
      logger,
      sweepIntervalMs: 3_600_000,
      serverRetry: { initialDelayMs: 100, maxDelayMs: 400 },
    });
    try {
      await server.goDown();
      const ctx = { database, slug, siteName: site.siteName, origin: site.linkBase, basePath: '' };
      expect(await requestPasswordReset(ctx, { email })).toEqual({ status: 'sent_if_exists' });
      await waitUntil('the worker to find the server away', async () =>
        parsed().some((line) => line.msg === 'SMTP server unreachable; delivery paused'),
      );
      expect(server.messagesTo(email)).toEqual([]);
      await server.comeBack();
      const mail = await server.waitFor(email, { timeoutMs: 10_000 });
      await confirmPasswordReset(ctx, { token: linkIn(mail.text, '/reset-password'), password });
      await worker.idle();
      expect(server.messagesTo(email)).toHaveLength(1);
    } finally {
      await worker.stop();
      await server.close();
    }
  });
});
