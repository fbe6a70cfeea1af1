// Reading and writing the tenant session cookie for the auth routes.
import { clearSessionCookie, cookieName, sessionCookie, validateTenantSession } from '@motcua/auth';
import { UnauthenticatedError } from '@motcua/domain';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../context.ts';

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, cookieName('tenant', c.env.secure === true));
}

export function setSession(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  c.header(
    'Set-Cookie',
    sessionCookie(token, { realm: 'tenant', secure: c.env.secure === true, maxAgeSeconds }),
    {
      append: true,
    },
  );
}

export function clearSession(c: Context<AppEnv>): void {
  c.header('Set-Cookie', clearSessionCookie({ realm: 'tenant', secure: c.env.secure === true }), {
    append: true,
  });
}

/** The signed-in person of this tenant; 401 without a session or with a second factor pending. */
export async function requireTenantSession(c: Context<AppEnv>) {
  const { database } = c.get('deps');
  const validation = await validateTenantSession(database, c.get('tenant').slug, sessionToken(c));
  if (!validation) throw new UnauthenticatedError('Sign in to continue.');
  if (!validation.session.twoFactorVerified) {
    throw new UnauthenticatedError('Enter the code from your authenticator app to finish signing in.');
  }
  if (validation.refreshed) setSession(c, sessionToken(c) ?? '', validation.session.expiresAt);
  return validation;
}
