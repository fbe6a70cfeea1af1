// One table per field type, through the public evaluator: what a citizen types, what is stored,
// or which error they see (in both languages). Identity and contact fields are in identity-fields.
import { describe, expect, it } from 'vitest';
import {
  expectOutcome,
  field,
  makeVersion,
  type Outcome,
  outcome,
  text,
  today,
} from '../../test/procedure-fixtures.ts';
import { validateAnswers } from './evaluate-form.ts';
import type { FormField } from './form-field.ts';

describe('text', () => {
  const name = field({ id: 'name', type: 'text', minLength: 2, maxLength: 10 });
  const code = field({
    id: 'code',
    type: 'text',
    pattern: { regex: '\\d{3}', message: text('Ba chữ số', 'Three digits') },
  });
  const anyText = field({ id: 'note', type: 'text' });
  it.each<[string, FormField, unknown, Outcome]>([
    ['trims spaces', name, '  Hà Nội ', { value: 'Hà Nội' }],
    ['composes decomposed accents (NFC)', name, 'Ha\u0300 Nô\u0323i', { value: 'Hà Nội' }],
    ['counts letters after composing them', name, 'Tra\u0302\u0300n Bi\u0300nh', { value: 'Trần Bình' }],
    ['and refuses one letter too many', name, 'Nguyễn Đặng', { code: 'too_long' }],
    ['accepts a number sent as JSON', anyText, 42, { value: '42' }],
    [
      'too short',
      name,
      'A',
      { code: 'too_short', vi: 'Nhập ít nhất 2 ký tự', en: 'Enter at least 2 characters' },
    ],
    [
      'too long',
      name,
      'abcdefghijk',
      { code: 'too_long', vi: 'Nhập không quá 10 ký tự', en: 'Enter no more than 10 characters' },
    ],
    [
      'caps unbounded text at 255',
      anyText,
      'a'.repeat(256),
      { code: 'too_long', en: 'Enter no more than 255 characters' },
    ],
    ['matches the whole pattern', code, '123', { value: '123' }],
    [
      'refuses a partial match',
      code,
      '1234',
      { code: 'pattern_mismatch', vi: 'Ba chữ số', en: 'Three digits' },
    ],
    ['refuses control characters', anyText, 'ab\u0000c', { code: 'invalid_characters' }],
    ['refuses a line break in one-line text', anyText, 'a\nb', { code: 'invalid_characters' }],
    [
      'refuses an object',
      anyText,
      { a: 1 },
      { code: 'invalid_type', vi: 'Nhập chữ vào ô này', en: 'Enter text in this box' },
    ],
  ])('%s', (_, f, raw, expected) => expectOutcome(f, raw, expected));
});

describe('long text', () => {
  const notes = field({ id: 'notes', type: 'long_text' });
  it.each<[string, unknown, Outcome]>([
    ['keeps line breaks, as LF', 'dòng 1\r\ndòng 2', { value: 'dòng 1\ndòng 2' }],
    ['allows tabs', 'a\tb', { value: 'a\tb' }],
    ['caps at 5000 characters by default', 'x'.repeat(5001), { code: 'too_long' }],
    ['refuses NUL', 'a\u0000', { code: 'invalid_characters' }],
  ])('%s', (_, raw, expected) => expectOutcome(notes, raw, expected));
});

describe('number', () => {
  const count = field({ id: 'count', type: 'number', integer: true, min: 1, max: 100 });
  const area = field({ id: 'area', type: 'number', max: 1_000_000 });
  it.each<[string, FormField, unknown, Outcome]>([
    ['parses a string from a form', count, '42', { value: 42 }],
    ['takes a JSON number', count, 42, { value: 42 }],
    ['trims and takes a sign', count, ' +7 ', { value: 7 }],
    ['takes a decimal point', area, '45.5', { value: 45.5 }],
    ['refuses a decimal comma, which is ambiguous', area, '1,5', { code: 'not_a_number' }],
    ['refuses exponents', area, '1e3', { code: 'not_a_number' }],
    [
      'refuses words',
      count,
      'mười',
      { code: 'not_a_number', vi: 'Nhập một số, ví dụ 42 hoặc 45.5', en: 'Enter a number, like 42 or 45.5' },
    ],
    ['refuses NaN', area, Number.NaN, { code: 'not_a_number' }],
    ['refuses Infinity', area, Number.POSITIVE_INFINITY, { code: 'not_a_number' }],
    [
      'wants a whole number',
      count,
      '4.5',
      { code: 'not_an_integer', en: 'Enter a whole number, without decimals' },
    ],
    [
      'below the minimum',
      count,
      '0',
      { code: 'too_small', vi: 'Nhập số từ 1 trở lên', en: 'Enter 1 or more' },
    ],
    [
      'above the maximum',
      count,
      101,
      { code: 'too_large', vi: 'Nhập số không lớn hơn 100', en: 'Enter 100 or less' },
    ],
    [
      'writes large bounds the local way',
      area,
      '1000001',
      { code: 'too_large', vi: 'Nhập số không lớn hơn 1.000.000', en: 'Enter 1,000,000 or less' },
    ],
  ])('%s', (_, f, raw, expected) => expectOutcome(f, raw, expected));
});

describe('date', () => {
  const birth = field({ id: 'birth', type: 'date', min: '2000-01-01', max: 'today' });
  const appointment = field({ id: 'appointment', type: 'date', min: 'today', max: '2025-12-31' });
  it.each<[string, FormField, unknown, Outcome]>([
    ['today itself is allowed', birth, '2025-07-14', { value: '2025-07-14' }],
    ['a leap day', birth, '2024-02-29', { value: '2024-02-29' }],
    [
      'not in the future',
      birth,
      '2025-07-15',
      { code: 'date_too_late', vi: 'Ngày không được sau hôm nay', en: 'The date cannot be in the future' },
    ],
    [
      'not before the minimum',
      birth,
      '1999-12-31',
      {
        code: 'date_too_early',
        vi: 'Ngày phải từ 01/01/2000 trở về sau',
        en: 'The date must be 1 January 2000 or later',
      },
    ],
    [
      'not in the past',
      appointment,
      '2025-07-13',
      { code: 'date_too_early', vi: 'Ngày không được trước hôm nay', en: 'The date cannot be in the past' },
    ],
    [
      'not after the maximum',
      appointment,
      '2026-01-01',
      {
        code: 'date_too_late',
        vi: 'Ngày không được sau 31/12/2025',
        en: 'The date must be 31 December 2025 or earlier',
      },
    ],
    ['a day that does not exist', birth, '2023-02-29', { code: 'invalid_date' }],
    [
      'the Vietnamese written form is not the wire format',
      birth,
      '14/07/2025',
      { code: 'invalid_date', en: 'Enter a real date as year-month-day, like 2025-07-01' },
    ],
  ])('%s', (_, f, raw, expected) => expectOutcome(f, raw, expected));
});

describe('select and radio', () => {
  const options = [
    { value: 'kinh', label: text('Kinh') },
    { value: 'tay', label: text('Tày', 'Tay') },
  ];
  const select = field({ id: 'ethnicity', type: 'select', options });
  const radio = field({ id: 'group', type: 'radio', options });
  it.each<[string, FormField, unknown, Outcome]>([
    ['a listed option', select, 'tay', { value: 'tay' }],
    ['trimmed', radio, ' kinh ', { value: 'kinh' }],
    [
      'an unlisted value',
      select,
      'hoa',
      {
        code: 'invalid_option',
        vi: 'Chọn một trong các phương án có sẵn',
        en: 'Choose one of the options shown',
      },
    ],
    ['the label is not the value', radio, 'Tày', { code: 'invalid_option' }],
  ])('%s', (_, f, raw, expected) => expectOutcome(f, raw, expected));
});

describe('checkbox', () => {
  const box = field({ id: 'basement', type: 'checkbox' });
  it.each<[unknown, Outcome]>([
    ['on', { value: true }],
    ['true', { value: true }],
    [true, { value: true }],
    ['1', { value: true }],
    [undefined, { value: false }],
    ['', { value: false }],
    ['off', { value: false }],
    [false, { value: false }],
    ['yes please', { code: 'invalid_checkbox' }],
    [1, { code: 'invalid_checkbox' }],
  ])('%j', (raw, expected) => expectOutcome(box, raw, expected));
});

describe('required fields', () => {
  it.each<[FormField, unknown, string, string]>([
    [field({ id: 'name', type: 'text', required: true }), '   ', 'Nhập “Ô name”', 'Enter “Box name”'],
    [field({ id: 'n', type: 'number', required: true }), '', 'Nhập “Ô n”', 'Enter “Box n”'],
    [
      field({
        id: 'kind',
        type: 'radio',
        required: true,
        options: [
          { value: 'a', label: text('A') },
          { value: 'b', label: text('B') },
        ],
      }),
      undefined,
      'Chọn “Ô kind”',
      'Select “Box kind”',
    ],
    [
      field({ id: 'ok', type: 'checkbox', required: true }),
      'off',
      'Đánh dấu vào ô “Ô ok”',
      'Tick the box “Box ok”',
    ],
    [
      field({ id: 'home', type: 'address', required: true }),
      { province: '', commune: '', street: '' },
      'Nhập “Ô home”',
      'Enter “Box home”',
    ],
    [field({ id: 'phone', type: 'phone', required: true }), null, 'Nhập “Ô phone”', 'Enter “Box phone”'],
  ])('%#: %j', (f, raw, vi, en) => {
    expect(outcome(f, raw)).toEqual({ code: 'required', vi, en });
  });

  it('a required file field needs at least one upload', () => {
    const scan = field({ id: 'scan', type: 'file', document: 'deed', required: true });
    expect(outcome(scan, [])).toEqual({ code: 'required', vi: 'Tải lên “Ô scan”', en: 'Upload “Box scan”' });
  });

  it('optional empty fields are left out of the values', () => {
    const version = makeVersion([field({ id: 'email', type: 'email' }), field({ id: 'n', type: 'number' })]);
    expect(validateAnswers(version, { email: ' ', n: '' }, { today })).toEqual({ ok: true, values: {} });
  });
});
