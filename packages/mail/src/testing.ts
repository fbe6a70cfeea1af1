// Test helpers (imported as `@motcua/mail/testing`, from tests only): a real SMTP server on
// 127.0.0.1 that keeps what it receives, so that tests read the mail a user would get.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower case: where the server was asked to deliver. */
  to: string[];
  from: string;
  subject: string;
  /** The plain-text body, decoded. */
  text: string;
  /** The message exactly as it came over the wire. */
  raw: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for {@link createMailer}'s `smtpUrl`. */
  url: string;
  /** Every message received so far, in order. */
  messages: ReceivedMail[];
  /**
   * The next message to `to` that no earlier call returned, waiting for it when it has not
   * arrived yet; rejects after `timeoutMs` so that a missing message fails the test by name.
   */
  waitFor(to: string, options?: { timeoutMs?: number }): Promise<ReceivedMail>;
  /** The messages to `to` received so far. */
  messagesTo(to: string): ReceivedMail[];
  close(): Promise<void>;
}

interface Waiter {
  to: string;
  resolve(mail: ReceivedMail): void;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const claimed = new Set<ReceivedMail>();
  const waiters: Waiter[] = [];

  const deliver = (mail: ReceivedMail) => {
    messages.push(mail);
    const index = waiters.findIndex((w) => mail.to.includes(w.to));
    const waiter = waiters[index];
    if (waiter) {
      waiters.splice(index, 1);
      claimed.add(mail);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    // No TLS and no authentication: the client connects in plain text on loopback, as a local
    // relay would accept it; STARTTLS would need a certificate nodemailer trusts.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Parsed before the reply, so that once the client's send resolves the message is here.
        simpleParser(raw).then(
          (parsed) => {
            deliver({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              raw,
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messagesTo: (to) => messages.filter((m) => m.to.includes(to.toLowerCase())),
    waitFor(to, { timeoutMs = 5_000 } = {}) {
      const address = to.toLowerCase();
      const ready = messages.find((m) => !claimed.has(m) && m.to.includes(address));
      if (ready) {
        claimed.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter: Waiter = {
          to: address,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No mail to ${to} arrived within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
