// What a citizen reads when an answer cannot be accepted: short, plain, in both languages, and
// saying what to do rather than what went wrong.
import type { FormField } from './form-field.ts';
import type { LocalizedText } from './localized-text.ts';

export type AnswerProblem = { code: string; message: LocalizedText };

const problem = (code: string, vi: string, en: string): AnswerProblem => ({ code, message: { vi, en } });

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
const enMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2025-07-01 → 01/07/2025 (how dates are written in Vietnam) and 1 July 2025. */
export function formatDate(iso: string): LocalizedText {
  const [year, month, day] = iso.split('-');
  return { vi: `${day}/${month}/${year}`, en: `${Number(day)} ${enMonths[Number(month) - 1]} ${year}` };
}

export function describeRequired(field: FormField): AnswerProblem {
  const { vi, en } = field.label;
  switch (field.type) {
    case 'select':
    case 'radio':
      return problem('required', `Chọn “${vi}”`, `Select “${en}”`);
    case 'checkbox':
      return problem('required', `Đánh dấu vào ô “${vi}”`, `Tick the box “${en}”`);
    case 'file':
      return problem('required', `Tải lên “${vi}”`, `Upload “${en}”`);
    default:
      return problem('required', `Nhập “${vi}”`, `Enter “${en}”`);
  }
}

export const messages = {
  notText: problem('invalid_type', 'Nhập chữ vào ô này', 'Enter text in this box'),
  controlCharacters: problem(
    'invalid_characters',
    'Nội dung có ký tự không hợp lệ; gõ lại thay vì dán',
    'The answer contains characters that cannot be stored; type it again rather than pasting',
  ),
  tooShort: (min: number) =>
    problem('too_short', `Nhập ít nhất ${min} ký tự`, `Enter at least ${min} characters`),
  tooLong: (max: number) =>
    problem('too_long', `Nhập không quá ${max} ký tự`, `Enter no more than ${max} characters`),
  notANumber: problem('not_a_number', 'Nhập một số, ví dụ 42 hoặc 45.5', 'Enter a number, like 42 or 45.5'),
  notAnInteger: problem(
    'not_an_integer',
    'Nhập số nguyên, không có phần thập phân',
    'Enter a whole number, without decimals',
  ),
  tooSmall: (min: number) =>
    problem(
      'too_small',
      `Nhập số từ ${viNumber.format(min)} trở lên`,
      `Enter ${enNumber.format(min)} or more`,
    ),
  tooLarge: (max: number) =>
    problem(
      'too_large',
      `Nhập số không lớn hơn ${viNumber.format(max)}`,
      `Enter ${enNumber.format(max)} or less`,
    ),
  invalidDate: problem(
    'invalid_date',
    'Nhập một ngày có thật theo dạng năm-tháng-ngày, ví dụ 2025-07-01',
    'Enter a real date as year-month-day, like 2025-07-01',
  ),
  dateInFuture: problem('date_too_late', 'Ngày không được sau hôm nay', 'The date cannot be in the future'),
  dateInPast: problem('date_too_early', 'Ngày không được trước hôm nay', 'The date cannot be in the past'),
  dateTooEarly: (min: string) =>
    problem(
      'date_too_early',
      `Ngày phải từ ${formatDate(min).vi} trở về sau`,
      `The date must be ${formatDate(min).en} or later`,
    ),
  dateTooLate: (max: string) =>
    problem(
      'date_too_late',
      `Ngày không được sau ${formatDate(max).vi}`,
      `The date must be ${formatDate(max).en} or earlier`,
    ),
  invalidOption: problem(
    'invalid_option',
    'Chọn một trong các phương án có sẵn',
    'Choose one of the options shown',
  ),
  invalidCheckbox: problem('invalid_checkbox', 'Đánh dấu hoặc bỏ đánh dấu ô này', 'Tick or untick this box'),
  invalidEmail: problem(
    'invalid_email',
    'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn',
    'Enter an email address in the correct format, like name@example.vn',
  ),
  invalidPhone: problem(
    'invalid_phone',
    'Nhập số điện thoại di động Việt Nam gồm 10 chữ số, ví dụ 0912 345 678',
    'Enter a Vietnamese mobile number with 10 digits, like 0912 345 678',
  ),
  invalidCitizenId: problem(
    'invalid_citizen_id',
    'Nhập số định danh cá nhân gồm 12 chữ số',
    'Enter the 12-digit personal identification number',
  ),
  citizenIdProvince: problem(
    'invalid_citizen_id_province',
    'Số định danh cá nhân phải bắt đầu bằng mã tỉnh từ 001 đến 096; kiểm tra lại ba chữ số đầu',
    'The personal identification number starts with a province code from 001 to 096; check the first three digits',
  ),
  invalidAddress: problem(
    'invalid_address',
    'Nhập địa chỉ gồm tỉnh, thành phố; xã, phường; và số nhà, đường',
    'Enter the address as province or city; commune or ward; and house number and street',
  ),
  addressProvince: problem('address_province', 'Chọn tỉnh, thành phố', 'Select the province or city'),
  addressCommune: problem(
    'address_commune',
    'Nhập tên xã, phường hoặc đặc khu (không quá 100 ký tự)',
    'Enter the commune, ward or special zone (up to 100 characters)',
  ),
  addressStreet: problem(
    'address_street',
    'Nhập số nhà, đường, thôn hoặc tổ dân phố (không quá 200 ký tự)',
    'Enter the house number and street, or the village or residential group (up to 200 characters)',
  ),
  invalidUpload: problem(
    'invalid_upload',
    'Không nhận được tệp đã tải lên; tải lên lại',
    'The uploaded file was not received; upload it again',
  ),
  tooManyFiles: (max: number) =>
    problem('too_many_files', `Tải lên không quá ${max} tệp`, `Upload no more than ${max} files`),
} as const;
