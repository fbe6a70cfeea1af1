import { createTotpSecret, hashPassword } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, staffUsers, units } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Correct-Horse-Battery-9';
const codeFor = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
const tokenPattern = /accept-invitation\?token=([a-z2-7]{24}\.[a-z2-7]{32})/;

type Form = Record<string, string | string[]>;

/** A browser without JavaScript: a cookie jar, form posts with Origin, no redirects followed. */
function browser(slug: TenantSlug) {
  const host = `${slug}.${testDomain}`;
  const jar = new Map<string, string>();
  const go = async (target: string, form?: Form) => {
    const url = new URL(target, `http://${host}`);
    const headers = new Headers({ host, origin: `http://${host}` });
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    let body: string | undefined;
    if (form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(form)) {
        for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
      }
      body = params.toString();
    }
    const res = await t.app.fetch(
      new Request(`http://${host}${url.pathname}${url.search}`, {
        method: form ? 'POST' : 'GET',
        headers,
        ...(body === undefined ? {} : { body }),
      }),
    );
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  return { jar, go, post: (target: string, form: Form) => go(target, form) };
}

async function addStaff(slug: TenantSlug, role: 'admin' | 'reception', email: string, totp?: string) {
  const passwordHash = await hashPassword(password);
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    db.insert(staffUsers).values({
      id,
      email,
      fullName: `Cán bộ ${role}`,
      role,
      status: 'active',
      passwordHash,
      ...(totp ? { totpSecret: totp, totpEnrolledAt: new Date() } : {}),
    }),
  );
  return id;
}

/** Every visible input and select has a label; no inline script or style; headings in order; small. */
function expectAccessiblePage(html: string, lang: 'vi' | 'en') {
  expect(html).toContain(`<html lang="${lang}">`);
  expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  expect(new TextEncoder().encode(html).length).toBeLessThan(30_000);
  const controls = [...html.matchAll(/<(?:input|select)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((i) => !/type="hidden"/.test(i));
  for (const control of controls) {
    const id = /\sid="([^"]+)"/.exec(control)?.[1];
    expect(id, control).toBeTruthy();
    expect(html).toMatch(new RegExp(`<label for="${id}"[ >]`));
  }
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  expect(headings[0]).toBe(1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) expect(level - (headings[i - 1] ?? 1)).toBeLessThanOrEqual(1);
  }
  for (const th of html.matchAll(/<th\b[^>]*>/g)) expect(th[0]).toMatch(/scope="(col|row)"/);
}

/** An admin with TOTP, signed in through both steps. */
async function signedInAdmin(slug: TenantSlug, email = 'admin@example.gov.vn') {
  const secret = createTotpSecret();
  await addStaff(slug, 'admin', email, secret);
  const b = browser(slug);
  expect((await b.post('/sign-in', { email, password })).status).toBe(303);
  const done = await b.post('/sign-in/totp', { code: codeFor(secret) });
  expect(done.headers.get('location')).toBe('/account');
  return b;
}

const pages = ['/console', '/console/staff', '/console/api-keys', '/console/audit'];

describe('console pages', () => {
  let slug: TenantSlug;
  let admin: ReturnType<typeof browser>;
  beforeAll(async () => {
    slug = await createTestTenant(t.deps.database);
    admin = await signedInAdmin(slug);
  });

  it('render for an admin in Vietnamese and English, accessibly and uncached', async () => {
    for (const path of pages) {
      const vi = await admin.go(path);
      expect(vi.status, path).toBe(200);
      expect(vi.headers.get('cache-control')).toBe('no-store');
      expectAccessiblePage(await vi.text(), 'vi');
      const en = await admin.go(`${path}?lang=en`);
      expect(en.status, path).toBe(200);
      const html = await en.text();
      expectAccessiblePage(html, 'en');
      if (path !== '/console') expect(html).toMatch(/action="[^"]*lang=en"/);
    }
    const home = await (await admin.go('/console')).text();
    for (const path of pages.slice(1)) expect(home).toContain(`href="${path}"`);
    const staff = await (await admin.go('/console/staff?lang=en')).text();
    expect(staff).toContain('<th scope="col">Email address</th>');
    expect(staff).toContain('admin@example.gov.vn');
    expect(staff).toContain('Administrator');
  });

  it('send signed-out visitors and citizens to /sign-in, and refuse staff without the permission', async () => {
    const stranger = browser(slug);
    for (const path of pages) {
      const res = await stranger.go(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in');
    }
    const posted = await stranger.post('/console/staff/invite', {
      email: 'x@example.vn',
      fullName: 'X',
      role: 'admin',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/sign-in');

    await withTenant(t.deps.database, slug, async (db) =>
      db.insert(citizens).values({
        id: newId('usr'),
        email: 'dan@example.vn',
        fullName: 'Người Dân',
        passwordHash: await hashPassword(password),
      }),
    );
    const citizen = browser(slug);
    await citizen.post('/sign-in', { email: 'dan@example.vn', password });
    expect((await citizen.go('/console/staff')).headers.get('location')).toBe('/sign-in');

    await addStaff(slug, 'reception', 'letan@example.gov.vn');
    const reception = browser(slug);
    expect((await reception.post('/sign-in', { email: 'letan@example.gov.vn', password })).status).toBe(303);
    expect((await reception.go('/console')).status).toBe(200);
    for (const path of pages.slice(1)) {
      const res = await reception.go(path);
      expect(res.status, path).toBe(403);
      expectAccessiblePage(await res.text(), 'vi');
    }
    const refused = await reception.post('/console/staff/invite', {
      email: 'y@example.vn',
      fullName: 'Y',
      role: 'admin',
    });
    expect(refused.status).toBe(403);
    await t.deliverMail(slug);
    expect(t.mail.messagesTo('y@example.vn')).toEqual([]);
  });

  it('invites through the form, emails the link, and the invitee sets a password', async () => {
    const invalid = await admin.post('/console/staff/invite?lang=en', {
      email: 'not-an-email',
      fullName: 'Phạm Văn Dũng',
      role: 'specialist',
    });
    expect(invalid.status).toBe(400);
    const errors = await invalid.text();
    expectAccessiblePage(errors, 'en');
    expect(errors).toContain('<a href="#email">');
    expect(errors).toContain('aria-describedby="email-error"');
    expect(errors).toContain('value="Phạm Văn Dũng"');

    const res = await admin.post('/console/staff/invite', {
      email: 'Dung@Example.vn',
      fullName: 'Phạm Văn Dũng',
      role: 'specialist',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/staff?invited=dung%40example.vn');
    const list = await (await admin.go(res.headers.get('location') ?? '')).text();
    expect(list).toContain('Phạm Văn Dũng');
    expect(list).toContain('Đã mời');

    const again = await admin.post('/console/staff/invite', {
      email: 'dung@example.vn',
      fullName: 'Trùng',
      role: 'viewer',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('<a href="#email">');

    await t.deliverMail(slug);
    const mail = await t.mail.waitFor('dung@example.vn');
    const token = tokenPattern.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const invitee = browser(slug);
    const form = await invitee.go(`/accept-invitation?token=${token}&lang=en`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expectAccessiblePage(formHtml, 'en');
    expect(formHtml).toContain(`value="${token}"`);

    const weak = await invitee.post('/accept-invitation?lang=en', { token: token ?? '', password: 'short' });
    expect(weak.status).toBe(400);
    const weakHtml = await weak.text();
    expect(weakHtml).toContain('Use at least 10 characters');
    expect(weakHtml).toContain('<a href="#password">');

    const newcomer = 'Another-Strong-Passphrase-7';
    const done = await invitee.post('/accept-invitation', { token: token ?? '', password: newcomer });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Tài khoản đã sẵn sàng');
    const reused = await invitee.post('/accept-invitation', { token: token ?? '', password: newcomer });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('Liên kết mời không hợp lệ');
    const forged = await invitee.post('/accept-invitation', { token: 'x.y', password: newcomer });
    expect(forged.status).toBe(400);

    const signIn = await invitee.post('/sign-in', { email: 'dung@example.vn', password: newcomer });
    expect(signIn.headers.get('location')).toBe('/account');
  });

  it('sends an invitation again from the staff list: the new link works, the one before does not', async () => {
    const invited = await admin.post('/console/staff/invite', {
      email: 'lai@example.vn',
      fullName: 'Lại Văn Mời',
      role: 'clerk',
    });
    expect(invited.status).toBe(303);
    await t.deliverMail(slug);
    const first = await t.mail.waitFor('lai@example.vn');
    const list = await (await admin.go('/console/staff')).text();
    expectAccessiblePage(list, 'vi');
    const id = /action="\/console\/staff\/(usr_[a-z0-9]+)\/invitation"/.exec(list)?.[1];
    expect(id).toBeTruthy();
    expect(list).toContain(`id="resend-${id}"`);

    const resent = await admin.post(`/console/staff/${id}/invitation`, {});
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toBe('/console/staff?invited=lai%40example.vn');
    await t.deliverMail(slug);
    const second = await t.mail.waitFor('lai@example.vn');
    const invitee = browser(slug);
    const stale = await invitee.post('/accept-invitation', {
      token: tokenPattern.exec(first.text)?.[1] ?? '',
      password: 'Second-Link-Only-2026',
    });
    expect(stale.status).toBe(400);
    const done = await invitee.post('/accept-invitation', {
      token: tokenPattern.exec(second.text)?.[1] ?? '',
      password: 'Second-Link-Only-2026',
    });
    expect(done.status).toBe(200);
    // Accepted: nothing left to send again, and the list no longer offers it.
    expect(await (await admin.go('/console/staff')).text()).not.toContain(`id="resend-${id}"`);
    expect((await admin.post(`/console/staff/${id}/invitation`, {})).status).toBe(409);
  });

  it('changes a role and status per row, and refuses an admin demoting themselves', async () => {
    const id = await addStaff(slug, 'reception', 'doivaitro@example.gov.vn');
    const res = await admin.post(`/console/staff/${id}`, { role: 'viewer', status: 'disabled' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/staff?changed=1');
    const [row] = await withTenant(t.deps.database, slug, (db) =>
      db
        .select({ role: staffUsers.role, status: staffUsers.status })
        .from(staffUsers)
        .where(eq(staffUsers.id, id)),
    );
    expect(row).toEqual({ role: 'viewer', status: 'disabled' });
    const html = await (await admin.go('/console/staff?changed=1')).text();
    expect(html).toContain('Đã lưu thay đổi.');
    expect(html).toContain(`<label for="role-${id}" class="visually-hidden">`);

    const self = await withTenant(t.deps.database, slug, (db) =>
      db.select({ id: staffUsers.id, email: staffUsers.email }).from(staffUsers),
    ).then((rows) => rows.find((r) => r.email === 'admin@example.gov.vn')?.id);
    const refused = await admin.post(`/console/staff/${self}?lang=en`, { role: 'viewer', status: 'active' });
    expect(refused.status).toBe(409);
    const refusedHtml = await refused.text();
    expectAccessiblePage(refusedHtml, 'en');
    expect(refusedHtml).toContain('class="error-summary"');
    expect(refusedHtml).toContain('You cannot demote or disable yourself');
    expect(refusedHtml).toContain(`<a href="#role-${self}">`);
    expect(refusedHtml).toContain(`aria-describedby="row-${self}-error"`);
  });

  it('limits a person to a unit when inviting and per row, and refuses another agency’s unit', async () => {
    const unit = async (tenant: TenantSlug, name: string) => {
      const id = newId('uni');
      await withTenant(t.deps.database, tenant, (db) =>
        db.insert(units).values({ id, code: id.slice(-8), name, kind: 'department' }),
      );
      return id;
    };
    const justice = await unit(slug, 'Phòng Tư pháp');
    const culture = await unit(slug, 'Phòng Văn hoá - Thông tin');
    const elsewhere = await unit(await createTestTenant(t.deps.database), 'Phòng của cơ quan khác');
    const unitOf = async (email: string) =>
      (
        await withTenant(t.deps.database, slug, (db) =>
          db
            .select({ id: staffUsers.id, unitId: staffUsers.unitId })
            .from(staffUsers)
            .where(eq(staffUsers.email, email)),
        )
      )[0];

    const form = await (await admin.go('/console/staff')).text();
    expect(form).toContain('<label for="unitId">Đơn vị</label>');
    expect(form).toContain(`<option value="${justice}">Phòng Tư pháp</option>`);
    const foreign = await admin.post('/console/staff/invite?lang=en', {
      email: 'donvi@example.vn',
      fullName: 'Đặng Thị Đơn Vị',
      role: 'specialist',
      unitId: elsewhere,
    });
    expect(foreign.status).toBe(400);
    const foreignHtml = await foreign.text();
    expect(foreignHtml).toContain('<a href="#unitId">');
    expect(foreignHtml).toContain('Choose a unit that is still in use');
    expect(await unitOf('donvi@example.vn')).toBeUndefined();

    const invited = await admin.post('/console/staff/invite', {
      email: 'donvi@example.vn',
      fullName: 'Đặng Thị Đơn Vị',
      role: 'specialist',
      unitId: justice,
    });
    expect(invited.status).toBe(303);
    const person = await unitOf('donvi@example.vn');
    expect(person?.unitId).toBe(justice);
    const list = await (await admin.go('/console/staff')).text();
    expect(list).toContain('<td>Phòng Tư pháp</td>');

    const moved = await admin.post(`/console/staff/${person?.id}`, { role: 'specialist', unitId: culture });
    expect(moved.status).toBe(303);
    expect((await unitOf('donvi@example.vn'))?.unitId).toBe(culture);
    const refused = await admin.post(`/console/staff/${person?.id}`, {
      role: 'specialist',
      unitId: elsewhere,
    });
    expect(refused.status).toBe(400);
    expect((await unitOf('donvi@example.vn'))?.unitId).toBe(culture);
    const whole = await admin.post(`/console/staff/${person?.id}`, { role: 'specialist', unitId: '' });
    expect(whole.status).toBe(303);
    expect((await unitOf('donvi@example.vn'))?.unitId).toBeNull();
  });

  it('shows a new API key once, never in the list, and revokes it', async () => {
    const invalid = await admin.post('/console/api-keys', { name: '', mode: 'test' });
    expect(invalid.status).toBe(400);
    const errors = await invalid.text();
    expect(errors).toContain('<a href="#name">');
    expect(errors).toContain('<a href="#perm-');

    const res = await admin.post('/console/api-keys?lang=en', {
      name: 'Đồng bộ Cổng DVC',
      mode: 'test',
      permissions: ['dossiers.read', 'reports.read'],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expectAccessiblePage(html, 'en');
    expect(html).toContain('It is shown only once');
    const key = /<code class="secret">([^<]+)<\/code>/.exec(html)?.[1];
    expect(key).toMatch(/^mc_test_/);

    const list = await (await admin.go('/console/api-keys')).text();
    expect(list).toContain('Đồng bộ Cổng DVC');
    expect(list).toContain('dossiers.read, reports.read');
    expect(list).not.toContain(key ?? '');
    expect(list).not.toContain('class="secret"');

    const id = /action="\/console\/api-keys\/([^/"]+)\/revoke"/.exec(list)?.[1];
    expect(id).toBeTruthy();
    const revoked = await admin.post(`/console/api-keys/${id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/console/api-keys?revoked=1');
    const after = await (await admin.go('/console/api-keys')).text();
    expect(after).toContain('Đã thu hồi');
    expect(after).not.toContain(`/console/api-keys/${id}/revoke`);
  });

  it('lists audit rows newest first, pages with ?before= and checks the chain', async () => {
    const html = await (await admin.go('/console/audit?lang=en')).text();
    const ids = [...html.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThan(3);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(html).toContain('<code>auth.totp_verified</code>');

    const older = await (await admin.go(`/console/audit?before=${ids[1]}`)).text();
    const olderIds = [...older.matchAll(/<th scope="row">(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(olderIds[0]).toBeLessThan(ids[1] ?? 0);
    expect(older).toContain('href="/console/audit"');

    const check = await admin.post('/console/audit/check?lang=en', {});
    expect(check.status).toBe(200);
    const report = await check.text();
    expectAccessiblePage(report, 'en');
    expect(report).toContain('The chain is intact');
    expect(await (await admin.post('/console/audit/check', {})).text()).toContain('Chuỗi nguyên vẹn');
  });
});

describe('TOTP enrolment', () => {
  it('takes an admin without TOTP from the password to the console', async () => {
    const slug = await createTestTenant(t.deps.database);
    await addStaff(slug, 'admin', 'moi@example.gov.vn');
    const b = browser(slug);
    expect((await b.post('/sign-in', { email: 'moi@example.gov.vn', password })).status).toBe(303);
    const gated = await b.go('/console');
    expect(gated.status).toBe(303);
    expect(gated.headers.get('location')).toBe('/sign-in/totp/enrol');

    const page = await b.go('/sign-in/totp/enrol?lang=en');
    expect(page.status).toBe(200);
    const html = await page.text();
    expectAccessiblePage(html, 'en');
    const secret = /name="secret" value="([A-Z2-7]+)"/.exec(html)?.[1] ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(html).toContain(`otpauth://totp/`);
    expect(html).toContain(secret.match(/.{4}/g)?.join(' '));

    const wrong = await b.post('/sign-in/totp/enrol?lang=en', { secret, code: '000000' });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('<a href="#code">');
    expect(wrongHtml).toContain(secret.match(/.{4}/g)?.join(' '));
    const empty = await b.post('/sign-in/totp/enrol?lang=en', { secret, code: '' });
    expect(empty.status).toBe(400);

    const done = await b.post('/sign-in/totp/enrol?lang=en', { secret, code: codeFor(secret) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/console?lang=en');
    expect((await b.go('/console')).status).toBe(200);
    expect((await b.go('/sign-in/totp/enrol')).headers.get('location')).toBe('/console');

    const stranger = browser(slug);
    expect((await stranger.go('/sign-in/totp/enrol')).headers.get('location')).toBe('/sign-in');
  });
});
