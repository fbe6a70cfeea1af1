import { procedureVersion } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { createDraftDocument, slugifyId } from './draft.ts';
import { addDocument, removeDocument, updateDocument } from './edit-documents.ts';
import { addField } from './edit-fields.ts';
import { setGeneralInfo, setProcessingTime } from './edit-general.ts';
import { readAmount, setFees, setWorkflowSteps } from './edit-rows.ts';
import { finishedDraft, refusal, seeded } from './test-drafts.ts';

const general = {
  'name-vi': 'Cấp bản sao trích lục hộ tịch',
  'name-en': 'Copy of a civil status extract',
  'description-vi': 'Cấp bản sao từ sổ hộ tịch.',
  'description-en': 'A copy from the civil status register.',
  sector: 'Hộ tịch',
  'competent-unit': 'UBND xã',
  audience: 'citizen',
  'online-level': 'full',
  'legal-document-0': 'Nghị định 123/2015/NĐ-CP',
  'legal-title-0': 'Quy định chi tiết Luật Hộ tịch',
};
const paper = {
  'document-name-vi': 'Tờ khai',
  'document-name-en': 'Declaration',
  'document-required': 'true',
  originals: '1',
  copies: '0',
  'accepted-pdf': 'true',
  'max-size-mb': '5',
};

describe('a new procedure', () => {
  it('starts from its code and Vietnamese name, and is built page by page into one that publishes', () => {
    let draft = createDraftDocument({ code: '1.000123.H48', 'name-vi': 'Thủ tục mới' });
    expect(procedureVersion.safeParse(draft).success).toBe(false);
    draft = setGeneralInfo(draft, general);
    draft = setProcessingTime(draft, { 'time-value': '5', 'time-unit': 'working_days' });
    draft = addDocument(draft, paper);
    draft = addField(draft, {
      'field-type': 'text',
      'label-vi': 'Họ và tên',
      'label-en': 'Full name',
      required: 'true',
    });
    draft = addField(draft, {
      'field-type': 'file',
      'label-vi': 'Tờ khai',
      'label-en': 'Declaration',
      'field-document': 'to_khai',
    });
    draft = setFees(draft, { 'fee-name-vi-0': 'Lệ phí', 'fee-name-en-0': 'Fee', 'fee-amount-0': '8.000' });
    draft = setWorkflowSteps(draft, {
      'step-name-vi-0': 'Thẩm định',
      'step-name-en-0': 'Appraisal',
      'step-role-0': 'specialist',
      'step-hours-0': '16',
    });
    const parsed = procedureVersion.safeParse(draft);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toMatchObject({
      code: '1.000123.H48',
      name: { vi: 'Cấp bản sao trích lục hộ tịch' },
      fees: [{ id: 'le_phi', amount: 8000 }],
      documents: [{ id: 'to_khai', maxSizeBytes: 5 * 1024 * 1024, acceptedTypes: ['pdf'] }],
      workflow: { steps: [{ id: 'tham_dinh', role: 'specialist', budgetWorkingHours: 16 }] },
    });
  });

  it.each([
    ['nothing', { code: '', 'name-vi': '' }, ['code: required', 'name-vi: required']],
    ['a code that is not one', { code: 'TT-01', 'name-vi': 'Tên' }, ['code: invalid']],
    ['a name too long', { code: '1.000123', 'name-vi': 'x'.repeat(2001) }, ['name-vi: too_long']],
  ])('refuses %s', (_, input, expected) => {
    expect(refusal(() => createDraftDocument(input))).toEqual(expected);
  });
});

describe('general information', () => {
  it('keeps the legal basis rows that are filled, in order', () => {
    const next = setGeneralInfo(finishedDraft(), {
      ...general,
      'legal-document-1': '',
      'legal-document-2': 'Luật 60/2014/QH13',
      'legal-title-2': 'Luật Hộ tịch',
    });
    expect(next.legalBasis).toEqual([
      { document: 'Nghị định 123/2015/NĐ-CP', title: 'Quy định chi tiết Luật Hộ tịch' },
      { document: 'Luật 60/2014/QH13', title: 'Luật Hộ tịch' },
    ]);
  });

  it.each([
    [
      'every part missing',
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
      ].map((i) => `${i}: required`),
    ],
    ['an unknown audience', { ...general, audience: 'everyone' }, ['audience: invalid']],
    [
      'a legal document without its title',
      { ...general, 'legal-document-3': 'Luật 1', 'legal-title-0': '' },
      ['legal-title-0: required', 'legal-title-3: required'],
    ],
    ['a sector too long', { ...general, sector: 'x'.repeat(201) }, ['sector: too_long']],
  ])('refuses %s', (_, input, expected) => {
    expect(refusal(() => setGeneralInfo(finishedDraft(), input))).toEqual(expected);
  });
});

describe('processing time', () => {
  it.each([
    [{ 'time-value': '', 'time-unit': 'working_days' }, ['time-value: required']],
    [{ 'time-value': '2.5', 'time-unit': 'working_days' }, ['time-value: invalid']],
    [{ 'time-value': '0', 'time-unit': 'working_days' }, ['time-value: invalid']],
    [{ 'time-value': '3', 'time-unit': 'weeks' }, ['time-unit: invalid']],
    // The test procedure's two steps take 20 working hours: two days (16 hours) are too few.
    [{ 'time-value': '2', 'time-unit': 'working_days' }, ['time-value: budget']],
  ])('refuses %j', (input, expected) => {
    expect(refusal(() => setProcessingTime(finishedDraft(), input))).toEqual(expected);
  });

  it('accepts what the steps fit in, and calendar units the steps are not compared with', () => {
    expect(
      setProcessingTime(finishedDraft(), { 'time-value': '20', 'time-unit': 'working_hours' }).processingTime,
    ).toEqual({ value: 20, unit: 'working_hours' });
    expect(
      setProcessingTime(finishedDraft(), { 'time-value': '1', 'time-unit': 'calendar_days' }).processingTime,
    ).toEqual({ value: 1, unit: 'calendar_days' });
  });
});

describe('fees', () => {
  it('keeps filled rows, drops emptied ones, and keeps a fee’s condition while its id stays', () => {
    const draft = {
      ...finishedDraft(),
      fees: [
        {
          id: 'le_phi',
          name: { vi: 'Lệ phí', en: 'Fee' },
          amount: 1,
          showWhen: { field: 'purpose', equals: 'khac' },
        },
      ],
    };
    const next = setFees(draft, {
      'fee-id-0': 'le_phi',
      'fee-name-vi-0': 'Lệ phí',
      'fee-name-en-0': 'Fee',
      'fee-amount-0': '50 000 đ',
      'fee-name-vi-2': 'Phí bản sao',
      'fee-name-en-2': 'Copy charge',
      'fee-amount-2': '0',
    });
    expect(next.fees).toEqual([
      {
        id: 'le_phi',
        name: { vi: 'Lệ phí', en: 'Fee' },
        amount: 50_000,
        showWhen: { field: 'purpose', equals: 'khac' },
      },
      { id: 'phi_ban_sao', name: { vi: 'Phí bản sao', en: 'Copy charge' }, amount: 0 },
    ]);
    expect(setFees(draft, {}).fees).toEqual([]);
  });

  it.each([
    [
      { 'fee-name-vi-0': 'Lệ phí', 'fee-name-en-0': 'Fee', 'fee-amount-0': '12,5' },
      ['fee-amount-0: invalid'],
    ],
    [
      { 'fee-name-vi-0': 'Lệ phí', 'fee-amount-0': '' },
      ['fee-amount-0: required', 'fee-name-en-0: required'],
    ],
    [
      {
        'fee-id-0': 'a',
        'fee-name-vi-0': 'A',
        'fee-name-en-0': 'A',
        'fee-amount-0': '1',
        'fee-id-1': 'a',
        'fee-name-vi-1': 'B',
        'fee-name-en-1': 'B',
        'fee-amount-1': '2',
      },
      ['fee-id-1: duplicate'],
    ],
    [
      { 'fee-id-0': 'Phí', 'fee-name-vi-0': 'A', 'fee-name-en-0': 'A', 'fee-amount-0': '1' },
      ['fee-id-0: invalid'],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refusal(() => setFees(finishedDraft(), input))).toEqual(expected);
  });

  it('reads amounts written the Vietnamese way, and nothing that is not whole đồng', () => {
    const random = seeded(5);
    for (let run = 0; run < 500; run++) {
      const amount = random.int(10 ** random.int(13));
      const sep = random.pick(['.', ' ', ',']);
      const grouped = amount.toLocaleString('en-US').replaceAll(',', sep);
      expect(readAmount(grouped)).toBe(amount);
      expect(readAmount(`${amount}`)).toBe(amount);
    }
    for (const bad of ['', '-5', '1.5', '1.00.000', '12,50', 'năm nghìn', '1e6'])
      expect(readAmount(bad)).toBeUndefined();
  });
});

describe('workflow steps', () => {
  it.each([
    [{}, ['step-name-vi-0: required']],
    [
      {
        'step-name-vi-0': 'Thẩm định',
        'step-name-en-0': 'Appraisal',
        'step-role-0': 'boss',
        'step-hours-0': '4',
      },
      ['step-role-0: invalid'],
    ],
    [
      {
        'step-name-vi-0': 'Thẩm định',
        'step-name-en-0': 'Appraisal',
        'step-role-0': 'approver',
        'step-hours-0': 'bốn',
      },
      ['step-hours-0: invalid'],
    ],
    [
      {
        'step-name-vi-0': 'Thẩm định',
        'step-name-en-0': 'Appraisal',
        'step-role-0': 'approver',
        'step-hours-0': '0',
      },
      ['step-hours-0: invalid'],
    ],
    // Three working days are 24 working hours.
    [
      {
        'step-name-vi-0': 'Thẩm định',
        'step-name-en-0': 'Appraisal',
        'step-role-0': 'specialist',
        'step-hours-0': '24.5',
      },
      ['step-hours-0: budget'],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refusal(() => setWorkflowSteps(finishedDraft(), input))).toEqual(expected);
  });

  it('takes the rows in order with their roles and hours', () => {
    const next = setWorkflowSteps(finishedDraft(), {
      'step-name-vi-1': 'Phê duyệt',
      'step-name-en-1': 'Approval',
      'step-role-1': 'approver',
      'step-hours-1': '1,5',
      'step-id-0': 'tham_dinh',
      'step-name-vi-0': 'Thẩm định',
      'step-name-en-0': 'Appraisal',
      'step-role-0': 'specialist',
      'step-hours-0': '8',
      'step-role-2': 'clerk',
    });
    expect(next.workflow).toEqual({
      steps: [
        {
          id: 'tham_dinh',
          name: { vi: 'Thẩm định', en: 'Appraisal' },
          role: 'specialist',
          budgetWorkingHours: 8,
        },
        {
          id: 'phe_duyet',
          name: { vi: 'Phê duyệt', en: 'Approval' },
          role: 'approver',
          budgetWorkingHours: 1.5,
        },
      ],
    });
  });
});

describe('required papers', () => {
  it('adds, changes and removes a paper no file field uploads', () => {
    const added = addDocument(finishedDraft(), {
      ...paper,
      'accepted-png': 'on',
      template: 'x',
      'template-file': 'mau-to-khai.docx',
    });
    expect(added.documents).toEqual([
      {
        id: 'to_khai',
        name: { vi: 'Tờ khai', en: 'Declaration' },
        required: true,
        copies: { originals: 1, copies: 0 },
        acceptedTypes: ['pdf', 'png'],
        maxSizeBytes: 5 * 1024 * 1024,
        templateFile: 'mau-to-khai.docx',
      },
    ]);
    const changed = updateDocument(added, 'to_khai', { ...paper, 'document-required': '', copies: '2' });
    expect(changed.documents).toMatchObject([
      { id: 'to_khai', required: false, copies: { originals: 1, copies: 2 } },
    ]);
    expect(removeDocument(changed, 'to_khai').documents).toEqual([]);
  });

  it('keeps a paper a file field uploads, and its id', () => {
    let draft = addDocument(finishedDraft(), paper);
    draft = addField(draft, {
      'field-type': 'file',
      'label-vi': 'Tờ khai',
      'label-en': 'Form',
      'field-document': 'to_khai',
    });
    expect(refusal(() => removeDocument(draft, 'to_khai'))).toEqual(['remove: referenced']);
    expect(refusal(() => updateDocument(draft, 'to_khai', { ...paper, 'document-id': 'mau_don' }))).toEqual([
      'document-id: referenced',
    ]);
  });

  it.each([
    ['no copies at all', { ...paper, originals: '0' }, ['originals: invalid']],
    ['a count that is not one', { ...paper, copies: 'hai' }, ['copies: invalid']],
    ['no file type', { ...paper, 'accepted-pdf': '' }, ['accepted-pdf: required']],
    ['a size over 20 MB', { ...paper, 'max-size-mb': '25' }, ['max-size-mb: too_long']],
    ['a size that is not a number', { ...paper, 'max-size-mb': 'lớn' }, ['max-size-mb: invalid']],
    ['a template name with a path', { ...paper, 'template-file': '../mau.docx' }, ['template-file: invalid']],
    [
      'no names',
      { ...paper, 'document-name-vi': '', 'document-name-en': '' },
      ['document-name-vi: required', 'document-name-en: required'],
    ],
  ])('refuses %s', (_, input, expected) => {
    expect(refusal(() => addDocument(finishedDraft(), input))).toEqual(expected);
  });

  it('refuses an id used twice', () => {
    const draft = addDocument(finishedDraft(), paper);
    expect(refusal(() => addDocument(draft, { ...paper, 'document-id': 'to_khai' }))).toEqual([
      'document-id: duplicate',
    ]);
  });
});

describe('identifiers made from names', () => {
  it.each([
    ['Lệ phí cấp bản sao', 'fee', 'le_phi_cap_ban_sao'],
    ['Đơn đề nghị (mẫu 01)', 'doc', 'don_de_nghi_mau_01'],
    ['01 bản chính', 'doc', 'doc_01_ban_chinh'],
    ['', 'field', 'field'],
  ])('%s → %s', (text, prefix, expected) => {
    expect(slugifyId(text, prefix)).toBe(expected);
  });

  it('always gives an identifier the schema accepts', () => {
    const random = seeded(42);
    for (let run = 0; run < 1000; run++) {
      const id = slugifyId(random.text('aàăằâấđĐeẹêểoóôồơờuủưựyỹ AZ09-_.()/', 0, 90), 'x');
      expect(id).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    }
  });
});
