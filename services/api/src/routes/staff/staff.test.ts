import { createTotpSecret, hashPassword } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Admin-Passphrase-2026';
const newcomerPassword = 'Mật-khẩu-rất-dài-2026';
const secret = createTotpSecret();
const hostOf = (slug: string) => `${slug}.${testDomain}`;
const tokenPattern = /accept-invitation\?token=([a-z2-7]{24}\.[a-z2-7]{32})/;

function call(
  slug: TenantSlug,
  path: string,
  cookie: string,
  init: { method?: string; body?: unknown } = {},
) {
  const host = hostOf(slug);
  const headers = new Headers({ host, origin: `http://${host}` });
  if (cookie) headers.set('cookie', cookie);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return t.app.fetch(
    new Request(`http://${host}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  );
}

async function addPerson(slug: TenantSlug, kind: 'admin' | 'reception' | 'citizen', email: string) {
  const passwordHash = await hashPassword(password);
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    kind === 'citizen'
      ? db.insert(citizens).values({ id, email, fullName: 'Công dân', passwordHash })
      : db.insert(staffUsers).values({
          id,
          email,
          fullName: kind,
          role: kind,
          status: 'active',
          passwordHash,
          ...(kind === 'admin' ? { totpSecret: secret, totpEnrolledAt: new Date() } : {}),
        }),
  );
  return id;
}

/** Signs in over HTTP and returns the session cookie (after TOTP for admins), or the failed response. */
async function signIn(slug: TenantSlug, email: string, pass = password) {
  const res = await call(slug, '/api/auth/sign-in', '', { method: 'POST', body: { email, password: pass } });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (res.status === 200 && (await readJson(res.clone())).totp === 'required') {
    const code = generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
    await call(slug, '/api/auth/totp', cookie, { method: 'POST', body: { code } });
  }
  return { res, cookie };
}
const session = async (slug: TenantSlug, email: string) => (await signIn(slug, email)).cookie;

async function staffRows(slug: TenantSlug) {
  return withTenant(t.deps.database, slug, (db) =>
    db
      .select({
        id: staffUsers.id,
        role: staffUsers.role,
        status: staffUsers.status,
        unitId: staffUsers.unitId,
      })
      .from(staffUsers)
      .orderBy(staffUsers.id),
  );
}

async function staffAudit(slug: TenantSlug) {
  return withTenant(t.deps.database, slug, (db) =>
    db
      .select({
        actor: auditLog.actor,
        action: auditLog.action,
        subject: auditLog.subject,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(like(auditLog.action, 'staff.%'))
      .orderBy(auditLog.id),
  );
}

let tenantA: TenantSlug;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
beforeAll(async () => {
  tenantA = await createTestTenant(t.deps.database);
  ids.admin = await addPerson(tenantA, 'admin', 'admin@a.vn');
  ids.reception = await addPerson(tenantA, 'reception', 'reception@a.vn');
  cookies.admin = await session(tenantA, 'admin@a.vn');
});

const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
  call(tenantA, path, cookies.admin ?? '', init);

/** Invites `email` over HTTP and accepts the emailed link with `newcomerPassword`. */
async function inviteAndAccept(email: string, role = 'specialist') {
  const invited = await admin('/api/admin/staff', {
    method: 'POST',
    body: { email, fullName: 'Phạm Văn Dũng', role },
  });
  expect(invited.status).toBe(201);
  const { staff } = await readJson(invited);
  await t.deliverMail(tenantA);
  const token = tokenPattern.exec((await t.mail.waitFor(email)).text)?.[1];
  const accepted = await call(tenantA, '/api/auth/invitation/accept', '', {
    method: 'POST',
    body: { token, password: newcomerPassword },
  });
  expect(accepted.status).toBe(200);
  return staff.id as string;
}

describe('invitation tokens', () => {
  it('refuses a forged invitation token and a session cookie does not help', async () => {
    const forged = `${'a'.repeat(24)}.${'b'.repeat(32)}`;
    for (const token of [forged, 'not-a-token']) {
      const res = await call(tenantA, '/api/auth/invitation/accept', cookies.admin ?? '', {
        method: 'POST',
        body: { token, password: newcomerPassword },
      });
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.code).toBe('invalid_or_expired_invitation');
    }
  });
});

describe('inviting and accepting', () => {
  it('invites by email, accepts once with a password, and the newcomer signs in', async () => {
    const res = await admin('/api/admin/staff', {
      method: 'POST',
      body: { email: 'Moi@A.vn', fullName: 'Lê Thị Mới', role: 'specialist' },
    });
    expect(res.status).toBe(201);
    const { staff } = await readJson(res);
    expect(staff).toMatchObject({ email: 'moi@a.vn', role: 'specialist', status: 'invited', unitId: null });

    await t.deliverMail(tenantA);
    const mail = await t.mail.waitFor('moi@a.vn');
    expect(mail.subject).toContain(`Lời mời tham gia / Invitation – ${tenantA}`);
    expect(mail.text.indexOf('Xin chào')).toBeLessThan(mail.text.indexOf('Hello'));
    expect(mail.text).toContain(`http://${hostOf(tenantA)}/accept-invitation?token=`);
    const token = tokenPattern.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    // Not yet: an invited person has no password to sign in with.
    expect((await signIn(tenantA, 'moi@a.vn', newcomerPassword)).res.status).toBe(401);

    const accept = (body: Record<string, unknown>) =>
      call(tenantA, '/api/auth/invitation/accept', '', { method: 'POST', body: { token, ...body } });
    const weak = await accept({ password: 'moi12345' });
    expect(weak.status).toBe(400);
    expect((await readJson(weak)).error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'password' })]),
    );
    expect((await accept({ password: newcomerPassword, fullName: 'Lê Thị Mới Hai' })).status).toBe(200);
    const reused = await accept({ password: newcomerPassword });
    expect(reused.status).toBe(400);
    expect((await readJson(reused)).error.code).toBe('invalid_or_expired_invitation');

    const signedIn = await signIn(tenantA, 'moi@a.vn', newcomerPassword);
    expect(signedIn.res.status).toBe(200);
    const me = await readJson(await call(tenantA, '/api/auth/me', signedIn.cookie));
    expect(JSON.stringify(me)).toContain(staff.id);

    const listed = await readJson(await admin('/api/admin/staff'));
    expect(listed.staff.find((s: { id: string }) => s.id === staff.id)).toMatchObject({
      status: 'active',
      fullName: 'Lê Thị Mới Hai',
    });
    expect(JSON.stringify(listed)).not.toMatch(/argon2|passwordHash|totpSecret/);

    const audit = (await staffAudit(tenantA)).filter((row) => row.subject === staff.id);
    expect(audit).toEqual([
      expect.objectContaining({ actor: `staff:${ids.admin}`, action: 'staff.invited' }),
      expect.objectContaining({
        actor: `staff:${staff.id}`,
        action: 'staff.invitation_accepted',
        details: {
          before: { status: 'invited', fullName: 'Lê Thị Mới' },
          after: { status: 'active', fullName: 'Lê Thị Mới Hai' },
        },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses an address already on the staff (409) and a unit that does not exist (400), sending nothing', async () => {
    const duplicate = await admin('/api/admin/staff', {
      method: 'POST',
      body: { email: 'RECEPTION@a.vn', fullName: 'Trùng', role: 'viewer' },
    });
    expect(duplicate.status).toBe(409);
    const noUnit = await admin('/api/admin/staff', {
      method: 'POST',
      body: { email: 'nounit@a.vn', fullName: 'Không đơn vị', role: 'viewer', unitId: 'uni_nope' },
    });
    expect(noUnit.status).toBe(400);
    const badRole = await admin('/api/admin/staff', {
      method: 'POST',
      body: { email: 'badrole@a.vn', fullName: 'Sai', role: 'owner' },
    });
    expect(badRole.status).toBe(400);
    await t.deliverMail(tenantA);
    expect(t.mail.messagesTo('nounit@a.vn')).toEqual([]);
    expect(t.mail.messagesTo('reception@a.vn')).toEqual([]);
  });
});

describe('changing role, unit and status', () => {
  it('moves a person to a unit and another role, audits before/after and ends their sessions', async () => {
    const id = await inviteAndAccept('doivai@a.vn');
    const unitId = newId('uni');
    await withTenant(t.deps.database, tenantA, (db) =>
      db.insert(units).values({ id: unitId, code: 'VP', name: 'Văn phòng', kind: 'department' }),
    );
    const theirs = (await signIn(tenantA, 'doivai@a.vn', newcomerPassword)).cookie;
    expect((await call(tenantA, '/api/auth/me', theirs)).status).toBe(200);

    const moved = await admin(`/api/admin/staff/${id}`, { method: 'PATCH', body: { unitId } });
    expect((await readJson(moved)).staff).toMatchObject({ unitId, role: 'specialist' });
    // A unit change alone leaves the person signed in.
    expect((await call(tenantA, '/api/auth/me', theirs)).status).toBe(200);

    const changed = await admin(`/api/admin/staff/${id}`, { method: 'PATCH', body: { role: 'clerk' } });
    expect(changed.status).toBe(200);
    expect((await readJson(changed)).staff).toMatchObject({ role: 'clerk', unitId });
    expect((await call(tenantA, '/api/auth/me', theirs)).status).toBe(401);
    const again = (await signIn(tenantA, 'doivai@a.vn', newcomerPassword)).cookie;
    expect(JSON.stringify(await readJson(await call(tenantA, '/api/auth/me', again)))).toContain('clerk');

    const audit = (await staffAudit(tenantA)).filter((r) => r.subject === id && r.action === 'staff.updated');
    expect(audit.map((r) => r.details)).toEqual([
      { before: { unitId: null }, after: { unitId } },
      { before: { role: 'specialist' }, after: { role: 'clerk' }, sessionsEnded: 1 },
    ]);
  });

  it('disabled staff cannot sign in and lose their sessions; enabling lets them back', async () => {
    const id = await inviteAndAccept('tamnghi@a.vn');
    const theirs = (await signIn(tenantA, 'tamnghi@a.vn', newcomerPassword)).cookie;
    const disabled = await admin(`/api/admin/staff/${id}`, { method: 'PATCH', body: { status: 'disabled' } });
    expect((await readJson(disabled)).staff.status).toBe('disabled');
    expect((await call(tenantA, '/api/auth/me', theirs)).status).toBe(401);
    expect((await signIn(tenantA, 'tamnghi@a.vn', newcomerPassword)).res.status).toBe(401);
    await admin(`/api/admin/staff/${id}`, { method: 'PATCH', body: { status: 'active' } });
    expect((await signIn(tenantA, 'tamnghi@a.vn', newcomerPassword)).res.status).toBe(200);
    const audit = (await staffAudit(tenantA)).filter((r) => r.subject === id && r.action === 'staff.updated');
    expect(audit.map((r) => r.details)).toEqual([
      { before: { status: 'active' }, after: { status: 'disabled' }, sessionsEnded: 1 },
      { before: { status: 'disabled' }, after: { status: 'active' } },
    ]);
  });

  it('does not let an invited person be enabled before they accept, nor a disabled invitee accept', async () => {
    const res = await admin('/api/admin/staff', {
      method: 'POST',
      body: { email: 'chuanhan@a.vn', fullName: 'Chưa Nhận', role: 'viewer' },
    });
    const { staff } = await readJson(res);
    await t.deliverMail(tenantA);
    const token = tokenPattern.exec((await t.mail.waitFor('chuanhan@a.vn')).text)?.[1];
    const early = await admin(`/api/admin/staff/${staff.id}`, {
      method: 'PATCH',
      body: { status: 'active' },
    });
    expect(early.status).toBe(409);
    expect((await readJson(early)).error.code).toBe('invitation_pending');
    await admin(`/api/admin/staff/${staff.id}`, { method: 'PATCH', body: { status: 'disabled' } });
    const accepted = await call(tenantA, '/api/auth/invitation/accept', '', {
      method: 'POST',
      body: { token, password: newcomerPassword },
    });
    expect(accepted.status).toBe(400);
  });

  it('answers 404 for an unknown person and 400 for an unknown role or status', async () => {
    expect(
      (await admin('/api/admin/staff/usr_nobody', { method: 'PATCH', body: { role: 'viewer' } })).status,
    ).toBe(404);
    const bad = [{ role: 'owner' }, { status: 'invited' }];
    for (const body of bad) {
      expect((await admin(`/api/admin/staff/${ids.reception}`, { method: 'PATCH', body })).status).toBe(400);
    }
  });
});

describe('keeping the agency administrable', () => {
  it('refuses an admin demoting or disabling themself, changing nothing', async () => {
    const before = await staffRows(tenantA);
    for (const body of [{ role: 'viewer' }, { status: 'disabled' }]) {
      const res = await admin(`/api/admin/staff/${ids.admin}`, { method: 'PATCH', body });
      expect(res.status).toBe(409);
      expect((await readJson(res)).error.code).toBe('self_change');
    }
    expect(await staffRows(tenantA)).toEqual(before);
    expect((await admin('/api/admin/staff')).status).toBe(200);
  });

  it('lets one of two admins demoting each other at once win; the other is refused as the last admin', async () => {
    const slug = await createTestTenant(t.deps.database);
    const first = await addPerson(slug, 'admin', 'first@c.vn');
    const second = await addPerson(slug, 'admin', 'second@c.vn');
    const [firstCookie, secondCookie] = [
      await session(slug, 'first@c.vn'),
      await session(slug, 'second@c.vn'),
    ];
    const results = await Promise.all([
      call(slug, `/api/admin/staff/${second}`, firstCookie, { method: 'PATCH', body: { role: 'viewer' } }),
      call(slug, `/api/admin/staff/${first}`, secondCookie, {
        method: 'PATCH',
        body: { status: 'disabled' },
      }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409) ?? new Response('{}');
    expect((await readJson(refused)).error.code).toBe('last_admin');
    const active = (await staffRows(slug)).filter((s) => s.role === 'admin' && s.status === 'active');
    expect(active).toHaveLength(1);
  });
});
