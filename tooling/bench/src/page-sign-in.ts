// Signing in through the same forms a person uses (password, then the authenticator's code for an
// operator), so that the measured pages see the sessions and cookies a browser would hold.
import { authenticator } from '@motcua/testing/totp';
import type { Credentials } from './page-setup.ts';

/** `name=value` of the session cookie a response sets, or an error naming what came back. */
function sessionCookieOf(response: Response, name: string, step: string): string {
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);
  if (!cookie) throw new Error(`${step}: answered ${response.status} without a ${name} cookie`);
  return cookie;
}

async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  await response.arrayBuffer();
  return response;
}

const expectRedirect = (response: Response, step: string, to: string) => {
  const location = response.headers.get('location') ?? '';
  if (response.status !== 303 || !location.endsWith(to)) {
    throw new Error(`${step}: expected a 303 to ${to}, got ${response.status} ${location}`);
  }
};

/**
 * A citizen's or a staff member's session on the agency's portal, reached by the `/t/<slug>`
 * path on the API's own address. Only for accounts without a second factor.
 */
export async function signInToTenant(base: string, slug: string, who: Credentials): Promise<string> {
  const step = `sign-in of ${who.email}`;
  const response = await postForm(`${base}/t/${slug}/sign-in`, { ...who });
  expectRedirect(response, step, '/account');
  return sessionCookieOf(response, 'motcua_session', step);
}

/** An operator's session: the password step, then the code the authenticator shows now. */
export async function signInOperator(base: string, who: Credentials & { totpSecret: string }) {
  const step = `operator sign-in of ${who.email}`;
  const first = await postForm(`${base}/ops/sign-in`, { email: who.email, password: who.password });
  expectRedirect(first, step, '/ops/sign-in/totp');
  const cookie = sessionCookieOf(first, 'motcua_ops_session', step);
  // The second step carries the cookie, so the CSRF check wants this origin.
  const second = await postForm(
    `${base}/ops/sign-in/totp`,
    { code: authenticator(who.totpSecret).next() },
    { cookie, origin: base },
  );
  expectRedirect(second, `${step} (code)`, '/ops');
  // The code marks the same session as past its second factor: the cookie stays as it was.
  return cookie;
}
