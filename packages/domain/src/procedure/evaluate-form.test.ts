import { describe, expect, it } from 'vitest';
import { field, makeVersion, pdfDocument, text } from '../../test/procedure-fixtures.ts';
import { ValidationError } from '../errors.ts';
import { judicialRecord } from './catalog/judicial-record.ts';
import { permanentResidence } from './catalog/permanent-residence.ts';
import { requiredDocuments, validateAnswers, visibleFields } from './evaluate-form.ts';

const today = '2025-07-14';
const ids = (fields: { id: string }[]) => fields.map((f) => f.id);

// married → spouse_name; spouse_name → spouse_note (a chain), and a `not` on a hidden field.
const chain = makeVersion([
  field({
    id: 'married',
    type: 'radio',
    required: true,
    options: [
      { value: 'yes', label: text('Có', 'Yes') },
      { value: 'no', label: text('Không', 'No') },
    ],
  }),
  field({ id: 'spouse_name', type: 'text', required: true, showWhen: { field: 'married', equals: 'yes' } }),
  field({ id: 'spouse_note', type: 'text', showWhen: { not: { field: 'spouse_name', equals: 'Lan' } } }),
  field({ id: 'children', type: 'number', integer: true, min: 0 }),
  field({ id: 'eldest', type: 'text', required: true, showWhen: { field: 'children', in: [1, 2, 3] } }),
  field({ id: 'has_car', type: 'checkbox' }),
  field({ id: 'plate', type: 'text', required: true, showWhen: { field: 'has_car', equals: true } }),
  field({
    id: 'comment',
    type: 'long_text',
    showWhen: {
      any: [
        { field: 'plate', notEmpty: true },
        { field: 'eldest', notEmpty: true },
      ],
    },
  }),
]);

describe('visibleFields', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['nothing answered', {}, ['married', 'children', 'has_car']],
    [
      'a choice shows its follow-up',
      { married: 'yes' },
      ['married', 'spouse_name', 'spouse_note', 'children', 'has_car'],
    ],
    [
      'a follow-up hides again',
      { married: 'yes', spouse_name: 'Lan' },
      ['married', 'spouse_name', 'children', 'has_car'],
    ],
    // spouse_note's condition is `not …` and would be true on its own; it depends on a hidden field.
    [
      'a field depending on a hidden field is hidden',
      { married: 'no', spouse_name: 'Hoa' },
      ['married', 'children', 'has_car'],
    ],
    [
      'numbers from a form compare as numbers',
      { children: '2' },
      ['married', 'children', 'eldest', 'has_car'],
    ],
    ['a number outside the list', { children: '4' }, ['married', 'children', 'has_car']],
    ['a ticked checkbox from a form', { has_car: 'on' }, ['married', 'children', 'has_car', 'plate']],
    [
      'notEmpty under any',
      { has_car: 'on', plate: '51A-123.45' },
      ['married', 'children', 'has_car', 'plate', 'comment'],
    ],
    [
      'an unreadable answer still counts as given',
      { has_car: true, plate: 'a\u0000' },
      ['married', 'children', 'has_car', 'plate', 'comment'],
    ],
    [
      'a stale answer to a hidden field meets no condition',
      { has_car: 'off', plate: '51A-123.45' },
      ['married', 'children', 'has_car'],
    ],
    [
      'any is met through the branch that is shown',
      { children: 1, eldest: 'Minh', plate: 'x' },
      ['married', 'children', 'eldest', 'has_car', 'comment'],
    ],
    ['an unreadable number equals nothing', { children: 'two' }, ['married', 'children', 'has_car']],
  ])('%s', (_, answers, expected) => {
    expect(ids(visibleFields(chain.form, answers))).toEqual(expected);
  });
});

describe('validateAnswers', () => {
  it('drops answers to hidden fields without checking them', () => {
    const answers = {
      married: 'no',
      spouse_name: 'x'.repeat(1000),
      spouse_note: '\u0000',
      children: '0',
      eldest: '',
      plate: '',
    };
    expect(validateAnswers(chain, answers, { today })).toEqual({
      ok: true,
      values: { married: 'no', children: 0, has_car: false },
    });
  });

  it('ignores answers to fields the form does not have', () => {
    expect(validateAnswers(chain, { married: 'no', is_admin: 'true' }, { today })).toEqual({
      ok: true,
      values: { married: 'no', has_car: false },
    });
  });

  it('reports every problem at once, in form order', () => {
    const result = validateAnswers(
      chain,
      { plate: '', has_car: 'on', children: '1.5', married: 'yes' },
      { today },
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['spouse_name', 'required'],
      ['children', 'not_an_integer'],
      ['plate', 'required'],
    ]);
  });

  it('returns parsed values for a complete set of answers', () => {
    const answers = {
      married: 'yes',
      spouse_name: ' Lan ',
      children: '2',
      eldest: 'Minh',
      has_car: 'on',
      plate: '30A-999.99',
    };
    expect(validateAnswers(chain, answers, { today })).toEqual({
      ok: true,
      values: {
        married: 'yes',
        spouse_name: 'Lan',
        children: 2,
        eldest: 'Minh',
        has_car: true,
        plate: '30A-999.99',
      },
    });
  });

  it('refuses a today that is not a date', () => {
    expect(() => validateAnswers(chain, {}, { today: '2025-13-01' })).toThrow(ValidationError);
  });

  it('reads only the answers themselves, not what every object inherits', () => {
    const tricky = makeVersion([field({ id: 'constructor', type: 'text', required: true })]);
    expect(validateAnswers(tricky, {}, { today })).toMatchObject({
      ok: false,
      errors: [{ field: 'constructor', code: 'required' }],
    });
    expect(validateAnswers(tricky, { constructor: 'Ok' }, { today })).toEqual({
      ok: true,
      values: { constructor: 'Ok' },
    });
  });
});

describe('requiredDocuments', () => {
  const codes = (answers: Record<string, unknown>) => ids(requiredDocuments(judicialRecord, answers));
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no answers yet', {}, []],
    [
      'certificate no. 1 through a representative',
      { certificate_type: 'no_1', filed_by: 'representative' },
      ['authorisation'],
    ],
    ['certificate no. 1 filed by a spouse', { certificate_type: 'no_1', filed_by: 'family' }, []],
    // Certificate no. 2 cannot be delegated: the stale "representative" answer must not count.
    [
      'certificate no. 2 ignores a stale representative answer',
      { certificate_type: 'no_2', filed_by: 'representative' },
      [],
    ],
    ['a fee reduction needs proof', { certificate_type: 'no_2', fee_group: 'reduced' }, ['fee_group_proof']],
    ['a fee exemption needs proof', { fee_group: 'exempt' }, ['fee_group_proof']],
  ])('%s', (_, answers, expected) => {
    expect(codes(answers)).toEqual(expected);
  });

  it('lists unconditional documents always and conditional ones by answer', () => {
    const version = makeVersion([field({ id: 'agree', type: 'checkbox' })], {
      documents: [pdfDocument('always'), pdfDocument('if_agreed', { field: 'agree', equals: true })],
    });
    expect(ids(requiredDocuments(version, {}))).toEqual(['always']);
    expect(ids(requiredDocuments(version, { agree: 'on' }))).toEqual(['always', 'if_agreed']);
  });

  it('follows the residence basis for a permanent residence registration', () => {
    const docs = (basis: string) => ids(requiredDocuments(permanentResidence, { residence_basis: basis }));
    expect(docs('own_home')).toEqual(['lawful_residence_proof']);
    expect(docs('relative_home')).toEqual(['relationship_proof', 'owner_consent']);
    expect(docs('rented_or_borrowed')).toEqual(['lawful_residence_proof', 'owner_consent']);
  });
});
