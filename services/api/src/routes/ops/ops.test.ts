import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { testSlug } from '@motcua/db/testing';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();

const body = (slug: string) => ({
  slug,
  name: `UBND ${slug}`,
  kind: 'province',
  adminEmail: `admin@${slug}.gov.vn`,
});

async function onboard(slug: string) {
  const res = await t.ops('/api/ops/tenants', { method: 'POST', body: JSON.stringify(body(slug)) });
  expect(res.status).toBe(202);
  await t.settle();
  return res;
}

async function countTenants(slug: string) {
  const [row] = await t.deps.database.sql<{ n: number }[]>`
    select count(*)::int as n from platform.tenants where slug = ${slug}`;
  return row?.n;
}

describe('operator API', () => {
  it('onboards a tenant: 202, then every step done and the tenant active at schema head', async () => {
    const slug = testSlug('op');
    const res = await onboard(slug);
    expect(res.headers.get('location')).toBe(`/api/ops/tenants/${slug}`);
    const accepted = await readJson(res);
    expect(accepted).toMatchObject({ tenant: { slug, status: 'provisioning' }, run: { kind: 'provision' } });

    const detail = await readJson(await t.ops(`/api/ops/tenants/${slug}`));
    expect(detail.tenant.status).toBe('active');
    expect(detail.tenant.schemaVersion).toBe(detail.schemaHead);
    expect(detail.runs[0].status).toBe('succeeded');
    // Measured by the worker, which does not run here.
    expect(detail.usage).toBeNull();
    expect(detail.runs[0].steps.map((s: { status: string }) => s.status)).toEqual(
      detail.runs[0].steps.map(() => 'done'),
    );

    const list = await readJson(await t.ops('/api/ops/tenants'));
    expect(list.tenants.find((x: { slug: string }) => x.slug === slug)).toMatchObject({
      status: 'active',
      latestRun: { status: 'succeeded' },
      usage: null,
    });

    const portal = await t.request('/api/tenant', { host: `${slug}.${testDomain}` });
    expect(await readJson(portal)).toEqual({
      slug,
      name: `UBND ${slug}`,
      kind: 'province',
      status: 'active',
    });

    // The first admin is invited by email, on the tenant's own host, and can accept.
    await t.deliverMail(slug);
    const mail = await t.mail.waitFor(`admin@${slug}.gov.vn`);
    const link = /https?:\/\/\S+accept-invitation\?token=(\S+)/.exec(mail.text);
    expect(link?.[0]).toContain(`://${slug}.${testDomain}/accept-invitation`);
    const acceptance = await t.request('/api/auth/invitation/accept', {
      host: `${slug}.${testDomain}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link?.[1], password: 'Vung-Tau-Sea-Breeze-42' }),
    });
    expect(acceptance.status).toBe(200);
    const signIn = await t.request('/api/auth/sign-in', {
      host: `${slug}.${testDomain}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `admin@${slug}.gov.vn`, password: 'Vung-Tau-Sea-Breeze-42' }),
    });
    expect(await readJson(signIn)).toMatchObject({ signedIn: false, totp: 'enrolment_required' });
  });

  it('refuses bad input with a 400 listing each problem, and creates nothing', async () => {
    const slug = testSlug('bad');
    const cases: [unknown, string][] = [
      [{ ...body(slug), slug: 'A;drop table x' }, 'slug'],
      [{ ...body(slug), slug: 'admin' }, 'slug'],
      [{ ...body(slug), adminEmail: 'not-an-email' }, 'adminEmail'],
      [{ ...body(slug), kind: 'district' }, 'kind'],
      [{ slug }, 'name'],
    ];
    for (const [input, field] of cases) {
      const res = await t.ops('/api/ops/tenants', { method: 'POST', body: JSON.stringify(input) });
      expect(res.status, JSON.stringify(input)).toBe(400);
      const error = (await readJson(res)).error;
      expect(['invalid_input', 'invalid_slug']).toContain(error.code);
      if (error.code === 'invalid_input') {
        expect(error.details.map((d: { path: string }) => d.path)).toContain(field);
      }
    }
    const malformed = await t.ops('/api/ops/tenants', { method: 'POST', body: '{"slug":' });
    expect(malformed.status).toBe(400);
    expect((await readJson(malformed)).error.code).toBeTypeOf('string');
    expect(await countTenants(slug)).toBe(0);
    expect(await countTenants('admin')).toBe(0);
  });

  it('answers a taken slug with 409, and two concurrent creates with one 202 and one 409', async () => {
    const slug = testSlug('dup');
    const [a, b] = await Promise.all([
      t.ops('/api/ops/tenants', { method: 'POST', body: JSON.stringify(body(slug)) }),
      t.ops('/api/ops/tenants', { method: 'POST', body: JSON.stringify(body(slug)) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await readJson(loser)).error.code).toBe('conflict');
    await t.settle();
    expect(await countTenants(slug)).toBe(1);
    const again = await t.ops('/api/ops/tenants', { method: 'POST', body: JSON.stringify(body(slug)) });
    expect(again.status).toBe(409);
  });

  it('suspends and resumes, refusing transitions that do not apply', async () => {
    const slug = testSlug('sus');
    await onboard(slug);
    expect((await t.ops(`/api/ops/tenants/${slug}/resume`, { method: 'POST' })).status).toBe(409);
    const tooLong = await t.ops(`/api/ops/tenants/${slug}/suspend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'x'.repeat(501) }),
    });
    expect(tooLong.status).toBe(400);
    const suspended = await t.ops(`/api/ops/tenants/${slug}/suspend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Rental contract unpaid for 60 days' }),
    });
    expect(suspended.status).toBe(200);
    expect((await readJson(suspended)).tenant).toMatchObject({
      status: 'suspended',
      suspendedReason: 'Rental contract unpaid for 60 days',
    });
    expect((await t.ops(`/api/ops/tenants/${slug}/suspend`, { method: 'POST' })).status).toBe(409);
    const staff = await t.request('/admin', {
      host: `${slug}.${testDomain}`,
      headers: { accept: 'text/html' },
    });
    expect(staff.status).toBe(503);
    const resumed = await t.ops(`/api/ops/tenants/${slug}/resume`, { method: 'POST' });
    expect((await readJson(resumed)).tenant.status).toBe('active');
    const after = await t.request('/admin', {
      host: `${slug}.${testDomain}`,
      headers: { accept: 'text/html' },
    });
    expect(after.status).toBe(404);
  });

  it('answers 404 for an unknown tenant and 400 for a hostile slug', async () => {
    const unknown = await t.ops(`/api/ops/tenants/${testSlug('nobody')}`);
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).error.code).toBe('not_found');
    const hostile = await t.ops(`/api/ops/tenants/${encodeURIComponent('../x')}/suspend`, { method: 'POST' });
    expect(hostile.status).toBe(400);
  });

  it('offboards: exports every row and object first, then removes the tenant', async () => {
    const slug = testSlug('off');
    await onboard(slug);
    const res = await t.ops(`/api/ops/tenants/${slug}`, { method: 'DELETE' });
    expect(res.status).toBe(202);
    await t.settle();
    const detail = await readJson(await t.ops(`/api/ops/tenants/${slug}`));
    expect(detail.tenant.status).toBe('offboarded');
    expect(detail.exportAvailable).toBe(true);
    const portal = await t.request('/api/tenant', { host: `${slug}.${testDomain}` });
    expect(portal.status).toBe(404);

    const archive = await t.ops(`/api/ops/tenants/${slug}/export`);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/gzip');
    const names: string[] = [];
    const files = extract();
    files.on('entry', (header, stream, next) => {
      names.push(header.name);
      stream.on('end', next);
      stream.resume();
    });
    const done = new Promise<void>((resolve, reject) =>
      files.on('finish', () => resolve()).on('error', reject),
    );
    Readable.fromWeb(archive.body as never)
      .pipe(createGunzip())
      .pipe(files);
    await done;
    expect(names).toContain('manifest.json');
    expect(names).toEqual(expect.arrayContaining(['tables/units.jsonl', 'tables/staff_users.jsonl']));
    expect(names.some((n) => n.startsWith('objects/'))).toBe(true);

    const [schema] = await t.deps.database.sql`
      select 1 from pg_namespace where nspname = ${`t_${slug.replaceAll('-', '_')}`}`;
    expect(schema).toBeUndefined();
  });

  it('keeps the operator token out of the logs', async () => {
    await t.ops('/api/ops/tenants');
    await t.request('/api/ops/tenants', { headers: { authorization: `Bearer ${t.token}` } });
    expect(t.logLines.length).toBeGreaterThan(0);
    expect(t.logLines.join('\n')).not.toContain(t.token);
  });
});
