import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Actor, setOidcSettings } from '@motcua/auth';
import { startTestProvider, type TestProvider, testCitizen } from '@motcua/auth/testing';
import { type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, sessions } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

// The test providers listen on loopback over http: allowed the way an operator would allow them.
const t = useTestApp({ env: { OIDC_ALLOWED_HOSTS: '127.0.0.1' } });
const egress = { allowedHosts: ['127.0.0.1'] };
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const providers: TestProvider[] = [];
afterAll(() => Promise.all(providers.map((provider) => provider.close())));

/**
 * The tenant side of app.ts with oidcRoutes() mounted beside authRoutes(). Requests enter it as
 * the dispatcher hands them over: with the tenant and base path bound, the /t/<slug> prefix
 * already removed.
 */

interface Site {
  slug: TenantSlug;
  host: string;
  /** '' on the tenant's host, '/t/<slug>' on the path fallback. */
  basePath: string;
}

const onHost = (slug: TenantSlug): Site => ({ slug, host: `${slug}.${testDomain}`, basePath: '' });
const onPath = (slug: TenantSlug): Site => ({ slug, host: testDomain, basePath: `/t/${slug}` });
const callbackOf = (site: Site) => `http://${site.host}${site.basePath}/api/auth/oidc/callback`;

/** A browser on one site: a cookie jar that honours Path and Max-Age=0, no redirects followed. */
function browser(site: Site) {
  const jar = new Map<string, { value: string; path: string }>();
  const get = async (target: string | URL, init: { method?: string; body?: unknown } = {}) => {
    const url = new URL(target, `http://${site.host}`);
    expect(url.pathname.startsWith(`${site.basePath}/`), `${url.pathname} is on ${site.basePath}/`).toBe(
      true,
    );
    const headers = new Headers({ origin: `http://${site.host}` });
    const cookie = [...jar]
      .filter(([, entry]) => url.pathname.startsWith(entry.path))
      .map(([name, entry]) => `${name}=${entry.value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    const inside = `http://${site.host}${url.pathname}${url.search}`;
    const res = await t.app.fetch(
      new Request(inside, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    );
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, { value, path });
    }
    return res;
  };
  return { site, jar, get };
}
type Browser = ReturnType<typeof browser>;

/** A tenant whose provider is a fresh test provider that knows the tenant's callback URL. */
async function configuredSite(place: (slug: TenantSlug) => Site = onHost) {
  const site = place(await createTestTenant(t.deps.database));
  const provider = await startTestProvider({ redirectUri: callbackOf(site) });
  providers.push(provider);
  const { clientId, clientSecret } = provider.client;
  await setOidcSettings(
    { database: t.deps.database, slug: site.slug, actor: admin, allowHttp: true, egress },
    { issuer: provider.issuer, clientId, clientSecret, displayName: 'VNeID' },
  );
  return { site, provider };
}

async function started(b: Browser): Promise<string> {
  const res = await b.get(`${b.site.basePath}/api/auth/oidc/start`);
  expect(res.status).toBe(302);
  return res.headers.get('location') ?? '';
}

/** Start, then sign in at the provider: the callback URL the provider sends the browser to. */
async function atProvider(b: Browser, provider: TestProvider): Promise<URL> {
  return provider.signIn(await started(b));
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`;

async function citizensOf(slug: TenantSlug) {
  return withTenant(t.deps.database, slug, (db) =>
    db
      .select({
        id: citizens.id,
        email: citizens.email,
        fullName: citizens.fullName,
        identityVerified: citizens.identityVerified,
        oidcIssuer: citizens.oidcIssuer,
        oidcSubject: citizens.oidcSubject,
      })
      .from(citizens),
  );
}

async function sessionCount(slug: TenantSlug): Promise<number> {
  const rows = await withTenant(t.deps.database, slug, (db) => db.select({ id: sessions.id }).from(sessions));
  return rows.length;
}

async function oidcAudit(slug: TenantSlug) {
  return withTenant(t.deps.database, slug, (db) =>
    db
      .select({
        actor: auditLog.actor,
        action: auditLog.action,
        subject: auditLog.subject,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(like(auditLog.action, 'auth.oidc%'))
      .orderBy(auditLog.id),
  );
}

async function expectRefused(res: Response, code: string) {
  expect(res.status).toBe(400);
  expect(await readJson(res)).toMatchObject({ error: { code } });
  expect(res.headers.get('location')).toBeNull();
}

describe('GET /api/auth/oidc/start', () => {
  it('redirects to the provider and keeps the pending sign-in in a signed, HttpOnly, short-lived cookie', async () => {
    const { site, provider } = await configuredSite();
    const b = browser(site);
    const res = await b.get('/api/auth/oidc/start');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('redirect_uri')).toBe(callbackOf(site));
    expect(location.searchParams.get('client_id')).toBe(provider.client.clientId);
    const [cookie, ...others] = res.headers.getSetCookie();
    expect(others).toEqual([]);
    expect(cookie).toMatch(/^motcua_oidc=[\w-]+\.[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/api/auth/oidc;');
    expect(cookie).toContain('Max-Age=600');
    // The cookie holds state, nonce and PKCE verifier, never the client's secret.
    const payload = Buffer.from(cookie?.split(/[=.]/)[1] ?? '', 'base64url').toString();
    expect(JSON.parse(payload)).toMatchObject({ tenant: site.slug, pending: { state: expect.any(String) } });
    expect(payload).not.toContain(provider.client.clientSecret);
  });

  it('answers 404 oidc_not_configured on a tenant without a provider, on start and callback', async () => {
    const site = onHost(await createTestTenant(t.deps.database));
    const b = browser(site);
    for (const path of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const res = await b.get(path);
      expect(res.status).toBe(404);
      expect(await readJson(res)).toMatchObject({ error: { code: 'oidc_not_configured' } });
      expect(res.headers.getSetCookie().filter((c) => c.startsWith('motcua_session='))).toEqual([]);
    }
    expect(b.jar.size).toBe(0);
    expect(await citizensOf(site.slug)).toEqual([]);
  });

  it('answers 400 provider_unavailable when the provider cannot be reached, and sets no cookie', async () => {
    const slug = await createTestTenant(t.deps.database);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await setOidcSettings(
      { database: t.deps.database, slug, actor: admin, allowHttp: true, egress },
      {
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'portal',
        clientSecret: 's3cret',
        displayName: 'VNeID',
      },
    );
    const b = browser(onHost(slug));
    await expectRefused(await b.get('/api/auth/oidc/start'), 'provider_unavailable');
    expect(b.jar.size).toBe(0);
    expect(t.logLines.some((line) => line.includes('"oidc sign-in failed"'))).toBe(true);
  });
});

describe('GET /api/auth/oidc/callback', () => {
  it('signs a new citizen in as identity-verified with the session cookie, and redirects to the portal', async () => {
    const { site, provider } = await configuredSite();
    const b = browser(site);
    const callback = await atProvider(b, provider);
    expect(b.jar.has('motcua_oidc')).toBe(true);

    const res = await b.get(pathOf(callback));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect(b.jar.has('motcua_oidc')).toBe(false);
    expect(b.jar.get('motcua_session')?.path).toBe('/');

    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await readJson(me)).toMatchObject({
      kind: 'citizen',
      email: testCitizen.email,
      fullName: testCitizen.name,
      identityVerified: true,
    });
    const [citizen, ...more] = await citizensOf(site.slug);
    expect(more).toEqual([]);
    expect(citizen).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: testCitizen.sub });
    const audit = await oidcAudit(site.slug);
    expect(audit).toEqual([
      {
        actor: `citizen:${citizen?.id}`,
        action: 'auth.oidc_sign_in',
        subject: citizen?.id,
        details: { outcome: 'created' },
      },
    ]);
  });

  it('signs the same person in to the same citizen the second time', async () => {
    const { site, provider } = await configuredSite();
    const first = browser(site);
    await first.get(pathOf(await atProvider(first, provider)));
    const second = browser(site);
    const res = await second.get(pathOf(await atProvider(second, provider)));
    expect(res.status).toBe(302);

    const ids = await Promise.all(
      [first, second].map(async (b) => (await readJson(await b.get('/api/auth/me'))).id),
    );
    expect(ids[1]).toBe(ids[0]);
    expect(await citizensOf(site.slug)).toHaveLength(1);
    expect((await oidcAudit(site.slug)).map((row) => row.details)).toEqual([
      { outcome: 'created' },
      { outcome: 'returning' },
    ]);
    expect(await sessionCount(site.slug)).toBe(2);
    // One relying party per tenant and settings: the provider was discovered once for both.
    expect(provider.requestCount('/.well-known/openid-configuration')).toBe(1);
  });

  it('links the citizen who registered with the email the provider verified', async () => {
    const { site, provider } = await configuredSite();
    const b = browser(site);
    const registered = await b.get('/api/auth/register', {
      method: 'POST',
      body: {
        email: testCitizen.email.toUpperCase(),
        fullName: 'Nguyễn A',
        password: 'Correct-Horse-Battery-9',
        consent: true,
      },
    });
    expect(registered.status).toBe(202);
    const [before] = await citizensOf(site.slug);
    expect(before).toMatchObject({ identityVerified: false, oidcSubject: null });

    expect((await b.get(pathOf(await atProvider(b, provider)))).status).toBe(302);
    expect(await readJson(await b.get('/api/auth/me'))).toMatchObject({
      id: before?.id,
      fullName: 'Nguyễn A',
      identityVerified: true,
    });
    expect(await citizensOf(site.slug)).toHaveLength(1);
    expect((await oidcAudit(site.slug)).map((row) => row.details)).toEqual([{ outcome: 'linked' }]);
  });

  it('honours the /t/<slug> base path in the callback, the cookie path and the redirect', async () => {
    const { site, provider } = await configuredSite(onPath);
    const b = browser(site);
    const location = await started(b);
    expect(new URL(location).searchParams.get('redirect_uri')).toBe(callbackOf(site));
    expect(b.jar.get('motcua_oidc')?.path).toBe(`/t/${site.slug}/api/auth/oidc`);

    const callback = await provider.signIn(location);
    expect(callback.pathname).toBe(`/t/${site.slug}/api/auth/oidc/callback`);
    const res = await b.get(pathOf(callback));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/t/${site.slug}/`);
    expect(await readJson(await b.get(`/t/${site.slug}/api/auth/me`))).toMatchObject({
      kind: 'citizen',
      identityVerified: true,
    });
  });
});

describe('refused callbacks create nothing', () => {
  it('refuses a tampered state with 400 and an audit row, and clears the pending cookie', async () => {
    const { site, provider } = await configuredSite();
    const b = browser(site);
    const callback = await atProvider(b, provider);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);

    await expectRefused(await b.get(pathOf(tampered)), 'state_mismatch');
    expect(b.jar.has('motcua_oidc')).toBe(false);
    expect(b.jar.has('motcua_session')).toBe(false);
    expect(await citizensOf(site.slug)).toEqual([]);
    expect(await sessionCount(site.slug)).toBe(0);
    expect(await oidcAudit(site.slug)).toEqual([
      { actor: 'anonymous', action: 'auth.oidc_failed', subject: null, details: { code: 'state_mismatch' } },
    ]);
  });

  it('refuses a missing, re-signed or altered pending cookie; the genuine one still works after', async () => {
    const { site, provider } = await configuredSite();
    const b = browser(site);
    const callback = await atProvider(b, provider);
    const genuine = b.jar.get('motcua_oidc');
    const [payload = '', signature = ''] = genuine?.value.split('.') ?? [];
    const sealed = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = Buffer.from(
      JSON.stringify({ ...sealed, pending: { ...sealed.pending, nonce: 'chosen-by-attacker' } }),
    ).toString('base64url');
    const forgeries = {
      missing: undefined,
      unsigned: payload,
      'signed with another key': `${payload}.${createHmac('sha256', 'guess').update(payload).digest('base64url')}`,
      'altered payload': `${altered}.${signature}`,
    };
    for (const [name, value] of Object.entries(forgeries)) {
      if (value === undefined) b.jar.delete('motcua_oidc');
      else b.jar.set('motcua_oidc', { value, path: '/api/auth/oidc' });
      const res = await b.get(pathOf(callback));
      expect(res.status, name).toBe(400);
      expect(await readJson(res), name).toMatchObject({ error: { code: 'state_mismatch' } });
    }
    expect(await citizensOf(site.slug)).toEqual([]);
    expect(await sessionCount(site.slug)).toBe(0);

    // The refusals happened before the code was redeemed: with its own cookie it signs in.
    b.jar.set('motcua_oidc', genuine ?? { value: '', path: '/' });
    expect((await b.get(pathOf(callback))).status).toBe(302);
    expect(await citizensOf(site.slug)).toHaveLength(1);
  });

  it("does not let tenant A's sign-in complete on tenant B, whatever cookie comes with it", async () => {
    const a = await configuredSite();
    const b = await configuredSite();
    const atA = browser(a.site);
    const callbackForA = await atProvider(atA, a.provider);
    const cookieOfA = atA.jar.get('motcua_oidc');
    expect(cookieOfA).toBeDefined();

    // A's callback with A's own (validly signed) pending cookie, replayed on B's host.
    const replay = browser(b.site);
    if (cookieOfA) replay.jar.set('motcua_oidc', cookieOfA);
    await expectRefused(await replay.get(pathOf(callbackForA)), 'state_mismatch');
    // A's callback with a pending sign-in that B itself started.
    const mixed = browser(b.site);
    await started(mixed);
    await expectRefused(await mixed.get(pathOf(callbackForA)), 'state_mismatch');

    // On A, where it belongs, the same callback still signs the citizen in.
    expect((await atA.get(pathOf(callbackForA))).status).toBe(302);
    expect(await citizensOf(a.site.slug)).toMatchObject([
      { oidcIssuer: a.provider.issuer, identityVerified: true },
    ]);
    expect(await citizensOf(b.site.slug)).toEqual([]);
    expect(await sessionCount(b.site.slug)).toBe(0);
    expect((await oidcAudit(b.site.slug)).map((row) => row.action)).toEqual([
      'auth.oidc_failed',
      'auth.oidc_failed',
    ]);
  });
});
