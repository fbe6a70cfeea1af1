import { createTotpSecret, hashPassword } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Correct-Horse-Battery-9';
const totpSecret = createTotpSecret();
const code = () => generateTOTP(decodeBase32IgnorePadding(totpSecret), 30, 6);

interface Site {
  slug: TenantSlug;
  host: string;
  basePath: string;
}
const onHost = (slug: TenantSlug): Site => ({ slug, host: `${slug}.${testDomain}`, basePath: '' });
const onPath = (slug: TenantSlug): Site => ({ slug, host: testDomain, basePath: `/t/${slug}` });

/** A browser without JavaScript: a cookie jar, form posts with Origin, no redirects followed. */
function browser(site: Site) {
  const jar = new Map<string, string>();
  const go = async (target: string, form?: Record<string, string>) => {
    const url = new URL(target, `http://${site.host}`);
    expect(url.pathname.startsWith(`${site.basePath}/`)).toBe(true);
    const headers = new Headers({ host: site.host, origin: `http://${site.host}` });
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const inside = `http://${site.host}${url.pathname}${url.search}`;
    const res = await t.app.fetch(
      new Request(inside, {
        method: form ? 'POST' : 'GET',
        headers,
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      }),
    );
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  return { site, jar, go, post: (target: string, form: Record<string, string>) => go(target, form) };
}

async function addStaff(slug: TenantSlug, role: 'admin' | 'reception', email: string, totp?: string) {
  const passwordHash = await hashPassword(password);
  await withTenant(t.deps.database, slug, (db) =>
    db.insert(staffUsers).values({
      id: newId('usr'),
      email,
      fullName: `Cán bộ ${role}`,
      role,
      status: 'active',
      passwordHash,
      ...(totp ? { totpSecret: totp, totpEnrolledAt: new Date() } : {}),
    }),
  );
}

async function addCitizen(slug: TenantSlug, email: string, fullName = 'Nguyễn Văn An') {
  const passwordHash = await hashPassword(password);
  await withTenant(t.deps.database, slug, (db) =>
    db.insert(citizens).values({ id: newId('usr'), email, fullName, passwordHash }),
  );
}

/** Every visible input has a label; no inline script, style or handler; the page is small. */
function expectAccessiblePage(html: string, lang: 'vi' | 'en', hasInputs = true) {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  expect(new TextEncoder().encode(html).length).toBeLessThan(20_000);
  const inputs = [...html.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((i) => !/type="hidden"/.test(i));
  if (hasInputs) expect(inputs.length).toBeGreaterThan(0);
  for (const input of inputs) {
    const id = /\sid="([^"]+)"/.exec(input)?.[1];
    expect(id, input).toBeTruthy();
    expect(html).toContain(`<label for="${id}">`);
  }
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  expect(headings[0]).toBe(1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) expect(level - (headings[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  }
}

describe('sign-in pages', () => {
  it('render every form in Vietnamese and English, accessibly', async () => {
    const b = browser(onHost(await createTestTenant(t.deps.database)));
    for (const path of ['/sign-in', '/register', '/reset-password', '/reset-password?token=abc.def']) {
      const vi = await b.go(path);
      expect(vi.status, path).toBe(200);
      expectAccessiblePage(await vi.text(), 'vi');
      const en = await b.go(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
      expect(en.status, path).toBe(200);
      const html = await en.text();
      expectAccessiblePage(html, 'en');
      expect(html).toMatch(/action="[^"]*lang=en"/);
    }
  });

  it('keeps the email and shows an error summary after a wrong password, never the password', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addCitizen(slug, 'an@example.vn');
    const b = browser(onHost(slug));
    const res = await b.post('/sign-in', { email: 'an@example.vn', password: 'wrong-password-123' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('Địa chỉ email hoặc mật khẩu không đúng.');
    expect(html).toContain('value="an@example.vn"');
    expect(html).not.toContain('wrong-password-123');
    expect(b.jar.size).toBe(0);

    const empty = await b.post('/sign-in?lang=en', { email: 'not-an-email', password: '' });
    expect(empty.status).toBe(400);
    const errors = await empty.text();
    expect(errors).toContain('<a href="#email">');
    expect(errors).toContain('aria-describedby="email-error"');
    expect(errors).toContain('aria-invalid="true"');
  });

  it('signs a citizen in, shows the account and signs out', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addCitizen(slug, 'binh@example.vn', 'Trần Thị Bình');
    const b = browser(onHost(slug));
    const res = await b.post('/sign-in', { email: 'binh@example.vn', password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    expect(b.jar.size).toBe(1);
    const account = await b.go('/account');
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toContain('Trần Thị Bình');
    expect(html).toContain('Người dân');
    expect(html).toContain('<a class="button" href="/dossiers" id="account-next">Xem hồ sơ của tôi</a>');
    expect(html).toContain('action="/sign-out"');
    expect(account.headers.get('cache-control')).toBe('no-store');

    const out = await b.post('/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in');
    expect(out.headers.getSetCookie().join()).toMatch(/Max-Age=0/i);
    expect(b.jar.size).toBe(0);
    const after = await b.go('/account');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/sign-in');
  });

  it('sends an admin with TOTP through the code step', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addStaff(slug, 'admin', 'admin@example.gov.vn', totpSecret);
    const b = browser(onHost(slug));
    const res = await b.post('/sign-in?lang=en', { email: 'admin@example.gov.vn', password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in/totp?lang=en');
    expect((await b.go('/account')).headers.get('location')).toBe('/sign-in/totp');
    const form = await b.go('/sign-in/totp?lang=en');
    expect(form.status).toBe(200);
    expectAccessiblePage(await form.text(), 'en');

    const wrong = await b.post('/sign-in/totp?lang=en', { code: '12345' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Enter the 6-digit code');

    const done = await b.post('/sign-in/totp?lang=en', { code: code() });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/account?lang=en');
    const html = await (await b.go('/account?lang=en')).text();
    expectAccessiblePage(html, 'en', false);
    expect(html).toContain('Cán bộ admin');
    expect(html).toContain('Administrator');
    // Staff go on to the console from here.
    expect(html).toContain(
      '<a class="button" href="/console?lang=en" id="account-next">Go to the agency console</a>',
    );
  });

  it('sends an admin without an authenticator to enrol one', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addStaff(slug, 'admin', 'new-admin@example.gov.vn');
    const b = browser(onHost(slug));
    const res = await b.post('/sign-in', { email: 'new-admin@example.gov.vn', password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in/totp/enrol');
  });

  it('registers only with explicit consent', async () => {
    const slug = await createTestTenant(t.deps.database);
    const b = browser(onHost(slug));
    const page = await (await b.go('/register')).text();
    expect(page).toMatch(/<input[^>]*type="checkbox"[^>]*>/);
    expect(page).not.toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    const details = { email: 'chi@example.vn', fullName: 'Lê Văn Chí', password };
    const refused = await b.post('/register', details);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('<a href="#consent">');
    expect(html).toContain('value="chi@example.vn"');
    expect(html).toContain('value="Lê Văn Chí"');
    expect(html).not.toContain(password);
    const count = async () =>
      withTenant(
        t.deps.database,
        slug,
        async (db) => (await db.select({ n: sql<number>`count(*)::int` }).from(citizens))[0]?.n,
      );
    expect(await count()).toBe(0);

    const weak = await b.post('/register?lang=en', { ...details, password: 'short', consent: 'yes' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('Use at least 10 characters');
    expect(await count()).toBe(0);

    const ok = await b.post('/register', { ...details, consent: 'yes' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/sign-in?registered=1');
    expect(await count()).toBe(1);
    expect((await b.post('/sign-in', { email: details.email, password })).headers.get('location')).toBe(
      '/account',
    );
  });

  it('registers with a mobile number instead of an email, and signs in with it', async () => {
    const slug = await createTestTenant(t.deps.database);
    const b = browser(onHost(slug));
    const page = await (await b.go('/register')).text();
    expect(page).toContain('<label for="phone">Số điện thoại di động</label>');
    expect(page).toMatch(/<input id="phone" name="phone" type="tel"/);
    const details = { fullName: 'Hoàng Thị Dung', password, consent: 'yes' };
    const wrong = await b.post('/register?lang=en', { ...details, email: '', phone: '0236 382 2222' });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('<a href="#phone">Enter a Vietnamese mobile number of 10 digits');
    expect(wrongHtml).toContain('value="0236 382 2222"');
    const nothing = await b.post('/register?lang=en', { ...details, email: '', phone: '' });
    expect(await nothing.text()).toContain('<a href="#email">Enter an email address or a mobile number');

    const ok = await b.post('/register', { ...details, email: '', phone: '0388 123 456' });
    expect(ok.headers.get('location')).toBe('/sign-in?registered=1');
    const signIn = await b.post('/sign-in', { email: '0388123456', password });
    expect(signIn.headers.get('location')).toBe('/account');
    const account = await (await b.go('/account')).text();
    expect(account).toContain('<dd>Hoàng Thị Dung</dd>');
    expect(account).toContain('<dd>0388 123 456</dd>');
  });

  it('answers a reset request the same for known and unknown addresses', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addCitizen(slug, 'dung@example.vn');
    const b = browser(onHost(slug));
    const known = await b.post('/reset-password', { email: 'dung@example.vn' });
    const unknown = await b.post('/reset-password', { email: 'nobody@example.vn' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const html = await known.text();
    expect(html).toBe(await unknown.text());
    expect(html).toContain('Hãy kiểm tra hộp thư');

    const invalid = await b.post('/reset-password', { email: 'nope' });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('<a href="#email">');

    const forged = await b.post('/reset-password', { token: 'x.y', password });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('không hợp lệ, đã dùng hoặc đã hết hạn');
    await t.settle();
  });

  it('links and redirects under /t/<slug> on the path fallback', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addCitizen(slug, 'em@example.vn');
    const b = browser(onPath(slug));
    const html = await (await b.go(`/t/${slug}/sign-in`)).text();
    expect(html).toContain(`action="/t/${slug}/sign-in"`);
    expect(html).toContain(`href="/t/${slug}/register"`);
    expect(html).toContain(`href="/t/${slug}/reset-password"`);
    const res = await b.post(`/t/${slug}/sign-in`, { email: 'em@example.vn', password });
    expect(res.headers.get('location')).toBe(`/t/${slug}/account`);
    const account = await (await b.go(`/t/${slug}/account`)).text();
    expect(account).toContain(`action="/t/${slug}/sign-out"`);
    const out = await b.post(`/t/${slug}/sign-out`, {});
    expect(out.headers.get('location')).toBe(`/t/${slug}/sign-in`);
  });
});
