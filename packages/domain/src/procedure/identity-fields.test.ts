// Contact and identity fields (email, phone, CCCD, address) and uploads: what a citizen types,
// what is stored, or which error they see.
import { describe, it } from 'vitest';
import { expectOutcome, field, type Outcome } from '../../test/procedure-fixtures.ts';

describe('email', () => {
  const email = field({ id: 'email', type: 'email' });
  it.each<[unknown, Outcome]>([
    [' an.nguyen@example.vn ', { value: 'an.nguyen@example.vn' }],
    ['an+dvc@mail.gov.vn', { value: 'an+dvc@mail.gov.vn' }],
    ['an@', { code: 'invalid_email', vi: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn' }],
    ['an@example', { code: 'invalid_email' }],
    ['an nguyen@example.vn', { code: 'invalid_email' }],
    ['an@@example.vn', { code: 'invalid_email' }],
  ])('%j', (raw, expected) => expectOutcome(email, raw, expected));
});

describe('phone', () => {
  const phone = field({ id: 'phone', type: 'phone' });
  it.each<[unknown, Outcome]>([
    ['0912345678', { value: '+84912345678' }],
    ['0912 345 678', { value: '+84912345678' }],
    ['+84 912.345.678', { value: '+84912345678' }],
    ['84381234567', { value: '+84381234567' }],
    ['(+84) 58-123-4567', { value: '+84581234567' }],
    ['０７０６１２３４５６', { value: '+84706123456' }],
    [
      '02363822222',
      { code: 'invalid_phone', en: 'Enter a Vietnamese mobile number with 10 digits, like 0912 345 678' },
    ],
    ['0112345678', { code: 'invalid_phone' }],
    ['091234567', { code: 'invalid_phone' }],
    ['+1 415 555 0100', { code: 'invalid_phone' }],
  ])('%j', (raw, expected) => expectOutcome(phone, raw, expected));
});

describe('citizen id (CCCD)', () => {
  const id = field({ id: 'cccd', type: 'citizen_id' });
  it.each<[unknown, Outcome]>([
    ['001099012345', { value: '001099012345' }],
    ['079 199 012 345', { value: '079199012345' }],
    ['096305000001', { value: '096305000001' }],
    [
      '01099012345',
      {
        code: 'invalid_citizen_id',
        vi: 'Nhập số định danh cá nhân gồm 12 chữ số',
        en: 'Enter the 12-digit personal identification number',
      },
    ],
    ['0010990123456', { code: 'invalid_citizen_id' }],
    ['00109901234a', { code: 'invalid_citizen_id' }],
    ['000099012345', { code: 'invalid_citizen_id_province' }],
    ['097099012345', { code: 'invalid_citizen_id_province' }],
  ])('%j', (raw, expected) => expectOutcome(id, raw, expected));
});

describe('address', () => {
  const address = field({ id: 'home', type: 'address' });
  const home = { province: '79', commune: 'Phường Sài Gòn', street: '12 Lê Duẩn' };
  it.each<[string, unknown, Outcome]>([
    ['a full address', home, { value: home }],
    ['pads the province code', { ...home, province: '1' }, { value: { ...home, province: '01' } }],
    ['takes a numeric province code', { ...home, province: 48 }, { value: { ...home, province: '48' } }],
    [
      'trims each part',
      { province: ' 92 ', commune: ' Phường Ninh Kiều ', street: ' Hẻm 3 ' },
      { value: { province: '92', commune: 'Phường Ninh Kiều', street: 'Hẻm 3' } },
    ],
    [
      'a code from before the 2025 merger',
      { ...home, province: '02' },
      { code: 'address_province', vi: 'Chọn tỉnh, thành phố' },
    ],
    ['no commune', { ...home, commune: ' ' }, { code: 'address_commune' }],
    ['no street', { ...home, street: '' }, { code: 'address_street' }],
    ['a plain string', '12 Lê Duẩn, TP HCM', { code: 'invalid_address' }],
    ['a part of the wrong type', { ...home, commune: ['a'] }, { code: 'invalid_address' }],
  ])('%s', (_, raw, expected) => expectOutcome(address, raw, expected));
});

describe('file', () => {
  const upload = field({ id: 'scan', type: 'file', document: 'deed' });
  it.each<[string, unknown, Outcome]>([
    ['a list of upload ids', ['upl_01', 'upl_02'], { value: ['upl_01', 'upl_02'] }],
    ['a single id from a form', 'upl_01', { value: ['upl_01'] }],
    ['duplicates once', ['upl_01', 'upl_01'], { value: ['upl_01'] }],
    ['an id that is not one', ['../etc/passwd'], { code: 'invalid_upload' }],
    ['a number', [42], { code: 'invalid_upload', en: 'The uploaded file was not received; upload it again' }],
    [
      'too many',
      Array.from({ length: 21 }, (_, i) => `upl_${i}`),
      { code: 'too_many_files', en: 'Upload no more than 20 files' },
    ],
  ])('%s', (_, raw, expected) => expectOutcome(upload, raw, expected));
});
