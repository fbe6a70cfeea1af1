import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, testSlug } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformOrigin, tenantOrigin } from './site-links.ts';
import { testDomain, useTestApp } from './testing.ts';

// Links take their scheme and port from PUBLIC_URL: here a port no request below uses.
const t = useTestApp({ env: { PUBLIC_URL: `https://${testDomain}:8443` } });
const forged = 6666;
let slug: TenantSlug;
let adminCookie: string;

beforeAll(async () => {
  slug = await createTestTenant(t.deps.database);
  const adminId = newId('usr');
  await withTenant(t.deps.database, slug, async (db) => {
    await db
      .insert(citizens)
      .values({ id: newId('usr'), email: `dan-${slug}@example.vn`, fullName: 'Trần Văn Dân' });
    await db.insert(staffUsers).values({
      id: adminId,
      email: `admin@${slug}.vn`,
      fullName: 'Quản trị',
      role: 'admin',
      status: 'active',
    });
  });
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: 'staff',
    principalId: adminId,
    twoFactorVerified: true,
  });
  adminCookie = `motcua_session=${token}`;
});

const post = (host: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.request(path, {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://${host}`, ...headers },
    body: JSON.stringify(body),
  });

describe('links in emails', () => {
  it('builds origins from configuration: PUBLIC_URL, or the platform domain and port', () => {
    const base = { PLATFORM_DOMAIN: 'localhost', PORT: 3000, PUBLIC_URL: undefined };
    expect(platformOrigin(base)).toBe('http://localhost:3000');
    expect(tenantOrigin(base, 'hue')).toBe('http://hue.localhost:3000');
    const configured = { PLATFORM_DOMAIN: 'motcua.vn', PORT: 8080, PUBLIC_URL: 'https://motcua.vn' };
    expect(platformOrigin(configured)).toBe('https://motcua.vn');
    expect(tenantOrigin(configured, 'hue')).toBe('https://hue.motcua.vn');
    expect(tenantOrigin(configured, 'hue', 'dichvucong.hue.gov.vn')).toBe('https://dichvucong.hue.gov.vn');
  });

  it('gives a reset link the configured scheme and port whatever port the Host header names', async () => {
    const email = `dan-${slug}@example.vn`;
    const onTenantHost = await post(`${slug}.${testDomain}:${forged}`, '/api/auth/password-reset', { email });
    expect(onTenantHost.status).toBe(202);
    await t.deliverMail(slug);
    const first = await t.mail.waitFor(email);
    expect(first.text).toContain(`https://${slug}.${testDomain}:8443/reset-password?token=`);
    expect(first.text).not.toContain(String(forged));

    // The path fallback is served on any IPv4 host: neither that host nor its port gets into the link.
    const onPath = await post(`203.0.113.66:${forged}`, `/t/${slug}/api/auth/password-reset`, { email });
    expect(onPath.status).toBe(202);
    await t.deliverMail(slug);
    const second = await t.mail.waitFor(email);
    expect(second.text).toContain(`https://${testDomain}:8443/t/${slug}/reset-password?token=`);
    expect(second.text).not.toMatch(/203\.0\.113\.66|6666/);
  });

  it('gives a staff invitation and a first admin’s invitation the configured origin', async () => {
    const host = `${slug}.${testDomain}:${forged}`;
    const invited = await post(
      host,
      '/api/admin/staff',
      { email: `moi-${slug}@a.vn`, fullName: 'Lê Thị Mới', role: 'viewer' },
      { cookie: adminCookie },
    );
    expect(invited.status).toBe(201);
    await t.deliverMail(slug);
    const invitation = await t.mail.waitFor(`moi-${slug}@a.vn`);
    expect(invitation.text).toContain(`https://${slug}.${testDomain}:8443/accept-invitation?token=`);
    expect(invitation.text).not.toContain(String(forged));

    const newSlug = testSlug('lnk');
    const created = await t.ops('/api/ops/tenants', {
      host: `${testDomain}:${forged}`,
      method: 'POST',
      body: JSON.stringify({
        slug: newSlug,
        name: 'UBND tỉnh Liên Kết',
        kind: 'province',
        adminEmail: `admin@${newSlug}.gov.vn`,
      }),
    });
    expect(created.status).toBe(202);
    await t.settle();
    await t.deliverMail(newSlug);
    const firstAdmin = await t.mail.waitFor(`admin@${newSlug}.gov.vn`);
    expect(firstAdmin.text).toContain(`https://${newSlug}.${testDomain}:8443/accept-invitation?token=`);
    expect(firstAdmin.text).not.toContain(String(forged));
  });
});
