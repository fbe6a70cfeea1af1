import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../test/smtp-server.ts';
import { createMailer } from './mailer.ts';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('createMailer over SMTP', () => {
  it('delivers a Vietnamese message that arrives decoded, to the envelope recipient', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Motcua <no-reply@motcua.local>' });
    expect(mailer.transport).toBe('smtp');
    const link = 'http://hue.motcua.test/reset-password?token=abc.def';
    await mailer.send({
      to: 'Nguyen.Van.A@Example.vn',
      subject: 'Đặt lại mật khẩu',
      text: `Xin chào Nguyễn Văn Ân,\n${link}\n`,
    });
    // send() resolves only after the server accepted, so the message is already here.
    const [mail] = smtp.messagesTo('nguyen.van.a@example.vn');
    expect(mail?.subject).toBe('Đặt lại mật khẩu');
    expect(mail?.text).toContain('Xin chào Nguyễn Văn Ân,');
    expect(mail?.text).toContain(link);
    expect(mail?.from).toBe('no-reply@motcua.local');
    expect(await smtp.waitFor('nguyen.van.a@example.vn')).toBe(mail);
  });

  it('hands each waiter its own message, including one that arrives after the wait began', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'no-reply@motcua.local' });
    await mailer.send({ to: 'twice@example.vn', subject: 'one', text: 'first' });
    expect((await smtp.waitFor('twice@example.vn')).subject).toBe('one');
    const pending = smtp.waitFor('twice@example.vn');
    await mailer.send({ to: 'twice@example.vn', subject: 'two', text: 'second' });
    expect((await pending).subject).toBe('two');
  });

  it('names the address when no message arrives', async () => {
    await expect(smtp.waitFor('nobody@example.vn', { timeoutMs: 50 })).rejects.toThrow('nobody@example.vn');
  });

  it('rejects when the server hangs up, instead of reporting a send', async () => {
    // A listener that drops every connection: a broken relay, on a port nobody else can take.
    const broken = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const { port } = broken.address() as AddressInfo;
    try {
      const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'no-reply@motcua.local' });
      await expect(mailer.send({ to: 'a@example.vn', subject: 's', text: 't' })).rejects.toThrow();
    } finally {
      await new Promise((resolve) => broken.close(resolve));
    }
  });

  it('reports a message the server accepted as sent, though the server drops the connection right after', async () => {
    const dropping = await startSmtpServer({ dropAfterAccept: true });
    try {
      const mailer = createMailer({ smtpUrl: dropping.url, from: 'no-reply@motcua.local' });
      for (const subject of ['one', 'two', 'three']) {
        await mailer.send({ to: 'dropped@example.vn', subject, text: subject });
      }
      expect(dropping.messagesTo('dropped@example.vn').map((m) => m.subject)).toEqual([
        'one',
        'two',
        'three',
      ]);
    } finally {
      await dropping.close();
    }
  });

  it('opens one connection per message even when the URL asks for a pool', async () => {
    // A pool sends a message again on its own when its connection drops, behind the caller.
    const counted = await startSmtpServer();
    try {
      const mailer = createMailer({ smtpUrl: `${counted.url}/?pool=true`, from: 'no-reply@motcua.local' });
      for (const subject of ['a', 'b', 'c'])
        await mailer.send({ to: 'p@example.vn', subject, text: subject });
      expect(counted.messagesTo('p@example.vn')).toHaveLength(3);
      expect(counted.connections()).toBe(3);
    } finally {
      await counted.close();
    }
  });

  it('rejects with the SMTP code when the server refuses the recipient', async () => {
    const refusing = await startSmtpServer({
      refuseRecipient: (address) =>
        address === 'gone@example.vn' ? { code: 550, message: 'No such user' } : undefined,
    });
    try {
      const mailer = createMailer({ smtpUrl: refusing.url, from: 'no-reply@motcua.local' });
      await expect(mailer.send({ to: 'gone@example.vn', subject: 's', text: 't' })).rejects.toMatchObject({
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
      });
    } finally {
      await refusing.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => createMailer({ smtpUrl: 'http://127.0.0.1:25', from: 'x@motcua.local' })).toThrow(/smtp/);
  });
});

describe('createMailer without an SMTP URL', () => {
  it('writes the whole message to the log instead of sending it', async () => {
    const lines: string[] = [];
    const mailer = createMailer({ from: 'Motcua <no-reply@motcua.local>', log: (line) => lines.push(line) });
    expect(mailer.transport).toBe('log');
    const before = smtp.messages.length;
    await mailer.send({ to: 'local@example.vn', subject: 'Chào', text: 'nội dung' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('To: local@example.vn');
    expect(lines[0]).toContain('Subject: Chào');
    expect(lines[0]).toContain('nội dung');
    expect(smtp.messages).toHaveLength(before);
  });
});
