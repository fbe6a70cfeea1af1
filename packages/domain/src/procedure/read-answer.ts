// Turns one raw answer (as an HTML form or a JSON client sends it) into the value stored with the
// dossier, or says why it cannot. Reading the shape is separate from checking the field's limits
// so that conditions can look at an answer without knowing today's date.
import {
  compilePattern,
  type DateField,
  DEFAULT_MAX_LENGTH,
  type FormField,
  isRealDate,
  type NumberField,
} from './form-field.ts';
import { type AnswerProblem, messages } from './messages.ts';
import { findProvince } from './provinces.ts';

export type Address = { province: string; commune: string; street: string };

export type ReadAnswer =
  | { kind: 'empty' }
  | { kind: 'value'; value: unknown }
  | { kind: 'invalid'; problem: AnswerProblem };

const EMPTY: ReadAnswer = { kind: 'empty' };
const value = (v: unknown): ReadAnswer => ({ kind: 'value', value: v });
const invalid = (problem: AnswerProblem): ReadAnswer => ({ kind: 'invalid', problem });

/** The most uploads one file field takes; a field is one kind of paper, rarely more than a few pages. */
export const MAX_FILES_PER_FIELD = 20;

const MOBILE = /^[35789]\d{8}$/;
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,100}$/;
const EMAIL = /^[^\s@]{1,64}@(?:[^\s@.]+\.)+[^\s@.]{2,}$/;
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

export function readAnswer(field: FormField, raw: unknown): ReadAnswer {
  switch (field.type) {
    case 'text':
    case 'long_text':
      return readText(raw, field.type === 'long_text');
    case 'number':
      return readNumber(raw);
    case 'date':
      return readString(raw, (s) => (isRealDate(s) ? value(s) : invalid(messages.invalidDate)));
    case 'select':
    case 'radio':
      return readString(raw, (s) =>
        field.options.some((o) => o.value === s) ? value(s) : invalid(messages.invalidOption),
      );
    case 'checkbox':
      return readCheckbox(raw);
    case 'email':
      return readString(raw, (s) =>
        s.length <= 254 && EMAIL.test(s) ? value(s) : invalid(messages.invalidEmail),
      );
    case 'phone':
      return readString(raw, (s) => {
        const phone = normalisePhone(s);
        return phone ? value(phone) : invalid(messages.invalidPhone);
      });
    case 'citizen_id':
      return readString(raw, readCitizenId);
    case 'address':
      return readAddress(raw);
    case 'file':
      return readUploads(raw);
  }
}

/**
 * Vietnamese mobile numbers as +84 and nine digits; the leading digit after 0 is 3, 5, 7, 8 or 9
 * since the 2018 renumbering. Same rule as @motcua/auth's sign-in phone, kept here because the
 * domain package does not depend on auth.
 */
export function normalisePhone(input: string): string | undefined {
  const compact = input.normalize('NFKC').replace(/[\s.\-()]/g, '');
  const national = /^(?:\+84|0084|84)(\d{9})$/.exec(compact)?.[1] ?? /^0(\d{9})$/.exec(compact)?.[1];
  return national && MOBILE.test(national) ? `+84${national}` : undefined;
}

function readString(raw: unknown, read: (trimmed: string) => ReadAnswer): ReadAnswer {
  if (raw === undefined || raw === null) return EMPTY;
  if (typeof raw !== 'string') return invalid(messages.notText);
  const trimmed = raw.trim();
  return trimmed === '' ? EMPTY : read(trimmed);
}

function readText(raw: unknown, multiline: boolean): ReadAnswer {
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  return readString(text, (s) => {
    // NFC so that text typed on a keyboard producing combining marks compares and counts like the
    // same text typed elsewhere; CRLF from HTML forms counts as one line break, as the browser shows.
    const normalised = s.normalize('NFC').replace(/\r\n?/g, '\n');
    return hasControlCharacter(normalised, multiline)
      ? invalid(messages.controlCharacters)
      : value(normalised);
  });
}

/**
 * PostgreSQL text cannot hold NUL, and other C0 controls only arrive by pasting from odd sources;
 * long text keeps its tabs and line breaks.
 */
function hasControlCharacter(s: string, multiline: boolean): boolean {
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    const allowed = multiline && (code === 0x09 || code === 0x0a);
    if ((code < 0x20 || code === 0x7f) && !allowed) return true;
  }
  return false;
}

function readNumber(raw: unknown): ReadAnswer {
  if (typeof raw === 'number') return Number.isFinite(raw) ? value(raw) : invalid(messages.notANumber);
  return readString(raw, (s) => {
    const n = Number(s);
    return DECIMAL.test(s) && Number.isFinite(n) ? value(n) : invalid(messages.notANumber);
  });
}

function readCheckbox(raw: unknown): ReadAnswer {
  if (raw === true) return value(true);
  if (raw === undefined || raw === null || raw === false) return EMPTY;
  if (typeof raw !== 'string') return invalid(messages.invalidCheckbox);
  const word = raw.trim().toLowerCase();
  if (word === 'on' || word === 'true' || word === '1') return value(true);
  if (word === '' || word === 'off' || word === 'false' || word === '0') return EMPTY;
  return invalid(messages.invalidCheckbox);
}

function readCitizenId(s: string): ReadAnswer {
  const digits = s.normalize('NFKC').replace(/[\s.-]/g, '');
  if (!/^\d{12}$/.test(digits)) return invalid(messages.invalidCitizenId);
  // The first three digits are the birth-province code of Circular 07/2016/TT-BCA (001–096),
  // which keeps the pre-2025 province numbering on cards already issued.
  const province = Number(digits.slice(0, 3));
  return province >= 1 && province <= 96 ? value(digits) : invalid(messages.citizenIdProvince);
}

function readAddress(raw: unknown): ReadAnswer {
  if (raw === undefined || raw === null) return EMPTY;
  if (typeof raw !== 'object' || Array.isArray(raw)) return invalid(messages.invalidAddress);
  const parts = raw as Record<string, unknown>;
  const part = (key: string) => {
    const v = parts[key];
    if (typeof v === 'number' && Number.isInteger(v)) return String(v);
    return typeof v === 'string' ? v.normalize('NFC').trim() : v === undefined || v === null ? '' : undefined;
  };
  const [province, commune, street] = [part('province'), part('commune'), part('street')];
  if (province === undefined || commune === undefined || street === undefined) {
    return invalid(messages.invalidAddress);
  }
  if (province === '' && commune === '' && street === '') return EMPTY;
  const code = /^\d{1,2}$/.test(province) ? province.padStart(2, '0') : '';
  if (!findProvince(code)) return invalid(messages.addressProvince);
  if (commune === '' || [...commune].length > 100 || hasControlCharacter(commune, false))
    return invalid(messages.addressCommune);
  if (street === '' || [...street].length > 200 || hasControlCharacter(street, false))
    return invalid(messages.addressStreet);
  return value({ province: code, commune, street } satisfies Address);
}

function readUploads(raw: unknown): ReadAnswer {
  if (raw === undefined || raw === null) return EMPTY;
  const list = typeof raw === 'string' ? (raw.trim() === '' ? [] : [raw]) : raw;
  if (!Array.isArray(list)) return invalid(messages.invalidUpload);
  const ids: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || !UPLOAD_ID.test(item.trim())) return invalid(messages.invalidUpload);
    if (!ids.includes(item.trim())) ids.push(item.trim());
  }
  if (ids.length > MAX_FILES_PER_FIELD) return invalid(messages.tooManyFiles(MAX_FILES_PER_FIELD));
  return ids.length === 0 ? EMPTY : value(ids);
}

/** The field's own limits on a value `readAnswer` accepted; `today` resolves date bounds. */
export function checkAnswerLimits(
  field: FormField,
  answer: unknown,
  today: string,
): AnswerProblem | undefined {
  switch (field.type) {
    case 'text':
    case 'long_text':
      return checkText(field, answer as string);
    case 'number':
      return checkNumber(field, answer as number);
    case 'date':
      return checkDate(field, answer as string, today);
    default:
      return undefined;
  }
}

function checkText(field: Extract<FormField, { type: 'text' | 'long_text' }>, s: string) {
  const length = [...s].length;
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
  if (field.minLength !== undefined && length < field.minLength) return messages.tooShort(field.minLength);
  if (length > max) return messages.tooLong(max);
  if (field.type === 'text' && field.pattern && !compilePattern(field.pattern.regex)?.test(s)) {
    return { code: 'pattern_mismatch', message: field.pattern.message };
  }
  return undefined;
}

function checkNumber(field: NumberField, n: number) {
  if (field.integer && !Number.isInteger(n)) return messages.notAnInteger;
  if (field.min !== undefined && n < field.min) return messages.tooSmall(field.min);
  if (field.max !== undefined && n > field.max) return messages.tooLarge(field.max);
  return undefined;
}

function checkDate(field: DateField, date: string, today: string) {
  const min = field.min === 'today' ? today : field.min;
  const max = field.max === 'today' ? today : field.max;
  if (min !== undefined && date < min)
    return field.min === 'today' ? messages.dateInPast : messages.dateTooEarly(min);
  if (max !== undefined && date > max)
    return field.max === 'today' ? messages.dateInFuture : messages.dateTooLate(max);
  return undefined;
}
