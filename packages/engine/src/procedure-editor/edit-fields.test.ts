import { NotFoundError, procedureVersion } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import type { ProcedureDraft } from './draft.ts';
import {
  addField,
  fieldTypes,
  moveField,
  readOptions,
  removeField,
  setFieldCondition,
  updateField,
  writeOptions,
} from './edit-fields.ts';
import { fieldIds, finishedDraft, refusal, seeded, sequences } from './test-drafts.ts';

const email = { 'field-key': 'email', 'field-type': 'email', 'label-vi': 'Thư điện tử', 'label-en': 'Email' };
const fieldsOf = (draft: ProcedureDraft) => (draft.form as { fields: Record<string, unknown>[] }).fields;
const fieldOf = (draft: ProcedureDraft, id: string) => fieldsOf(draft).find((f) => f.id === id);

describe('adding a field', () => {
  it('appends it with its labels, and the draft still publishes', () => {
    const next = addField(finishedDraft(), {
      ...email,
      required: 'true',
      'help-vi': 'Để nhận thông báo',
      'help-en': 'For notices',
    });
    expect(fieldOf(next, 'email')).toEqual({
      id: 'email',
      type: 'email',
      label: { vi: 'Thư điện tử', en: 'Email' },
      help: { vi: 'Để nhận thông báo', en: 'For notices' },
      required: true,
    });
    expect(fieldIds(next).at(-1)).toBe('email');
    expect(procedureVersion.safeParse(next).success).toBe(true);
  });

  it('makes the key from the Vietnamese label when none is given, and never reuses one', () => {
    const input = { 'field-type': 'text', 'label-vi': 'Họ và tên', 'label-en': 'Name' };
    const next = addField(finishedDraft(), input);
    expect(fieldIds(next).at(-1)).toBe('ho_va_ten');
    expect(fieldIds(addField(next, input)).at(-1)).toBe('ho_va_ten_2');
  });

  it('reads the options of a choice, "value | vi | en" or "vi | en"', () => {
    const next = addField(finishedDraft(), {
      'field-type': 'radio',
      'field-key': 'gender',
      'label-vi': 'Giới tính',
      'label-en': 'Sex',
      options: 'nam | Nam | Male\n\n  Nữ | Female  ',
    });
    expect(fieldOf(next, 'gender')?.options).toEqual([
      { value: 'nam', label: { vi: 'Nam', en: 'Male' } },
      { value: 'nu', label: { vi: 'Nữ', en: 'Female' } },
    ]);
  });

  it.each([
    ['no type', { ...email, 'field-type': '' }, ['field-type: required']],
    ['an unknown type', { ...email, 'field-type': 'signature' }, ['field-type: invalid']],
    [
      'no labels',
      { ...email, 'label-vi': ' ', 'label-en': '' },
      ['label-vi: required', 'label-en: required'],
    ],
    ['a key with capitals', { ...email, 'field-key': 'Email' }, ['field-key: invalid']],
    ['a key in use', { ...email, 'field-key': 'phone' }, ['field-key: duplicate']],
    ['half a hint', { ...email, 'help-vi': 'Gợi ý' }, ['help-en: required']],
    [
      'a radio with one option',
      { ...email, 'field-type': 'radio', options: 'a | A | A' },
      ['options: invalid'],
    ],
    [
      'a badly written option',
      { ...email, 'field-type': 'select', options: 'only one part' },
      ['options: invalid'],
    ],
    [
      'an option twice',
      { ...email, 'field-type': 'select', options: 'a | A | A\na | B | B' },
      ['options: duplicate'],
    ],
    [
      'a file field without its paper',
      { ...email, 'field-type': 'file', 'field-document': 'nothing' },
      ['field-document: document_unknown'],
    ],
    [
      'a condition on an unknown field',
      { ...email, 'condition-field': 'nope' },
      ['condition-field: condition_field'],
    ],
    ['a value without its field', { ...email, 'condition-value': 'x' }, ['condition-field: required']],
    [
      'a condition on an option that does not exist',
      { ...email, 'condition-field': 'purpose', 'condition-value': 'typo' },
      ['condition-value: condition_value'],
    ],
  ])('refuses %s', (_, input, expected) => {
    expect(refusal(() => addField(finishedDraft(), input))).toEqual(expected);
  });
});

describe('show-when conditions', () => {
  it.each([
    ['an option', 'purpose', 'khac', { field: 'purpose', equals: 'khac' }],
    ['several options', 'purpose', 'khac, xin_viec', { field: 'purpose', in: ['khac', 'xin_viec'] }],
    ['any answer', 'full_name', '', { field: 'full_name', notEmpty: true }],
    ['a text', 'full_name', 'An', { field: 'full_name', equals: 'An' }],
  ])('tests %s', (_, field, value, expected) => {
    const next = addField(finishedDraft(), { ...email, 'condition-field': field, 'condition-value': value });
    expect(fieldOf(next, 'email')?.showWhen).toEqual(expected);
  });

  it('compares a tick box with true or false and a number with a number', () => {
    let draft = addField(finishedDraft(), {
      'field-key': 'agree',
      'field-type': 'checkbox',
      'label-vi': 'Đồng ý',
      'label-en': 'Agree',
    });
    draft = addField(draft, {
      'field-key': 'count',
      'field-type': 'number',
      'label-vi': 'Số bản',
      'label-en': 'Copies',
    });
    const ticked = addField(draft, { ...email, 'condition-field': 'agree', 'condition-value': 'có' });
    expect(fieldOf(ticked, 'email')?.showWhen).toEqual({ field: 'agree', equals: true });
    const counted = addField(draft, { ...email, 'condition-field': 'count', 'condition-value': '3, 4' });
    expect(fieldOf(counted, 'email')?.showWhen).toEqual({ field: 'count', in: [3, 4] });
    expect(
      refusal(() => addField(draft, { ...email, 'condition-field': 'count', 'condition-value': 'ba' })),
    ).toEqual(['condition-value: condition_value']);
  });

  it('is set or cleared on its own, and may only read a field above', () => {
    const draft = finishedDraft();
    const cleared = setFieldCondition(draft, 'purpose_other', {});
    expect(fieldOf(cleared, 'purpose_other')?.showWhen).toBeUndefined();
    const set = setFieldCondition(cleared, 'purpose_other', {
      'condition-field': 'purpose',
      'condition-value': 'khac',
    });
    expect(set).toEqual(draft);
    expect(refusal(() => setFieldCondition(draft, 'full_name', { 'condition-field': 'phone' }))).toEqual([
      'condition-field: condition_field',
    ]);
  });

  it('keeps a combined condition the page cannot show, unless told to clear it', () => {
    const combined = {
      any: [
        { field: 'purpose', equals: 'khac' },
        { field: 'phone', notEmpty: true },
      ],
    };
    const draft = finishedDraft();
    fieldsOf(draft)[4] = { ...fieldsOf(draft)[4], showWhen: combined };
    const input = {
      'field-type': 'long_text',
      'label-vi': 'Mục đích khác',
      'label-en': 'Other',
      required: 'true',
    };
    expect(fieldOf(updateField(draft, 'purpose_other', input), 'purpose_other')?.showWhen).toEqual(combined);
    const cleared = updateField(draft, 'purpose_other', { ...input, 'condition-clear': 'true' });
    expect(fieldOf(cleared, 'purpose_other')?.showWhen).toBeUndefined();
  });
});

describe('changing a field', () => {
  it('keeps its limits while the type stays and drops them when it changes', () => {
    const input = {
      'field-type': 'text',
      'label-vi': 'Họ, chữ đệm và tên',
      'label-en': 'Full name',
      required: 'true',
    };
    const same = updateField(finishedDraft(), 'full_name', input);
    expect(fieldOf(same, 'full_name')).toMatchObject({ maxLength: 100, label: { vi: 'Họ, chữ đệm và tên' } });
    const other = updateField(finishedDraft(), 'full_name', { ...input, 'field-type': 'long_text' });
    expect(fieldOf(other, 'full_name')).not.toHaveProperty('maxLength');
    expect(fieldIds(other)).toEqual(fieldIds(finishedDraft()));
  });

  it('refuses what would break another field’s condition: a new key, a removed option', () => {
    const purpose = {
      'field-type': 'select',
      'label-vi': 'Mục đích',
      'label-en': 'Purpose',
      required: 'true',
    };
    expect(
      refusal(() =>
        updateField(finishedDraft(), 'purpose', {
          ...purpose,
          'field-key': 'reason',
          options: 'xin_viec | Xin việc | Job\nkhac | Khác | Other',
        }),
      ),
    ).toEqual(['field-key: referenced']);
    expect(
      refusal(() =>
        updateField(finishedDraft(), 'purpose', { ...purpose, options: 'xin_viec | Xin việc | Job' }),
      ),
    ).toEqual(['options: referenced']);
  });

  it('answers not found for a key the form does not have', () => {
    expect(() => updateField(finishedDraft(), 'nope', email)).toThrow(NotFoundError);
  });
});

describe('removing and moving fields', () => {
  it('removes a field nothing reads, and refuses one a condition reads', () => {
    expect(fieldIds(removeField(finishedDraft(), 'phone'))).toEqual([
      'full_name',
      'citizen_id',
      'purpose',
      'purpose_other',
    ]);
    expect(refusal(() => removeField(finishedDraft(), 'purpose'))).toEqual(['remove: referenced']);
  });

  it('moves a field one place, but not past the field its condition reads, nor off the ends', () => {
    expect(fieldIds(moveField(finishedDraft(), 'phone', 'up'))).toEqual([
      'full_name',
      'phone',
      'citizen_id',
      'purpose',
      'purpose_other',
    ]);
    expect(fieldIds(moveField(finishedDraft(), 'phone', 'down'))).toEqual([
      'full_name',
      'citizen_id',
      'purpose',
      'phone',
      'purpose_other',
    ]);
    expect(refusal(() => moveField(finishedDraft(), 'purpose_other', 'up'))).toEqual([
      'move: condition_field',
    ]);
    expect(refusal(() => moveField(finishedDraft(), 'purpose', 'down'))).toEqual(['move: condition_field']);
    expect(refusal(() => moveField(finishedDraft(), 'full_name', 'up'))).toEqual(['move: first']);
    expect(refusal(() => moveField(finishedDraft(), 'purpose_other', 'down'))).toEqual(['move: last']);
  });

  it('undoes a move by the opposite move, and every accepted move keeps the draft publishable', () => {
    const moves = fieldIds(finishedDraft()).flatMap((id) => [[id, 'up'] as const, [id, 'down'] as const]);
    // All 1,000 sequences of three moves.
    for (const sequence of sequences(moves, 3)) {
      let draft = finishedDraft();
      for (const [id, direction] of sequence) {
        let moved: ProcedureDraft;
        try {
          moved = moveField(draft, id, direction);
        } catch {
          continue;
        }
        expect(moveField(moved, id, direction === 'up' ? 'down' : 'up')).toEqual(draft);
        expect(procedureVersion.safeParse(moved).success).toBe(true);
        draft = moved;
      }
    }
  });
});

describe('options text', () => {
  it('reads back what it writes', () => {
    const random = seeded(20_251_123);
    for (let run = 0; run < 200; run++) {
      const options = Array.from({ length: random.int(8) }, () => ({
        value: random.text('abcxyz', 1, 1) + random.text('abcz019_', 0, 12),
        label: {
          vi: random.text('ĐHNQTđ', 1, 1) + random.text('aăâđeêoôơuưyàảãáạ ,.-', 0, 12).trimEnd(),
          en: random.text('ABCabc', 1, 1) + random.text('abc xyz', 0, 12).trimEnd(),
        },
      }));
      expect(readOptions(writeOptions(options))).toEqual({ options, problems: [] });
    }
  });

  it('offers the domain’s field types', () => {
    expect(fieldTypes).toEqual([
      'text',
      'long_text',
      'number',
      'date',
      'select',
      'radio',
      'checkbox',
      'email',
      'phone',
      'citizen_id',
      'address',
      'file',
    ]);
  });
});
