import { describe, expect, it } from 'vitest';
import { clearSessionCookie, cookieName, sessionCookie } from './session-cookie.ts';
import { newSessionCredentials } from './sessions.ts';

const { token } = newSessionCredentials();

describe('session cookies', () => {
  it.each([
    ['tenant', true, '__Host-motcua_session'],
    ['tenant', false, 'motcua_session'],
    ['operator', true, '__Host-motcua_ops_session'],
    ['operator', false, 'motcua_ops_session'],
  ] as const)('names the %s cookie (secure: %s) %s', (realm, secure, name) => {
    expect(cookieName(realm, secure)).toBe(name);
  });

  it('sets an HttpOnly, Lax, host-wide cookie, Secure over HTTPS', () => {
    expect(sessionCookie(token, { realm: 'tenant', secure: true, maxAgeSeconds: 3600 })).toBe(
      `__Host-motcua_session=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=3600; Secure`,
    );
    expect(sessionCookie(token, { realm: 'operator', secure: false, maxAgeSeconds: 7200 })).toBe(
      `motcua_ops_session=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=7200`,
    );
  });

  it('clears with an empty value and Max-Age=0', () => {
    expect(clearSessionCookie({ realm: 'operator', secure: true })).toBe(
      '__Host-motcua_ops_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Secure',
    );
  });

  it('refuses values that could inject attributes, and a non-positive lifetime', () => {
    expect(() =>
      sessionCookie(`${token}; Domain=evil.vn`, { realm: 'tenant', secure: true, maxAgeSeconds: 60 }),
    ).toThrow(TypeError);
    expect(() => sessionCookie(token, { realm: 'tenant', secure: true, maxAgeSeconds: 0 })).toThrow(
      RangeError,
    );
    expect(() => sessionCookie(token, { realm: 'tenant', secure: true, maxAgeSeconds: 1.5 })).toThrow(
      RangeError,
    );
  });
});
