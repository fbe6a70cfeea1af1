import { newId } from '@motcua/db';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant, suspendTenant } from '@motcua/provisioning';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from './testing.ts';

const t = useTestApp();
const active = testSlug('act');
const paused = testSlug('pau');
const customHost = `dichvucong.${active}.gov.vn`;
const unverifiedHost = `unverified.${active}.gov.vn`;

beforeAll(async () => {
  for (const slug of [active, paused]) {
    const { run } = await provisionTenant(t.deps.provisioning, {
      slug,
      name: `Tỉnh ${slug}`,
      kind: 'province',
      adminEmail: `admin@${slug}.gov.vn`,
      actor: 'test',
    });
    expect(run.status).toBe('succeeded');
  }
  await suspendTenant(t.deps.provisioning, paused, 'test');
  const [tenant] = await t.deps.database.sql<
    { id: string }[]
  >`select id from platform.tenants where slug = ${active}`;
  await t.deps.database.sql`insert into platform.tenant_domains (id, tenant_id, domain, verified_at) values
    (${newId('dom')}, ${tenant!.id}, ${customHost}, now()),
    (${newId('dom')}, ${tenant!.id}, ${unverifiedHost}, null)`;
});

const html = { accept: 'text/html' };

describe('tenant resolution', () => {
  it('finds the tenant by host name, verified custom domain and /t/<slug> path', async () => {
    for (const [path, host] of [
      ['/api/tenant', `${active}.${testDomain}`],
      ['/api/tenant', customHost],
      [`/t/${active}/api/tenant`, testDomain],
      [`/t/${active}/api/tenant`, 'localhost'],
      [`/t/${active}/api/tenant`, '127.0.0.1'],
    ] as const) {
      const res = await t.request(path, { host });
      expect(res.status, `${host}${path}`).toBe(200);
      expect((await readJson(res)).slug).toBe(active);
    }
  });

  it('renders the portal front page with links under the path it was reached by', async () => {
    const res = await t.request(`/t/${active}/`, { headers: html });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain(`Tỉnh ${active}`);
    expect(page).toContain(`href="/t/${active}/assets/motcua.css"`);
    const en = await (
      await t.request(`/?lang=en`, { host: `${active}.${testDomain}`, headers: html })
    ).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('href="/assets/motcua.css"');
  });

  it('answers an unknown, hostile or unverified tenant address with 404: JSON on /api, a page elsewhere', async () => {
    const misses: [string, string][] = [
      ['/api/tenant', `${testSlug('none')}.${testDomain}`],
      ['/api/tenant', unverifiedHost],
      ['/api/tenant', `a.b.${testDomain}`],
      [`/t/${encodeURIComponent('A;drop table x')}/api/tenant`, testDomain],
      ['/t/..%2Fx/api/tenant', testDomain],
      ['/t/admin/api/tenant', testDomain],
      [`/t/${'a'.repeat(64)}/api/tenant`, testDomain],
    ];
    for (const [path, host] of misses) {
      const res = await t.request(path, { host });
      expect(res.status, `${host}${path}`).toBe(404);
      expect(await readJson(res)).toEqual({
        error: { code: 'tenant_not_found', message: expect.any(String) },
      });
    }
    const page = await t.request('/', { host: `${testSlug('none')}.${testDomain}`, headers: html });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Không tìm thấy cơ quan');
  });
});

describe('a suspended tenant', () => {
  const host = `${paused}.${testDomain}`;

  it('still serves citizens the front page with a notice, and the tenant profile', async () => {
    const front = await t.request('/', { host, headers: html });
    expect(front.status).toBe(200);
    expect(await front.text()).toContain('Cổng dịch vụ công đang tạm ngừng');
    const profile = await t.request('/api/tenant', { host });
    expect(await readJson(profile)).toMatchObject({ slug: paused, status: 'suspended' });
  });

  it('shows staff a suspension notice and refuses the API with 503', async () => {
    const console = await t.request('/console', { host, headers: html });
    expect(console.status).toBe(503);
    expect(await console.text()).toContain('Cán bộ không thể xử lý hồ sơ');
    // A citizen's page says what it means for them, not the staff notice.
    const procedure = await t.request('/procedures/1.001193', { host, headers: html });
    expect(procedure.status).toBe(503);
    const citizenText = await procedure.text();
    expect(citizenText).toContain('Bạn vẫn có thể tra cứu tình trạng hồ sơ đã nộp');
    expect(citizenText).not.toContain('Cán bộ không thể xử lý hồ sơ');
    const api = await t.request('/api/dossiers', { host, method: 'POST', body: '{}' });
    expect(api.status).toBe(503);
    expect(await readJson(api)).toMatchObject({ error: { code: 'tenant_suspended' } });
  });
});

describe('errors', () => {
  it('uses one JSON shape on /api, with a request id and no internals', async () => {
    const res = await t.request('/api/nothing-here', { headers: { 'x-request-id': 'req-12345678' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-12345678');
    expect(await readJson(res)).toEqual({ error: { code: 'not_found', message: 'No such resource.' } });
    const generated = await t.request('/api/nothing-here', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts no off-site link on the 404 page of a path that looks like another site', async () => {
    for (const [path, host] of [
      ['//evil.example/x', testDomain],
      ['//evil.example/x?lang=en', `${active}.${testDomain}`],
      ['/%5Cevil.example/x', `${active}.${testDomain}`],
      ['/%09/evil.example', testDomain],
    ] as const) {
      const res = await t.request(path, { host, headers: html });
      expect(res.status, path).toBe(404);
      const links = [...(await res.text()).matchAll(/(?:href|src|action)="([^"]*)"/g)].map((m) => m[1] ?? '');
      expect(links.length, path).toBeGreaterThan(0);
      for (const link of links) {
        // Resolved as a browser would: a fragment or a path of this site, nothing else.
        const resolved = URL.parse(link.replaceAll('&amp;', '&'), `http://${host}/page`);
        expect(resolved?.host, `${path}: ${link}`).toBe(host);
      }
    }
  });

  it('renders a page for people', async () => {
    const res = await t.request('/no-such-page?lang=en', { headers: html });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });
});

describe('service basics', () => {
  it('answers health, readiness and metrics', async () => {
    expect(await readJson(await t.request('/healthz'))).toEqual({ status: 'ok' });
    expect(await readJson(await t.request('/readyz'))).toEqual({ status: 'ready' });
    const metrics = await (await t.request('/metrics')).text();
    expect(metrics).toContain('motcua_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(metrics).toMatch(/motcua_process_resident_memory_bytes \d+/);
  });

  it('publishes OpenAPI 3.1 with operator and tenant paths, and a reference page that needs no CDN', async () => {
    const doc = await readJson(await t.request('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/ops/tenants', '/api/ops/tenants/{slug}', '/api/tenant']),
    );
    expect(doc.paths['/api/tenant'].servers[0].url).toContain(testDomain);
    expect(doc.paths['/api/ops/tenants'].post.responses['202']).toBeDefined();
    const docs = await (await t.request('/docs')).text();
    expect(docs).toContain('src="/docs/scalar.js"');
    expect(docs).not.toContain('cdn.jsdelivr');
    const script = await t.request('/docs/scalar.js');
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  it('lands a newcomer on a page that says where citizens, staff and operators go', async () => {
    const res = await t.request('/', { headers: html });
    const page = await res.text();
    expect(page).toContain(`http://${active}.${testDomain}/`);
    expect(page).toContain('/docs');
  });
});
