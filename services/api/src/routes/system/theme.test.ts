import { withTenant } from '@motcua/db';
import { settings } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();

async function brand(slug: string, value: unknown) {
  await withTenant(t.deps.database, slug as never, (db) =>
    db
      .insert(settings)
      .values({ key: 'branding', value })
      .onConflictDoUpdate({ target: settings.key, set: { value } }),
  );
}

describe('/assets/theme.css', () => {
  it('serves the agency’s colours on its host and on the path fallback, and every page links it', async () => {
    const slug = await createTestTenant(t.deps.database);
    await brand(slug, { primaryColor: '#0B5394', textOnPrimary: '#ffffff' });
    for (const [host, path] of [
      [`${slug}.${testDomain}`, '/assets/theme.css'],
      [testDomain, `/t/${slug}/assets/theme.css`],
    ] as const) {
      const res = await t.request(path, { host });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/css');
      expect(await res.text()).toBe(':root {\n  --brand: #0b5394;\n  --brand-contrast: #ffffff;\n}\n');
    }
    // Revalidated on each use, so a colour change shows on the next page, in every browser.
    const first = await t.request('/assets/theme.css', { host: `${slug}.${testDomain}` });
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const tag = first.headers.get('etag') ?? '';
    const same = await t.request('/assets/theme.css', {
      host: `${slug}.${testDomain}`,
      headers: { 'if-none-match': tag },
    });
    expect(same.status).toBe(304);
    await brand(slug, { primaryColor: '#14532d', textOnPrimary: '#ffffff' });
    const changed = await t.request('/assets/theme.css', {
      host: `${slug}.${testDomain}`,
      headers: { 'if-none-match': tag },
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('--brand: #14532d;');
    const home = await (await t.request(`/t/${slug}/sign-in`, { host: testDomain })).text();
    expect(home).toContain(`<link rel="stylesheet" href="/t/${slug}/assets/theme.css"/>`);
  });

  it('ignores a setting that would inject CSS or make text unreadable, and themes nothing it cannot find', async () => {
    const slug = await createTestTenant(t.deps.database);
    const css = async () => (await t.request('/assets/theme.css', { host: `${slug}.${testDomain}` })).text();
    const platform = await (await t.request('/assets/theme.css')).text();
    await brand(slug, { primaryColor: 'red;}body{display:none', textOnPrimary: '#ffffff' });
    expect(await css()).toBe(platform);
    await brand(slug, { primaryColor: '#f5b301', textOnPrimary: '#ffffff' });
    expect(await css()).toBe(platform);
    const unknown = await t.request('/assets/theme.css', { host: `khong-co.${testDomain}` });
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toBe(platform);
    const [row] = await withTenant(t.deps.database, slug, (db) =>
      db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'branding')),
    );
    expect(row?.value).toEqual({ primaryColor: '#f5b301', textOnPrimary: '#ffffff' });
  });
});

describe('/assets/logo on the platform host', () => {
  it('is the platform’s emblem, an image the header shows with an empty alt beside the site’s name', async () => {
    const res = await t.request('/assets/logo');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href=/i);
    const landing = await (await t.request('/', { headers: { accept: 'text/html' } })).text();
    expect(landing).toContain('<img class="brand-logo" src="/assets/logo" alt="" width="40" height="40"/>');
  });
});
