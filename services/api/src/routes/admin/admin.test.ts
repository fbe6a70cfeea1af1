import { createTotpSecret, hashPassword } from '@motcua/auth';
import { newId, type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import { citizens, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Admin-Passphrase-2026';
const secret = createTotpSecret();
const tenantA = testSlug('adm');
const tenantB = testSlug('adb');
const hostOf = (slug: string) => `${slug}.${testDomain}`;

async function addPerson(slug: TenantSlug, kind: 'admin' | 'reception' | 'citizen', email: string) {
  const passwordHash = await hashPassword(password);
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id: newId('usr'), email, fullName: 'Công dân', passwordHash })
      : db.insert(staffUsers).values({
          id: newId('usr'),
          email,
          fullName: kind,
          role: kind,
          status: 'active',
          passwordHash,
          ...(kind === 'admin' ? { totpSecret: secret, totpEnrolledAt: new Date() } : {}),
        }),
  );
}

/** Signs in over HTTP and returns the session cookie (after TOTP for admins). */
async function session(slug: TenantSlug, email: string): Promise<string> {
  const host = hostOf(slug);
  const res = await t.request('/api/auth/sign-in', {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if ((await readJson(res)).totp === 'required') {
    await t.request('/api/auth/totp', {
      host,
      method: 'POST',
      headers: { cookie, origin: `http://${host}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: generateTOTP(decodeBase32IgnorePadding(secret), 30, 6) }),
    });
  }
  return cookie;
}

const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const slug of [tenantA, tenantB]) {
    await provisionTenant(t.deps.provisioning, {
      slug,
      name: `UBND ${slug}`,
      kind: 'province',
      adminEmail: `x@${slug}.vn`,
      actor: 'test',
    });
  }
  await addPerson(tenantA, 'admin', 'admin@a.vn');
  cookies.admin = await session(tenantA, 'admin@a.vn');
});

const call = (
  path: string,
  cookie: string,
  init: { method?: string; body?: unknown; host?: string } = {},
) => {
  const host = init.host ?? hostOf(tenantA);
  return t.request(path, {
    host,
    method: init.method ?? 'GET',
    headers: {
      ...(cookie ? { cookie } : {}),
      origin: `http://${host}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
};

describe('API keys and the audit trail', () => {
  it('creates a key shown once, lists it without the secret, revokes it, and audits both', async () => {
    const created = await call('/api/admin/api-keys', cookies.admin ?? '', {
      method: 'POST',
      body: { name: 'Đồng bộ DVC quốc gia', mode: 'live', permissions: ['dossiers.read'] },
    });
    expect(created.status).toBe(201);
    const { key, apiKey } = await readJson(created);
    expect(key).toMatch(/^mc_live_/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const list = await readJson(await call('/api/admin/api-keys', cookies.admin ?? ''));
    expect(JSON.stringify(list)).not.toContain(key);
    expect(list.keys.map((k: { id: string }) => k.id)).toContain(apiKey.id);
    const revoked = await call(`/api/admin/api-keys/${apiKey.id}`, cookies.admin ?? '', { method: 'DELETE' });
    expect((await readJson(revoked)).apiKey.revokedAt).not.toBeNull();
    const auditRows = (await readJson(await call('/api/admin/audit?limit=20', cookies.admin ?? ''))).rows;
    const actions = auditRows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.totp_verified']));
    expect(actions.some((a: string) => a.includes('api_key'))).toBe(true);
    expect(JSON.stringify(auditRows)).not.toContain(key);
  });

  it('reports an intact chain, then the first row someone altered', async () => {
    expect(await readJson(await call('/api/admin/audit/verify', cookies.admin ?? ''))).toMatchObject({
      intact: true,
    });
    const { schema, ownerRole } = tenantNames(tenantA);
    await t.deps.database.sql.begin(async (tx) => {
      await tx`select set_config('search_path', ${schema}, true), set_config('role', ${ownerRole}, true)`;
      await tx.unsafe(`update audit_log set actor = 'someone-else' where id = 2`);
    });
    expect(await readJson(await call('/api/admin/audit/verify', cookies.admin ?? ''))).toMatchObject({
      intact: false,
      firstBrokenId: 2,
      reason: 'content_changed',
    });
  });
});

describe('API keys as credentials', () => {
  async function newKey(permissions: string[]) {
    const res = await call('/api/admin/api-keys', cookies.admin ?? '', {
      method: 'POST',
      body: { name: `key ${permissions.join(',')}`, mode: 'test', permissions },
    });
    return (await readJson(res)) as { key: string; apiKey: { id: string } };
  }
  const withKey = (path: string, key: string, host = hostOf(tenantA)) =>
    t.request(path, { host, headers: { authorization: `Bearer ${key}` } });

  it('lets a key do what its permissions allow and nothing else', async () => {
    const { key } = await newKey(['audit.read']);
    expect((await withKey('/api/admin/audit', key)).status).toBe(200);
    expect((await withKey('/api/admin/api-keys', key)).status).toBe(403);
  });

  it('refuses malformed, revoked and other tenants’ keys with 401', async () => {
    const { key, apiKey } = await newKey(['audit.read']);
    expect((await withKey('/api/admin/audit', 'mc_live_not-a-key')).status).toBe(401);
    expect((await withKey('/api/admin/audit', `${key}x`)).status).toBe(401);
    expect((await withKey('/api/admin/audit', key, hostOf(tenantB))).status).toBe(401);
    await call(`/api/admin/api-keys/${apiKey.id}`, cookies.admin ?? '', { method: 'DELETE' });
    expect((await withKey('/api/admin/audit', key)).status).toBe(401);
  });
});

describe('national identity provider settings', () => {
  it('are validated, saved, read back without the client secret, and audited', async () => {
    const admin = cookies.admin ?? '';
    expect(await readJson(await call('/api/admin/oidc-settings', admin))).toEqual({ settings: null });
    const bad = await call('/api/admin/oidc-settings', admin, {
      method: 'PUT',
      body: { issuer: 'not a url', clientId: '', clientSecret: 's', displayName: '' },
    });
    expect(bad.status).toBe(400);
    const secret = 'client-secret-that-must-not-come-back';
    const saved = await call('/api/admin/oidc-settings', admin, {
      method: 'PUT',
      body: {
        issuer: 'https://id.example.vn',
        clientId: 'motcua-da-nang',
        clientSecret: secret,
        displayName: 'VNeID',
      },
    });
    expect(saved.status).toBe(200);
    const read = await call('/api/admin/oidc-settings', admin);
    const text = await read.text();
    expect(JSON.parse(text)).toEqual({
      settings: { issuer: 'https://id.example.vn', clientId: 'motcua-da-nang', displayName: 'VNeID' },
    });
    expect(text).not.toContain(secret);
    const audit = await readJson(await call('/api/admin/audit?limit=5', admin));
    expect(audit.rows.map((r: { action: string }) => r.action)).toContain('settings.oidc_updated');
    expect(JSON.stringify(audit)).not.toContain(secret);
  });
});
