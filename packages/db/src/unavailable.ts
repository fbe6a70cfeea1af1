// Whether an error means the database cannot be reached right now (down, restarting, in crash
// recovery, out of connections, or the session died under the query), as opposed to a
// problem with the request or the code. Callers answer these with 503 and a Retry-After.

// postgres.js's own codes, and the socket's.
const clientCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATE: administrator or crash shutdown, starting up / in recovery, too many connections,
// a session ended for idling in its transaction or running past its transaction timeout.
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300', '25P03', '25P04']);

export function isDatabaseUnavailable(error: unknown): boolean {
  // drizzle wraps the driver's error as `cause`; look a few levels down.
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (clientCodes.has(code) || serverCodes.has(code) || code.startsWith('08'))
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
