// Test support: fast-check arbitraries built from a procedure's own field definitions. Valid
// answers come in the shapes browsers and JSON clients really send (numbers as strings, 'on' for
// a ticked box, phone numbers with spaces), so the properties exercise the parsing as well.
import fc from 'fast-check';
import { compilePattern, DEFAULT_MAX_LENGTH, type FormField } from '../src/procedure/form-field.ts';
import type { ProcedureVersion } from '../src/procedure/procedure-version.ts';
import { provinces } from '../src/procedure/provinces.ts';

const DAY = 86_400_000;
const letters = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵAĂÂĐÊÔƠƯ0123456789',
];
const letter = fc.constantFrom(...letters);
const blank = fc.constantFrom('', ' ', '  ', '\t');

/** Vietnamese-looking text whose trimmed length lies in [min, max]. */
export function arbitraryWords(min: number, max: number): fc.Arbitrary<string> {
  const longest = Math.min(max, 40);
  const core = fc
    .array(fc.oneof({ weight: 5, arbitrary: letter }, { weight: 1, arbitrary: fc.constant(' ') }), {
      minLength: Math.max(min, 1),
      maxLength: Math.max(longest, Math.max(min, 1)),
    })
    .map((chars) => chars.join(''))
    .filter((s) => s.trim().length >= Math.max(min, 1) && s.trim().length <= max);
  return fc.tuple(blank, core, blank).map(([before, text, after]) => `${before}${text}${after}`);
}

function arbitraryText(field: Extract<FormField, { type: 'text' | 'long_text' }>): fc.Arbitrary<string> {
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
  const pattern = field.type === 'text' && field.pattern ? compilePattern(field.pattern.regex) : undefined;
  if (!pattern) {
    const words = arbitraryWords(field.minLength ?? 0, max);
    return field.type === 'long_text'
      ? fc
          .array(words, { minLength: 1, maxLength: 3 })
          .map((lines) => lines.join('\r\n'))
          .filter((s) => [...s.trim()].length <= max)
      : words;
  }
  return fc
    .stringMatching(pattern)
    .filter((s) => s === s.trim() && s === s.normalize('NFC'))
    .filter((s) => [...s].length <= max && [...s].length >= (field.minLength ?? 0));
}

function arbitraryNumber(field: Extract<FormField, { type: 'number' }>): fc.Arbitrary<number | string> {
  const min = field.min ?? -1_000_000;
  const max = field.max ?? 1_000_000;
  const n = field.integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((cents) => cents / 100);
  return fc.tuple(n, fc.boolean()).map(([value, asText]) => (asText ? String(value) : value));
}

function arbitraryDate(field: Extract<FormField, { type: 'date' }>, today: string): fc.Arbitrary<string> {
  const resolve = (bound: string | undefined, fallback: string) =>
    Date.parse(`${bound === 'today' ? today : (bound ?? fallback)}T00:00:00Z`) / DAY;
  return fc
    .integer({ min: resolve(field.min, '1900-01-01'), max: resolve(field.max, '2100-12-31') })
    .map((day) => new Date(day * DAY).toISOString().slice(0, 10));
}

const arbitraryPhone = fc
  .tuple(
    fc.constantFrom('3', '5', '7', '8', '9'),
    fc.stringMatching(/^\d{8}$/),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([first, rest, style]) => {
    const national = `${first}${rest}`;
    return [
      `0${national}`,
      `+84 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
      `84${national}`,
      `0${national.slice(0, 3)}.${national.slice(3, 6)}.${national.slice(6)}`,
    ][style] as string;
  });

const arbitraryCitizenId = fc
  .tuple(fc.integer({ min: 1, max: 96 }), fc.stringMatching(/^\d{9}$/), fc.boolean())
  .map(([province, rest, spaced]) => {
    const id = `${String(province).padStart(3, '0')}${rest}`;
    return spaced ? `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6, 9)} ${id.slice(9)}` : id;
  });

const arbitraryEmail = fc.stringMatching(
  /^[a-z0-9]{1,12}(?:[._+-][a-z0-9]{1,8})?@[a-z0-9]{1,12}(?:-[a-z0-9]{1,8})?\.(?:vn|com|gov\.vn|edu\.vn)$/,
);

const arbitraryAddress = fc.record({
  province: fc.constantFrom(...provinces.map((p) => p.code)),
  commune: arbitraryWords(1, 100),
  street: arbitraryWords(1, 200),
});

const arbitraryUploads = (required: boolean) =>
  fc.oneof(
    fc.uniqueArray(fc.stringMatching(/^upl_[a-z0-9]{6}$/), { minLength: required ? 1 : 0, maxLength: 3 }),
    fc.stringMatching(/^upl_[a-z0-9]{6}$/),
  );

/** A valid, non-empty raw answer for one field. */
export function arbitraryAnswer(field: FormField, today: string): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'text':
    case 'long_text':
      return arbitraryText(field);
    case 'number':
      return arbitraryNumber(field);
    case 'date':
      return arbitraryDate(field, today);
    case 'select':
    case 'radio':
      return fc.constantFrom(...field.options.map((o) => o.value));
    case 'checkbox':
      return field.required
        ? fc.constantFrom(true, 'on', 'true', '1')
        : fc.constantFrom(true, false, 'on', 'off', '');
    case 'email':
      return arbitraryEmail;
    case 'phone':
      return arbitraryPhone;
    case 'citizen_id':
      return arbitraryCitizenId;
    case 'address':
      return arbitraryAddress;
    case 'file':
      return arbitraryUploads(field.required);
  }
}

/** Answers every field could validly have; optional fields are sometimes left out. */
export function arbitraryValidAnswers(
  version: ProcedureVersion,
  today: string,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = version.form.fields.map((field) => {
    const answer = arbitraryAnswer(field, today);
    return [field.id, field.required ? answer : fc.option(answer, { nil: undefined })] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

/** Answers of any shape, valid or not, including ones to fields that end up hidden. */
export function arbitraryMessyAnswers(
  version: ProcedureVersion,
  today: string,
): fc.Arbitrary<Record<string, unknown>> {
  const junk = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string()),
    fc.anything(),
  );
  const entries = version.form.fields.map(
    (field) =>
      [field.id, fc.option(fc.oneof(arbitraryAnswer(field, today), junk), { nil: undefined })] as const,
  );
  return fc.record(Object.fromEntries(entries));
}
