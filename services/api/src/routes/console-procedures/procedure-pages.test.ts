// The procedure editor over HTTP, as a browser without JavaScript uses it: a new procedure built
// page by page, previewed, published (and seen on the portal), changed and published again,
// withdrawn; and who may not: a desk officer, another agency's admin, nobody signed in.
import { createTenantSession } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { type StaffRole, staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from '../../testing.ts';
import {
  browserAs,
  type Editors,
  expectAccessiblePage,
  hostOf,
  locationOf,
  storedDraft,
  textOf,
} from './test-support.ts';

const t = useTestApp();
let editors: Editors;
let outsider: Editors;

async function signIn(slug: TenantSlug, role: StaffRole) {
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    db
      .insert(staffUsers)
      .values({ id, email: `${role}-${id}@a.gov.vn`, fullName: role, role, status: 'active' }),
  );
  const session = await createTenantSession(t.deps.database, slug, {
    kind: 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  return { id, cookie: `motcua_session=${session.token}` };
}

async function createEditors(): Promise<Editors> {
  const slug = await createTestTenant(t.deps.database);
  const admin = await signIn(slug, 'admin');
  const reception = await signIn(slug, 'reception');
  return {
    slug,
    admin: browserAs(t, slug, admin.cookie),
    reception: browserAs(t, slug, reception.cookie),
    adminCookie: admin.cookie,
    ctx: { database: t.deps.database, slug, actor: { kind: 'staff', id: admin.id, role: 'admin' } },
  };
}

beforeAll(async () => {
  editors = await createEditors();
  outsider = await createEditors();
});

const code = '1.000501.H48';
const at = (rest = '') => `/console/procedures/${code}${rest}`;

/** A page the admin opens: 200, accessible, in the page's language. */
async function open(path: string, lang: 'vi' | 'en' = 'vi') {
  const res = await editors.admin.go(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  expectAccessiblePage(html, lang);
  return html;
}

/** A form the admin posts that must be saved: 303 to `to`. */
async function save(path: string, form: Record<string, string>, to: string) {
  const res = await editors.admin.post(path, form);
  if (res.status !== 303) expect(textOf(await res.text())).toBe('a redirect');
  expect(locationOf(res)).toBe(to);
}

const general = {
  'name-vi': 'Cấp giấy phép biểu diễn thử',
  'name-en': 'Trial performance licence',
  'description-vi': 'Cấp phép tổ chức biểu diễn nghệ thuật.',
  'description-en': 'A licence to stage a performance.',
  sector: 'Văn hóa',
  'competent-unit': 'SVHTT',
  audience: 'both',
  'online-level': 'full',
  'legal-document-0': 'Nghị định 144/2020/NĐ-CP',
  'legal-title-0': 'Quy định về hoạt động nghệ thuật biểu diễn',
};

describe('building, previewing and publishing a procedure', () => {
  it('starts from the list with a code and a Vietnamese name, and says what blocks publishing', async () => {
    const list = await open('/console/procedures');
    expect(list).toContain('<label for="code">');
    expect(list).toContain('id="new-procedure-form"');
    await save('/console/procedures', { code, 'name-vi': 'Cấp giấy phép biểu diễn' }, `${at()}?done=created`);
    const overview = textOf(await open(`${at()}?done=created`));
    expect(overview).toContain('Đã tạo bản nháp');
    expect(overview).toContain('Cần hoàn thiện trước khi công bố');
    expect(overview).toContain('Thông tin chung — Tên (tiếng Anh): chưa có');
    expect(overview).toContain('Thông tin chung — Đối tượng thực hiện: chưa có');
    expect(overview).toContain('Nút công bố sẽ hiện khi không còn điểm nào cần hoàn thiện');
    const html = await open(at());
    expect(html).not.toContain('id="publish"');
    expect(html).toContain(`href="${at('/general')}"`);
    const listed = textOf(await open('/console/procedures'));
    expect(listed).toContain(`${code} Cấp giấy phép biểu diễn Bản nháp — Có`);
  });

  it('fills every part on its own page, one thing per page', async () => {
    for (const path of [
      '/general',
      '/time',
      '/fees',
      '/steps',
      '/fields',
      '/add-field',
      '/documents',
      '/add-document',
    ]) {
      await open(at(path));
      await open(`${at(path)}?lang=en`, 'en');
    }
    await save(at('/general'), general, `${at()}?done=saved`);
    await save(at('/time'), { 'time-value': '5', 'time-unit': 'working_days' }, `${at()}?done=saved`);
    const paper = {
      'document-name-vi': 'Kịch bản chương trình',
      'document-name-en': 'Programme script',
      'document-required': 'true',
      originals: '1',
      copies: '0',
      'accepted-pdf': 'true',
      'max-size-mb': '10',
    };
    await save(at('/add-document'), paper, `${at('/documents')}?done=saved`);
    const fields: Record<string, string>[] = [
      { 'field-type': 'text', 'label-vi': 'Tên đơn vị tổ chức', 'label-en': 'Organiser', required: 'true' },
      {
        'field-type': 'radio',
        'field-key': 'venue',
        'label-vi': 'Địa điểm',
        'label-en': 'Venue',
        required: 'true',
        options: 'indoor | Trong nhà | Indoors\noutdoor | Ngoài trời | Outdoors',
      },
      {
        'field-type': 'long_text',
        'label-vi': 'Phương án an ninh',
        'label-en': 'Security plan',
        'condition-field': 'venue',
        'condition-value': 'outdoor',
      },
      {
        'field-type': 'file',
        'label-vi': 'Kịch bản',
        'label-en': 'Script',
        'field-document': 'kich_ban_chuong_trinh',
      },
    ];
    for (const field of fields) await save(at('/add-field'), field, `${at('/fields')}?done=saved`);
    await save(
      at('/fees'),
      { 'fee-name-vi-0': 'Lệ phí thẩm định', 'fee-name-en-0': 'Appraisal fee', 'fee-amount-0': '1.500.000' },
      `${at()}?done=saved`,
    );
    const step = {
      'step-name-vi-0': 'Thẩm định',
      'step-name-en-0': 'Appraisal',
      'step-role-0': 'specialist',
      'step-hours-0': '24',
    };
    await save(at('/steps'), step, `${at()}?done=saved`);

    const stored = await storedDraft(editors, code);
    expect(stored.draftProblems).toEqual([]);
    expect(stored.draft).toMatchObject({
      fees: [{ id: 'le_phi_tham_dinh', amount: 1_500_000 }],
      form: {
        fields: [
          { id: 'ten_don_vi_to_chuc' },
          { id: 'venue' },
          { id: 'phuong_an_an_ninh', showWhen: { field: 'venue', equals: 'outdoor' } },
          { id: 'kich_ban', document: 'kich_ban_chuong_trinh' },
        ],
      },
    });
    const overview = await open(at());
    expect(overview).toContain('id="publish"');
    expect(textOf(overview)).toContain('Hiện khi: “Địa điểm” là “Ngoài trời”');
    // A fee keeps its id when its name changes: the page carries it along, hidden.
    expect(await open(at('/fees'))).toContain(
      '<input type="hidden" name="fee-id-0" value="le_phi_tham_dinh"/>',
    );
    const fieldList = textOf(await open(at('/fields')));
    expect(fieldList).toContain(
      'Phương án an ninh phuong_an_an_ninh Văn bản dài Không “Địa điểm” là “Ngoài trời”',
    );
  });

  it('edits a field with its values filled in, and moves and removes fields', async () => {
    const editor = await open(at('/fields/venue'));
    expect(editor).toContain('value="venue"');
    expect(editor).toContain('indoor | Trong nhà | Indoors\noutdoor | Ngoài trời | Outdoors</textarea>');
    expect(editor).toContain('<option value="ten_don_vi_to_chuc">');
    expect(editor).not.toContain('<option value="phuong_an_an_ninh">');
    await save(at('/fields/kich_ban/move'), { direction: 'up' }, `${at('/fields')}?done=moved`);
    await save(at('/fields/kich_ban/move'), { direction: 'down' }, `${at('/fields')}?done=moved`);
    await save(
      at('/add-field'),
      { 'field-type': 'email', 'label-vi': 'Thư điện tử', 'label-en': 'Email' },
      `${at('/fields')}?done=saved`,
    );
    await save(at('/fields/thu_dien_tu/remove'), {}, `${at('/fields')}?done=removed`);
    expect(textOf(await open(`${at('/fields')}?done=removed`))).toContain('Đã xóa khỏi bản nháp.');
  });

  it('previews the draft’s form as a citizen sees it, in both languages, with nothing to submit', async () => {
    const html = await open(at('/preview'));
    expect(html).toContain('id="preview-banner"');
    expect(html).not.toMatch(/<form/);
    for (const id of [
      'f-ten_don_vi_to_chuc',
      'f-venue-0',
      'f-venue-1',
      'f-phuong_an_an_ninh',
      'doc-kich_ban_chuong_trinh-file',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(textOf(html)).toContain('Chỉ hiện khi: “Địa điểm” là “Ngoài trời”');
    const en = textOf(await open(`${at('/preview')}?lang=en`, 'en'));
    expect(en).toContain('Trial performance licence');
    expect(en).toContain('Shown only when: “Venue” is “Outdoors”');
  });

  it('publishes version 1, which the portal shows, then version 2 after a change', async () => {
    const published = await editors.admin.post(at('/publish'), {});
    expect(published.status).toBe(303);
    expect(locationOf(published)).toBe(`${at()}?published=1`);
    expect(textOf(await open(`${at()}?published=1`))).toContain('Đã công bố phiên bản 1.');
    const portal = () =>
      t.request(`/procedures/${code}`, { host: hostOf(editors.slug), headers: { accept: 'text/html' } });
    expect(textOf(await (await portal()).text())).toContain('Cấp giấy phép biểu diễn thử');

    await save(
      at('/general'),
      { ...general, 'name-vi': 'Cấp giấy phép tổ chức biểu diễn' },
      `${at()}?done=saved`,
    );
    // Saved, not published: citizens still see version 1.
    expect(textOf(await (await portal()).text())).toContain('Cấp giấy phép biểu diễn thử');
    expect(textOf(await open(at()))).toContain('Bản nháp có thay đổi chưa công bố.');
    const again = await editors.admin.post(at('/publish'), {});
    expect(locationOf(again)).toBe(`${at()}?published=2`);
    const fallback = await t.request(`/t/${editors.slug}/procedures/${code}`, {
      host: testDomain,
      headers: { accept: 'text/html' },
    });
    expect(textOf(await fallback.text())).toContain('Cấp giấy phép tổ chức biểu diễn');
    expect(await open(at())).toContain('id="publish-reason"');
  });

  it('withdraws after a confirmation page, and the portal no longer offers it', async () => {
    const confirm = await open(at('/withdraw'));
    expect(confirm).toContain('id="withdraw-confirm"');
    await save(at('/withdraw'), {}, `${at()}?done=withdrawn`);
    expect((await storedDraft(editors, code)).status).toBe('withdrawn');
    const portal = await t.request(`/procedures/${code}`, {
      host: hostOf(editors.slug),
      headers: { accept: 'text/html' },
    });
    expect(portal.status).toBe(404);
    const again = await editors.admin.post(at('/withdraw'), {});
    expect(again.status).toBe(409);
  });
});

describe('who may edit', () => {
  it('sends a signed-out browser to sign in and refuses a desk officer with a 403 page', async () => {
    const anonymous = browserAs(t, editors.slug, undefined);
    for (const path of ['/console/procedures', at(), at('/general')]) {
      const res = await anonymous.go(path);
      expect(res.status).toBe(303);
      expect(locationOf(res)).toBe('/sign-in');
      const desk = await editors.reception.go(path);
      expect(desk.status).toBe(403);
      expectAccessiblePage(await desk.text(), 'vi');
    }
    const before = await storedDraft(editors, code);
    expect((await editors.reception.post(at('/general'), general)).status).toBe(403);
    expect((await editors.reception.post(at('/publish'), {})).status).toBe(403);
    expect(await storedDraft(editors, code)).toEqual(before);
  });

  it('shows another agency’s admin none of this agency’s procedures and lets them change none', async () => {
    const theirList = textOf(await (await outsider.admin.go('/console/procedures')).text());
    expect(theirList).not.toContain(code);
    expect((await outsider.admin.go(at())).status).toBe(404);
    const before = await storedDraft(editors, code);
    expect((await outsider.admin.post(at('/general'), general)).status).toBe(404);
    expect((await outsider.admin.post(at('/publish'), {})).status).toBe(404);
    // Their session on this agency's host is no session at all.
    const crossHost = browserAs(t, editors.slug, outsider.adminCookie);
    for (const path of ['/console/procedures', at()]) {
      const res = await crossHost.go(path);
      expect(res.status).toBe(303);
      expect(locationOf(res)).toBe('/sign-in');
    }
    expect((await crossHost.post(at('/general'), general)).status).toBe(303);
    expect(await storedDraft(editors, code)).toEqual(before);
  });
});
