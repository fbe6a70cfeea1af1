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
