// Tenant audit rows, written inside the unit of work of the change they record so that the
// change and its record commit or fail together.
import type { TenantDb } from '@motcua/db';
import { auditLog } from '@motcua/db/tenant';
import { type Actor, actorRef } from './permissions.ts';

export interface AuditEntry {
  /** Who acted; a plain string for non-people such as `system`. */
  actor: Actor | string;
  /** Dotted, past tense: `api_key.created`. */
  action: string;
  /** What it was done to, usually an id. */
  subject?: string | null;
  requestId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export const redacted = '[redacted]';

// The log is append-only and hash-chained, so a secret written to it can never be removed.
// Values under these names, and strings that look like our own credentials, are masked.
const secretWords =
  /password|passwd|passphrase|secret|token|credential|cookie|authorization|api_?key|private_?key/;
const secretSegments = new Set(['pass', 'pwd', 'pin', 'otp', 'totp']);

function isSecretKey(key: string): boolean {
  // `newPassword`, `new_password` and `NEW-PASSWORD` alike; whole segments for the short words
  // so that `passport` or `footprint` stay readable.
  const segments = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return secretWords.test(segments.join('_')) || segments.some((segment) => secretSegments.has(segment));
}
const credentialValue =
  /mc_(live|test)_[a-z2-7]{8}_[a-z2-7]{32}|[a-z2-7]{24}\.[a-z2-7]{32}|\$argon2(id|i|d)\$/;

function mask(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return credentialValue.test(value) ? redacted : value;
  if (value === null || typeof value !== 'object') return value;
  // Deeper than anything an audit detail needs; refuse rather than walk a cycle.
  if (depth > 8) throw new TypeError('Audit details are nested too deeply.');
  if (Array.isArray(value)) return value.map((item) => mask(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, isSecretKey(key) ? redacted : mask(item, depth + 1)]),
  );
}

/** Details as they will be stored: secrets masked. */
export function maskAuditDetails(details: Record<string, unknown>): Record<string, unknown> {
  return mask(details) as Record<string, unknown>;
}

export async function recordAudit(db: TenantDb, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: typeof entry.actor === 'string' ? entry.actor : actorRef(entry.actor),
    action: entry.action,
    subject: entry.subject ?? null,
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ? maskAuditDetails(entry.details) : null,
  });
}
