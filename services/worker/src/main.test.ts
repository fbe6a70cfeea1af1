import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestTenant, useIsolatedTestDatabase } from '@motcua/db/testing';
import { startSmtpServer } from '@motcua/mail/testing';
import { describe, expect, it } from 'vitest';
import { insertEmails, readOutbox, uniqueEmail, urlOfDatabase, waitUntil } from './test-support.ts';

const { database } = useIsolatedTestDatabase(4);
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

  it('refuses to start on a bad configuration, naming the variable', async () => {
    const worker = run({ DATABASE_URL: 'mysql://nope' });
    expect(await worker.exit).toBe(1);
    expect(worker.output()).toContain('DATABASE_URL: a postgres:// connection URL');
  });
});
