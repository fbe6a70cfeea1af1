// The calendar and units pages over HTTP, as a browser without JavaScript uses them: each page
// and action, bad input answered with the page again and nothing changed, another role and
// another agency kept out.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantFingerprint } from '../../security-cases.ts';
import { useTestApp } from '../../testing.ts';
import { browserAs, expectAccessiblePage } from '../console-dossiers/test-support.ts';

const t = useTestApp();

interface Agency {
  slug: TenantSlug;
  cookies: Record<'admin' | 'specialist', string>;
}

async function createAgency(): Promise<Agency> {
  const slug = await createTestTenant(t.deps.database);
  const cookies = {} as Agency['cookies'];
  for (const role of ['admin', 'specialist'] as const) {
    const id = newId('usr');
    await withTenant(t.deps.database, slug, (db) =>
      db
        .insert(staffUsers)
        .values({ id, email: `${role}@${slug}.gov.vn`, fullName: role, role, status: 'active' }),
    );
    const session = await createTenantSession(t.deps.database, slug, {
      kind: 'staff',
      principalId: id,
      twoFactorVerified: true,
    });
    cookies[role] = `motcua_session=${session.token}`;
  }
  return { slug, cookies };
}

const as = (agency: Agency, role: 'admin' | 'specialist') => browserAs(t, agency.slug, agency.cookies[role]);
async function page(agency: Agency, path: string, lang: 'vi' | 'en' = 'vi') {
  const res = await as(agency, 'admin').go(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  expectAccessiblePage(html, lang);
  return html;
}
/** Posts as the admin and expects the 303 back to `location`. */
async function post(agency: Agency, path: string, form: Record<string, string>, location: string) {
  const res = await as(agency, 'admin').post(path, form);
  expect(res.status, `${path} ${await res.clone().text()}`).toBe(303);
  expect(res.headers.get('location')).toBe(location);
}
/** Posts bad input: the page again with `status`, its summary linking to `anchors`, and no row changed. */
async function refused(
  agency: Agency,
  path: string,
  form: Record<string, string>,
  status: number,
  anchors: string[],
) {
  const before = await tenantFingerprint(t, agency.slug);
  const res = await as(agency, 'admin').post(path, form);
  expect(res.status, path).toBe(status);
  const html = await res.text();
  expectAccessiblePage(html, path.includes('lang=en') ? 'en' : 'vi');
  expect(html).toContain('class="error-summary"');
  expect(html).toMatch(/<title>(Lỗi|Error):/);
  for (const anchor of anchors) {
    expect(html).toContain(`href="#${anchor}"`);
    expect(html).toMatch(new RegExp(`id="${anchor}"[^>]*aria-describedby="[^"]*${anchor}-error`));
  }
  expect(await tenantFingerprint(t, agency.slug)).toEqual(before);
  return html;
}

beforeAll(() => {
  t.deps.clock = () => new Date('2026-03-10T09:00:00+07:00');
});

describe('the calendar page', () => {
  let agency: Agency;
  beforeAll(async () => {
    agency = await createAgency();
  });

  it('lists no days at first and offers the form, in Vietnamese and in English', async () => {
    const html = await page(agency, '/console/calendar');
    expect(html).toContain('<h1>Lịch làm việc của cơ quan</h1>');
    expect(html).toContain('id="calendar-empty"');
    expect(html).toContain('<input id="date" name="date" type="date"');
    expect(html).toContain('href="/console"');
    const en = await page(agency, '/console/calendar?lang=en', 'en');
    expect(en).toContain('<h1>Agency calendar</h1>');
    expect(en).toContain('action="/console/calendar?lang=en"');
  });

  it('adds a day off and a working day (dates typed either way) and shows them as dd/mm/yyyy', async () => {
    await post(
      agency,
      '/console/calendar',
      { date: '2026-09-03', kind: 'off', name: 'Lễ hội truyền thống' },
      '/console/calendar?added=2026-09-03',
    );
    await post(
      agency,
      '/console/calendar?lang=en',
      { date: '7/3/2026', kind: 'working', name: 'Làm bù' },
      '/console/calendar?added=2026-03-07&lang=en',
    );
    const html = await page(agency, '/console/calendar?added=2026-09-03');
    expect(html).toContain('Đã lưu ngày 03/09/2026.');
    expect(html).toMatch(
      /<time datetime="2026-03-07">07\/03\/2026<\/time><span class="muted"> Thứ Bảy<\/span>/,
    );
    expect(html).toMatch(
      /<time datetime="2026-09-03">03\/09\/2026<\/time><span class="muted"> Thứ Năm<\/span>/,
    );
    expect(html.indexOf('2026-03-07')).toBeLessThan(html.indexOf('2026-09-03'));
    expect(html).toContain('Lễ hội truyền thống');
    expect(html).toContain('id="remove-2026-09-03"');
  });

  it('answers bad input with the error summary, the values kept and nothing saved', async () => {
    const html = await refused(
      agency,
      '/console/calendar',
      { date: '2026-02-30', kind: 'holiday', name: '' },
      400,
      ['date', 'name'],
    );
    expect(html).toContain('href="#kind-off"');
    expect(html).toContain('Nhập một ngày có thật');
    expect(html).toContain('id="kind-error"');
    expect(html).toContain('value="2026-02-30"');
    const en = await refused(
      agency,
      '/console/calendar?lang=en',
      { date: 'tomorrow', kind: 'off', name: 'x' },
      400,
      ['date'],
    );
    expect(en).toContain('Enter a real date');
  });

  it('removes a day with its button; a date that is no date changes nothing', async () => {
    await post(agency, '/console/calendar/2026-09-03/remove', {}, '/console/calendar?removed=2026-09-03');
    const html = await page(agency, '/console/calendar?removed=2026-09-03');
    expect(html).toContain('Đã xoá ngày 03/09/2026.');
    expect(html).not.toContain('datetime="2026-09-03"');
    await refused(agency, '/console/calendar/2026-13-01/remove', {}, 400, []);
  });

  it('is the admin’s: another role gets 403, another agency sees and changes only its own days', async () => {
    const before = await tenantFingerprint(t, agency.slug);
    expect((await as(agency, 'specialist').go('/console/calendar')).status).toBe(403);
    const posted = await as(agency, 'specialist').post('/console/calendar', {
      date: '2026-10-01',
      kind: 'off',
      name: 'x',
    });
    expect(posted.status).toBe(403);
    const other = await createAgency();
    // Tenant B's admin session on tenant A's host is no session there.
    const crossed = await browserAs(t, agency.slug, other.cookies.admin).post(
      '/console/calendar/2026-03-07/remove',
      {},
    );
    expect(crossed.status).toBe(303);
    expect(crossed.headers.get('location')).toBe('/sign-in');
    await post(other, '/console/calendar/2026-03-07/remove', {}, '/console/calendar?removed=2026-03-07');
    expect(await page(other, '/console/calendar')).not.toContain('datetime="2026-03-07"');
    expect(await tenantFingerprint(t, agency.slug)).toEqual(before);
    expect(await page(agency, '/console/calendar')).toContain('datetime="2026-03-07"');
  });
});

describe('the units page', () => {
  let agency: Agency;
  const idOf = (html: string, name: string) =>
    new RegExp(`<tr id="unit-(uni_[a-z0-9]+)"[^>]*><th scope="row">${name}</th>`).exec(html)?.[1] ?? '';
  beforeAll(async () => {
    agency = await createAgency();
  });

  it('adds units, a parent and one below it, and lists them with their state', async () => {
    expect(await page(agency, '/console/units')).toContain('id="units-empty"');
    let res = await as(agency, 'admin').post('/console/units', {
      code: 'UBND',
      name: 'UBND tỉnh',
      kind: 'agency',
      parentId: '',
    });
    expect(res.status).toBe(303);
    const root = /created=(uni_[a-z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    res = await as(agency, 'admin').post('/console/units', {
      code: 'STP',
      name: 'Sở Tư pháp',
      kind: 'department',
      parentId: root,
    });
    expect(res.status).toBe(303);
    const html = await page(agency, res.headers.get('location') ?? '');
    expect(html).toContain('Đã thêm đơn vị: Sở Tư pháp');
    expect(html).toMatch(
      /<th scope="row">Sở Tư pháp<\/th><td><code>STP<\/code><\/td><td>Sở, ban, ngành<\/td><td>UBND tỉnh<\/td><td>10\/03\/2026<\/td><td><span class="unit-status unit-open">Đang hoạt động<\/span><\/td><td>0<\/td>/,
    );
    expect(html).toContain(`<option value="${root}">UBND tỉnh (UBND)</option>`);
    expect(await page(agency, '/console/units?lang=en', 'en')).toContain('<td>Department</td>');
  });

  it('refuses a taken code or a missing name with the summary, and saves nothing', async () => {
    const html = await refused(
      agency,
      '/console/units',
      { code: 'STP', name: 'Sở Tư pháp mới', kind: 'department', parentId: '' },
      400,
      ['code'],
    );
    expect(html).toContain('Một đơn vị đang hoạt động đã dùng mã này');
    expect(html).toContain('value="STP"');
    await refused(agency, '/console/units', { code: 'A B', name: ' ', kind: 'district', parentId: '' }, 400, [
      'code',
      'name',
      'kind',
    ]);
    await refused(
      agency,
      '/console/units',
      { code: 'TTHC', name: 'Trung tâm', kind: 'centre', parentId: 'uni_nope' },
      400,
      ['parentId'],
    );
  });

  it('renames a unit, and ties a bad name’s message to that row', async () => {
    const id = idOf(await page(agency, '/console/units'), 'Sở Tư pháp');
    await post(
      agency,
      `/console/units/${id}/rename`,
      { name: 'Sở Tư pháp tỉnh' },
      `/console/units?renamed=${id}`,
    );
    expect(await page(agency, `/console/units?renamed=${id}`)).toContain('Đã đổi tên đơn vị.');
    const html = await refused(agency, `/console/units/${id}/rename`, { name: ' ' }, 400, [`rename-${id}`]);
    expect(html).toContain(`<p id="rename-${id}-error" class="error-message">`);
    await refused(agency, '/console/units/uni_nope/rename', { name: 'X' }, 404, []);
  });

  it('refuses to close a unit with staff, naming how many, or on a past date; closes it once they are moved', async () => {
    const id = idOf(await page(agency, '/console/units'), 'Sở Tư pháp tỉnh');
    await withTenant(t.deps.database, agency.slug, (db) =>
      db.insert(staffUsers).values({
        id: newId('usr'),
        email: `cv@${agency.slug}.vn`,
        fullName: 'CV',
        role: 'specialist' as StaffRole,
        unitId: id,
      }),
    );
    const html = await refused(agency, `/console/units/${id}/close`, { onDate: '2026-03-10' }, 409, [
      `close-${id}`,
    ]);
    expect(html).toContain('Đơn vị còn 1 cán bộ.');
    await refused(agency, `/console/units/${id}/close`, { onDate: '09/03/2026' }, 400, [`close-${id}`]);
    await withTenant(t.deps.database, agency.slug, (db) => db.update(staffUsers).set({ unitId: null }));
    await post(agency, `/console/units/${id}/close`, { onDate: '10/03/2026' }, `/console/units?closed=${id}`);
    const closed = await page(agency, `/console/units?closed=${id}`);
    expect(closed).toContain('Đã đóng đơn vị.');
    expect(closed).toContain('<span class="unit-status unit-closed">Đã đóng từ 10/03/2026</span>');
    expect(closed).not.toContain(`id="close-${id}"`);
    expect(closed).not.toContain(`<option value="${id}">`);
  });

  it('is the admin’s: another role gets 403; another agency neither sees nor changes these units', async () => {
    expect((await as(agency, 'specialist').go('/console/units')).status).toBe(403);
    const html = await page(agency, '/console/units');
    const id = idOf(html, 'UBND tỉnh');
    const before = await tenantFingerprint(t, agency.slug);
    expect((await as(agency, 'specialist').post(`/console/units/${id}/rename`, { name: 'X' })).status).toBe(
      403,
    );
    const other = await createAgency();
    expect(await page(other, '/console/units')).not.toContain('UBND tỉnh');
    await refused(other, `/console/units/${id}/rename`, { name: 'Đổi từ cơ quan khác' }, 404, []);
    expect(await tenantFingerprint(t, agency.slug)).toEqual(before);
  });
});
