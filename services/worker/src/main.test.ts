import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tenantNames } from '@motcua/db';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { createMailer } from '@motcua/mail';
import { startSmtpServer } from '@motcua/mail/testing';
import { describe, expect, it } from 'vitest';
import { insertEmails, readOutbox, uniqueEmail, urlOfDatabase, waitUntil } from '../test/fixtures.ts';
import { defaultSendConcurrency, deliverTenantOutbox } from './deliver-outbox.ts';

const { database, superuser } = useIsolatedTestDatabase(4);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

describe('main', () => {
  it('delivers as a process and stops cleanly on SIGTERM', async () => {
    const slug = await createTestTenant(database);
    const smtp = await startSmtpServer();
    const worker = run({
      DATABASE_URL: await urlOfDatabase(database),
      DATABASE_POOL_MAX: '3',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Sở Xây dựng <mot-cua@sxd.thanhhoa.gov.vn>',
      LOG_LEVEL: 'info',
    });
    try {
      await waitUntil(
        'the worker to start',
        async () => worker.output().includes('"worker started"'),
        20_000,
      );
      const email = uniqueEmail('process');
      await insertEmails(database, slug, [email]);
      const mail = await smtp.waitFor(email.to, { timeoutMs: 5_000 });
      expect(mail.from).toBe('mot-cua@sxd.thanhhoa.gov.vn');
      worker.child.kill('SIGTERM');
      expect(await worker.exit).toBe(0);
      expect((await readOutbox(database, slug))[0]?.sentAt).toBeInstanceOf(Date);
      // The log names tenants and counts, never the recipient.
      expect(worker.output()).toContain('"outbox visited"');
      expect(worker.output()).not.toContain(email.to);
    } finally {
      worker.child.kill('SIGKILL');
      await smtp.close();
    }
  });

  it('killed in the middle of a batch, re-sends only the messages that were on the wire', async () => {
    const slug = await createTestTenant(database);
    // The server keeps the tenth message and holds its 250 while the worker is killed.
    let releaseTenth = () => {};
    const tenthHeld = new Promise<void>((resolve) => {
      releaseTenth = resolve;
    });
    let received = 0;
    const smtp = await startSmtpServer({
      beforeAccept: async () => {
        received += 1;
        if (received === 10) await tenthHeld;
      },
    });
    const emails = Array.from({ length: 30 }, (_, i) => uniqueEmail(`killed${i}`));
    await insertEmails(database, slug, emails);
    const worker = run({
      DATABASE_URL: await urlOfDatabase(database),
      DATABASE_POOL_MAX: '3',
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
    });
    try {
      await waitUntil('the tenth message to reach the server', async () => received >= 10, 20_000);
      worker.child.kill('SIGKILL');
      await worker.exit;
      releaseTenth();
      // What the server had when the worker died, against what the worker had recorded: only
      // messages still on the wire (at most one per send in flight) lack their record.
      const accepted = new Set(smtp.messages.flatMap((m) => m.to));
      const recorded = new Set(
        (await readOutbox(database, slug)).filter((r) => r.sentAt !== null).map((r) => String(r.payload.to)),
      );
      expect([...recorded].every((to) => accepted.has(to))).toBe(true);
      const onTheWire = [...accepted].filter((to) => !recorded.has(to));
      expect(onTheWire.length).toBeGreaterThanOrEqual(1);
      expect(onTheWire.length).toBeLessThanOrEqual(defaultSendConcurrency);

      // The dead worker's lease runs out (here: at once), and another worker delivers the rest.
      await superuser.unsafe(`update ${tenantNames(slug).schema}.outbox set leased_until = now()`);
      const mailer = createMailer({ smtpUrl: smtp.url, from: 'Motcua <no-reply@motcua.local>' });
      while ((await deliverTenantOutbox({ database, mailer, slug })).claimed > 0) {}
      // At least once: those on the wire went twice, under the same Message-ID; no other did.
      for (const email of emails) {
        const copies = smtp.messagesTo(email.to);
        expect(copies, email.to).toHaveLength(onTheWire.includes(email.to) ? 2 : 1);
        expect(new Set(copies.map((m) => m.messageId)).size).toBe(1);
      }
      expect((await readOutbox(database, slug)).every((r) => r.sentAt !== null)).toBe(true);
    } finally {
      releaseTenth();
      worker.child.kill('SIGKILL');
      await smtp.close();
    }
  });

  it('refuses to start on a bad configuration, naming the variable', async () => {
    const worker = run({ DATABASE_URL: 'mysql://nope' });
    expect(await worker.exit).toBe(1);
    expect(worker.output()).toContain('DATABASE_URL: a postgres:// connection URL');
  });
});
