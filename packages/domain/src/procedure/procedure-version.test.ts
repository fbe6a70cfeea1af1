import { describe, expect, it } from 'vitest';
import { field, makeVersion, pdfDocument, text } from '../../test/procedure-fixtures.ts';
import {
  describeOnlineLevel,
  legacyLevel,
  PROCEDURE_CODE,
  type ProcedureVersion,
  procedureVersion,
} from './procedure-version.ts';
import { starterCatalog } from './starter-catalog.ts';

function issuesOf(version: unknown): string[] {
  const result = procedureVersion.safeParse(version);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const choice = field({
  id: 'kind',
  type: 'radio',
  options: [
    { value: 'a', label: text('A') },
    { value: 'b', label: text('B') },
  ],
});

describe('the starter catalog', () => {
  it.each(starterCatalog.map((v) => [v.name.en, v] as const))('%s parses unchanged', (_, version) => {
    const parsed = procedureVersion.parse(version);
    // Parsing trims text; equality proves the catalog is already in its stored form.
    expect(parsed).toEqual(version);
  });

  it('has at least five procedures with distinct codes', () => {
    expect(starterCatalog.length).toBeGreaterThanOrEqual(5);
    expect(new Set(starterCatalog.map((v) => v.code)).size).toBe(starterCatalog.length);
  });

  it.each(starterCatalog.map((v) => [v.name.en, v] as const))('%s has a realistic form', (_, version) => {
    const fields = version.form.fields;
    expect(fields.length).toBeGreaterThanOrEqual(6);
    expect(fields.length).toBeLessThanOrEqual(15);
    expect(fields.some((f) => f.showWhen)).toBe(true);
    // Every paper can be uploaded through exactly one file field with the same condition.
    for (const doc of version.documents) {
      const upload = fields.filter((f) => f.type === 'file' && f.document === doc.id);
      expect(upload, doc.id).toHaveLength(1);
      expect(upload[0]?.showWhen, doc.id).toEqual(doc.showWhen);
      expect(upload[0]?.required, doc.id).toBe(doc.required);
    }
  });
});

describe('procedure codes', () => {
  it.each([
    ['1.001193', true],
    ['1.000948.H38', true],
    ['1.001193.000.00.00.H38', true],
    ['2.000720.000.00.00.G12', true],
    ['1.00119', false],
    ['1.0011933', false],
    ['1.001193.H3', false],
    ['1.001193.h38', false],
    ['1.001193.00.00.00.H38', false],
    ['001193', false],
    [' 1.001193', false],
  ])('%s → %s', (code, valid) => {
    expect(PROCEDURE_CODE.test(code)).toBe(valid);
    expect(issuesOf(makeVersion([choice], { code })).length === 0).toBe(valid);
  });
});

describe('the schema refuses', () => {
  const cases: [string, ProcedureVersion, string][] = [
    [
      'duplicate field ids',
      makeVersion([field({ id: 'name', type: 'text' }), field({ id: 'name', type: 'email' })]),
      'form.fields.1.id: Field id "name" is used twice; give each one its own id',
    ],
    [
      'a condition on an unknown field',
      makeVersion([field({ id: 'x', type: 'text', showWhen: { field: 'ghost', notEmpty: true } })]),
      'form.fields.0.showWhen: Field "x" depends on field "ghost", but the form has no such field',
    ],
    [
      'a condition on a later field',
      makeVersion([field({ id: 'x', type: 'text', showWhen: { field: 'kind', equals: 'a' } }), choice]),
      'form.fields.0.showWhen: Field "x" depends on field "kind", which is not above it; a condition may only use earlier fields',
    ],
    [
      'a condition on the field itself',
      makeVersion([field({ id: 'x', type: 'text', showWhen: { not: { field: 'x', notEmpty: true } } })]),
      'form.fields.0.showWhen: Field "x" depends on field "x", which is not above it; a condition may only use earlier fields',
    ],
    [
      'a condition naming an option that does not exist',
      makeVersion([choice, field({ id: 'x', type: 'text', showWhen: { field: 'kind', in: ['a', 'c'] } })]),
      'form.fields.1.showWhen: Field "x": field "kind" has no option "c"',
    ],
    [
      'a checkbox compared with text',
      makeVersion([
        field({ id: 'agree', type: 'checkbox' }),
        field({ id: 'x', type: 'text', showWhen: { field: 'agree', equals: 'on' } }),
      ]),
      'form.fields.1.showWhen: Field "x": compare checkbox "agree" with equals: true or equals: false',
    ],
    [
      'a negative fee',
      makeVersion([choice], { fees: [{ id: 'fee', name: text('Phí'), amount: -1 }] }),
      'fees.0.amount: A fee cannot be negative',
    ],
    [
      'a fractional fee',
      makeVersion([choice], { fees: [{ id: 'fee', name: text('Phí'), amount: 1000.5 }] }),
      'fees.0.amount: A fee is a whole number of đồng',
    ],
    [
      'a fee conditioned on an unknown field',
      makeVersion([choice], {
        fees: [{ id: 'fee', name: text('Phí'), amount: 1, showWhen: { field: 'z', notEmpty: true } }],
      }),
      'fees.0.showWhen: Fee "fee" depends on field "z", but the form has no such field',
    ],
    [
      'duplicate options',
      makeVersion([
        field({
          id: 'kind',
          type: 'select',
          options: [
            { value: 'a', label: text('A') },
            { value: 'a', label: text('A2') },
          ],
        }),
      ]),
      'form.fields.0.options.1.value: Field "kind" lists the option "a" twice',
    ],
    [
      'a file field for a document that is not listed',
      makeVersion([field({ id: 'scan', type: 'file', document: 'passport' })]),
      'form.fields.0.document: File field "scan" uploads document "passport", which is not in the documents list',
    ],
    [
      'two file fields for one document',
      makeVersion(
        [
          field({ id: 'one', type: 'file', document: 'deed' }),
          field({ id: 'two', type: 'file', document: 'deed' }),
        ],
        { documents: [pdfDocument('deed')] },
      ),
      'form.fields.1.document: Document "deed" already has a file field; use one file field per document',
    ],
    [
      'a pattern that is not a regular expression',
      makeVersion([
        field({ id: 'x', type: 'text', pattern: { regex: '[a-', message: text('Sai', 'Wrong') } }),
      ]),
      'form.fields.0.pattern.regex: Field "x" has a pattern that is not a valid regular expression',
    ],
    [
      'a number whose minimum is above its maximum',
      makeVersion([field({ id: 'n', type: 'number', min: 10, max: 1 })]),
      'form.fields.0.min: Field "n" has a minimum above its maximum',
    ],
    [
      'a workflow longer than the processing time',
      makeVersion([choice], {
        processingTime: { value: 1, unit: 'working_days' },
        workflow: { steps: [{ id: 'slow', name: text('Chậm'), role: 'specialist', budgetWorkingHours: 9 }] },
      }),
      'workflow.steps: The workflow steps need 9 working hours, more than the 8 the processing time allows',
    ],
    [
      'a document over 20 MiB',
      makeVersion([choice], { documents: [{ ...pdfDocument('big'), maxSizeBytes: 20 * 1024 * 1024 + 1 }] }),
      'documents.0.maxSizeBytes: Too big: expected number to be <=20971520',
    ],
  ];

  it.each(cases)('%s', (_, version, issue) => {
    expect(issuesOf(version)).toEqual([issue]);
  });

  it('conditions nested too deeply', () => {
    let deep: NonNullable<ProcedureVersion['fees'][number]['showWhen']> = { field: 'kind', equals: 'a' };
    for (let i = 0; i < 6; i++) deep = { not: deep };
    expect(
      issuesOf(
        makeVersion([choice], { fees: [{ id: 'fee', name: text('Phí'), amount: 1, showWhen: deep }] }),
      ),
    ).toEqual(['fees.0.showWhen: Fee "fee" has a condition nested more than 6 levels deep']);
  });

  it('unknown keys, so that a typo in a document is not silently ignored', () => {
    const typo = { ...makeVersion([choice]), onlineLevle: 'full' };
    expect(issuesOf(typo)).toEqual([': Unrecognized key: "onlineLevle"']);
  });
});

describe('online service levels', () => {
  it('maps to the Decree 43/2011 levels officials still quote', () => {
    expect(legacyLevel('full')).toBe(4);
    expect(legacyLevel('partial')).toBe(3);
    expect(describeOnlineLevel('full')).toEqual({ vi: 'Toàn trình (mức độ 4)', en: 'Full online (level 4)' });
    expect(describeOnlineLevel('partial')).toEqual({
      vi: 'Một phần (mức độ 3)',
      en: 'Partly online (level 3)',
    });
  });
});
