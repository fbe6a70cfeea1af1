// The branding page over HTTP: colours with their contrast and the sample in the saved colours,
// the logo uploaded as a browser sends a file (multipart), replaced and removed, and served to
// everyone from /assets/logo; files that are not raster images, files too big, another role and
// another agency refused with nothing changed.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { maxLogoBytes } from '@motcua/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantFingerprint } from '../../security-cases.ts';
import { useTestApp } from '../../testing.ts';
import { browserAs, expectAccessiblePage, hostOf } from '../console-dossiers/test-support.ts';

const t = useTestApp();

interface Agency {
  slug: TenantSlug;
  cookies: Record<'admin' | 'clerk', string>;
}

async function createAgency(): Promise<Agency> {
  const slug = await createTestTenant(t.deps.database);
  const cookies = {} as Agency['cookies'];
  for (const role of ['admin', 'clerk'] as const) {
    const id = newId('usr');
    await withTenant(t.deps.database, slug, (db) =>
      db
        .insert(staffUsers)
        .values({ id, email: `${role}@${slug}.gov.vn`, fullName: role, role, status: 'active' }),
    );
    const session = await createTenantSession(t.deps.database, slug, {
      kind: 'staff',
      principalId: id,
      twoFactorVerified: true,
    });
    cookies[role] = `motcua_session=${session.token}`;
  }
  return { slug, cookies };
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR a logo'),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF another logo')]);
const admin = (agency: Agency) => browserAs(t, agency.slug, agency.cookies.admin);

function logoForm(bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.set('logo', new File([bytes], name, { type }));
  return form;
}
const logo = (slug: string) => t.request('/assets/logo', { host: hostOf(slug) });
/** An agency without a logo of its own shows the platform's emblem in its header. */
async function expectEmblem(slug: string): Promise<string> {
  const res = await logo(slug);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/svg+xml');
  expect(res.headers.get('cache-control')).toBe('no-cache');
  return res.headers.get('etag') ?? '';
}
const storedKeys = async (slug: string) => {
  const keys: string[] = [];
  for await (const o of t.deps.storage.forTenant(slug).list()) keys.push(o.key);
  return keys;
};

async function page(agency: Agency, path = '/console/branding', lang: 'vi' | 'en' = 'vi') {
  const res = await admin(agency).go(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  expectAccessiblePage(html, lang);
  return html;
}

/** Bad input: the page again with `status` and its summary, and no row nor object changed. */
async function refused(
  agency: Agency,
  path: string,
  form: Record<string, string> | FormData,
  status: number,
) {
  const before = await tenantFingerprint(t, agency.slug);
  const objects = await storedKeys(agency.slug);
  const res = await admin(agency).post(path, form);
  expect(res.status, path).toBe(status);
  const html = await res.text();
  expectAccessiblePage(html, path.includes('lang=en') ? 'en' : 'vi');
  expect(html).toContain('class="error-summary"');
  expect(await tenantFingerprint(t, agency.slug)).toEqual(before);
  expect(await storedKeys(agency.slug)).toEqual(objects);
  return html;
}

describe('the branding page', () => {
  let agency: Agency;
  beforeAll(async () => {
    agency = await createAgency();
  });

  it('shows the colours in use with their contrast, the sample, and the logo forms', async () => {
    const html = await page(agency);
    expect(html).toContain('<h1>Nhận diện của cơ quan</h1>');
    // The platform's #a4161a under white: 7,75:1 (rounded down), with the decimal comma.
    expect(html).toContain('<dd id="contrast">7,75:1</dd>');
    expect(html).toContain('value="#a4161a"');
    expect(html).toContain('id="brand-sample"');
    expect(html).toMatch(/<link rel="stylesheet" href="\/console\/branding\/sample.css\?v=a4161affffff"/);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('accept="image/png,image/jpeg,image/webp"');
    expect(html).toContain('id="no-logo"');
    expect(html).not.toContain('id="remove-logo"');
    expect(await page(agency, '/console/branding?lang=en', 'en')).toContain('<dd id="contrast">7.75:1</dd>');
  });

  it('saves a readable pair; the page, its sample and the agency’s theme use it', async () => {
    const res = await admin(agency).post('/console/branding/colours', {
      primaryColor: '#0B5394',
      textOnPrimary: '#ffffff',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/branding?saved=colours');
    const html = await page(agency, '/console/branding?saved=colours');
    expect(html).toContain('Đã lưu màu sắc.');
    expect(html).toContain('<dd id="contrast">7,83:1</dd>');
    expect(html).toContain('sample.css?v=0b5394ffffff');
    const sample = await admin(agency).go('/console/branding/sample.css');
    expect(sample.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(sample.headers.get('cache-control')).toBe('no-store');
    expect(await sample.text()).toBe(
      '.settings-page .brand-sample {\n  background: #0b5394;\n  color: #ffffff;\n}\n',
    );
    const theme = await t.request('/assets/theme.css', { host: hostOf(agency.slug) });
    expect(await theme.text()).toContain('--brand: #0b5394;');
  });

  it('refuses an unreadable pair naming its contrast, and colours that are not #rrggbb, saving nothing', async () => {
    const vi = await refused(
      agency,
      '/console/branding/colours',
      { primaryColor: '#f5b301', textOnPrimary: '#ffffff' },
      400,
    );
    expect(vi).toContain('href="#textOnPrimary"');
    expect(vi).toContain('độ tương phản chỉ 1,85:1, cần tối thiểu 4,5:1');
    expect(vi).toMatch(/id="textOnPrimary"[^>]*aria-describedby="textOnPrimary-hint textOnPrimary-error"/);
    expect(vi).toContain('value="#f5b301"');
    const en = await refused(
      agency,
      '/console/branding/colours?lang=en',
      { primaryColor: '#f5b301', textOnPrimary: '#ffffff' },
      400,
    );
    expect(en).toContain('the contrast is only 1.85:1 and must be at least 4.5:1');
    const bad = await refused(
      agency,
      '/console/branding/colours',
      { primaryColor: 'red;}body{', textOnPrimary: '' },
      400,
    );
    expect(bad).toContain('href="#primaryColor"');
    expect(bad).toContain('href="#textOnPrimary"');
  });

  it('takes a PNG logo, shows it, and serves it to everyone with its type, nosniff and revalidation', async () => {
    const emblemTag = await expectEmblem(agency.slug);
    // The browser's copy of the emblem is still good until a logo is uploaded…
    const held = await t.request('/assets/logo', {
      host: hostOf(agency.slug),
      headers: { 'if-none-match': emblemTag },
    });
    expect(held.status).toBe(304);
    const res = await admin(agency).post('/console/branding/logo', logoForm(png, 'logo.png', 'image/png'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/branding?saved=logo');
    const html = await page(agency, '/console/branding?saved=logo');
    expect(html).toContain('Đã lưu biểu trưng.');
    expect(html).toMatch(
      /<img src="\/assets\/logo\?v=[0-9a-f]{16}" alt="Biểu trưng hiện tại của [^"]+" id="current-logo"/,
    );
    expect(html).toContain('id="remove-logo"');
    const served = await logo(agency.slug);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('no-cache');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    // …then the same browser asking with the emblem's tag gets the logo, and with the logo's, a 304.
    const stale = await t.request('/assets/logo', {
      host: hostOf(agency.slug),
      headers: { 'if-none-match': emblemTag },
    });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-type')).toBe('image/png');
    const logoTag = served.headers.get('etag') ?? '';
    expect(logoTag).not.toBe(emblemTag);
    const fresh = await t.request('/assets/logo', {
      host: hostOf(agency.slug),
      headers: { 'if-none-match': logoTag },
    });
    expect(fresh.status).toBe(304);
    expect(await storedKeys(agency.slug)).toEqual([
      expect.stringMatching(/^branding\/logo-[0-9a-f]{16}\.png$/),
    ]);
  });

  it.each([
    [
      'an HTML page renamed logo.png',
      Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
      'logo.png',
      'image/png',
      400,
      'không phải ảnh PNG, JPEG hoặc WebP',
    ],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'logo.svg',
      'image/svg+xml',
      400,
      'không phải ảnh PNG, JPEG hoặc WebP',
    ],
    [
      'a PNG one byte over 200 KB',
      Buffer.concat([png, Buffer.alloc(maxLogoBytes + 1 - png.byteLength)]),
      'big.png',
      'image/png',
      400,
      'lớn hơn 200 KB',
    ],
    [
      'a file far over the limit',
      Buffer.concat([png, Buffer.alloc(400 * 1024)]),
      'huge.png',
      'image/png',
      413,
      'lớn hơn 200 KB',
    ],
  ])(
    'refuses %s with the summary linking to the file field, keeping the logo',
    async (_name, bytes, name, type, status, message) => {
      const html = await refused(agency, '/console/branding/logo', logoForm(bytes, name, type), status);
      expect(html).toContain('href="#logo"');
      expect(html).toContain(message);
      expect(html).toMatch(/id="logo"[^>]*aria-describedby="logo-hint logo-error"/);
      expect((await logo(agency.slug)).headers.get('content-type')).toBe('image/png');
    },
  );

  it('refuses a form without a file', async () => {
    expect(await refused(agency, '/console/branding/logo', new FormData(), 400)).toContain(
      'Chọn một tệp ảnh',
    );
  });

  it('keeps agencies apart: each host serves its own logo, and another agency’s session changes nothing here', async () => {
    const other = await createAgency();
    await expectEmblem(other.slug);
    const before = await tenantFingerprint(t, agency.slug);
    const crossed = await browserAs(t, agency.slug, other.cookies.admin).post(
      '/console/branding/logo',
      logoForm(jpeg, 'x.jpg', 'image/jpeg'),
    );
    expect(crossed.status).toBe(303);
    expect(crossed.headers.get('location')).toBe('/sign-in');
    expect(
      (await admin(other).post('/console/branding/logo', logoForm(jpeg, 'b.jpg', 'image/jpeg'))).status,
    ).toBe(303);
    expect(Buffer.from(await (await logo(other.slug)).arrayBuffer()).equals(jpeg)).toBe(true);
    expect(Buffer.from(await (await logo(agency.slug)).arrayBuffer()).equals(png)).toBe(true);
    expect(await tenantFingerprint(t, agency.slug)).toEqual(before);
    expect(await page(other)).toContain('<dd id="contrast">');
    expect(await page(other)).toContain(
      '<input id="primaryColor" name="primaryColor" type="text" value="#a4161a"',
    );
  });

  it('is the admin’s: a clerk gets 403 on every page and action, and nothing changes', async () => {
    const before = await tenantFingerprint(t, agency.slug);
    const clerk = browserAs(t, agency.slug, agency.cookies.clerk);
    expect((await clerk.go('/console/branding')).status).toBe(403);
    expect((await clerk.go('/console/branding/sample.css')).status).toBe(403);
    expect(
      (await clerk.post('/console/branding/colours', { primaryColor: '#000000', textOnPrimary: '#ffffff' }))
        .status,
    ).toBe(403);
    expect((await clerk.post('/console/branding/logo/remove', {})).status).toBe(403);
    expect(await tenantFingerprint(t, agency.slug)).toEqual(before);
  });

  it('replaces the logo, deleting the old image, and removes it', async () => {
    const [old] = await storedKeys(agency.slug);
    expect(
      (await admin(agency).post('/console/branding/logo', logoForm(jpeg, 'new.jpg', 'image/png'))).status,
    ).toBe(303);
    const keys = await storedKeys(agency.slug);
    expect(keys).toEqual([expect.stringMatching(/\.jpg$/)]);
    expect(keys).not.toContain(old);
    expect((await logo(agency.slug)).headers.get('content-type')).toBe('image/jpeg');
    const res = await admin(agency).post('/console/branding/logo/remove', {});
    expect(res.headers.get('location')).toBe('/console/branding?saved=logoRemoved');
    expect(await page(agency, '/console/branding?saved=logoRemoved')).toContain('Đã gỡ biểu trưng.');
    await expectEmblem(agency.slug);
    expect(await storedKeys(agency.slug)).toEqual([]);
  });
});
