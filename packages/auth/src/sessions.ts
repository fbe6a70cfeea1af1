// The session design every realm shares (lucia-auth.com's): a token `<id>.<secret>`, only
// SHA-256(secret) stored, looked up by id and compared in constant time, and an inactivity
// timeout whose stored clock is refreshed at most once per window so that a busy session
// does not write on every request. Tenant and operator sessions build on these rules.
import { base32Pattern, constantTimeEqual, generateId, generateSecret, hashSecret } from './tokens.ts';

export const sessionKinds = ['citizen', 'staff', 'operator'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export interface SessionPolicy {
  /** A session unused for this long is over. */
  idleTimeoutMs: number;
  /** How stale the stored `lastVerifiedAt` may get before a validation writes it again. */
  refreshAfterMs: number;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

// The refresh window bounds how much idle time a session can lose (at most one window), so
// the short staff and operator timeouts refresh more often than the citizens' month.
export const sessionPolicies: Readonly<Record<SessionKind, SessionPolicy>> = {
  citizen: { idleTimeoutMs: 30 * day, refreshAfterMs: hour },
  staff: { idleTimeoutMs: 8 * hour, refreshAfterMs: 5 * minute },
  operator: { idleTimeoutMs: 2 * hour, refreshAfterMs: 5 * minute },
};

export interface SessionToken {
  id: string;
  secret: string;
}

const idLength = 24;
const secretLength = 32;

/** Syntax only, so that garbage never costs a database round trip. */
export function parseSessionToken(token: unknown): SessionToken | null {
  if (typeof token !== 'string' || token.length !== idLength + 1 + secretLength) return null;
  const id = token.slice(0, idLength);
  const secret = token.slice(idLength + 1);
  if (token[idLength] !== '.' || !base32Pattern.test(id) || !base32Pattern.test(secret)) return null;
  return { id, secret };
}

export interface NewSessionCredentials {
  id: string;
  /** What the client keeps (the cookie value); never stored. */
  token: string;
  secretHash: Uint8Array;
}

export function newSessionCredentials(): NewSessionCredentials {
  const id = generateId();
  const secret = generateSecret();
  return { id, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function secretMatches(storedHash: Uint8Array, secret: string): boolean {
  return constantTimeEqual(storedHash, hashSecret(secret));
}

export function isSessionExpired(lastVerifiedAt: Date, policy: SessionPolicy, now: Date): boolean {
  return now.getTime() - lastVerifiedAt.getTime() >= policy.idleTimeoutMs;
}

export function needsRefresh(lastVerifiedAt: Date, policy: SessionPolicy, now: Date): boolean {
  return now.getTime() - lastVerifiedAt.getTime() >= policy.refreshAfterMs;
}

/** The latest `lastVerifiedAt` that still needs a refresh at `now`: the guard of the refresh write. */
export function refreshCutoff(policy: SessionPolicy, now: Date): Date {
  return new Date(now.getTime() - policy.refreshAfterMs);
}

export function sessionExpiresAt(lastVerifiedAt: Date, policy: SessionPolicy): Date {
  return new Date(lastVerifiedAt.getTime() + policy.idleTimeoutMs);
}
