import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryMessyAnswers, arbitraryValidAnswers } from '../../test/arbitrary-answers.ts';
import { field, makeVersion, text } from '../../test/procedure-fixtures.ts';
import { requiredDocuments, validateAnswers, visibleFields } from './evaluate-form.ts';
import { computeFees } from './fees.ts';
import { normalisePhone } from './read-answer.ts';
import { starterCatalog } from './starter-catalog.ts';

const today = '2025-07-14';
const procedures = starterCatalog.map((v) => [v.name.en, v] as const);

describe.each(procedures)('%s', (_, version) => {
  it('accepts any answers built from its own field definitions', () => {
    fc.assert(
      fc.property(arbitraryValidAnswers(version, today), (answers) => {
        const result = validateAnswers(version, answers, { today });
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never reports an error for a field it hides', () => {
    fc.assert(
      fc.property(arbitraryMessyAnswers(version, today), (answers) => {
        const shown = new Set(visibleFields(version.form, answers).map((f) => f.id));
        const result = validateAnswers(version, answers, { today });
        const reported = result.ok ? Object.keys(result.values) : result.errors.map((e) => e.field);
        for (const id of reported) expect(shown.has(id), id).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts its own output unchanged', () => {
    fc.assert(
      fc.property(arbitraryValidAnswers(version, today), (answers) => {
        const first = validateAnswers(version, answers, { today });
        if (!first.ok) throw new Error('valid answers were refused');
        expect(validateAnswers(version, first.values, { today })).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('asks for exactly the documents of the file fields it shows', () => {
    fc.assert(
      fc.property(arbitraryMessyAnswers(version, today), (answers) => {
        const uploads = visibleFields(version.form, answers).flatMap((f) =>
          f.type === 'file' ? [f.document] : [],
        );
        expect(requiredDocuments(version, answers).map((d) => d.id)).toEqual(
          version.documents.filter((d) => uploads.includes(d.id)).map((d) => d.id),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('totals its fees as an integer sum of the items', () => {
    fc.assert(
      fc.property(arbitraryValidAnswers(version, today), (answers) => {
        const result = validateAnswers(version, answers, { today });
        if (!result.ok) throw new Error('valid answers were refused');
        const fees = computeFees(version, result.values);
        expect(Number.isSafeInteger(fees.total)).toBe(true);
        expect(fees.total).toBe(fees.items.reduce((sum, item) => sum + item.amount, 0));
      }),
      { numRuns: 100 },
    );
  });
});

describe('computeFees on any fee schedule', () => {
  const gate = field({
    id: 'tier',
    type: 'radio',
    options: ['a', 'b', 'c'].map((value) => ({ value, label: text(value) })),
  });
  const schedule = fc.array(
    fc.record({
      amount: fc.integer({ min: 0, max: 10 ** 12 }),
      tiers: fc.option(fc.subarray(['a', 'b', 'c'], { minLength: 1 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  );

  it('sums exactly the fees whose condition holds', () => {
    fc.assert(
      fc.property(schedule, fc.constantFrom('a', 'b', 'c', undefined), (fees, tier) => {
        const version = makeVersion([gate], {
          fees: fees.map((f, i) => ({
            id: `fee_${i}`,
            name: text(`Phí ${i}`),
            amount: f.amount,
            ...(f.tiers ? { showWhen: { field: 'tier', in: f.tiers } } : {}),
          })),
        });
        const expected = fees.filter((f) => !f.tiers || (tier !== undefined && f.tiers.includes(tier)));
        const breakdown = computeFees(version, tier === undefined ? {} : { tier });
        expect(breakdown.items.map((i) => i.amount)).toEqual(expected.map((f) => f.amount));
        expect(breakdown.total).toBe(expected.reduce((sum, f) => sum + f.amount, 0));
        expect(Number.isInteger(breakdown.total)).toBe(true);
      }),
    );
  });
});

describe('normalisePhone', () => {
  it('gives one stored form for every common spelling of a mobile number', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{8}$/), (first, rest) => {
        const n = `${first}${rest}`;
        const spellings = [
          `0${n}`,
          `+84${n}`,
          `84${n}`,
          `0084${n}`,
          `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
        ];
        for (const spelling of spellings) expect(normalisePhone(spelling)).toBe(`+84${n}`);
      }),
    );
  });

  it('refuses numbers whose first digit after 0 is not a mobile range', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1', '2', '4', '6'), fc.stringMatching(/^\d{8}$/), (first, rest) => {
        expect(normalisePhone(`0${first}${rest}`)).toBeUndefined();
      }),
    );
  });
});
