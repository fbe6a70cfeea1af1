// Outgoing email. With an SMTP URL it sends through nodemailer; without one it writes each
// message to the `log` callback instead of sending, so that a local `npm start` works with no
// mail server (read reset links from the log there). Production must set SMTP_URL: the log
// would otherwise hold every link a message carries.
import { createTransport } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** `<…@…>`: a redelivery of the same outbox row carries the same id, so mail clients can tell. */
  messageId?: string;
}

export interface Mailer {
  /**
   * Resolves once the SMTP server has accepted the message (its 250 to the data), or the log has
   * it; what happens to the connection afterwards does not change the outcome.
   */
  send(message: MailMessage): Promise<void>;
  /** `smtp` when messages leave the process, `log` when they are only written to the log. */
  readonly transport: 'smtp' | 'log';
}

export interface MailerOptions {
  /** `smtp://` or `smtps://`, with credentials in the URL when the server needs them. */
  smtpUrl?: string;
  /** The From header, e.g. `Motcua <no-reply@motcua.local>`. */
  from: string;
  /** Where messages go when there is no `smtpUrl`; the whole message as one readable string. */
  log?: (message: string) => void;
}

// nodemailer's defaults (2 min to connect, 10 min idle) would let one unreachable server hold
// a request's background work, and so shutdown, for minutes.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function formatForLog(from: string, message: MailMessage): string {
  return [`From: ${from}`, `To: ${message.to}`, `Subject: ${message.subject}`, '', message.text].join('\n');
}

export function createMailer({ smtpUrl, from, log = console.log }: MailerOptions): Mailer {
  if (!smtpUrl) {
    return {
      transport: 'log',
      send: async (message) => log(formatForLog(from, message)),
    };
  }
  if (!/^smtps?:\/\//.test(smtpUrl)) throw new TypeError('The SMTP URL must start with smtp:// or smtps://.');
  // One connection per message, whatever the URL asks (`?pool=true`): a pooled transport sends a
  // message again by itself when its connection drops mid-way, behind the outbox's accounting,
  // and holds connections a dropping server has already closed.
  const url = new URL(smtpUrl);
  url.searchParams.delete('pool');
  const transporter = createTransport({ url: url.toString(), ...timeouts, pool: false });
  return {
    transport: 'smtp',
    async send({ to, subject, text, html, messageId }) {
      await transporter.sendMail({
        from,
        to,
        subject,
        text,
        ...(html === undefined ? {} : { html }),
        ...(messageId === undefined ? {} : { messageId }),
      });
    },
  };
}
