// What a failed send leaves in the outbox row and the log: the error's class and codes only.
// The message text of an SMTP error often quotes the recipient ("550 <an@example.vn>: no such
// user"), and the outbox must not become a second store of personal data.

const safeToken = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;

/** `name[:code][:smtpResponseCode]`, e.g. `Error:ECONNECTION` or `Error:EENVELOPE:550`. */
export function describeSendFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'UnknownError';
  const parts = [safeToken.test(error.name) ? error.name : 'Error'];
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (typeof code === 'string' && safeToken.test(code)) parts.push(code);
  if (
    typeof responseCode === 'number' &&
    Number.isInteger(responseCode) &&
    responseCode >= 200 &&
    responseCode < 600
  ) {
    parts.push(String(responseCode));
  }
  return parts.join(':');
}

// nodemailer's codes (and Node's, unwrapped) for a server that could not be reached or would
// not let us in: every message after it would fail the same way, and each try could wait for a
// connection timeout while the batch holds its rows locked.
const unreachableCodes = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EREQUIRETLS',
  'EAUTH',
  'ENOAUTH',
  'EOAUTH2',
  'EPROXY',
  'ECONFIG',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
]);

/** True when the failure is the server's, not the message's: the rest of the batch can wait. */
export function isServerUnreachable(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  // 421: the server is closing the channel (RFC 5321 §4.2.2).
  return (typeof code === 'string' && unreachableCodes.has(code)) || responseCode === 421;
}

/**
 * Whose failure it is, which decides what happens next:
 * - `server`: the server could not be reached or would not talk (connection, TLS, authentication,
 *   421, a protocol error): every message would fail alike, so the worker backs off as a whole
 *   and the rows stay due, to go out at once when the server is back;
 * - `permanent`: the server refused this message for good, a 5xx answer to RCPT TO or DATA (no
 *   such mailbox, message refused): retrying cannot help, the row is given up as rejected;
 * - `message`: anything else about this message (a 4xx answer to RCPT TO or DATA, such as a full
 *   mailbox or greylisting, a payload the templates refuse): it alone is retried later, for a
 *   bounded time.
 */
export type SendFailureKind = 'server' | 'permanent' | 'message';

const messageCommands = new Set(['RCPT TO', 'DATA']);

export function classifySendFailure(error: unknown): SendFailureKind {
  const { code, responseCode, command } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
  };
  if (typeof responseCode === 'number' && typeof command === 'string' && messageCommands.has(command)) {
    if (responseCode >= 500 && responseCode < 600) return 'permanent';
    if (responseCode >= 400 && responseCode < 500 && responseCode !== 421) return 'message';
  }
  if (isServerUnreachable(error)) return 'server';
  // Refused before anything was sent: nodemailer's own checks of the envelope, or the templates
  // (whose errors carry no nodemailer `E…` code).
  if (command === 'API' || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return 'message';
  return 'server';
}

/** The SMTP reply code of a failure, for logs and the operator view; undefined without one. */
export function smtpCodeOf(error: unknown): number | undefined {
  const { responseCode } = (error ?? {}) as { responseCode?: unknown };
  return typeof responseCode === 'number' && Number.isInteger(responseCode) ? responseCode : undefined;
}
