import { testSlug } from '@motcua/db/testing';
import { describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../testing.ts';

const t = useTestApp();

describe('web safety', () => {
  it('sends a strict content security policy and the usual protective headers on pages and JSON', async () => {
    for (const path of ['/', '/healthz', '/api/nothing']) {
      const res = await t.request(path, { headers: { accept: 'text/html' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('has no inline script on the pages it renders', async () => {
    for (const path of ['/', '/docs']) {
      const html = await (await t.request(path, { headers: { accept: 'text/html' } })).text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter(
        (m) => (m[1] ?? '').trim() !== '',
      );
      expect(
        inline.map((m) => m[0].slice(0, 80)),
        path,
      ).toEqual([]);
    }
  });

  it('refuses a cross-site state-changing request that carries cookies, and changes nothing', async () => {
    const slug = testSlug('csrf');
    const body = JSON.stringify({ slug, name: 'UBND thử', kind: 'province', adminEmail: 'a@b.gov.vn' });
    const headers = {
      authorization: `Bearer ${t.token}`,
      'content-type': 'application/json',
      cookie: 'motcua_ops_session=abc.def',
    };
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const res = await t.request('/api/ops/tenants', {
        method: 'POST',
        body,
        headers: origin ? { ...headers, origin } : headers,
      });
      expect(res.status, String(origin)).toBe(403);
      expect((await readJson(res)).error.code).toBe('csrf_rejected');
    }
    const [row] = await t.deps.database
      .sql`select count(*)::int as n from platform.tenants where slug = ${slug}`;
    expect(row?.n).toBe(0);
    const same = await t.request('/api/ops/tenants', {
      method: 'POST',
      body,
      headers: { ...headers, origin: `http://${testDomain}` },
    });
    expect(same.status).toBe(202);
    await t.settle();
  });
});

describe('pages whose address carries a one-time token', () => {
  it('ask for no referrer, so the token does not leak to the next site', async () => {
    const res = await t.request('/docs?token=abc.def');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const plain = await t.request('/docs');
    expect(plain.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
