import { createTotpSecret, hashPassword } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, testSlug } from '@motcua/db/testing';
import { provisionTenant, suspendTenant } from '@motcua/provisioning';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserOn, readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Correct-Horse-Battery-9';
const tenantA = testSlug('auth');
const tenantB = testSlug('other');
const totpSecret = createTotpSecret();
const code = (secret = totpSecret) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
const hostOf = (slug: string) => `${slug}.${testDomain}`;
const browser = (host: string) => browserOn(t, host);

async function addStaff(
  slug: TenantSlug,
  role: 'admin' | 'reception' | 'viewer',
  email: string,
  totp?: string,
) {
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

beforeAll(async () => {
  for (const slug of [tenantA, tenantB]) {
    await provisionTenant(t.deps.provisioning, {
      slug,
      name: `UBND ${slug}`,
      kind: 'province',
      adminEmail: `invited@${slug}.gov.vn`,
      actor: 'test',
    });
  }
  await addStaff(tenantA, 'reception', 'reception@a.gov.vn');
  await addStaff(tenantA, 'admin', 'admin@a.gov.vn', totpSecret);
  await addStaff(tenantA, 'admin', 'new-admin@a.gov.vn');
  await addStaff(tenantB, 'viewer', 'viewer@b.gov.vn');
});

describe('tenant sign-in', () => {
  it('signs a staff member in with an HttpOnly SameSite=Lax cookie and answers /me with role and permissions', async () => {
    const b = browser(hostOf(tenantA));
    const res = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'Reception@A.gov.vn', password },
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ signedIn: true, principal: { kind: 'staff' } });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^motcua_session=[a-z0-9]+\.[a-z0-9]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const me = await readJson(await b.call('/api/auth/me'));
    expect(me).toMatchObject({ kind: 'staff', email: 'reception@a.gov.vn', role: 'reception' });
    expect(me.permissions).toContain('dossiers.receive');
    expect(me.permissions).not.toContain('staff.manage');
  });

  it('gives the same 401 for a wrong password and an unknown account, and writes an audit row', async () => {
    const b = browser(hostOf(tenantA));
    const wrong = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'reception@a.gov.vn', password: 'nope-nope-nope' },
    });
    const unknown = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'nobody@a.gov.vn', password },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await readJson(wrong)).toEqual(await readJson(unknown));
    expect(b.cookie()).toBe('');
    const rows = await withTenant(t.deps.database, tenantA, (db) =>
      db.select({ actor: auditLog.actor }).from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed')),
    );
    expect(rows.map((r) => r.actor)).toEqual(
      expect.arrayContaining(['anonymous', expect.stringMatching(/^staff:usr_/)]),
    );
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    const b = browser(hostOf(tenantB));
    for (let i = 0; i < 5; i += 1) {
      const res = await b.call('/api/auth/sign-in', {
        method: 'POST',
        body: { email: 'viewer@b.gov.vn', password: `wrong-${i}-xxxx` },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'viewer@b.gov.vn', password },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(b.cookie()).toBe('');
  });

  it('asks agency admins for a TOTP code before the session is usable', async () => {
    const b = browser(hostOf(tenantA));
    const res = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'admin@a.gov.vn', password },
    });
    expect(await readJson(res)).toMatchObject({ signedIn: false, totp: 'required' });
    expect((await b.call('/api/auth/me')).status).toBe(401);
    expect(
      (
        await b.call('/api/auth/totp', {
          method: 'POST',
          body: { code: '000000' === code() ? '111111' : '000000' },
        })
      ).status,
    ).toBe(401);
    expect((await b.call('/api/auth/totp', { method: 'POST', body: { code: code() } })).status).toBe(200);
    expect(await readJson(await b.call('/api/auth/me'))).toMatchObject({ role: 'admin' });
    // The same code a second time (a replay) is refused.
    const other = browser(hostOf(tenantA));
    await other.call('/api/auth/sign-in', { method: 'POST', body: { email: 'admin@a.gov.vn', password } });
    expect((await other.call('/api/auth/totp', { method: 'POST', body: { code: code() } })).status).toBe(401);
    expect((await other.call('/api/auth/me')).status).toBe(401);
  });

  it('makes an admin without an authenticator enrol one before signing in completes', async () => {
    const b = browser(hostOf(tenantA));
    const res = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'new-admin@a.gov.vn', password },
    });
    expect(await readJson(res)).toMatchObject({ signedIn: false, totp: 'enrolment_required' });
    const enrol = await readJson(await b.call('/api/auth/totp/enrolment', { method: 'POST' }));
    expect(enrol.uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await b.call('/api/auth/me')).status).toBe(401);
    const confirm = await b.call('/api/auth/totp/enrolment/confirm', {
      method: 'POST',
      body: { code: code(enrol.secret) },
    });
    expect(confirm.status).toBe(200);
    expect((await b.call('/api/auth/me')).status).toBe(200);
  });

  it('registers a citizen with explicit consent, answering the same for a known address', async () => {
    const b = browser(hostOf(tenantA));
    const input = { email: 'nguyenvana@example.vn', fullName: 'Nguyễn Văn A', password, consent: true };
    const first = await b.call('/api/auth/register', { method: 'POST', body: input });
    const again = await b.call('/api/auth/register', { method: 'POST', body: input });
    expect(first.status).toBe(202);
    expect(await readJson(first)).toEqual(await readJson(again));
    const noConsent = await b.call('/api/auth/register', {
      method: 'POST',
      body: { ...input, email: 'x@example.vn', consent: false },
    });
    expect(noConsent.status).toBe(400);
    const weak = await b.call('/api/auth/register', {
      method: 'POST',
      body: { ...input, email: 'y@example.vn', password: 'matkhau123' },
    });
    expect(weak.status).toBe(400);
    expect((await readJson(weak)).error.details.map((d: { path: string }) => d.path)).toContain('password');
    await b.call('/api/auth/sign-in', { method: 'POST', body: { email: input.email, password } });
    expect(await readJson(await b.call('/api/auth/me'))).toMatchObject({
      kind: 'citizen',
      identityVerified: false,
      permissions: [],
    });
  });

  it('registers and signs in a citizen by mobile number, in any common spelling, on that agency only', async () => {
    const slug = await createTestTenant(t.deps.database);
    const b = browser(hostOf(slug));
    const register = (body: Record<string, unknown>) =>
      b.call('/api/auth/register', {
        method: 'POST',
        body: { fullName: 'Lê Văn C', password, consent: true, ...body },
      });
    const people = () =>
      withTenant(t.deps.database, slug, (db) =>
        db.select({ email: citizens.email, phone: citizens.phone }).from(citizens),
      );

    const landline = await register({ phone: '0236 3822 222' });
    expect(landline.status).toBe(400);
    expect((await readJson(landline)).error.details).toEqual([
      { path: 'phone', message: 'Not a Vietnamese mobile number.' },
    ]);
    const neither = await register({});
    expect(neither.status).toBe(400);
    expect((await readJson(neither)).error.details.map((d: { path: string }) => d.path)).toEqual(['email']);
    expect(await people()).toEqual([]);

    expect((await register({ phone: '0912 345 678' })).status).toBe(202);
    expect(await people()).toEqual([{ email: null, phone: '+84912345678' }]);
    // The same number spelled another way is the same account: same answer, nothing created.
    const again = await register({ phone: '+84 912.345.678', email: 'khac@example.vn' });
    expect(again.status).toBe(202);
    expect(await people()).toEqual([{ email: null, phone: '+84912345678' }]);

    for (const body of [
      { phone: '84912345678', password },
      { email: '0912-345-678', password },
    ]) {
      const signedIn = await browser(hostOf(slug)).call('/api/auth/sign-in', { method: 'POST', body });
      expect(signedIn.status, JSON.stringify(body)).toBe(200);
      expect(await readJson(signedIn)).toMatchObject({ signedIn: true, principal: { kind: 'citizen' } });
    }
    const wrong = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { phone: '0912345678', password: 'x' },
    });
    expect(wrong.status).toBe(401);
    const unknown = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { phone: '0987654321', password },
    });
    expect(unknown.status).toBe(401);
    expect(await readJson(unknown)).toEqual(await readJson(wrong));
    const malformed = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: '0912 34', password },
    });
    expect(malformed.status).toBe(400);
    // Another agency has no such citizen.
    const elsewhere = await browser(hostOf(tenantB)).call('/api/auth/sign-in', {
      method: 'POST',
      body: { phone: '0912345678', password },
    });
    expect(elsewhere.status).toBe(401);
  });

  it('limits registrations per address and tenant (429 with Retry-After)', async () => {
    const b = browser(hostOf(tenantB));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await b.call('/api/auth/register', {
        method: 'POST',
        body: { email: `citizen${i}@example.vn`, fullName: 'Trần Thị B', password, consent: true },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });

  it('signs out this session, or every session of the account', async () => {
    const one = browser(hostOf(tenantA));
    const two = browser(hostOf(tenantA));
    for (const b of [one, two])
      await b.call('/api/auth/sign-in', { method: 'POST', body: { email: 'reception@a.gov.vn', password } });
    const stale = one.cookie();
    expect((await one.call('/api/auth/sign-out', { method: 'POST' })).status).toBe(204);
    one.setCookie(stale);
    expect((await one.call('/api/auth/me')).status).toBe(401);
    expect((await two.call('/api/auth/me')).status).toBe(200);
    await two.call('/api/auth/sign-out?everywhere=true', { method: 'POST' });
    const three = browser(hostOf(tenantA));
    three.setCookie(two.cookie());
    expect((await three.call('/api/auth/me')).status).toBe(401);
  });
});

describe('tenant sessions are kept inside their realm', () => {
  it('refuses /api/auth/me with no session, a forged one, another tenant’s, an operator token, and on a suspended tenant', async () => {
    const a = browser(hostOf(tenantA));
    await a.call('/api/auth/sign-in', { method: 'POST', body: { email: 'reception@a.gov.vn', password } });
    const sessionA = a.cookie();
    const [, token] = sessionA.split('=');

    const cases: [string, string | undefined, number][] = [
      ['no session', undefined, 401],
      ['forged secret', `motcua_session=${token?.split('.')[0]}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`, 401],
      ['garbage', 'motcua_session=not-a-token', 401],
      ['operator token as cookie', `motcua_session=${t.token}`, 401],
    ];
    for (const [name, cookie, status] of cases) {
      const b = browser(hostOf(tenantA));
      if (cookie) b.setCookie(cookie);
      expect((await b.call('/api/auth/me')).status, name).toBe(status);
    }
    const onB = browser(hostOf(tenantB));
    onB.setCookie(sessionA);
    expect((await onB.call('/api/auth/me')).status, 'tenant A session on tenant B').toBe(401);
    const onPlatform = await t.request('/api/ops/tenants', { headers: { cookie: sessionA } });
    expect(onPlatform.status, 'tenant session on the operator API').toBe(401);

    const suspended = testSlug('susp');
    await provisionTenant(t.deps.provisioning, {
      slug: suspended,
      name: 'Bộ Tạm ngừng',
      kind: 'ministry',
      adminEmail: 'a@s.gov.vn',
      actor: 'test',
    });
    await suspendTenant(t.deps.provisioning, suspended, 'test');
    t.deps.tenants.invalidate(suspended);
    const s = browser(hostOf(suspended));
    const res = await s.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'a@s.gov.vn', password },
    });
    expect(res.status).toBe(503);
  });

  it('refuses a cross-site sign-out that carries the cookie', async () => {
    const a = browser(hostOf(tenantA));
    await a.call('/api/auth/sign-in', { method: 'POST', body: { email: 'reception@a.gov.vn', password } });
    const res = await t.request('/api/auth/sign-out', {
      host: hostOf(tenantA),
      method: 'POST',
      headers: { cookie: a.cookie(), origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await a.call('/api/auth/me')).status).toBe(200);
  });
});
