// How storage failures are told apart: an absent object, storage that cannot be reached (the
// request may be tried again later), and an object that is no longer what was recorded.

// S3 reports a missing object by name (NoSuchKey) on GET and only by status on HEAD, whose
// response has no body to carry a code. A missing bucket on GET stays an error: that is a
// configuration problem, not an absent object.
export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Storage did not answer (refused, reset, timed out) or answered that it cannot serve now (5xx).
 * Nothing was decided: the same request may succeed once storage is back.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly code = 'storage_unavailable';
  /** What a client is told to wait before trying again. */
  readonly retryAfterSeconds = 10;
  /** Why, for logs and readiness: an error code or an HTTP status, never a URL or a key. */
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super('Document storage cannot be reached just now; try again in a moment.', options);
    this.reason = reason;
  }
}

/**
 * A stored object that differs from what was recorded when it was checked: its size, its SHA-256,
 * its type (read from its bytes by the caller), or it changed while it was being read.
 */
export class ObjectIntegrityError extends Error {
  override name = 'ObjectIntegrityError';
  readonly code = 'object_integrity';

  constructor(readonly mismatch: 'size' | 'sha256' | 'type' | 'changed_while_read' | 'no_etag') {
    super(`The stored object does not match its record (${mismatch}).`);
  }
}

// Node's socket errors that mean "no answer from over there".
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);
// Answers by which S3 says it cannot serve now, whatever their status.
const busyNames = new Set(['SlowDown', 'ServiceUnavailable', 'InternalError', 'RequestTimeout']);

/** Why `error` means storage is away, or undefined when it is any other failure. */
export function unavailableReason(error: unknown): string | undefined {
  const e = error as
    | {
        name?: string;
        code?: string;
        cause?: unknown;
        errors?: unknown[];
        $metadata?: { httpStatusCode?: number };
      }
    | undefined;
  if (!e || typeof e !== 'object') return undefined;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'ETIMEDOUT') return 'timeout';
  if (e.code && networkCodes.has(e.code)) return e.code;
  if (e.name && busyNames.has(e.name)) return e.name;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return `HTTP ${status}`;
  // Connecting to a name with several addresses fails with every attempt's error together.
  for (const inner of e.errors ?? []) {
    const reason = unavailableReason(inner);
    if (reason) return reason;
  }
  return e.cause && e.cause !== error ? unavailableReason(e.cause) : undefined;
}
