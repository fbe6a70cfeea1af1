// The console's dossier pages over HTTP, as a browser without JavaScript uses them: the home's
// counts, the queue and its filters, each role's actions, a dossier's whole life through the
// forms, and the errors (fields, a stale revision, another role, another agency).
import { createTenantSession } from '@motcua/auth';
import { newId, withTenant } from '@motcua/db';
import { citizens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { publishVersion } from '@motcua/engine';
import { testProcedure, testProcedureWithDocument } from '@motcua/engine/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing.ts';
import {
  type Agency,
  actionFormsIn,
  at,
  browserAs,
  expectAccessiblePage,
  pdf,
  revisionIn,
  staffNames,
  submitDossier,
  submitDossierWithFile,
} from './test-support.ts';

const t = useTestApp();
let clock = at('2026-03-02T09:00:00');
const kinds = ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer', 'citizen'] as const;

/** A new agency with the two test procedures published and one signed-in person of each role. */
async function createAgency(): Promise<Agency> {
  const slug = await createTestTenant(t.deps.database);
  await withTenant(t.deps.database, slug, async (db) => {
    await publishVersion(db, testProcedure, 'test');
    await publishVersion(db, testProcedureWithDocument, 'test');
  });
  const agency: Agency = { slug, cookies: {} as Agency['cookies'], ids: {} as Agency['ids'] };
  for (const kind of kinds) {
    const id = newId('usr');
    const email = `${kind}@${slug}.gov.vn`;
    await withTenant(t.deps.database, slug, (db) =>
      kind === 'citizen'
        ? db.insert(citizens).values({ id, email, fullName: 'Nguyễn Thị Hường' })
        : db
            .insert(staffUsers)
            .values({ id, email, fullName: staffNames[kind], role: kind, status: 'active' }),
    );
    const session = await createTenantSession(t.deps.database, slug, {
      kind: kind === 'citizen' ? 'citizen' : 'staff',
      principalId: id,
      twoFactorVerified: true,
    });
    agency.cookies[kind] = `motcua_session=${session.token}`;
    agency.ids[kind] = id;
  }
  return agency;
}

const as = (agency: Agency, role: (typeof kinds)[number]) => browserAs(t, agency.slug, agency.cookies[role]);
const page = async (agency: Agency, role: (typeof kinds)[number], path: string) => {
  const res = await as(agency, role).go(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
const codesIn = (html: string) =>
  [...html.matchAll(/<th scope="row"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);

/** Posts an action's form from the page as `role` saw it; expects the redirect back with a banner. */
async function act(agency: Agency, role: (typeof kinds)[number], id: string, action: string, form = {}) {
  const html = await page(agency, role, `/console/dossiers/${id}`);
  const res = await as(agency, role).post(`/console/dossiers/${id}/actions/${action}`, {
    expectedRevision: revisionIn(html),
    ...form,
  });
  expect(res.status, `${role} ${action}`).toBe(303);
  expect(res.headers.get('location')).toBe(`/console/dossiers/${id}?done=${action}`);
}

beforeAll(async () => {
  t.deps.clock = () => clock;
});

describe('the console home', () => {
  it('counts what needs attention for each role and links to the filtered queue', async () => {
    const agency = await createAgency();
    await submitDossier(t, agency);
    const { id } = await submitDossier(t, agency);
    await act(agency, 'reception', id, 'receive');
    await act(agency, 'reception', id, 'assign', { 'assign-officer': agency.ids.specialist });

    const reception = await page(agency, 'reception', '/console');
    expectAccessiblePage(reception, 'vi');
    expect(reception).toMatch(/id="attention-submitted"><span class="attention-count">1<\/span>/);
    expect(reception).toContain('href="/console/dossiers?state=submitted"');
    for (const path of [
      '/console/staff',
      '/console/procedures',
      '/console/units',
      '/console/calendar',
      '/console/branding',
    ]) {
      expect(reception).not.toContain(`href="${path}"`);
    }
    const specialist = await page(agency, 'specialist', '/console?lang=en');
    expect(specialist).toMatch(
      /id="attention-mine"><span class="attention-count">1<\/span> <span>Waiting for me/,
    );
    expect(specialist).toContain('href="/console/dossiers?mine=1&amp;lang=en"');
    const admin = await page(agency, 'admin', '/console');
    expect(admin).toContain('href="/console/staff"');
    for (const path of [
      '/console/audit',
      '/console/procedures',
      '/console/units',
      '/console/calendar',
      '/console/branding',
    ]) {
      expect(admin).toContain(`href="${path}"`);
    }
  });
});

describe('the queue', () => {
  let agency: Agency;
  const codes: string[] = [];
  let received = '';
  beforeAll(async () => {
    clock = at('2026-03-02T09:00:00');
    agency = await createAgency();
    for (let i = 0; i < 2; i++) codes.push((await submitDossier(t, agency)).code);
    const withFile = await submitDossierWithFile(t, agency);
    codes.push(withFile.code);
    received = withFile.id;
    await act(agency, 'reception', received, 'receive');
  });

  it('lists dossiers by deadline with their national status, applicant and flags, in both languages', async () => {
    const res = await as(agency, 'reception').go('/console/dossiers');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    // The received one has a due date and comes first; the others wait to be answered.
    expect(codesIn(html)).toEqual([codes[2], codes[0], codes[1]]);
    expect(html).toContain('Được tiếp nhận');
    expect(html.split('Mới đăng ký').length - 1).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Nguyễn Thị Hường');
    expect(html).toContain('Cấp giấy xác nhận thử nghiệm');
    // Online dossiers: receive or answer within 8 working hours (Decree 45/2020).
    expect(html).toContain('Phải trả lời trước');
    expect(html).toContain('Nghị định 45/2020/NĐ-CP');
    const en = await page(agency, 'viewer', '/console/dossiers?lang=en');
    expectAccessiblePage(en, 'en');
    expect(en).toContain('<th scope="col">Dossier code</th>');
    expect(en).toContain('Received');
    expect(en).toContain('<input type="hidden" name="lang" value="en"');
  });

  it('filters by state, procedure, assignment and lateness', async () => {
    const submitted = await page(agency, 'reception', '/console/dossiers?state=submitted');
    expect(codesIn(submitted)).toEqual([codes[0], codes[1]]);
    expect(submitted).toMatch(/<option value="submitted" selected="">/);
    const procedure = await page(
      agency,
      'reception',
      `/console/dossiers?procedure=${testProcedureWithDocument.code}`,
    );
    expect(codesIn(procedure)).toEqual([codes[2]]);
    expect(codesIn(await page(agency, 'specialist', '/console/dossiers?mine=1'))).toEqual([]);
    await act(agency, 'reception', received, 'assign', { 'assign-officer': agency.ids.specialist });
    const mine = await page(agency, 'specialist', '/console/dossiers?mine=1');
    expect(codesIn(mine)).toEqual([codes[2]]);
    expect(mine).toMatch(/id="filter-mine" name="mine" value="1" checked=""/);
    expect(codesIn(await page(agency, 'reception', '/console/dossiers?due=late'))).toEqual([]);
    clock = at('2026-03-20T09:00:00');
    const late = await page(agency, 'reception', '/console/dossiers?due=late');
    expect(codesIn(late)).toEqual([codes[2]]);
    expect(late).toContain('<span class="tag flag-late">Quá hạn</span>');
    clock = at('2026-03-02T09:00:00');
    // Unknown filters are ignored, not an error.
    expect(codesIn(await page(agency, 'reception', '/console/dossiers?state=nope&page=x'))).toHaveLength(3);
  });

  it('pages past 50 dossiers, keeping the filters in the links', async () => {
    const many = await createAgency();
    for (let i = 0; i < 52; i++) await submitDossier(t, many);
    const first = await page(many, 'reception', '/console/dossiers?state=submitted');
    expect(codesIn(first)).toHaveLength(50);
    expect(first).toContain('href="/console/dossiers?state=submitted&amp;page=2"');
    expect(first).not.toContain('id="page-previous"');
    expectAccessiblePage(first, 'vi');
    const second = await page(many, 'reception', '/console/dossiers?state=submitted&page=2');
    expect(codesIn(second)).toHaveLength(2);
    expect(second).toContain('id="page-previous"');
    expect(second).not.toContain('id="page-next"');
    expect(new Set([...codesIn(first), ...codesIn(second)]).size).toBe(52);
  });
});

describe('a dossier’s page and its actions', () => {
  let agency: Agency;
  let other: Agency;
  beforeAll(async () => {
    clock = at('2026-03-02T09:00:00');
    agency = await createAgency();
    other = await createAgency();
  });
  const formsOf = async (role: (typeof kinds)[number], id: string) =>
    actionFormsIn(await page(agency, role, `/console/dossiers/${id}`));
  const everyone = ['reception', 'specialist', 'approver', 'clerk', 'viewer', 'admin'] as const;
  const expectForms = async (id: string, expected: Partial<Record<(typeof everyone)[number], string[]>>) => {
    for (const role of everyone) expect(await formsOf(role, id), role).toEqual(expected[role] ?? []);
  };

  it('walks receive → assign → complete → approve → issue → return through the forms, each role seeing only its own', async () => {
    const { id, documentId, code } = await submitDossierWithFile(t, agency);
    const first = await page(agency, 'reception', `/console/dossiers/${id}`);
    expectAccessiblePage(first, 'vi');
    expect(first).toContain(`<h1>Hồ sơ ${code}</h1>`);
    expect(first).toContain(`href="/api/dossiers/${id}/documents/${documentId}/content"`);
    expect(first).toContain('Bản sao căn cước công dân');
    expect(first).toContain('Xin việc');
    expect(first).toContain('50.000 đ (chưa nộp)');
    expect(first).toContain('Chưa có mẫu nào để in.');
    await expectForms(id, { reception: ['receive', 'refuse', 'request-supplement'] });

    await act(agency, 'reception', id, 'receive');
    const received = await page(agency, 'reception', `/console/dossiers/${id}?done=receive`);
    expect(received).toContain('<div class="banner info" role="status">Đã thực hiện: Tiếp nhận hồ sơ</div>');
    expect(received).toContain('<strong class="tag status-tag status-active">Được tiếp nhận</strong>');
    expect(received).toContain(`href="/api/dossiers/${id}/forms/receipt?lang=vi"`);
    expect(received).toContain(`href="/api/dossiers/${id}/forms/control-slip?lang=vi"`);
    expect(received).toContain(`<option value="${agency.ids.specialist}">${staffNames.specialist}</option>`);
    // A case officer may already apologise for a delay; only the desk and leaders assign.
    await expectForms(id, {
      reception: ['apologise', 'assign'],
      specialist: ['apologise'],
      approver: ['assign'],
    });

    await act(agency, 'reception', id, 'assign', { 'assign-officer': agency.ids.specialist });
    await expectForms(id, {
      reception: ['apologise', 'request-payment'],
      specialist: ['apologise', 'complete-step', 'request-payment', 'request-supplement'],
      approver: ['stop'],
    });
    await act(agency, 'specialist', id, 'complete-step', { 'complete-note': 'Hồ sơ hợp lệ.' });
    expect(await formsOf('specialist', id)).toContain('submit-for-approval');
    await act(agency, 'specialist', id, 'submit-for-approval');
    await expectForms(id, {
      reception: ['apologise'],
      specialist: ['apologise'],
      approver: ['approve', 'return-for-rework', 'stop'],
    });
    await act(agency, 'approver', id, 'approve');
    await expectForms(id, { reception: ['issue-result'], clerk: ['issue-result'] });

    const approved = await page(agency, 'clerk', `/console/dossiers/${id}`);
    expect(approved).toContain('enctype="multipart/form-data"');
    const upload = new FormData();
    upload.set('expectedRevision', revisionIn(approved));
    upload.set('result-file', new Blob([pdf], { type: 'application/pdf' }), 'ket-qua.pdf');
    const issued = await as(agency, 'clerk').post(`/console/dossiers/${id}/actions/issue-result`, upload);
    expect(issued.status).toBe(303);
    const withResult = await page(agency, 'clerk', `/console/dossiers/${id}`);
    const result = /href="(\/api\/dossiers\/[^"]+\/content)">Kết quả giải quyết</.exec(withResult)?.[1] ?? '';
    const download = await as(agency, 'clerk').go(result);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    await expectForms(id, { reception: ['return-result'], clerk: ['return-result'] });

    await act(agency, 'clerk', id, 'return-result', { 'return-method': 'online' });
    const done = await page(agency, 'reception', `/console/dossiers/${id}?lang=en`);
    expectAccessiblePage(done, 'en');
    expect(done).toContain('<strong class="tag status-tag status-done">Result returned</strong>');
    for (const step of ['Receive the dossier', 'Assign a case officer', 'Approve', 'Issue the result']) {
      expect(done).toContain(`<strong>${step}</strong>`);
    }
    expect(done).toContain(`By: ${staffNames.specialist}`);
    expect(done).toContain('Hồ sơ hợp lệ.');
    await expectForms(id, {});
  });

  it('shows the engine’s field problems on the form, linked from the error summary, keeping what was typed', async () => {
    const { id } = await submitDossier(t, agency);
    const html = await page(agency, 'reception', `/console/dossiers/${id}`);
    const revision = revisionIn(html);
    const refused = await as(agency, 'reception').post(`/console/dossiers/${id}/actions/refuse?lang=en`, {
      expectedRevision: revision,
      'refuse-reason': '   ',
    });
    expect(refused.status).toBe(400);
    const errors = await refused.text();
    expectAccessiblePage(errors, 'en');
    expect(errors).toContain('<title>Error: Dossier');
    expect(errors).toContain('<a href="#refuse-reason">Enter the reason (at most 2000 characters)</a>');
    expect(errors).toMatch(
      /<textarea id="refuse-reason" name="refuse-reason" rows="3" aria-describedby="refuse-reason-error" aria-invalid="true">/,
    );

    const missing = await as(agency, 'reception').post(`/console/dossiers/${id}/actions/request-supplement`, {
      expectedRevision: revision,
      'supplement-document-0': 'Bản sao sổ hộ khẩu',
      'supplement-reason-0': 'Bản sao chưa chứng thực',
      'supplement-document-2': 'Giấy khai sinh',
    });
    expect(missing.status).toBe(400);
    const rows = await missing.text();
    expect(rows).toContain('<a href="#supplement-reason-2">Nhập lý do cần bổ sung</a>');
    expect(rows).toContain('value="Giấy khai sinh"');
    expect(rows).toContain('value="Bản sao chưa chứng thực"');

    await act(agency, 'reception', id, 'request-supplement', {
      'supplement-document-1': 'Giấy khai sinh',
      'supplement-reason-1': 'Thiếu bản chính',
    });
    const asked = await page(agency, 'reception', `/console/dossiers/${id}`);
    expect(asked).toContain('<strong class="tag status-tag status-action">Yêu cầu bổ sung</strong>');
    expect(asked).toContain('Giấy khai sinh: Thiếu bản chính');
    expect(asked).toContain(`href="/api/dossiers/${id}/forms/supplement-request?lang=vi"`);
  });

  it('refuses a stale revision: someone acted first', async () => {
    const { id } = await submitDossier(t, agency);
    const seen = revisionIn(await page(agency, 'reception', `/console/dossiers/${id}`));
    await act(agency, 'reception', id, 'receive');
    const late = await as(agency, 'reception').post(`/console/dossiers/${id}/actions/refuse`, {
      expectedRevision: seen,
      'refuse-reason': 'Không thuộc thẩm quyền',
    });
    expect(late.status).toBe(409);
    const html = await late.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('Có người đã xử lý hồ sơ này trước bạn.');
    expect(html).toContain('<strong class="tag status-tag status-active">Được tiếp nhận</strong>');
    expect(actionFormsIn(html)).not.toContain('refuse');
  });

  it('keeps other roles and other agencies out', async () => {
    const { id } = await submitDossier(t, agency);
    const revision = revisionIn(await page(agency, 'reception', `/console/dossiers/${id}`));
    const unchanged = async () =>
      expect(await page(agency, 'reception', `/console/dossiers/${id}`)).toContain(
        '<strong class="tag status-tag status-active">Mới đăng ký</strong>',
      );

    const viewer = await as(agency, 'viewer').post(`/console/dossiers/${id}/actions/receive`, {
      expectedRevision: revision,
    });
    expect(viewer.status).toBe(403);
    const specialist = await as(agency, 'specialist').post(`/console/dossiers/${id}/actions/receive`, {
      expectedRevision: revision,
    });
    expect(specialist.status).toBe(403);
    expect(await specialist.text()).toContain('Vai trò của bạn không được thực hiện thao tác này với hồ sơ.');
    const unknown = await as(agency, 'reception').post(`/console/dossiers/${id}/actions/rate`, {
      expectedRevision: revision,
    });
    expect(unknown.status).toBe(404);
    await unchanged();

    // Another agency's officer: their session means nothing here, and here the dossier does not exist.
    const foreign = browserAs(t, agency.slug, other.cookies.reception);
    for (const res of [
      await foreign.go(`/console/dossiers/${id}`),
      await foreign.post(`/console/dossiers/${id}/actions/receive`, { expectedRevision: revision }),
    ]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in');
    }
    expect((await as(other, 'reception').go(`/console/dossiers/${id}`)).status).toBe(404);
    const posted = await as(other, 'reception').post(`/console/dossiers/${id}/actions/receive`, {
      expectedRevision: revision,
    });
    expect(posted.status).toBe(404);
    await unchanged();
  });
});
