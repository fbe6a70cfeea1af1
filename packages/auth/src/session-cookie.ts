// Set-Cookie values for session tokens. Tenant and operator realms use different names so
// that the platform host (operator console) and a tenant reached by the `/t/<slug>` path
// fallback on the same host never overwrite each other's session.
import { parseSessionToken } from './sessions.ts';

export const cookieRealms = ['tenant', 'operator'] as const;
export type CookieRealm = (typeof cookieRealms)[number];

const baseNames: Record<CookieRealm, string> = {
  tenant: 'motcua_session',
  operator: 'motcua_ops_session',
};

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and Path=/,
 * so a sibling subdomain (another tenant) cannot plant or shadow it. Browsers only accept
 * the prefix over HTTPS, hence plain names for local HTTP.
 */
export function cookieName(realm: CookieRealm, secure: boolean): string {
  return secure ? `__Host-${baseNames[realm]}` : baseNames[realm];
}

export interface SessionCookieOptions {
  realm: CookieRealm;
  secure: boolean;
  maxAgeSeconds: number;
}

function attributes(secure: boolean, maxAgeSeconds: number): string {
  const parts = ['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${maxAgeSeconds}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function sessionCookie(token: string, { realm, secure, maxAgeSeconds }: SessionCookieOptions): string {
  // Only a well-formed token: anything else could smuggle attributes into the header.
  if (!parseSessionToken(token)) throw new TypeError('Not a session token.');
  if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds <= 0) {
    throw new RangeError('maxAgeSeconds must be a positive whole number of seconds.');
  }
  return `${cookieName(realm, secure)}=${token}; ${attributes(secure, maxAgeSeconds)}`;
}

/** A Set-Cookie value that removes the session cookie (sign-out, invalid session). */
export function clearSessionCookie({ realm, secure }: Omit<SessionCookieOptions, 'maxAgeSeconds'>): string {
  return `${cookieName(realm, secure)}=; ${attributes(secure, 0)}`;
}
