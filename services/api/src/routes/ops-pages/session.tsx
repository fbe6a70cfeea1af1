/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// What every operator page needs: the page's language, form fields, the operator session cookie,
// and the gate that admits a signed-in operator whose role has the permission.
import {
  can,
  clearSessionCookie,
  cookieName,
  type OperatorPermission,
  type OperatorPrincipal,
  sessionCookie,
  validateOperatorSession,
} from '@motcua/auth';
import { type Locale, OpsForbiddenPage, type OpsPageBase, opsHref, opsText, pickLocale } from '@motcua/ui';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../context.ts';

export type Ctx = Context<AppEnv>;

export function page(c: Ctx): OpsPageBase {
  const query = c.req.query('lang');
  const locale: Locale = pickLocale(query, c.req.header('accept-language'));
  return {
    locale,
    siteName: opsText(locale, 'siteName'),
    basePath: '',
    lang: query === 'vi' || query === 'en' ? query : undefined,
  };
}

export async function form(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value;
  return fields;
}

export const redirectTo = (c: Ctx, base: OpsPageBase, path: string) => c.redirect(opsHref(base, path), 303);

const secure = (c: Ctx) => c.env.secure === true;
export const sessionToken = (c: Ctx) => getCookie(c, cookieName('operator', secure(c)));

export function setSession(c: Ctx, token: string, expiresAt: Date) {
  const maxAgeSeconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  c.header('Set-Cookie', sessionCookie(token, { realm: 'operator', secure: secure(c), maxAgeSeconds }));
}

export function clearSession(c: Ctx) {
  c.header('Set-Cookie', clearSessionCookie({ realm: 'operator', secure: secure(c) }));
}

/** Request data for the verbs' audit rows. */
export function trace(c: Ctx) {
  return { requestId: c.get('requestId'), ...(c.env.clientIp ? { ip: c.env.clientIp } : {}) };
}

export type Gate =
  | { operator: OperatorPrincipal; base: OpsPageBase; response?: undefined }
  | { response: Response | Promise<Response> };

/**
 * The signed-in operator whose role has `permission`, or the answer instead: no operator
 * session → the sign-in page; the second factor still due → its step; the role lacking the
 * permission → a 403 page. The bootstrap token is for the API and automation, not for pages:
 * a page acts for a person, and audit rows name them.
 */
export async function gate(c: Ctx, permission: OperatorPermission): Promise<Gate> {
  const base = page(c);
  const validation = await validateOperatorSession(c.get('deps').database, sessionToken(c));
  if (!validation) return { response: redirectTo(c, base, '/ops/sign-in') };
  const { operator, session } = validation;
  if (!session.twoFactorVerified) {
    const step = operator.totpEnrolledAt ? '/ops/sign-in/totp' : '/ops/sign-in/totp/enrol';
    return { response: redirectTo(c, base, step) };
  }
  if (validation.refreshed) setSession(c, sessionToken(c) ?? '', session.expiresAt);
  const signedIn: OpsPageBase = { ...base, operator: { fullName: operator.fullName, role: operator.role } };
  if (!can(operator.role, permission)) {
    const path = new URL(c.req.url).pathname;
    return { response: c.html(<OpsForbiddenPage {...signedIn} path={path} />, 403) };
  }
  return { operator, base: signedIn };
}

/** How the platform audit names an operator acting through the pages. */
export const actorOf = (operator: OperatorPrincipal) => `operator:${operator.id}`;
