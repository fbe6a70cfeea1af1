// Test helpers (imported as `@motcua/mail/testing`, from tests only): a real SMTP server on
// 127.0.0.1 that keeps what it receives, so that tests read the mail a user would get, and that
// can misbehave as real servers do: refuse recipients, hold a reply, drop the connection after
// accepting, go away and come back on the same port.
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
  /** The Message-ID header, `<…@…>`. */
  messageId: string;
}

/** An SMTP reply: a code and its text, e.g. 550 "No such user". */
export interface SmtpReply {
  code: number;
  message: string;
}

export interface TestSmtpServerOptions {
  /** The reply to RCPT TO for this address (lower case), or undefined to accept it. */
  refuseRecipient?: (address: string) => SmtpReply | undefined;
  /**
   * Awaited once a message has been received and kept, before the 250 that accepts it: a test
   * can hold the reply here (the server has the message, the client does not know yet).
   */
  beforeAccept?: (mail: ReceivedMail) => Promise<void> | void;
  /** Drops the connection right after the 250 that accepts a message, as some relays do. */
  dropAfterAccept?: boolean;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for {@link createMailer}'s `smtpUrl`. */
  url: string;
  /** Every message received so far, in order. */
  messages: ReceivedMail[];
  /** How many SMTP connections clients have opened so far. */
  connections(): number;
  /**
   * The next message to `to` that no earlier call returned, waiting for it when it has not
   * arrived yet; rejects after `timeoutMs` so that a missing message fails the test by name.
   */
  waitFor(to: string, options?: { timeoutMs?: number }): Promise<ReceivedMail>;
  /** The messages to `to` received so far. */
  messagesTo(to: string): ReceivedMail[];
  /** Stops accepting connections (they are refused) and cuts the open ones: an outage. */
  goDown(): Promise<void>;
  /** Listens again on the same port after {@link goDown}. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

interface Waiter {
  to: string;
  resolve(mail: ReceivedMail): void;
}

export async function startSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const claimed = new Set<ReceivedMail>();
  const waiters: Waiter[] = [];
  let connections = 0;

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

  const server: SMTPServer = new SMTPServer({
    // No TLS and no authentication: the client connects in plain text on loopback, as a local
    // relay would accept it; STARTTLS would need a certificate nodemailer trusts.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 200,
    disableReverseLookup: true,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const reply = options.refuseRecipient?.(address.address.toLowerCase());
      if (!reply) return callback();
      callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Parsed before the reply, so that once the client's send resolves the message is here.
        simpleParser(raw)
          .then(async (parsed) => {
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              raw,
              messageId: parsed.messageId ?? '',
            };
            deliver(mail);
            await options.beforeAccept?.(mail);
            callback();
            if (options.dropAfterAccept) {
              // The 250 is on the wire (written synchronously); then the connection goes.
              const connection = [...server.connections].find((c) => c.id === session.id);
              setImmediate(() => connection?._socket.destroy());
            }
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  let down = false;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    connections: () => connections,
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
    async goDown() {
      if (down) return;
      down = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      for (const connection of server.connections) connection._socket.destroy();
      await closed;
    },
    async comeBack() {
      if (!down) return;
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(port, '127.0.0.1', () => {
          server.server.off('error', reject);
          resolve();
        });
      });
      down = false;
    },
    close: () => (down ? Promise.resolve() : new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
