import { createTenantSession } from '@motcua/auth';
import { newId, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { describe, expect, it } from 'vitest';
import { browserOn, readJson, testDomain, useTestApp } from '../../testing.ts';
import {
  addOperator,
  codeFor,
  expectAccessiblePage,
  expectErrorSummaryLinks,
  opsBrowser,
  password,
} from './test-support.ts';

const t = useTestApp();

describe('operator sign-in pages', () => {
  it('sign in with password then TOTP, in either language, and sign out', async () => {
    const { email, secret } = await addOperator(t, 'operator');
    const b = opsBrowser(t);
    const page = await b.go('/ops/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('Đăng nhập vận hành');
    expect(html).toContain('id="ops-sign-in-form"');
    expectAccessiblePage(await (await b.go('/ops/sign-in?lang=en')).text(), 'en');

    const wrong = await b.post('/ops/sign-in?lang=en', { email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expectAccessiblePage(wrongHtml, 'en');
    expect(wrongHtml).toContain('<title>Error:');
    expect(b.jar.size).toBe(0);

    const empty = await b.post('/ops/sign-in', { email: 'not-an-email', password: '' });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expectErrorSummaryLinks(emptyHtml, ['email', 'password']);
    expectAccessiblePage(emptyHtml, 'vi');

    const first = await b.post('/ops/sign-in', { email, password });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/ops/sign-in/totp');
    // Half signed in: the console waits for the second factor.
    expect((await b.go('/ops')).headers.get('location')).toBe('/ops/sign-in/totp');
    expectAccessiblePage(await (await b.go('/ops/sign-in/totp')).text(), 'vi');

    const badCode = await b.post('/ops/sign-in/totp', { code: '12345' });
    expect(badCode.status).toBe(400);
    expectErrorSummaryLinks(await badCode.text(), ['code']);
    const wrongCode = await b.post('/ops/sign-in/totp', {
      code: codeFor(secret) === '000000' ? '111111' : '000000',
    });
    expect(wrongCode.status).toBe(401);
    const wrongCodeHtml = await wrongCode.text();
    expectErrorSummaryLinks(wrongCodeHtml, ['code']);
    expect(wrongCodeHtml).toContain('Mã không đúng');

    const done = await b.post('/ops/sign-in/totp', { code: codeFor(secret) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/ops');
    const home = await b.go('/ops');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Vận hành operator');
    // Signed in already: the second-factor page sends the operator on.
    expect((await b.go('/ops/sign-in/totp')).headers.get('location')).toBe('/ops');

    const out = await b.post('/ops/sign-out', {});
    expect(out.headers.get('location')).toBe('/ops/sign-in');
    expect(b.jar.size).toBe(0);
    expect((await b.go('/ops')).headers.get('location')).toBe('/ops/sign-in');
  });

  it('has an operator without an authenticator enrol one before the console opens', async () => {
    const { email } = await addOperator(t, 'support', { enrolled: false });
    const b = opsBrowser(t);
    const first = await b.post('/ops/sign-in?lang=en', { email, password });
    expect(first.headers.get('location')).toBe('/ops/sign-in/totp/enrol?lang=en');
    expect((await b.go('/ops/sign-in/totp')).headers.get('location')).toBe('/ops/sign-in/totp/enrol');
    const page = await b.go('/ops/sign-in/totp/enrol?lang=en');
    expect(page.status).toBe(200);
    const html = await page.text();
    expectAccessiblePage(html, 'en');
    const secret = /name="secret" value="([A-Z2-7]+)"/.exec(html)?.[1] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(html).toContain('otpauth://totp/');

    const wrong = await b.post('/ops/sign-in/totp/enrol?lang=en', {
      secret,
      code: codeFor(secret) === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expectErrorSummaryLinks(wrongHtml, ['code']);
    // The same secret again: the one in the authenticator app is still the one that counts.
    expect(wrongHtml).toContain(`value="${secret}"`);

    const done = await b.post('/ops/sign-in/totp/enrol?lang=en', { secret, code: codeFor(secret) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/ops?lang=en');
    expect((await b.go('/ops')).status).toBe(200);
  });

  it('gives a tenant session nothing here, and has no operator pages on a tenant host', async () => {
    const slug = await createTestTenant(t.deps.database);
    const staffId = newId('usr');
    await withTenant(t.deps.database, slug, (db) =>
      db.insert(staffUsers).values({
        id: staffId,
        email: `admin@${slug}.vn`,
        fullName: 'Quản trị',
        role: 'admin',
        status: 'active',
      }),
    );
    const { token } = await createTenantSession(t.deps.database, slug, {
      kind: 'staff',
      principalId: staffId,
      twoFactorVerified: true,
    });
    // A tenant admin's session is no operator session, under either cookie name.
    for (const cookie of [`motcua_session=${token}`, `motcua_ops_session=${token}`]) {
      const b = browserOn(t, testDomain);
      b.setCookie(cookie);
      for (const path of ['/ops', `/ops/tenants/${slug}`, '/ops/tenants/new']) {
        const res = await b.call(path);
        expect(res.status, `${cookie} ${path}`).toBe(303);
        expect(res.headers.get('location')).toBe('/ops/sign-in');
      }
      const suspend = await b.call(`/ops/tenants/${slug}/suspend`, { method: 'POST' });
      expect(suspend.headers.get('location')).toBe('/ops/sign-in');
    }
    expect((await readJson(await t.ops(`/api/ops/tenants/${slug}`))).tenant.status).toBe('active');
    const onTenantHost = browserOn(t, `${slug}.${testDomain}`);
    onTenantHost.setCookie(`motcua_session=${token}`);
    for (const path of ['/ops', '/ops/sign-in', '/ops/tenants/new', `/ops/tenants/${slug}`]) {
      expect((await onTenantHost.call(path)).status, path).toBe(404);
    }
  });
});
