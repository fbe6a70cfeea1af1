// The pure rules behind the form pages: what a post does to a draft's answers, the file list,
// the canonical submission body, file names, and how problems map to the summary.
import { type ProcedureVersion, procedureVersion, validateAnswers } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import {
  canonical,
  chosenFiles,
  cleanFileName,
  mergePostedAnswers,
  readUploads,
  type UploadedFile,
  uploadsKey,
  withFiles,
} from './form-answers.ts';
import { answerErrors, engineErrors, formView, missingDocuments, reviewRows } from './form-views.ts';
import { everyFieldProcedure, goodForm } from './test-support.ts';

const version: ProcedureVersion = procedureVersion.parse(everyFieldProcedure);
const file = (id: string, slot: string, status: UploadedFile['status'] = 'verified'): UploadedFile => ({
  id,
  slot,
  fileName: `${id}.pdf`,
  sizeBytes: 10,
  status,
});

describe('mergePostedAnswers', () => {
  const cases: {
    name: string;
    stored: Record<string, unknown>;
    form: Record<string, unknown>;
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'takes the shown fields as posted',
      stored: {},
      form: { _shown: 'full_name,copies', full_name: 'An', copies: '2' },
      expected: { full_name: 'An', copies: '2' },
    },
    {
      name: 'keeps answers to fields the page did not show',
      stored: { purpose: 'khac', full_name: 'Cũ' },
      form: { _shown: 'full_name', full_name: 'Mới' },
      expected: { purpose: 'khac', full_name: 'Mới' },
    },
    {
      name: 'an emptied box and an unticked box remove their answers',
      stored: { full_name: 'An', agree: true },
      form: { _shown: 'full_name,agree', full_name: '   ' },
      expected: {},
    },
    {
      name: 'a ticked box is true whatever value it posts',
      stored: {},
      form: { _shown: 'agree', agree: 'on' },
      expected: { agree: true },
    },
    {
      name: 'an address is read from its three parts; all empty is no answer',
      stored: { address: { province: '01', commune: 'x', street: 'y' } },
      form: { _shown: 'address', 'address.province': '', 'address.commune': ' ', 'address.street': '' },
      expected: {},
    },
    {
      name: 'a partly filled address is kept as typed, for the checker to name the missing part',
      stored: {},
      form: { _shown: 'address', 'address.province': '48', 'address.street': '12 Lê Duẩn' },
      expected: { address: { province: '48', commune: '', street: '12 Lê Duẩn' } },
    },
    {
      name: 'ignores posted names that are not fields, and a posted file answer',
      stored: {},
      form: { _shown: 'id_card_file,nope', id_card_file: 'doc_forged', nope: 'x', [uploadsKey]: 'x' },
      expected: {},
    },
    {
      name: 'takes the first of repeated values',
      stored: {},
      form: { _shown: 'purpose', purpose: ['khac', 'xin_viec'] },
      expected: { purpose: 'khac' },
    },
    {
      name: 'without _shown nothing changes',
      stored: { note: 'a' },
      form: { note: 'b' },
      expected: { note: 'a' },
    },
  ];
  for (const { name, stored, form, expected } of cases) {
    it(name, () => expect(mergePostedAnswers(version, stored, form, [])).toEqual(expected));
  }

  it('answers each file field with the checked files of its paper and keeps the list beside', () => {
    const uploads = [file('doc_1', 'id_card'), file('doc_2', 'id_card', 'rejected'), file('doc_3', 'photo')];
    expect(mergePostedAnswers(version, {}, { _shown: '' }, uploads)).toEqual({
      id_card_file: ['doc_1'],
      [uploadsKey]: uploads,
    });
    expect(withFiles(version, { id_card_file: ['doc_9'], [uploadsKey]: uploads }, [])).toEqual({});
  });
});

describe('readUploads', () => {
  it('keeps well-formed entries only', () => {
    const good = file('doc_1', 'id_card');
    const answers = { [uploadsKey]: [good, { id: 'doc_2' }, 'x', { ...good, status: 'lost' }] };
    expect(readUploads(answers)).toEqual([good]);
    expect(readUploads({ [uploadsKey]: 'x' })).toEqual([]);
    expect(readUploads({})).toEqual([]);
  });
});

describe('chosenFiles', () => {
  it('lists the file inputs with a file chosen, by paper', () => {
    const pdf = new File(['%PDF-'], 'a.pdf');
    const empty = new File([], '');
    expect(
      chosenFiles({ '_file.id_card': pdf, '_file.photo': empty, full_name: 'An', '_file.x': 'text' }),
    ).toEqual([{ documentId: 'id_card', file: pdf }]);
    expect(chosenFiles({ '_file.id_card': [pdf, pdf] })).toHaveLength(2);
  });
});

describe('canonical', () => {
  it('orders keys at every depth and leaves arrays in order', () => {
    const a = canonical({ b: 1, a: { street: 's', province: '48', commune: 'c' }, c: ['y', 'x'] });
    expect(JSON.stringify(a)).toBe('{"a":{"commune":"c","province":"48","street":"s"},"b":1,"c":["y","x"]}');
    expect(canonical(null)).toBeNull();
    expect(canonical('x')).toBe('x');
  });

  it('makes the checked answers reproducible: checking them again gives the same canonical body', () => {
    const answers = mergePostedAnswers(version, {}, goodForm, [file('doc_1', 'id_card')]);
    const first = validateAnswers(version, answers, { today: '2026-02-12' });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const again = validateAnswers(version, canonical(first.values) as Record<string, unknown>, {
      today: '2026-02-12',
    });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(JSON.stringify(canonical(again.values))).toBe(JSON.stringify(canonical(first.values)));
    expect(first.values).toMatchObject({ phone: '+84912345678', copies: 2, note: 'Dòng một\nDòng hai' });
  });
});

describe('cleanFileName', () => {
  const cases: [string, string][] = [
    ['giấy tờ.pdf', 'giấy tờ.pdf'],
    ['C:\\Users\\an\\scan.pdf', 'scan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\u001f.pdf', 'a_b_.pdf'],
    ['', 'tep-tin'],
    ['   ', 'tep-tin'],
    [`${'x'.repeat(250)}.pdf`, 'x'.repeat(200)],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input.slice(0, 20))} → ${expected.slice(0, 20)}`, () =>
      expect(cleanFileName(input)).toBe(expected));
  }
});

describe('problems as summary entries', () => {
  it('names the address part at fault and the paper a file belongs to', () => {
    const checked = validateAnswers(
      version,
      { address: { province: '48', commune: '', street: 'x' } },
      { today: '2026-02-12' },
    );
    if (checked.ok) throw new Error('expected errors');
    const errors = answerErrors(checked.errors, 'vi');
    expect(errors.find((e) => e.fieldId === 'address')).toMatchObject({ part: 'commune' });
    expect(errors.find((e) => e.fieldId === 'id_card_file')?.message).toBe('Tải lên “Bản sao căn cước”');
    // The paper is already reported by its file field: not twice.
    expect(missingDocuments(version, {}, [], errors, 'vi')).toEqual([]);
    expect(missingDocuments(version, {}, [], [], 'en')).toEqual([
      { documentId: 'id_card', message: 'Upload “Copy of the identity card”' },
    ]);
    expect(missingDocuments(version, {}, [file('doc_1', 'id_card')], [], 'en')).toEqual([]);
  });

  it('maps the engine’s refusal of a submission to fields and papers, in the page’s language', () => {
    const details = [
      {
        path: 'answers.phone',
        code: 'invalid_phone',
        message: 'Enter a mobile',
        messageVi: 'Nhập số di động',
      },
      { path: 'answers.address', code: 'address_street', message: 'Street', messageVi: 'Đường' },
      { path: 'documents.authorisation', message: 'Attach: Power of attorney.' },
    ];
    expect(engineErrors(details, version, 'vi')).toEqual([
      { fieldId: 'phone', message: 'Nhập số di động' },
      { fieldId: 'address', part: 'street', message: 'Đường' },
      { documentId: 'authorisation', message: 'Tải lên “Văn bản ủy quyền”' },
    ]);
    expect(engineErrors('nonsense', version, 'en')).toEqual([]);
  });
});

describe('views', () => {
  it('shows the fields and papers the answers call for', () => {
    const template = (f: string) => `/t/${f}`;
    const self = formView(version, { filed_by: 'self' }, [], 'vi', template);
    expect(self.fields.map((f) => f.id)).not.toContain('authorisation_file');
    expect(self.documents.map((d) => d.id)).toEqual(['photo']);
    expect(self.hasConditions).toBe(true);
    const representative = formView(version, { filed_by: 'representative' }, [], 'en', template);
    expect(representative.fields.map((f) => f.id)).toContain('authorisation_file');
    expect(representative.documents).toEqual([
      expect.objectContaining({ id: 'photo', name: 'Portrait photo', acceptedTypes: ['JPG', 'PNG'] }),
    ]);
  });

  it('writes answers for people: option labels, dates, addresses, ticks', () => {
    const rows = reviewRows(
      version,
      {
        purpose: 'xin_viec',
        birth_date: '1990-05-17',
        address: { province: '48', commune: 'Hải Châu', street: '12 Lê Duẩn' },
        agree: true,
        note: 'a\nb',
      },
      'vi',
    );
    const lines = Object.fromEntries(rows.map((r) => [r.fieldId, r.lines]));
    expect(lines).toMatchObject({
      purpose: ['Xin việc'],
      birth_date: ['17/05/1990'],
      address: ['12 Lê Duẩn', 'Hải Châu', 'Đà Nẵng'],
      agree: ['Có'],
      note: ['a', 'b'],
      email: [],
    });
    expect(rows.map((r) => r.fieldId)).not.toContain('id_card_file');
  });
});
