// Every kind of bad input to the editor's forms: the page comes back (400, or 422 for publishing)
// with the error summary linking to each input at fault, what was typed kept, and the stored
// draft exactly as it was.
import { createTenantSession } from '@motcua/auth';
import { newId, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { editProcedureDraft, startProcedureDraft } from '@motcua/engine';
import { testProcedure } from '@motcua/engine/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing.ts';
import {
  browserAs,
  type Editors,
  expectAccessiblePage,
  expectErrorsFor,
  storedDraft,
  textOf,
} from './test-support.ts';

const t = useTestApp();
let editors: Editors;
const code = '1.000601.H48';
const unfinished = '1.000602.H48';
const at = (rest = '') => `/console/procedures/${code}${rest}`;

/** The test procedure with a paper its file field uploads: every part filled, nothing to fix. */
const complete = {
  ...testProcedure,
  code,
  documents: [
    {
      id: 'to_khai',
      name: { vi: 'Tờ khai', en: 'Declaration' },
      required: true,
      copies: { originals: 1, copies: 0 },
      acceptedTypes: ['pdf'],
      maxSizeBytes: 1_000_000,
    },
  ],
  form: {
    fields: [
      ...testProcedure.form.fields,
      {
        id: 'to_khai_file',
        type: 'file',
        label: { vi: 'Tờ khai', en: 'Declaration' },
        required: true,
        document: 'to_khai',
      },
    ],
  },
};

beforeAll(async () => {
  const slug = await createTestTenant(t.deps.database);
  const id = newId('usr');
  await withTenant(t.deps.database, slug, (db) =>
    db
      .insert(staffUsers)
      .values({ id, email: `admin-${id}@a.gov.vn`, fullName: 'Quản trị', role: 'admin', status: 'active' }),
  );
  const { token } = await createTenantSession(t.deps.database, slug, {
    kind: 'staff',
    principalId: id,
    twoFactorVerified: true,
  });
  const cookie = `motcua_session=${token}`;
  const ctx = {
    database: t.deps.database,
    slug,
    actor: { kind: 'staff' as const, id, role: 'admin' as const },
  };
  editors = {
    slug,
    admin: browserAs(t, slug, cookie),
    reception: browserAs(t, slug, undefined),
    adminCookie: cookie,
    ctx,
  };
  await startProcedureDraft(ctx, { code, 'name-vi': 'Thủ tục đầy đủ' });
  await editProcedureDraft(ctx, code, () => complete);
  await startProcedureDraft(ctx, { code: unfinished, 'name-vi': 'Thủ tục dở dang' });
});

const general = {
  'name-vi': 'Tên',
  'name-en': 'Name',
  'description-vi': 'Mô tả',
  'description-en': 'Description',
  sector: 'Tư pháp',
  'competent-unit': 'STP',
  audience: 'citizen',
  'online-level': 'partial',
  'legal-document-0': 'Luật 28/2009/QH12',
  'legal-title-0': 'Luật Lý lịch tư pháp',
};
const paper = {
  'document-name-vi': 'Ảnh',
  'document-name-en': 'Photo',
  originals: '1',
  copies: '0',
  'accepted-png': 'true',
  'max-size-mb': '2',
};
const step = {
  'step-name-vi-0': 'Thẩm định',
  'step-name-en-0': 'Appraisal',
  'step-role-0': 'specialist',
  'step-hours-0': '8',
};

// [what, path, form, inputs the summary must link to]
const cases: [string, string, Record<string, string>, string[]][] = [
  [
    'a new procedure without code or name',
    '/console/procedures',
    { code: '', 'name-vi': ' ' },
    ['code', 'name-vi'],
  ],
  [
    'a new procedure with a malformed code',
    '/console/procedures',
    { code: '1.0006', 'name-vi': 'Tên' },
    ['code'],
  ],
  ['a new procedure with a code in use', '/console/procedures', { code, 'name-vi': 'Tên' }, ['code']],
  [
    'general information left empty',
    at('/general'),
    {},
    [
      'name-vi',
      'name-en',
      'description-vi',
      'description-en',
      'sector',
      'competent-unit',
      'audience',
      'online-level',
      'legal-document-0',
    ],
  ],
  ['an audience not offered', at('/general'), { ...general, audience: 'everyone' }, ['audience']],
  [
    'a legal document without its title',
    at('/general'),
    { ...general, 'legal-title-0': '', 'legal-document-1': 'Nghị định 1' },
    ['legal-title-0', 'legal-title-1'],
  ],
  [
    'a processing time in words',
    at('/time'),
    { 'time-value': 'ba', 'time-unit': 'working_days' },
    ['time-value'],
  ],
  [
    'a processing time the steps do not fit in',
    at('/time'),
    { 'time-value': '2', 'time-unit': 'working_days' },
    ['time-value'],
  ],
  [
    'a fee in part đồng',
    at('/fees'),
    { 'fee-name-vi-0': 'Lệ phí', 'fee-name-en-0': 'Fee', 'fee-amount-0': '12,5' },
    ['fee-amount-0'],
  ],
  [
    'a fee without its English name',
    at('/fees'),
    { 'fee-name-vi-0': 'Lệ phí', 'fee-amount-0': '50.000' },
    ['fee-name-en-0'],
  ],
  ['no workflow step', at('/steps'), {}, ['step-name-vi-0']],
  [
    'a step with a role that does not exist',
    at('/steps'),
    { ...step, 'step-role-0': 'boss' },
    ['step-role-0'],
  ],
  [
    'steps longer than the processing time',
    at('/steps'),
    { ...step, 'step-hours-0': '25' },
    ['step-hours-0'],
  ],
  ['a field without type or labels', at('/add-field'), {}, ['field-type', 'label-vi', 'label-en']],
  [
    'a field key in use',
    at('/add-field'),
    { 'field-type': 'text', 'field-key': 'phone', 'label-vi': 'A', 'label-en': 'A' },
    ['field-key'],
  ],
  [
    'a field key with capitals',
    at('/add-field'),
    { 'field-type': 'text', 'field-key': 'Ho_Ten', 'label-vi': 'A', 'label-en': 'A' },
    ['field-key'],
  ],
  [
    'a choice written badly',
    at('/add-field'),
    { 'field-type': 'select', 'label-vi': 'A', 'label-en': 'A', options: 'một phần' },
    ['options'],
  ],
  [
    'a condition on an option that does not exist',
    at('/add-field'),
    {
      'field-type': 'text',
      'label-vi': 'A',
      'label-en': 'A',
      'condition-field': 'purpose',
      'condition-value': 'typo',
    },
    ['condition-value'],
  ],
  [
    'a file field for a paper not listed',
    at('/add-field'),
    { 'field-type': 'file', 'label-vi': 'A', 'label-en': 'A', 'field-document': 'nothing' },
    ['field-document'],
  ],
  [
    'a second file field for the same paper',
    at('/add-field'),
    { 'field-type': 'file', 'label-vi': 'A', 'label-en': 'A', 'field-document': 'to_khai' },
    ['field-document'],
  ],
  [
    'a new key for a field a condition reads',
    at('/fields/purpose'),
    {
      'field-type': 'select',
      'field-key': 'reason',
      'label-vi': 'Mục đích',
      'label-en': 'Purpose',
      options: 'xin_viec | Xin việc | Job\nkhac | Khác | Other',
    },
    ['field-key'],
  ],
  ['removing a field a condition reads', at('/fields/purpose/remove'), {}, []],
  ['moving the first field up', at('/fields/full_name/move'), { direction: 'up' }, []],
  [
    'moving a field above the one its condition reads',
    at('/fields/purpose_other/move'),
    { direction: 'up' },
    [],
  ],
  ['a paper asking for no copy at all', at('/add-document'), { ...paper, originals: '0' }, ['originals']],
  ['a paper accepting no file type', at('/add-document'), { ...paper, 'accepted-png': '' }, ['accepted-pdf']],
  ['a paper larger than 20 MB', at('/add-document'), { ...paper, 'max-size-mb': '21' }, ['max-size-mb']],
  ['removing a paper a file field uploads', at('/documents/to_khai/remove'), {}, []],
  [
    'a new id for a paper a file field uploads',
    at('/documents/to_khai'),
    { ...paper, 'document-id': 'mau' },
    ['document-id'],
  ],
];

describe('bad input changes nothing', () => {
  it.each(cases)('%s: the page again with its errors', async (_, path, form, inputs) => {
    const before = await storedDraft(editors, code);
    const res = await editors.admin.post(path, form);
    expect(res.status).toBe(400);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expectErrorsFor(html, inputs);
    expect(html).toMatch(/<title>Lỗi: /);
    // What was typed in a box comes back (a choice not offered cannot be shown, and is not).
    for (const [name, value] of Object.entries(form)) {
      if (!value.trim() || !inputs.length) continue;
      const tag = new RegExp(`<(input|textarea|select)\\b[^>]*\\sid="${name}"`).exec(html)?.[1];
      if (tag === 'input') expect(html, name).toMatch(new RegExp(`id="${name}"[^>]*value="${value}"`));
      if (tag === 'textarea') expect(html, name).toContain(`>${value}</textarea>`);
    }
    expect(await storedDraft(editors, code)).toEqual(before);
  });

  it('says so in English too', async () => {
    const res = await editors.admin.post(`${at('/general')}?lang=en`, {});
    expect(res.status).toBe(400);
    const html = await res.text();
    expectAccessiblePage(html, 'en');
    expect(textOf(html)).toContain('Enter “Name (English)”.');
    expect(textOf(html)).toContain('Choose “Who it is for”.');
  });

  it('refuses to publish a draft with problems (422), shows them, and publishes nothing', async () => {
    const before = await storedDraft(editors, unfinished);
    const res = await editors.admin.post(`/console/procedures/${unfinished}/publish`, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expectAccessiblePage(html, 'vi');
    expect(html).toContain('class="error-summary"');
    expect(textOf(html)).toContain('Cần hoàn thiện trước khi công bố');
    expect(await storedDraft(editors, unfinished)).toEqual(before);
    expect(before.currentVersion).toBeNull();
  });

  it('answers a code or item the agency does not have with a 404 page', async () => {
    for (const path of ['/console/procedures/1.999999', at('/fields/nothing'), at('/documents/nothing')]) {
      const res = await editors.admin.go(path);
      expect(res.status, path).toBe(404);
    }
    expect((await editors.admin.post(at('/fields/nothing'), { 'field-type': 'text' })).status).toBe(404);
  });
});
