import { createTotpSecret, hashPassword, upsertOperator } from '@motcua/auth';
import { newId, type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import { auditLog, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Support-Passphrase-77';
const adminSecret = createTotpSecret();
const supportSecret = createTotpSecret();
const tenantA = testSlug('sga');
const tenantB = testSlug('sgb');
const supportEmail = `support-${tenantA}@vendor.vn`;
const billingEmail = `billing-${tenantA}@vendor.vn`;
const totp = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);

async function signIn(host: string, path: string, email: string, secret: string) {
  const res = await t.request(`${path}/sign-in`, {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await t.request(`${path}/totp`, {
    host,
    method: 'POST',
    headers: { cookie, origin: `http://${host}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: totp(secret) }),
  });
  return cookie;
}

const get = (path: string, cookie: string, host = testDomain) =>
  t.request(path, { host, headers: cookie ? { cookie } : {} });
const send = (path: string, cookie: string, host: string, method: string, body?: unknown) =>
  t.request(path, {
    host,
    method,
    headers: { cookie, origin: `http://${host}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

let admin = '';
let support = '';
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
  const passwordHash = await hashPassword(password);
  await withTenant(t.deps.database, tenantA as TenantSlug, (db) =>
    db.insert(staffUsers).values({
      id: newId('usr'),
      email: 'admin@a.vn',
      fullName: 'Quản trị',
      role: 'admin',
      status: 'active',
      passwordHash,
      totpSecret: adminSecret,
      totpEnrolledAt: new Date(),
    }),
  );
  await upsertOperator(t.deps.database, {
    email: supportEmail,
    fullName: 'Hỗ trợ',
    role: 'support',
    password,
    totpSecret: supportSecret,
  });
  await upsertOperator(t.deps.database, {
    email: billingEmail,
    fullName: 'Kế toán',
    role: 'billing',
    password,
  });
  admin = await signIn(`${tenantA}.${testDomain}`, '/api/auth', 'admin@a.vn', adminSecret);
  support = await signIn(testDomain, '/api/ops/auth', supportEmail, supportSecret);
});

const staffPath = (slug: string) => `/api/ops/tenants/${slug}/support/staff`;

describe('support access', () => {
  it('needs a grant from the agency, is audited in the agency’s log, and ends when revoked', async () => {
    expect((await get(staffPath(tenantA), support)).status, 'before any grant').toBe(403);
    const hostA = `${tenantA}.${testDomain}`;
    const created = await send('/api/admin/support-grants', admin, hostA, 'POST', {
      operatorEmail: supportEmail,
      reason: 'Phiếu hỗ trợ #42: không chuyển bước được',
      hours: 2,
    });
    expect(created.status).toBe(201);
    const { grant } = await readJson(created);
    const listed = await readJson(await get('/api/admin/support-grants', admin, hostA));
    expect(listed.grants.map((g: { id: string }) => g.id)).toContain(grant.id);

    const res = await get(staffPath(tenantA), support);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.staff.map((s: { email: string }) => s.email)).toContain('admin@a.vn');
    expect(JSON.stringify(body)).not.toMatch(/argon2|totp/i);
    const audited = await withTenant(t.deps.database, tenantA as TenantSlug, (db) =>
      db.select({ actor: auditLog.actor }).from(auditLog).where(eq(auditLog.action, 'support.access')),
    );
    expect(audited).toHaveLength(1);

    expect((await get(staffPath(tenantB), support)).status, 'a grant of A opens nothing in B').toBe(403);
    expect((await get(staffPath(tenantA), '', testDomain)).status, 'no session').toBe(401);
    const token = await t.request(staffPath(tenantA), { headers: { authorization: `Bearer ${t.token}` } });
    expect(token.status, 'the bootstrap token has no identity').toBe(403);

    await send(`/api/admin/support-grants/${grant.id}`, admin, hostA, 'DELETE');
    expect((await get(staffPath(tenantA), support)).status, 'after revoking').toBe(403);
  });

  it('refuses grants to operators without support access, and expired grants open nothing', async () => {
    const hostA = `${tenantA}.${testDomain}`;
    const refused = await send('/api/admin/support-grants', admin, hostA, 'POST', {
      operatorEmail: billingEmail,
      reason: 'không hợp lệ',
      hours: 1,
    });
    expect(refused.status).toBe(400);
    const tooLong = await send('/api/admin/support-grants', admin, hostA, 'POST', {
      operatorEmail: supportEmail,
      reason: 'quá dài',
      hours: 100,
    });
    expect(tooLong.status).toBe(400);
    const { grant } = await readJson(
      await send('/api/admin/support-grants', admin, hostA, 'POST', {
        operatorEmail: supportEmail,
        reason: 'hết hạn sớm',
        hours: 1,
      }),
    );
    const { schema, ownerRole } = tenantNames(tenantA as TenantSlug);
    await t.deps.database.sql.begin(async (tx) => {
      await tx`select set_config('search_path', ${schema}, true), set_config('role', ${ownerRole}, true)`;
      await tx`update support_grants set expires_at = now() - interval '1 minute' where id = ${grant.id}`;
    });
    expect((await get(staffPath(tenantA), support)).status).toBe(403);
  });
});
